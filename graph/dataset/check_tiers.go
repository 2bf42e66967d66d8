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
func (c *checker) tiers(files []*File, idx map[string]Item) {
	type organAt struct {
		organ graph.Organ
		f     *File
		path  string
	}
	var organs []organAt
	reports := map[[2]string]bool{}
	for _, f := range files {
		for i, o := range f.Data.Organs {
			organs = append(organs, organAt{o, f, fmt.Sprintf("organs[%d]", i)})
		}
		for _, r := range f.Data.Relations {
			if r.Kind == graph.RelReportsTo {
				reports[[2]string{r.From, r.To}] = true
			}
		}
	}
	process := func(id string) (graph.Process, bool) {
		it, ok := idx[id]
		if !ok {
			return graph.Process{}, false
		}
		p, ok := it.Value.Interface().(graph.Process)
		return p, ok
	}
	for _, o := range organs {
		p, ok := process(o.organ.Process)
		if !ok {
			continue
		}
		want := map[string]string{"main": graph.TierMainProcess, "support": graph.TierSupportProcess}[p.Kind]
		if o.organ.Tier != "" && o.organ.Tier != graph.TierManagement && o.organ.Tier != want {
			c.add(o.f, o.path+".tier", "tier %s does not fit process %s, a %s process (tier %s)", o.organ.Tier, p.ID, p.Kind, want)
		}
	}
	for _, f := range files {
		for _, rule := range f.Data.ReportingRules {
			for _, o := range organs {
				if o.organ.Tier != rule.Tier || o.organ.Organisation != rule.Organisation {
					continue
				}
				var targets []string
				if rule.ToProcessOwner {
					p, ok := process(o.organ.Process)
					switch {
					case !ok:
						c.add(o.f, o.path+".process", "reporting rule %s sends tier %s groups to their process owner; give the organ's process", rule.ID, rule.Tier)
					case p.Owner == "":
						c.add(o.f, o.path+".process", "reporting rule %s sends tier %s groups to their process owner; process %s names no owner", rule.ID, rule.Tier, p.ID)
					default:
						targets = append(targets, p.Owner)
					}
				}
				if rule.ToTier != "" {
					for _, t := range organs {
						if t.organ.Tier == rule.ToTier && t.organ.Organisation == rule.Organisation && t.organ.ID != o.organ.ID {
							targets = append(targets, t.organ.ID)
						}
					}
				}
				targets = append(targets, rule.To...)
				var missing []string
				for _, t := range targets {
					if t != o.organ.ID && !reports[[2]string{o.organ.ID, t}] && !slices.Contains(missing, t) {
						missing = append(missing, t)
					}
				}
				if len(missing) > 0 {
					c.add(o.f, o.path+".tier", "reporting rule %s (%s:%d): a tier %s group reports to %s, but no reports_to relation from %s states it",
						rule.ID, f.Name, ruleLine(f, rule.ID), rule.Tier, strings.Join(missing, ", "), o.organ.ID)
				}
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
