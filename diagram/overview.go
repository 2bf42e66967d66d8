package diagram

import (
	"cmp"
	"slices"
	"sort"
	"strconv"

	"github.com/styrgraf/styrgraf/graph"
)

// band is a horizontal band of an organisation overview, from the top.
type band int

const (
	bandAssembly       band = iota // fullmäktige, alone on the top rank
	bandBoards                     // what fullmäktige appoints: styrelse, nämnder, revision, krisledningsnämnd
	bandCommittees                 // utskott, presidier, politiska styrgrupper: under their styrelse or nämnd
	bandAdministration             // förvaltningar: under the nämnd they serve
	bandUnits                      // avdelningar: under their förvaltning
	bandOwned                      // bolag, stiftelser, kommunalförbund: a band of their own, reached by uppsikt
	bandCollaboration              // groups, councils, forums: below the organisation they serve
)

// kindBands places the organ kinds that have a fixed place in the chart; every other kind
// goes by its category (bandOf).
var kindBands = map[string]band{
	"fullmaktige":        bandAssembly,
	"styrelse":           bandBoards,
	"namnd":              bandBoards,
	"gemensam_namnd":     bandBoards,
	"krisledningsnamnd":  bandBoards,
	"revision":           bandBoards,
	"utskott":            bandCommittees,
	"presidium":          bandCommittees,
	"politisk_styrgrupp": bandCommittees,
	"forvaltning":        bandAdministration,
	"avdelning":          bandUnits,
	"bolag":              bandOwned,
	"stiftelse":          bandOwned,
	"kommunalforbund":    bandOwned,
}

// bandOf is the band of an organ of the given kind and category. An unknown political kind
// counts as a board, an unknown administrative one as a förvaltning; what is not known to be
// political, administrative or owned is drawn with the collaboration groups, never among the
// political ranks.
func bandOf(kind, category string) band {
	if b, ok := kindBands[kind]; ok {
		return b
	}
	switch category {
	case graph.CategoryPolitical:
		return bandBoards
	case graph.CategoryAdministrative:
		return bandAdministration
	case graph.CategoryCompany, graph.CategoryFoundation, graph.CategoryFederation:
		return bandOwned
	}
	return bandCollaboration
}

// rowGroup is the group of rows a band is drawn in.
func (b band) rowGroup() int { return int(b) }

// anchorRule: an organ of some band hangs under the other end of a relationship of type typ
// (from the organ, or to it when reverse) if that end is in one of the bands.
type anchorRule struct {
	typ     string
	reverse bool
	bands   []band
}

var (
	political  = []band{bandBoards, bandCommittees}
	boardsOnly = []band{bandBoards}
)

// anchorRules, in order of preference: which relations put an organ under another. Only
// these shape the chart; every other relation is drawn without moving anything.
var anchorRules = map[band][]anchorRule{
	bandBoards: {{"PART_OF", false, boardsOnly}},
	bandCommittees: {{"PART_OF", false, political}, {"REPORTS_TO", false, political},
		{"PREPARES_FOR", false, political}, {"MEMBER_OF", true, political}},
	// The owned band hangs under nothing: under the styrelse that has uppsikt it would
	// widen the styrelse's subtree, which already holds the utskott. The uppsikt is drawn.
	bandOwned: nil,
	bandAdministration: {{"PART_OF", false, boardsOnly}, {"SUPPORTS", false, boardsOnly}, {"REPORTS_TO", false, boardsOnly},
		{"PREPARES_FOR", false, boardsOnly}, {"PART_OF", false, political}, {"SUPPORTS", false, political},
		{"REPORTS_TO", false, political}, {"PREPARES_FOR", false, political}},
	bandUnits: {{"PART_OF", false, []band{bandAdministration, bandUnits}}},
	// Groups hang under the group they are part of or report to; preparing for a group
	// (beredning) is drawn but does not stack them, which would make the band as deep as
	// the longest chain of beredning.
	bandCollaboration: {{"PART_OF", false, []band{bandCollaboration}}, {"REPORTS_TO", false, []band{bandCollaboration}}},
}

// rel is one relationship between two drawn items.
type rel struct{ typ, from, to string }

// chart is the layout of an organisation overview: each organ's band, anchor and rank.
type chart struct {
	organs []graph.SubtreeOrgan // sorted by band, then CompareOrgans
	byID   map[string]*graph.SubtreeOrgan
	pos    map[string]int // index in organs
	band   map[string]band
	anchor map[string]string // organ → the organ it hangs under ("" for none)
	rank   map[string]int
	ranks  int // number of ranks
}

// layout assigns bands, anchors and ranks. rels are all relations among the organs (seats
// already folded into their organs), whatever the diagram draws, so that the layout does not
// move when relations are switched on or off.
func layout(organs []graph.SubtreeOrgan, rels []rel, fan int) *chart {
	c := &chart{byID: map[string]*graph.SubtreeOrgan{}, pos: map[string]int{}, band: map[string]band{}, anchor: map[string]string{}, rank: map[string]int{}}
	for _, o := range organs {
		c.band[o.ID] = bandOf(o.Kind, o.Category)
	}
	c.organs = append([]graph.SubtreeOrgan(nil), organs...)
	slices.SortStableFunc(c.organs, func(x, y graph.SubtreeOrgan) int {
		return cmp.Or(cmp.Compare(c.band[x.ID], c.band[y.ID]), graph.CompareOrgans(x, y))
	})
	for i := range c.organs {
		c.byID[c.organs[i].ID] = &c.organs[i]
		c.pos[c.organs[i].ID] = i
	}
	c.anchors(rels)
	depth := c.depths()
	offset := c.stagger(depth, fan)

	// Each row group starts below the deepest row of the groups above it.
	height := map[int]int{}
	for _, o := range c.organs {
		g := c.band[o.ID].rowGroup()
		height[g] = max(height[g], depth[o.ID]+offset[o.ID]+1)
	}
	base := map[int]int{}
	next := 0
	for g := 0; g <= bandCollaboration.rowGroup(); g++ {
		base[g] = next
		next += height[g]
	}
	c.ranks = next
	for _, o := range c.organs {
		c.rank[o.ID] = base[c.band[o.ID].rowGroup()] + depth[o.ID] + offset[o.ID]
	}
	return c
}

// anchors picks each organ's anchor by the first rule of its band that a relation meets;
// among several candidates of one rule the first in chart order.
func (c *chart) anchors(rels []rel) {
	for _, o := range c.organs {
		for _, r := range anchorRules[c.band[o.ID]] {
			if p := c.candidate(o.ID, r, rels); p != "" {
				c.anchor[o.ID] = p
				break
			}
		}
	}
}

func (c *chart) candidate(id string, r anchorRule, rels []rel) string {
	best := ""
	bestIdx := -1
	for _, e := range rels {
		if e.typ != r.typ {
			continue
		}
		other := ""
		switch {
		case !r.reverse && e.from == id:
			other = e.to
		case r.reverse && e.to == id:
			other = e.from
		}
		if other == "" || other == id || c.byID[other] == nil || !slices.Contains(r.bands, c.band[other]) {
			continue
		}
		idx := c.index(other)
		if bestIdx < 0 || idx < bestIdx {
			best, bestIdx = other, idx
		}
	}
	return best
}

func (c *chart) index(id string) int {
	if i, ok := c.pos[id]; ok {
		return i
	}
	return -1
}

// depths is each organ's row within its row group: 0 unless its anchor is in the same group,
// then one below the anchor. An anchor chain that comes back to itself is cut where it
// closes (that organ keeps its anchor's edge but not its depth).
func (c *chart) depths() map[string]int {
	depth := map[string]int{}
	var visit func(id string, seen map[string]bool) int
	visit = func(id string, seen map[string]bool) int {
		if d, ok := depth[id]; ok {
			return d
		}
		p := c.anchor[id]
		d := 0
		if p != "" && c.band[p].rowGroup() == c.band[id].rowGroup() && !seen[p] {
			seen[id] = true
			d = visit(p, seen) + 1
		}
		depth[id] = d
		return d
	}
	for _, o := range c.organs {
		visit(o.ID, map[string]bool{})
	}
	return depth
}

// stagger applies the fan-out rule (package doc) to the leaves under each anchor, and to the
// collaboration groups that hang under nothing: the i-th of n leaves moves down
// floor(i*rows/n) rows. It returns each organ's extra rows.
func (c *chart) stagger(depth map[string]int, fan int) map[string]int {
	children := map[string][]string{}
	hasChildren := map[string]bool{}
	for _, o := range c.organs {
		p := c.anchor[o.ID]
		if p != "" {
			hasChildren[p] = true
		}
		if p == "" && c.band[o.ID] != bandCollaboration {
			continue // boards, förvaltningar without a nämnd and the like keep one row
		}
		key := p + "\x00" + strconv.Itoa(int(c.band[o.ID]))
		children[key] = append(children[key], o.ID)
	}
	offset := map[string]int{}
	keys := make([]string, 0, len(children))
	for k := range children {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var leaves []string
		for _, id := range children[k] {
			if !hasChildren[id] {
				leaves = append(leaves, id)
			}
		}
		if n := len(leaves); n > fan {
			rows := (n + fan - 1) / fan
			for i, id := range leaves {
				offset[id] = i * rows / n
			}
		}
	}
	return offset
}
