package dataset

import (
	"fmt"
	"slices"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// tiers checks the process tiers: an organ in a huvudprocess has the main_process tier and
// a stödjande process the support_process tier, and every reporting line a reporting rule
// demands of an organ of its tier is stated by a reports_to relation. The problem is
// reported at the organ, naming the rule, so that a missing line is found where it is
// missing.
func (c *checker) tiers() {
	where := func(o organAt, field string) (*File, string) {
		return c.files[o.file], fmt.Sprintf("organs[%d].%s", o.elem, field)
	}
	for _, o := range c.organs {
		p, ok := c.processes[o.process]
		if !ok {
			continue
		}
		want := map[string]string{"main": graph.TierMainProcess, "support": graph.TierSupportProcess}[p.Kind]
		if o.tier != "" && o.tier != graph.TierManagement && o.tier != want {
			f, path := where(o, "tier")
			c.add(f, path, "tier %s does not fit process %s, a %s process (tier %s)", o.tier, p.ID, p.Kind, want)
		}
	}
	for _, ra := range c.rules {
		rule, rf := ra.rule, c.files[ra.file]
		for _, o := range c.organs {
			if o.tier != rule.Tier || o.organisation != rule.Organisation {
				continue
			}
			var targets []string
			if rule.ToProcessOwner {
				p, ok := c.processes[o.process]
				switch {
				case !ok:
					f, path := where(o, "process")
					c.add(f, path, "reporting rule %s sends tier %s groups to their process owner; give the organ's process", rule.ID, rule.Tier)
				case p.Owner == "":
					f, path := where(o, "process")
					c.add(f, path, "reporting rule %s sends tier %s groups to their process owner; process %s names no owner", rule.ID, rule.Tier, p.ID)
				default:
					targets = append(targets, p.Owner)
				}
			}
			if rule.ToTier != "" {
				for _, t := range c.organs {
					if t.tier == rule.ToTier && t.organisation == rule.Organisation && t.id != o.id {
						targets = append(targets, t.id)
					}
				}
			}
			targets = append(targets, rule.To...)
			var missing []string
			for _, t := range targets {
				if t != o.id && !c.reports[[2]string{o.id, t}] && !slices.Contains(missing, t) {
					missing = append(missing, t)
				}
			}
			if len(missing) > 0 {
				f, path := where(o, "tier")
				c.add(f, path, "reporting rule %s (%s:%d): a tier %s group reports to %s, but no reports_to relation from %s states it",
					rule.ID, rf.Name, ruleLine(rf, rule.ID), rule.Tier, strings.Join(missing, ", "), o.id)
			}
		}
	}
}

func ruleLine(f *File, id string) int {
	for i, r := range f.Data.ReportingRules {
		if r.ID == id {
			line, _ := f.Position(fmt.Sprintf("reporting_rules[%d]", i))
			return line
		}
	}
	return 0
}
