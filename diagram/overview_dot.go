package diagram

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// hiddenByDefault are the relations an organisation overview leaves out unless asked for
// (Options.Relations): they say who fills or sets up an organ, not how it is governed, and
// run across the whole chart.
var hiddenByDefault = map[string]bool{"EX_OFFICIO": true, "APPOINTS": true, "ESTABLISHES": true,
	// Secondary lines of working (stämma av, företräda, följa upp, avveckla): shown when asked
	// for, and in organ diagrams; drawn by default they stack labels that push an overview
	// off an A4 page.
	"CONSULTS": true, "REPRESENTS": true, "FOLLOWS_UP": true, "DISSOLVES": true}

// RelationKinds are the relation kinds Options.Relations may name, lower case as in a
// dataset: the relation_kind vocabulary, part_of and ex_officio.
func RelationKinds() []string {
	var out []string
	for _, t := range edgeTypes {
		if t != "SEAT_OF" {
			out = append(out, strings.ToLower(t))
		}
	}
	return out
}

// ParseRelations reads a relations= value: relation kinds separated by commas, "all" for
// every kind, or "default" (also the empty string) for the overview's default. Unknown
// kinds are EINVALID.
func ParseRelations(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "default" {
		return nil, nil
	}
	if s == "all" {
		out := []string{}
		for _, k := range RelationKinds() {
			out = append(out, strings.ToUpper(k))
		}
		return out, nil
	}
	out := []string{}
	for _, k := range strings.Split(s, ",") {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		if !slices.Contains(RelationKinds(), k) {
			return nil, graph.Errorf(graph.EINVALID, "relations: unknown relation kind %q; use all, default or some of %s",
				k, strings.Join(RelationKinds(), ", "))
		}
		if t := strings.ToUpper(k); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

func (o Options) draws(typ string) bool {
	if o.Relations == nil {
		return !hiddenByDefault[typ]
	}
	return slices.Contains(o.Relations, typ)
}

// overview is one organisation overview being written.
type overview struct {
	t       graph.Subtree
	opts    Options
	c       *chart
	w       *dotWriter // ids
	b       builder
	seats   map[string][]graph.Seat // organ → its seats, sorted
	seatOf  map[string]string       // seat → organ
	isOrgan map[string]bool         // the organs drawn
	rels    []rel                   // relations among the drawn items (relations)
	orgName string                  // the organisation drawn, for marking joint organs of others
	cats    map[string]bool         // categories drawn, for the legend
	types   []string                // relationship types drawn, for the legend
	// presidia are the presidier drawn as a line in their organ's box (organ → presidier).
	presidia map[string][]graph.SubtreeOrgan
	// selection is what a narrowing (band=, under=) keeps, in Swedish; "" for everything.
	selection string
}

// OrganisationDOT draws every organ of an organisation (t as OrganisationGraph answers it,
// Root the organisation's id) as an organisation overview by the Swedish org-chart
// convention: see the package doc.
func OrganisationDOT(t graph.Subtree, opts Options) ([]byte, error) {
	v, err := newOverview(t, opts)
	if err != nil {
		return nil, err
	}
	return v.write(), nil
}

// newOverview lays out an overview of t: seats sorted and counted against the limit,
// relations gathered, bands, anchors and ranks assigned, DOT ids given out.
func newOverview(t graph.Subtree, opts Options) (*overview, error) {
	selection := ""
	if opts.narrowed() {
		var err error
		if t, selection, err = narrow(t, opts); err != nil {
			return nil, err
		}
	}
	v := &overview{t: t, opts: opts, w: newWriter(), seats: map[string][]graph.Seat{}, seatOf: map[string]string{},
		isOrgan: map[string]bool{}, cats: map[string]bool{}, selection: selection}
	organs := v.foldPresidia(uniqueOrgans(t.Organs))
	for _, o := range organs {
		v.isOrgan[o.ID] = true
	}
	nodes := len(organs)
	for _, o := range organs {
		list := append([]graph.Seat(nil), o.Seats...)
		sort.SliceStable(list, func(i, j int) bool { return seatLess(list[i], list[j]) })
		for _, s := range list {
			if _, dup := v.seatOf[s.ID]; dup {
				continue
			}
			v.seatOf[s.ID] = o.ID
			v.seats[o.ID] = append(v.seats[o.ID], s)
			if opts.AllSeats {
				nodes++
			}
		}
	}
	if limit := opts.maxNodes(); nodes > limit {
		return nil, tooLarge(nodes, limit, "draw a part of it (band=politik, forvaltning, bolag or samverkan; under=ORGAN for an organ and what hangs under it), fold the seats (seats=summary), or choose another date")
	}
	v.orgName = cmp0(t.Name, commonOrganisation(organs))
	v.rels = v.relations()
	v.c = layout(organs, v.folded(), opts.overviewFanOut())
	for _, o := range v.c.organs {
		v.w.id("o_", o.ID)
	}
	for _, o := range v.c.organs {
		for _, s := range v.seats[o.ID] {
			v.w.id("s_", s.ID)
		}
	}
	return v, nil
}

// foldPresidia takes each presidium whose organ is drawn out of the organs and into that
// organ's box, as an organisation chart does: a presidium is part of its nämnd or styrelse's
// working, and a box of its own for each would widen the committees' row beyond A4. With
// every seat drawn (seats=all) presidier keep their own boxes.
func (v *overview) foldPresidia(organs []graph.SubtreeOrgan) []graph.SubtreeOrgan {
	v.presidia = map[string][]graph.SubtreeOrgan{}
	if v.opts.AllSeats {
		return organs
	}
	drawn := map[string]bool{}
	for _, o := range organs {
		drawn[o.ID] = true
	}
	var out []graph.SubtreeOrgan
	for _, o := range organs {
		if o.Kind == "presidium" && o.Parent != "" && drawn[o.Parent] {
			v.presidia[o.Parent] = append(v.presidia[o.Parent], o)
			continue
		}
		out = append(out, o)
	}
	return out
}

// DefaultOverviewFanOut is how many leaves under one organ an overview puts on one row.
const DefaultOverviewFanOut = 4

func (o Options) overviewFanOut() int {
	if o.FanOut > 0 {
		return o.FanOut
	}
	return DefaultOverviewFanOut
}

func cmp0(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func uniqueOrgans(in []graph.SubtreeOrgan) []graph.SubtreeOrgan {
	organs := append([]graph.SubtreeOrgan(nil), in...)
	slices.SortStableFunc(organs, graph.CompareOrgans)
	seen := map[string]bool{}
	var out []graph.SubtreeOrgan
	for _, o := range organs {
		if !seen[o.ID] {
			seen[o.ID] = true
			out = append(out, o)
		}
	}
	return out
}

// commonOrganisation is the organisation most organs belong to (ties: the first by name).
func commonOrganisation(organs []graph.SubtreeOrgan) string {
	n := map[string]int{}
	best := ""
	for _, o := range organs {
		n[o.Organisation]++
	}
	for name, k := range n {
		if name != "" && (k > n[best] || k == n[best] && name < best) {
			best = name
		}
	}
	return best
}

// relations are the answer's relations plus PART_OF from each organ's parent, each once,
// with both ends drawn, in a fixed order.
func (v *overview) relations() []rel {
	seen := map[rel]bool{}
	var out []rel
	add := func(r rel) {
		if seen[r] || !v.known(r.from) || !v.known(r.to) {
			return
		}
		seen[r] = true
		out = append(out, r)
	}
	for _, e := range v.t.Edges {
		add(rel{e.Type, e.From, e.To})
	}
	for _, o := range v.t.Organs {
		if o.Parent != "" {
			add(rel{"PART_OF", o.ID, o.Parent})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		return x.typ < y.typ || x.typ == y.typ && (x.from < y.from || x.from == y.from && x.to < y.to)
	})
	return out
}

func (v *overview) known(id string) bool {
	_, seat := v.seatOf[id]
	return seat || v.isOrgan[id]
}

// organOf is the organ an item stands for when seats are folded into their organs.
func (v *overview) organOf(id string) string {
	if o, ok := v.seatOf[id]; ok {
		return o
	}
	return id
}

// folded are the relations between organs, each seat standing for its organ; relations
// within one organ (a seat ex officio of another seat of the same organ) drop out.
func (v *overview) folded() []rel {
	seen := map[rel]bool{}
	var out []rel
	for _, r := range v.rels {
		f := rel{r.typ, v.organOf(r.from), v.organOf(r.to)}
		if f.from != f.to && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// rankOf is an organ's rank in the DOT: with every seat drawn, each organ rank is followed
// by a rank for its seats; without a fullmäktige, the header takes a rank of its own first.
func (v *overview) rankOf(organ string) int {
	r := v.c.rank[organ]
	if v.opts.AllSeats {
		r *= 2
	}
	return r + v.headerRank()
}

// headerRank is 1 when the header needs a rank of its own (no fullmäktige on the top rank).
func (v *overview) headerRank() int {
	if slices.ContainsFunc(v.c.organs, func(o graph.SubtreeOrgan) bool { return v.c.band[o.ID] == bandAssembly }) {
		return 0
	}
	return 1
}

func (v *overview) write() []byte {
	b := &v.b
	b.begin()
	b.defaults("graph", attrOf("charset", "UTF-8"), attrOf("newrank", "true"), attrOf("rankdir", "TB"),
		attrOf("fontname", "Helvetica"), attrOf("nodesep", "0.1"), attrOf("ranksep", "0.22"),
		attrOf("outputorder", "edgesfirst"), attrOf("pad", "0.15"))
	b.defaults("node", attrOf("fontname", "Helvetica"), attrOf("fontsize", "10"), attrOf("shape", "box"),
		attrOf("style", "rounded,filled"), attrOf("fillcolor", otherFill), attrOf("color", "#424242"), attrOf("margin", "0.06,0.03"))
	b.defaults("edge", attrOf("fontname", "Helvetica"), attrOf("fontsize", "8.5"), attrOf("arrowsize", "0.7"))

	v.organNodes()
	edges := v.edges()
	v.seatEdges()
	for _, e := range edges {
		v.writeEdge(e)
	}
	v.ranks(v.header())
	return b.end()
}

// organNodes writes the organs: the political and administrative chart loose, the owned
// band and the collaboration band each in a cluster of its own.
func (v *overview) organNodes() {
	clusters := []struct {
		band  band
		id    string
		label string
	}{
		{bandOwned, "cluster_owned", v.ownedLabel()},
		{bandCollaboration, "cluster_collaboration", "Samverkan, grupper och råd"},
	}
	for _, o := range v.c.organs {
		if bd := v.c.band[o.ID]; bd != bandOwned && bd != bandCollaboration {
			v.organ(o)
		}
	}
	for _, cl := range clusters {
		var in []graph.SubtreeOrgan
		for _, o := range v.c.organs {
			if v.c.band[o.ID] == cl.band {
				in = append(in, o)
			}
		}
		if len(in) == 0 {
			continue
		}
		v.b.subgraph(cl.id, attrOf("label", cl.label), attrOf("fontsize", "10"), attrOf("labeljust", "l"),
			attrOf("style", "rounded,dashed"), attrOf("color", "#9e9e9e"))
		for _, o := range in {
			v.organ(o)
		}
		v.b.closeSub()
	}
}

// ownedLabel names the owned band by what it holds.
func (v *overview) ownedLabel() string {
	var kinds []string
	for _, c := range []struct{ cat, name string }{{graph.CategoryCompany, "bolag"}, {graph.CategoryFoundation, "stiftelser"}, {graph.CategoryFederation, "kommunalförbund"}} {
		if slices.ContainsFunc(v.c.organs, func(o graph.SubtreeOrgan) bool {
			return v.c.band[o.ID] == bandOwned && o.Category == c.cat
		}) {
			kinds = append(kinds, c.name)
		}
	}
	if len(kinds) == 0 {
		return "Bolag och stiftelser"
	}
	s := strings.Join(kinds, ", ")
	if i := strings.LastIndex(s, ", "); i >= 0 {
		s = s[:i] + " och " + s[i+2:]
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// organ writes one organ box: its name, a joint organ's own organisation, and (seats
// folded) its chair and a seat summary; with every seat drawn, its seats as notes too.
func (v *overview) organ(o graph.SubtreeOrgan) {
	fill, ok := categoryFill[o.Category]
	if ok {
		v.cats[o.Category] = true
	} else {
		fill = otherFill
	}
	name := cmp0(o.Name, o.ID)
	title := wrap(name, 22)
	if o.ShortName != "" && o.ShortName != name {
		title += "\n(" + o.ShortName + ")"
	}
	label := "<B>" + htmlLines(strings.Split(title, "\n")) + "</B>"
	var small []string
	if o.Organisation != "" && o.Organisation != v.orgName {
		small = append(small, wrap(o.Organisation, 30))
	}
	if !v.opts.AllSeats {
		small = append(small, v.seatSummary(o)...)
	}
	if len(small) > 0 {
		var lines []string
		for _, s := range small {
			lines = append(lines, strings.Split(s, "\n")...)
		}
		label += `<BR/><FONT POINT-SIZE="9">` + htmlLines(lines) + "</FONT>"
	}
	as := []dotAttr{htmlAttr("label", label), attrOf("fillcolor", fill), attrOf("id", "organ-"+o.ID)}
	tooltip := name
	if k, ok := graph.OrganKindOf(o.Kind); ok {
		tooltip += " – " + k.Swedish
	}
	as = append(as, attrOf("tooltip", tooltip), attrOf("URL", "/organ/"+o.ID), attrOf("target", "_top"))
	v.b.node(v.w.ids[o.ID], as...)
	if v.opts.AllSeats {
		for _, s := range v.seats[o.ID] {
			v.seatNote(s)
		}
	}
}

// seatNote is a seat drawn on its own (seats=all), as in the organ diagrams.
func (v *overview) seatNote(s graph.Seat) {
	lines := []string{wrap(cmp0(s.Title, s.ID), 24), holderLines(s.Holders)}
	style, fill := "filled", "#ffffff"
	if s.Vacant() {
		style, fill = "filled,dashed", "#f5f5f5"
	}
	as := []dotAttr{attrOf("label", strings.Join(lines, "\n")), attrOf("shape", "note"), attrOf("style", style),
		attrOf("fillcolor", fill), attrOf("fontsize", "8.5"), attrOf("id", "seat-"+s.ID)}
	if s.ExOfficio != nil {
		as = append(as, attrOf("tooltip", "ex officio: "+s.ExOfficio.Name))
	}
	v.b.node(v.w.ids[s.ID], as...)
}

// chairKinds are the seats whose holder an organ box names, in order of preference, with
// the word the box uses.
var chairKinds = []graph.Term{{Value: "chair", Swedish: "Ordförande"}, {Value: "convener", Swedish: "Sammankallande"}}

// seatSummary is the folded seats of an organ: its chair and how many places it has and how
// many of them have no recorded holder. A place without a holder is "ej registrerad": the
// diagram cannot tell a vacancy from a gap in the data (the seats question can).
func (v *overview) seatSummary(o graph.SubtreeOrgan) []string {
	seats := v.seats[o.ID]
	if len(seats) == 0 {
		return nil
	}
	var out []string
	for _, k := range chairKinds {
		i := slices.IndexFunc(seats, func(s graph.Seat) bool { return s.Kind == k.Value })
		if i >= 0 {
			out = append(out, wrap(k.Swedish+": "+v.holderText(seats[i], k.Swedish), 30))
			break
		}
	}
	places, unrecorded := 0, 0
	for _, s := range seats {
		p := max(1, s.MaxHolders, len(s.Holders))
		places += p
		unrecorded += p - min(p, len(s.Holders))
	}
	sum := plural(places, "plats", "platser")
	if unrecorded > 0 {
		sum += ", " + plural(unrecorded, "ej registrerad", "ej registrerade")
	}
	return append(out, sum)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// holderText names who holds a seat: the post it follows ex officio, its holders, or
// "ej registrerad". A post ex officio titled like the seat itself (the styrelse's
// Ordförande chairing its utskott) is named with its organ.
func (v *overview) holderText(s graph.Seat, word string) string {
	if s.ExOfficio != nil {
		src := cmp0(s.ExOfficio.Name, s.ExOfficio.ID)
		if strings.EqualFold(src, word) {
			if org := v.c.byID[v.seatOf[s.ExOfficio.ID]]; org != nil {
				src += " i " + cmp0(org.ShortName, org.Name)
			}
		}
		return src + " (ex\u00a0officio)" // no break inside "ex officio"
	}
	if len(s.Holders) == 0 {
		return "ej registrerad"
	}
	names := make([]string, 0, len(s.Holders))
	for _, h := range s.Holders {
		names = append(names, h.Name)
	}
	sort.Strings(names)
	if len(names) > 2 {
		names = append(names[:2], fmt.Sprintf("+ %d till", len(names)-2))
	}
	return strings.Join(names, ", ")
}

// mergedEdge is every drawn relation between one pair of items, drawn as one edge.
type mergedEdge struct {
	a, b   string   // item ids: a is the end that comes first in chart order
	kinds  []string // relationship types, in legend order
	fwd    []bool   // per kind: the relation runs from a to b
	shapes bool     // the edge is the anchor of its lower end: it shapes the ranks
	minlen int
}

// edges merges the drawn relations per pair of items and marks the anchor edges; an anchor
// that no drawn relation joins gets an invisible edge, so that the chart keeps its shape
// whichever relations are drawn.
func (v *overview) edges() []*mergedEdge {
	byPair := map[[2]string]*mergedEdge{}
	var out []*mergedEdge
	// pair returns the merged edge between a and b, ordered by chart position, and whether
	// a is its first end.
	pair := func(a, b string) (*mergedEdge, bool) {
		x, y := a, b
		if v.order(y) < v.order(x) {
			x, y = y, x
		}
		e := byPair[[2]string{x, y}]
		if e == nil {
			e = &mergedEdge{a: x, b: y}
			byPair[[2]string{x, y}] = e
			out = append(out, e)
		}
		return e, a == x
	}
	for _, r := range v.rels {
		if !v.opts.draws(r.typ) {
			continue
		}
		from, to := r.from, r.to
		if !v.opts.AllSeats {
			from, to = v.organOf(from), v.organOf(to)
		}
		if from == to {
			continue
		}
		e, fwd := pair(from, to)
		if i := slices.Index(e.kinds, r.typ); i >= 0 && e.fwd[i] == fwd {
			continue
		}
		e.kinds = append(e.kinds, r.typ)
		e.fwd = append(e.fwd, fwd)
	}
	for _, o := range v.c.organs {
		p := v.c.anchor[o.ID]
		if p == "" {
			continue
		}
		e, _ := pair(p, o.ID)
		e.shapes, e.minlen = true, v.rankOf(o.ID)-v.rankOf(p)
	}
	for _, e := range out {
		sortKinds(e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return v.order(out[i].a) < v.order(out[j].a) || v.order(out[i].a) == v.order(out[j].a) && v.order(out[i].b) < v.order(out[j].b)
	})
	return out
}

func sortKinds(e *mergedEdge) {
	idx := make([]int, len(e.kinds))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return slices.Index(edgeTypes, e.kinds[idx[i]]) < slices.Index(edgeTypes, e.kinds[idx[j]])
	})
	kinds, fwd := make([]string, len(idx)), make([]bool, len(idx))
	for i, k := range idx {
		kinds[i], fwd[i] = e.kinds[k], e.fwd[k]
	}
	e.kinds, e.fwd = kinds, fwd
}

// order is an item's place in the chart: organs in chart order, each seat right after its
// organ.
func (v *overview) order(id string) int {
	if o, ok := v.seatOf[id]; ok && v.opts.AllSeats {
		return 2*v.c.index(o) + 1
	}
	return 2 * v.c.index(v.organOf(id))
}

// writeEdge draws a merged edge in the style of its first kind. An anchor edge is written
// from the upper end to the lower one (arrowheads turned to keep pointing the relation's
// way) and shapes the ranks; every other edge leaves them alone. Kinds in both directions
// give arrowheads at both ends; more than one kind is labelled.
func (v *overview) writeEdge(e *mergedEdge) {
	from, to := v.w.ids[e.a], v.w.ids[e.b]
	if len(e.kinds) == 0 {
		// An anchor no drawn relation joins: invisible, from the anchor down.
		if v.rankOf(e.a) > v.rankOf(e.b) {
			from, to = to, from
		}
		v.b.edge(from, to, attrOf("style", "invis"), attrOf("minlen", strconv.Itoa(e.minlen)))
		return
	}
	for _, k := range e.kinds {
		if !slices.Contains(v.types, k) {
			v.types = append(v.types, k)
		}
	}
	st := styleOf(e.kinds[0])
	as := slices.Clone(st.attrs)
	// Kinds in both directions put heads at both ends; samverkar med has no direction.
	both := false
	for i, k := range e.kinds {
		both = both || (k != "COLLABORATES_WITH" && e.fwd[i] != e.fwd[0])
	}
	forward := e.fwd[0]
	if e.shapes {
		// a is the upper end when a shaping edge is written a -> b.
		if v.rankOf(e.a) > v.rankOf(e.b) {
			from, to, forward = to, from, !forward
		}
	} else if !forward {
		from, to, forward = to, from, true
	}
	switch {
	case both:
		as = append(as, attrOf("dir", "both"))
		if !hasKey(as, "arrowtail") {
			as = append(as, attrOf("arrowtail", arrowOf(as)))
		}
	case !forward:
		as = append(flipArrow(as), attrOf("dir", "back"))
	}
	if e.shapes {
		as = append(as, attrOf("minlen", strconv.Itoa(e.minlen)), attrOf("weight", "3"))
	} else {
		// weight 0: nor does it pull its ends together sideways; only anchors place organs.
		as = append(as, attrOf("constraint", "false"), attrOf("weight", "0"))
	}
	if len(e.kinds) > 1 {
		var names []string
		for _, k := range e.kinds {
			names = append(names, shortName(k))
		}
		// xlabel: placed after the layout, so a label never widens a rank.
		as = append(as, attrOf("xlabel", strings.Join(names, "\n")), attrOf("fontcolor", "#424242"))
	}
	v.b.edge(from, to, as...)
}

// shortName is a relation's legend name up to its first comma: "biträder" for "biträder,
// stödjer", short enough for an edge label.
func shortName(typ string) string {
	name, _, _ := strings.Cut(styleOf(typ).legend, ",")
	name, _, _ = strings.Cut(name, " (")
	return name
}

func hasKey(as []dotAttr, key string) bool {
	return slices.ContainsFunc(as, func(x dotAttr) bool { return x.key == key })
}

func arrowOf(as []dotAttr) string {
	for _, x := range as {
		if x.key == "arrowhead" {
			return x.val
		}
	}
	return "normal"
}

// seatEdges hangs each seat (seats=all) under its organ.
func (v *overview) seatEdges() {
	if !v.opts.AllSeats {
		return
	}
	for _, o := range v.c.organs {
		for _, s := range v.seats[o.ID] {
			v.b.edge(v.w.ids[o.ID], v.w.ids[s.ID], attrOf("color", "#9e9e9e"), attrOf("arrowhead", "none"), attrOf("weight", "4"))
		}
	}
}

// ranks pins every organ (and seat) to its rank: one invisible node per rank, chained top
// to bottom, shares its rank with the items there, so that bands stay in order even where no
// relation joins them. The header nodes go on the top rank, left and right of what is there.
func (v *overview) ranks(header []string) {
	n := v.c.ranks
	if v.opts.AllSeats {
		n *= 2
	}
	n += v.headerRank()
	at := make([][]string, max(n, 1))
	for _, o := range v.c.organs {
		r := v.rankOf(o.ID)
		at[r] = append(at[r], v.w.ids[o.ID])
		if v.opts.AllSeats {
			for _, s := range v.seats[o.ID] {
				at[r+1] = append(at[r+1], v.w.ids[s.ID])
			}
		}
	}
	top := append([]string{header[0]}, at[0]...)
	top = append(top, header[1:]...)
	for i := 1; i < len(top); i++ {
		v.b.edge(top[i-1], top[i], attrOf("style", "invis"))
	}
	at[0] = top
	for i := range at {
		v.b.node("rank_"+strconv.Itoa(i), attrOf("shape", "point"), attrOf("style", "invis"), attrOf("width", "0"), attrOf("height", "0"))
		if i > 0 {
			v.b.edge("rank_"+strconv.Itoa(i-1), "rank_"+strconv.Itoa(i), attrOf("style", "invis"))
		}
	}
	for i, ids := range at {
		v.b.sameRank(append([]string{"rank_" + strconv.Itoa(i)}, ids...))
	}
}

// header is what shares the top rank with fullmäktige: the title block at the left and the
// legend at the right. Fullmäktige stands alone among the organs there, so the two fill
// space the chart has anyway instead of widening it or adding a row; without a fullmäktige
// they get a rank of their own above the chart.
func (v *overview) header() []string {
	ids := []string{"title_block"}
	v.b.node("title_block", attrOf("shape", "plain"), attrOf("style", ""), htmlAttr("label", v.titleBlock()))
	if !v.opts.NoLegend {
		v.b.node("legend", attrOf("shape", "plain"), attrOf("style", ""), htmlAttr("label", v.legendTable()))
		ids = append(ids, "legend")
	}
	return ids
}

// titleBlock: the organisation, the date drawn, and the datasets and documents the diagram
// is drawn from.
func (v *overview) titleBlock() string {
	row := func(size, text string, bold bool) string {
		t := htmlLines(strings.Split(text, "\n"))
		if bold {
			t = "<B>" + t + "</B>"
		}
		return `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="` + size + `">` + t + "</FONT></TD></TR>"
	}
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">`)
	b.WriteString(row("13", wrap(cmp0(v.orgName, v.t.Root), 40), true))
	sub := "Organisationsöversikt"
	if !v.opts.At.IsZero() {
		sub += " per " + v.opts.At.String()
	}
	b.WriteString(row("9", sub, false))
	if v.selection != "" {
		b.WriteString(row("9", wrap("Urval: "+v.selection, 60), false))
	}
	if len(v.t.Datasets) > 0 {
		b.WriteString(row("9", wrap("Datamängder: "+strings.Join(v.t.Datasets, ", "), 60), false))
	}
	if n := len(v.t.Documents); n > 0 {
		const shown = 1
		var titles []string
		for _, d := range v.t.Documents[:min(n, shown)] {
			titles = append(titles, cmp0(d.Name, d.ID))
		}
		text := "Källdokument: " + strings.Join(titles, "; ")
		if n > shown {
			text += fmt.Sprintf(" och %d till", n-shown)
		}
		b.WriteString(row("9", wrap(text, 70), false))
	}
	b.WriteString("</TABLE>")
	return b.String()
}

// legendColumns is how many relations the legend puts on one row: wide and low, since it
// shares the top rank.
const legendColumns = 3

// legendTable is the teckenförklaring of the categories and relations drawn, each relation
// as a short sample of its line in its colour, and the relations the data has but the
// diagram leaves out.
func (v *overview) legendTable() string {
	var b strings.Builder
	cell := func(s string) string { return `<TD ALIGN="LEFT"><FONT POINT-SIZE="9">` + s + "</FONT></TD>" }
	b.WriteString(`<TABLE BORDER="1" COLOR="#9e9e9e" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1" STYLE="rounded">`)
	var cats []string
	cats = append(cats, `<TD><FONT POINT-SIZE="9"><B>Teckenförklaring</B></FONT></TD>`)
	for _, c := range categories {
		if v.cats[c.Value] {
			cats = append(cats, `<TD BGCOLOR="`+categoryFill[c.Value]+`" BORDER="1" COLOR="#424242" STYLE="rounded"><FONT POINT-SIZE="9">`+htmlText(c.Swedish)+"</FONT></TD>")
		}
	}
	if len(cats) > 0 { // the heading, then the categories
		b.WriteString(`<TR><TD COLSPAN="` + strconv.Itoa(2*legendColumns) + `"><TABLE BORDER="0" CELLSPACING="3" CELLPADDING="2"><TR>` + strings.Join(cats, "") + "</TR></TABLE></TD></TR>")
	}
	var types []string
	for _, t := range edgeTypes {
		if slices.Contains(v.types, t) {
			types = append(types, t)
		}
	}
	for i := 0; i < len(types); i += legendColumns {
		b.WriteString("<TR>")
		for _, t := range types[i:min(i+legendColumns, len(types))] {
			// The no-break spaces keep the sample off its name: Graphviz measures these glyphs
			// narrower than some fonts draw them.
			b.WriteString(cell(sample(t)+"  ") + cell(htmlText(styleOf(t).legend)+"  "))
		}
		b.WriteString("</TR>")
	}
	if hidden := v.hiddenTypes(); len(hidden) > 0 {
		var names []string
		for _, t := range hidden {
			// The first words of each legend entry ("stämmer av med", "ex officio"): the
			// line must stay one line, or the legend heightens the top row.
			name, _, _ := strings.Cut(styleOf(t).legend, ",")
			name, _, _ = strings.Cut(name, " (")
			names = append(names, name)
		}
		b.WriteString(`<TR><TD ALIGN="LEFT" BALIGN="LEFT" COLSPAN="` + strconv.Itoa(2*legendColumns) + `"><FONT POINT-SIZE="9" COLOR="#616161">` +
			htmlLines(strings.Split(wrap("Visas inte: "+strings.Join(names, "; "), 90), "\n")) + "</FONT></TD></TR>")
	}
	b.WriteString("</TABLE>")
	return b.String()
}

// hiddenTypes are the relationship types the data has among the organs drawn that the
// diagram leaves out, in legend order.
func (v *overview) hiddenTypes() []string {
	var out []string
	present := map[string]bool{}
	for _, r := range v.rels {
		present[r.typ] = true
	}
	for _, t := range edgeTypes {
		if present[t] && !v.opts.draws(t) {
			out = append(out, t)
		}
	}
	return out
}

// lineGlyphs and headGlyphs draw a relation's line style and arrowhead in text, with
// characters the Go fonts (PNG) and common SVG viewer fonts have.
var (
	lineGlyphs = map[string]string{"dashed": "– – –", "dotted": "· · · ·"}
	headGlyphs = map[string]string{"none": "", "odiamond": "◊", "diamond": "♦", "dot": "●", "odot": "○", "box": "■", "tee": "|"}
)

// sample is a relation's legend sample: its line and head in its colour.
func sample(typ string) string {
	st := styleOf(typ)
	line, head, colour, bold := "———", "►", "#424242", false
	for _, x := range st.attrs {
		switch x.key {
		case "style":
			if g, ok := lineGlyphs[x.val]; ok {
				line = g
			}
			bold = x.val == "bold" || x.val == "tapered"
		case "arrowhead":
			if g, ok := headGlyphs[x.val]; ok {
				head = g
			}
		case "color":
			colour = x.val
		}
	}
	text := htmlText(line + head)
	if bold {
		text = "<B>" + text + "</B>"
	}
	return `<FONT COLOR="` + colour + `">` + text + "</FONT>"
}

// ParseSeats reads a seats= value: "summary" (also the empty string) folds each organ's
// seats into its box, "all" draws every seat. Anything else is EINVALID.
func ParseSeats(s string) (all bool, err error) {
	switch strings.TrimSpace(s) {
	case "", "summary":
		return false, nil
	case "all":
		return true, nil
	}
	return false, graph.Errorf(graph.EINVALID, "seats: want summary or all, got %q", s)
}
