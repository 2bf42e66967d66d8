package diagram

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/styrgraf/styrgraf/graph"
)

// Defaults for the zero Options.
const (
	DefaultMaxNodes = 400
	DefaultFanOut   = 6
)

// Options shape a diagram. The zero value is a diagram with seats and a legend, at most
// DefaultMaxNodes nodes and fan-out staggered above DefaultFanOut leaves.
type Options struct {
	MaxNodes int    // organs, seats and escalation steps together (the legend does not count); 0: DefaultMaxNodes
	FanOut   int    // leaves of one node that may share a rank before they are staggered; 0: DefaultFanOut
	Title    string // diagram title (Swedish), e.g. "Region Halland 2026-01-01"; empty: none
	NoSeats  bool   // leave seats (posts and their holders) out
	NoLegend bool   // leave the legend (teckenförklaring) out

	// Organisation overviews only.
	At        graph.Date // the date drawn, for the title block ("Per 2026-01-01"); zero: not named
	AllSeats  bool       // every seat its own node instead of a summary in its organ's box
	Relations []string   // relationship types drawn (PART_OF, REPORTS_TO…); nil: all but those hiddenByDefault
	Bands     []string   // narrowing (band=): only these band groups (BandNames); nil: all
	Under     string     // narrowing (under=): only this organ and what hangs under it
	AnySize   bool       // fit=none: draw at any size instead of refusing what does not fit A4 (Draw)
}

func (o Options) maxNodes() int {
	if o.MaxNodes > 0 {
		return o.MaxNodes
	}
	return DefaultMaxNodes
}

func (o Options) fanOut() int {
	if o.FanOut > 0 {
		return o.FanOut
	}
	return DefaultFanOut
}

// Fill colours of organ boxes by category: light, distinct and legible when printed in
// colour or in grey.
var categoryFill = map[string]string{
	graph.CategoryPolitical:      "#cfe2f3", // light blue
	graph.CategoryAdministrative: "#d9ead3", // light green
	graph.CategoryCollaborative:  "#fff2cc", // light yellow
	graph.CategoryCompany:        "#f4cccc", // light red
	graph.CategoryFoundation:     "#d9d2e9", // light purple
	graph.CategoryFederation:     "#fce5cd", // light orange
}

const otherFill = "#eeeeee"

// categories in legend order, with their Swedish names.
var categories = []graph.Term{
	{Value: graph.CategoryPolitical, Swedish: "politiskt organ"},
	{Value: graph.CategoryAdministrative, Swedish: "förvaltning"},
	{Value: graph.CategoryCollaborative, Swedish: "grupp, råd, forum"},
	{Value: graph.CategoryCompany, Swedish: "bolag"},
	{Value: graph.CategoryFoundation, Swedish: "stiftelse"},
	{Value: graph.CategoryFederation, Swedish: "kommunalförbund"},
}

// edgeStyle is how one relationship type is drawn.
type edgeStyle struct {
	attrs      []dotAttr // DOT attributes
	up         bool      // the relation points up the hierarchy: written head first with dir=back
	constraint bool      // the relation shapes the ranks
	legend     string    // Swedish, for the legend
}

// Relationship types in legend order. Seat links (SEAT_OF) join a post to its organ.
var edgeTypes = []string{"PART_OF", "REPORTS_TO", "PREPARES_FOR", "ESCALATES_TO", "OVERSEES", "APPOINTS",
	"ESTABLISHES", "DISSOLVES", "DIRECTS", "SUPPORTS", "CONSULTS", "FOLLOWS_UP", "REPRESENTS", "COLLABORATES_WITH", "MEMBER_OF",
	"EX_OFFICIO", "SEAT_OF"}

var edgeStyles = map[string]edgeStyle{
	"PART_OF":           {[]dotAttr{attrOf("color", "#424242")}, true, true, "ingår i"},
	"REPORTS_TO":        {[]dotAttr{attrOf("style", "bold"), attrOf("penwidth", "2"), attrOf("color", "#1f3a5f")}, true, true, "rapporterar till"},
	"PREPARES_FOR":      {[]dotAttr{attrOf("style", "dashed"), attrOf("penwidth", "1.5"), attrOf("color", "#2e7d32")}, true, true, "bereder åt"},
	"ESCALATES_TO":      {[]dotAttr{attrOf("penwidth", "2"), attrOf("color", "#c62828"), attrOf("arrowhead", "vee")}, true, true, "eskalerar till"},
	"OVERSEES":          {[]dotAttr{attrOf("style", "dotted"), attrOf("penwidth", "2"), attrOf("color", "#6a1b9a"), attrOf("arrowhead", "odiamond")}, false, false, "har uppsikt över"},
	"APPOINTS":          {[]dotAttr{attrOf("penwidth", "1.2"), attrOf("color", "#e65100"), attrOf("arrowhead", "dot")}, false, false, "tillsätter"},
	"ESTABLISHES":       {[]dotAttr{attrOf("style", "dashed"), attrOf("color", "#795548"), attrOf("arrowhead", "box")}, false, false, "inrättar"},
	"DIRECTS":           {[]dotAttr{attrOf("penwidth", "1.5"), attrOf("color", "#00838f"), attrOf("arrowhead", "normal")}, false, false, "leder, ger direktiv till"},
	"SUPPORTS":          {[]dotAttr{attrOf("style", "dotted"), attrOf("penwidth", "1.5"), attrOf("color", "#00838f"), attrOf("arrowhead", "empty")}, false, false, "biträder, stödjer"},
	"DISSOLVES":         {[]dotAttr{attrOf("style", "dashed"), attrOf("color", "#795548"), attrOf("arrowhead", "tee")}, false, false, "avvecklar"},
	"CONSULTS":          {[]dotAttr{attrOf("style", "dashed"), attrOf("penwidth", "1.2"), attrOf("color", "#2e7d32"), attrOf("arrowhead", "open")}, false, false, "stämmer av med, samråder med"},
	"FOLLOWS_UP":        {[]dotAttr{attrOf("style", "dotted"), attrOf("penwidth", "1.5"), attrOf("color", "#6a1b9a"), attrOf("arrowhead", "open")}, false, false, "följer upp"},
	"REPRESENTS":        {[]dotAttr{attrOf("style", "dashed"), attrOf("penwidth", "1.2"), attrOf("color", "#1f3a5f"), attrOf("arrowhead", "diamond")}, false, false, "företräder"},
	"COLLABORATES_WITH": {[]dotAttr{attrOf("style", "dashed"), attrOf("penwidth", "1.5"), attrOf("color", "#757575"), attrOf("dir", "both"), attrOf("arrowhead", "none"), attrOf("arrowtail", "none")}, false, false, "samverkar med"},
	"MEMBER_OF":         {[]dotAttr{attrOf("style", "tapered"), attrOf("penwidth", "3"), attrOf("color", "#5d4037"), attrOf("arrowhead", "none")}, true, false, "utgör, är medlem i"},
	"EX_OFFICIO":        {[]dotAttr{attrOf("style", "dashed"), attrOf("color", "#9e9e9e"), attrOf("arrowhead", "odot")}, false, false, "ex officio (innehas av den som har)"},
	"SEAT_OF":           {[]dotAttr{attrOf("color", "#9e9e9e"), attrOf("arrowhead", "none"), attrOf("weight", "4")}, true, true, "post i organet"},
}

// cycleStyle draws the step where an escalation chain comes back to a step it passed.
var cycleStyle = edgeStyle{[]dotAttr{attrOf("style", "dashed"), attrOf("penwidth", "2"), attrOf("color", "#c62828"), attrOf("fontcolor", "#c62828"), attrOf("label", "cykel")}, false, false, "går tillbaka (cykel)"}

func styleOf(typ string) edgeStyle {
	if s, ok := edgeStyles[typ]; ok {
		return s
	}
	return edgeStyle{[]dotAttr{attrOf("color", "#9e9e9e")}, false, false, strings.ToLower(strings.ReplaceAll(typ, "_", " "))}
}

// seatKindOrder puts a chair before the others.
var seatKindOrder = map[string]int{"chair": 0, "vice_chair": 1, "director": 2, "convener": 3, "member": 4,
	"substitute": 5, "secretary": 6, "adjunct": 7, "expert": 8, "contact": 9, "officer": 10}

const maxHoldersShown = 3

// OrganDOT draws an organ with its parts, seats and the relations between them; the root
// organ is outlined. Organs are grouped in one cluster per organisation.
func OrganDOT(t graph.Subtree, opts Options) ([]byte, error) {
	return treeDOT(t, t.Root, opts)
}

type dotWriter struct {
	builder
	ids  map[string]string // item id → DOT id
	used map[string]bool
}

func newWriter() *dotWriter {
	return &dotWriter{ids: map[string]string{}, used: map[string]bool{}}
}

// id returns the DOT identifier of an item: prefix plus the item id with everything but
// ASCII letters and digits replaced, so that it never needs quoting; a clash gets a suffix.
func (w *dotWriter) id(prefix, item string) string {
	if d, ok := w.ids[item]; ok {
		return d
	}
	d := safeID(prefix, item)
	for n := 2; w.used[d]; n++ {
		d = safeID(prefix, item) + "_" + strconv.Itoa(n)
	}
	w.ids[item], w.used[d] = d, true
	return d
}

func safeID(prefix, s string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == '_' || r == '.' || r == ' ':
			b.WriteByte('_')
		default:
			fmt.Fprintf(&b, "_x%X_", r)
		}
	}
	return b.String()
}

// quote writes s as a DOT double-quoted string: quotes and backslashes escaped (a backslash
// would otherwise start an escString sequence such as \N), newlines as \n (centred line
// breaks), other control characters as spaces, invalid UTF-8 replaced.
func quote(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// label joins the non-empty lines into one label (the builder quotes it).
func label(lines ...string) string {
	var keep []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// wrap breaks s at spaces into lines of about width characters.
func wrap(s string, width int) string {
	// Only plain spaces break a line: a no-break space keeps "ex officio" together.
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
	var lines []string
	var line string
	for _, w := range words {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// holderLines names a seat's holders. With none, the seat says that no holder is recorded:
// a diagram cannot tell a vacancy from a gap in the data (the seats question can).
func holderLines(holders []graph.Ref) string {
	if len(holders) == 0 {
		return "ej registrerad"
	}
	names := make([]string, 0, len(holders))
	for _, h := range holders {
		names = append(names, h.Name)
	}
	sort.Strings(names)
	if len(names) > maxHoldersShown {
		rest := len(names) - maxHoldersShown
		names = append(names[:maxHoldersShown], fmt.Sprintf("+ %d till", rest))
	}
	return strings.Join(names, "\n")
}

func (w *dotWriter) header(title string) {
	w.begin()
	g := []dotAttr{attrOf("charset", "UTF-8"), attrOf("newrank", "true"), attrOf("rankdir", "TB"), attrOf("fontname", "Helvetica"),
		attrOf("fontsize", "14"), attrOf("nodesep", "0.25"), attrOf("ranksep", "0.4"), attrOf("outputorder", "edgesfirst"), attrOf("pad", "0.2")}
	if title != "" {
		g = append(g, attrOf("label", title), attrOf("labelloc", "t"))
	}
	w.defaults("graph", g...)
	w.defaults("node", attrOf("fontname", "Helvetica"), attrOf("fontsize", "10"), attrOf("shape", "box"), attrOf("style", "rounded,filled"),
		attrOf("fillcolor", otherFill), attrOf("color", "#424242"), attrOf("margin", "0.12,0.06"))
	w.defaults("edge", attrOf("fontname", "Helvetica"), attrOf("fontsize", "9"), attrOf("arrowsize", "0.7"))
}

// organNode writes one organ box.
func (w *dotWriter) organNode(o graph.SubtreeOrgan, root bool) {
	fill, ok := categoryFill[o.Category]
	if !ok {
		fill = otherFill
	}
	name := cmp0(o.Name, o.ID)
	lines := []string{wrap(name, 28)}
	if o.ShortName != "" && o.ShortName != name {
		lines = append(lines, "("+o.ShortName+")")
	}
	as := []dotAttr{attrOf("label", label(lines...)), attrOf("fillcolor", fill)}
	if k, ok := graph.OrganKindOf(o.Kind); ok {
		// An organ of a tree links to its page in the web interface (relative, so the SVG
		// works wherever styrgraf is served).
		as = append(as, attrOf("tooltip", k.Swedish), attrOf("URL", "/organ/"+o.ID), attrOf("target", "_top"))
	}
	if root {
		as = append(as, attrOf("penwidth", "2.5"))
	}
	w.node(w.id("o_", o.ID), as...)
}

// seatNode writes one post with its holders, or "ej registrerad".
func (w *dotWriter) seatNode(s graph.Seat, organName string, outlined bool) {
	lines := []string{wrap(cmp0(s.Title, s.ID), 24)}
	if organName != "" {
		lines = append(lines, "("+wrap(organName, 24)+")")
	}
	lines = append(lines, holderLines(s.Holders))
	style, fill := "filled", "#ffffff"
	if s.Vacant() {
		style, fill = "filled,dashed", "#f5f5f5"
	}
	as := []dotAttr{attrOf("label", label(lines...)), attrOf("shape", "note"), attrOf("style", style), attrOf("fillcolor", fill), attrOf("fontsize", "8")}
	if s.ExOfficio != nil {
		as = append(as, attrOf("tooltip", "ex officio: "+s.ExOfficio.Name))
	}
	if outlined {
		as = append(as, attrOf("penwidth", "2.5"))
	}
	w.node(w.id("s_", s.ID), as...)
}

type drawnEdge struct {
	typ, from, to string // DOT ids
	minlen        int
	chain         bool // a step of an escalation chain: always upwards and shaping the ranks
}

func (w *dotWriter) drawEdge(e drawnEdge) {
	st := styleOf(e.typ)
	if e.typ == "" {
		st = cycleStyle
	}
	if e.chain {
		st.up, st.constraint = true, true
	}
	from, to := e.from, e.to
	attrs := slices.Clone(st.attrs)
	if st.up {
		from, to = to, from
		attrs = append(flipArrow(attrs), attrOf("dir", "back"))
	}
	if !st.constraint {
		attrs = append(attrs, attrOf("constraint", "false"))
	}
	if e.minlen > 1 {
		attrs = append(attrs, attrOf("minlen", strconv.Itoa(e.minlen)))
	}
	w.edge(from, to, attrs...)
}

// flipArrow moves an arrowhead to the tail, for an edge written in the opposite direction
// of the relation (dir=back or an upper-to-lower structural edge).
func flipArrow(as []dotAttr) []dotAttr {
	out := slices.Clone(as)
	for i := range out {
		if out[i].key == "arrowhead" {
			out[i].key = "arrowtail"
			break
		}
	}
	return out
}

// legend writes the teckenförklaring for the categories and relationship types used, as a
// compact grid: organ categories (and the post symbol) three to a row, relationship types
// two to a row, each drawn as a short edge of its style next to its Swedish name.
func (w *dotWriter) legend(cats map[string]bool, types map[string]bool, seats bool) {
	w.subgraph("cluster_legend", attrOf("label", "Teckenförklaring"), attrOf("fontsize", "11"), attrOf("style", "rounded"), attrOf("color", "#9e9e9e"))
	var rows [][]string // DOT ids of each row's nodes, left to right, top to bottom
	n := 0
	next := func() string { n++; return fmt.Sprintf("legend_%d", n) }
	var boxes []string
	for _, c := range categories {
		if cats[c.Value] {
			id := next()
			w.node(id, attrOf("label", c.Swedish), attrOf("fillcolor", categoryFill[c.Value]), attrOf("fontsize", "9"))
			boxes = append(boxes, id)
		}
	}
	if seats {
		id := next()
		w.node(id, attrOf("label", label("post", "innehavare, eller ej registrerad")), attrOf("shape", "note"), attrOf("style", "filled"),
			attrOf("fillcolor", "#ffffff"), attrOf("fontsize", "8"))
		boxes = append(boxes, id)
	}
	for i := 0; i < len(boxes); i += 3 {
		rows = append(rows, boxes[i:min(i+3, len(boxes))])
	}
	var pairs []string
	for _, typ := range append(slices.Clone(edgeTypes), "") {
		if !types[typ] {
			continue
		}
		st := styleOf(typ)
		attrs := st.attrs
		if typ == "" {
			st = cycleStyle
			attrs = st.attrs[:3] // the line, not its "cykel" label
		}
		from := next() // a sample edge from the name to an invisible point
		to := from + "b"
		w.node(from, attrOf("label", st.legend), attrOf("shape", "plaintext"), attrOf("style", ""), attrOf("fontsize", "9"))
		w.node(to, attrOf("label", ""), attrOf("shape", "box"), attrOf("width", "0.5"), attrOf("height", "0.1"), attrOf("style", "invis"))
		w.edge(from, to, append(slices.Clone(attrs), attrOf("headclip", "false"))...)
		pairs = append(pairs, from, to)
	}
	for i := 0; i < len(pairs); i += 4 {
		rows = append(rows, pairs[i:min(i+4, len(pairs))])
	}
	for i, row := range rows {
		w.sameRank(row)
		for j := 1; j < len(row); j++ {
			if !strings.HasSuffix(row[j], "b") {
				w.edge(row[j-1], row[j], attrOf("style", "invis"))
			}
		}
		if i > 0 {
			w.edge(rows[i-1][0], row[0], attrOf("style", "invis"))
		}
	}
	w.closeSub()
}

func tooLarge(nodes, limit int, hint string) error {
	return graph.Errorf(graph.ETOOLARGE, "the diagram would have %d nodes, more than the limit of %d; narrow it: %s",
		nodes, limit, hint)
}

// treeDOT draws a subtree or an organisation; root, if not empty, is outlined.
func treeDOT(t graph.Subtree, root string, opts Options) ([]byte, error) {
	organs := append([]graph.SubtreeOrgan(nil), t.Organs...)
	slices.SortStableFunc(organs, graph.CompareOrgans)
	byID := map[string]*graph.SubtreeOrgan{}
	var uniq []graph.SubtreeOrgan
	for _, o := range organs {
		if _, dup := byID[o.ID]; dup {
			continue
		}
		uniq = append(uniq, o)
		byID[o.ID] = &uniq[len(uniq)-1]
	}
	organs = uniq
	for i := range organs {
		byID[organs[i].ID] = &organs[i]
	}

	// Seats, sorted, and the organ each belongs to.
	seats := map[string][]graph.Seat{}
	seatOrgan := map[string]string{}
	nodes := len(organs)
	if !opts.NoSeats {
		for _, o := range organs {
			list := append([]graph.Seat(nil), o.Seats...)
			sort.SliceStable(list, func(i, j int) bool { return seatLess(list[i], list[j]) })
			for _, s := range list {
				if _, dup := seatOrgan[s.ID]; dup {
					continue
				}
				seatOrgan[s.ID] = o.ID
				seats[o.ID] = append(seats[o.ID], s)
				nodes++
			}
		}
	}
	if limit := opts.maxNodes(); nodes > limit {
		hint := "ask for fewer levels (a lower depth), a sub-organ, another date, or leave out seats"
		if root == "" {
			hint = "draw one organ's subtree with a lower depth instead of the whole organisation, choose another date, or leave out seats"
		}
		return nil, tooLarge(nodes, limit, hint)
	}

	w := newWriter()
	// Ids are assigned in sorted order so that clashes resolve the same way every time.
	for _, o := range organs {
		w.id("o_", o.ID)
	}
	for _, o := range organs {
		for _, s := range seats[o.ID] {
			w.id("s_", s.ID)
		}
	}

	// Edges: the relations given plus PART_OF from each organ's parent, deduplicated; only
	// those whose ends are both drawn.
	seen := map[relKey]bool{}
	var rels []relKey
	add := func(k relKey) {
		if seen[k] {
			return
		}
		if !drawn(k.from, byID, seatOrgan) || !drawn(k.to, byID, seatOrgan) {
			return
		}
		seen[k] = true
		rels = append(rels, k)
	}
	for _, e := range t.Edges {
		add(relKey{e.Type, e.From, e.To})
	}
	for _, o := range organs {
		if o.Parent != "" {
			add(relKey{"PART_OF", o.ID, o.Parent})
		}
	}
	sortRels(rels)

	// Tree children of each organ (PART_OF parts in the diagram) and which have children.
	parts := map[string][]string{}
	for _, k := range rels {
		if k.typ == "PART_OF" && byID[k.from] != nil && byID[k.to] != nil && k.from != k.to {
			parts[k.to] = append(parts[k.to], k.from)
		}
	}
	// minlen per PART_OF edge and seat link, from the fan-out rule.
	minlen := map[relKey]int{}
	fan := opts.fanOut()
	for _, o := range organs {
		var leaves []relKey
		for _, s := range seats[o.ID] {
			leaves = append(leaves, relKey{"SEAT_OF", s.ID, o.ID})
		}
		kids := append([]string(nil), parts[o.ID]...)
		// Siblings: by name, then id (their level is the same).
		slices.SortStableFunc(kids, func(a, b string) int { return graph.CompareOrgans(*byID[a], *byID[b]) })
		for _, c := range kids {
			if len(parts[c]) == 0 {
				leaves = append(leaves, relKey{"PART_OF", c, o.ID})
			}
		}
		if n := len(leaves); n > fan {
			rows := (n + fan - 1) / fan
			for i, k := range leaves {
				minlen[k] = 1 + i*rows/n
			}
		}
	}

	// Organisation clusters, by name; organs without an organisation stand outside.
	clusters := map[string][]graph.SubtreeOrgan{}
	for _, o := range organs {
		clusters[o.Organisation] = append(clusters[o.Organisation], o)
	}
	names := make([]string, 0, len(clusters))
	for n := range clusters {
		names = append(names, n)
	}
	sort.Strings(names)

	w.header(opts.Title)
	cats := map[string]bool{}
	clusterIDs := newWriter()
	for _, name := range names {
		if name != "" {
			w.subgraph(clusterIDs.id("cluster_", name), attrOf("label", name), attrOf("fontsize", "13"), attrOf("style", "rounded"), attrOf("color", "#616161"))
		}
		for _, o := range clusters[name] {
			if _, ok := categoryFill[o.Category]; ok {
				cats[o.Category] = true
			}
			w.organNode(o, o.ID == root)
			for _, s := range seats[o.ID] {
				w.seatNode(s, "", false)
			}
		}
		if name != "" {
			w.closeSub()
		}
	}

	types := map[string]bool{}
	for _, o := range organs {
		for _, s := range seats[o.ID] {
			k := relKey{"SEAT_OF", s.ID, o.ID}
			w.drawEdge(drawnEdge{"SEAT_OF", w.ids[s.ID], w.ids[o.ID], minlen[k], false})
		}
	}
	for _, k := range rels {
		types[k.typ] = true
		w.drawEdge(drawnEdge{k.typ, w.ids[k.from], w.ids[k.to], minlen[k], false})
	}
	if !opts.NoLegend {
		w.legend(cats, types, len(seatOrgan) > 0)
	}
	return w.end(), nil
}

func drawn(id string, organs map[string]*graph.SubtreeOrgan, seats map[string]string) bool {
	if organs[id] != nil {
		return true
	}
	_, ok := seats[id]
	return ok
}

func seatLess(a, b graph.Seat) bool {
	ka, oka := seatKindOrder[a.Kind]
	kb, okb := seatKindOrder[b.Kind]
	if !oka {
		ka = len(seatKindOrder)
	}
	if !okb {
		kb = len(seatKindOrder)
	}
	if ka != kb {
		return ka < kb
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.ID < b.ID
}

// EscalationDOT merges the escalation chains from one organ or post (id) into one diagram:
// each step once, each step-to-step relation once, the start at the bottom and the top
// organ at the top, so that it reads bottom-up along the arrows or top-down from the top.
// Every step of a chain points up and shapes the ranks, whatever its relation (an ex
// officio step included).
// A chain that comes back to a step it passed ends in a red "cykel" edge.
func EscalationDOT(id string, chains []graph.EscalationChain, opts Options) ([]byte, error) {
	steps := map[string]graph.EscalationStep{}
	seen := map[relKey]bool{}
	var rels []relKey
	for _, c := range chains {
		for i, s := range c.Steps {
			if _, ok := steps[s.ID]; !ok {
				steps[s.ID] = s
			}
			if i > 0 {
				k := relKey{s.Via, c.Steps[i-1].ID, s.ID}
				if k.typ == "" {
					k.typ = "REPORTS_TO"
				}
				if !seen[k] {
					seen[k] = true
					rels = append(rels, k)
				}
			}
		}
		if c.Cycle && len(c.Steps) > 0 {
			k := relKey{"", c.Steps[len(c.Steps)-1].ID, c.CycleTo}
			if !seen[k] {
				seen[k] = true
				rels = append(rels, k)
			}
		}
	}
	if _, ok := steps[id]; !ok && id != "" {
		steps[id] = graph.EscalationStep{Ref: graph.Ref{ID: id, Name: id}}
	}
	if limit := opts.maxNodes(); len(steps) > limit {
		return nil, tooLarge(len(steps), limit, "start from an organ or post higher up, or choose another date")
	}
	ids := make([]string, 0, len(steps))
	for s := range steps {
		ids = append(ids, s)
	}
	sort.Strings(ids)
	w := newWriter()
	for _, s := range ids {
		prefix := "o_"
		if steps[s].Kind == "Post" {
			prefix = "s_"
		}
		w.id(prefix, s)
	}
	sortRels(rels)

	w.header(opts.Title)
	hasPosts := false
	for _, sid := range ids {
		s := steps[sid]
		if s.Kind == "Post" {
			hasPosts = true
			w.seatNode(graph.Seat{ID: s.ID, Title: s.Name, Holders: s.Holders}, s.Organ, sid == id)
			continue
		}
		w.organNode(graph.SubtreeOrgan{ID: s.ID, Name: s.Name}, sid == id)
	}
	types := map[string]bool{}
	for _, k := range rels {
		types[k.typ] = true
		w.drawEdge(drawnEdge{k.typ, w.ids[k.from], w.ids[k.to], 0, k.typ != ""})
	}
	if !opts.NoLegend {
		w.legend(nil, types, hasPosts)
	}
	return w.end(), nil
}

// relKey is a relationship drawn between two items, once however often it is given.
type relKey struct{ typ, from, to string }

// sortRels orders relations by type, then ends, so that the DOT is the same on every run.
func sortRels(rels []relKey) {
	sort.Slice(rels, func(i, j int) bool {
		a, b := rels[i], rels[j]
		return cmp.Or(cmp.Compare(a.typ, b.typ), cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to)) < 0
	})
}
