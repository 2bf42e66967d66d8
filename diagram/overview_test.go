package diagram

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// Every organ kind has a band that matches its category: the political kinds in the
// political bands, the groups never among them, and only fullmäktige on top.
func TestBandOfEveryOrganKind(t *testing.T) {
	for _, k := range graph.OrganKinds {
		b := bandOf(k.Value, k.Category)
		var ok bool
		switch k.Category {
		case graph.CategoryPolitical:
			ok = b == bandAssembly || b == bandBoards || b == bandCommittees
		case graph.CategoryAdministrative:
			ok = b == bandAdministration || b == bandUnits
		case graph.CategoryCompany, graph.CategoryFoundation, graph.CategoryFederation:
			ok = b == bandOwned
		case graph.CategoryCollaborative:
			ok = b == bandCollaboration
		}
		if !ok {
			t.Errorf("organ kind %s (%s) is in band %d", k.Value, k.Category, b)
		}
		if (b == bandAssembly) != (k.Value == "fullmaktige") {
			t.Errorf("organ kind %s: band %d; only fullmäktige is on the top band", k.Value, b)
		}
	}
	// A kind the vocabulary does not know goes by its category, and to the groups when that
	// is unknown too.
	if bandOf("ny_sorts_namnd", graph.CategoryPolitical) != bandBoards || bandOf("okand", "") != bandCollaboration {
		t.Error("unknown kinds are not placed by category")
	}
}

// organisationTree is smallTree drawn as an organisation: the same organs with a
// fullmäktige, and what an overview adds to it: a strategisk grupp under the chefsgrupp, an
// arbetsgrupp reporting to it, a stiftelse and a förvaltning serving the nämnd.
func organisationTree() graph.Subtree {
	t := smallTree()
	t.Root, t.Name = "region-halland", "Region Halland"
	t.Datasets = []string{"region-halland"}
	t.Documents = []graph.Ref{{ID: "d1", Kind: "Document", Name: "Reglemente för regionstyrelsen"}}
	t.Organs = append(t.Organs,
		graph.SubtreeOrgan{ID: "sg", Name: "Strategisk grupp digitalisering", Kind: "strategisk_grupp", Category: graph.CategoryCollaborative,
			Organisation: "Halmstads kommun", Level: 2, Parent: "cgh",
			Seats: []graph.Seat{{ID: "sg-ordf", Title: "Ordförande", Kind: "chair", ExOfficio: &graph.Ref{ID: "rd", Kind: "Post", Name: "Regiondirektör"}}}},
		// Reports to a group whose name sorts after its own: drawn below it all the same.
		graph.SubtreeOrgan{ID: "ag", Name: "Arbetsgrupp för uppföljning", Kind: "arbetsgrupp", Category: graph.CategoryCollaborative,
			Organisation: "Region Halland"},
		graph.SubtreeOrgan{ID: "stift", Name: "Stiftelsen Exempelfonden", Kind: "stiftelse", Category: graph.CategoryFoundation, Organisation: "Region Halland"},
		graph.SubtreeOrgan{ID: "hsf", Name: "Hälso- och sjukvårdsförvaltningen", Kind: "forvaltning", Category: graph.CategoryAdministrative, Organisation: "Region Halland"},
	)
	t.Edges = append(t.Edges,
		graph.EdgeRef{Type: "PART_OF", From: "sg", To: "cgh"},
		graph.EdgeRef{Type: "REPORTS_TO", From: "sg", To: "cgh"},
		graph.EdgeRef{Type: "REPORTS_TO", From: "ag", To: "cgh"},
		graph.EdgeRef{Type: "SUPPORTS", From: "hsf", To: "hsn"},
		graph.EdgeRef{Type: "OVERSEES", From: "rs", To: "stift"},
	)
	return t
}

// nodeBox is a node's vertical extent in an SVG, in SVG units (y grows downwards).
type nodeBox struct{ top, bottom float64 }

func (b nodeBox) centre() float64 { return (b.top + b.bottom) / 2 }

var svgNumber = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?`)

// nodeBoxes reads each node's extent from Graphviz SVG, by the node's id attribute: the y
// coordinates of its shape's path or polygon.
func nodeBoxes(svg []byte) (map[string]nodeBox, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	out := map[string]nodeBox{}
	var node string
	depth, nodeDepth := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			get := func(name string) string {
				for _, a := range e.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			if e.Name.Local == "g" && get("class") == "node" {
				node, nodeDepth = get("id"), depth
				continue
			}
			if node == "" || (e.Name.Local != "path" && e.Name.Local != "polygon") {
				continue
			}
			if _, done := out[node]; done {
				continue // the first shape is the node's outline
			}
			coords := get("points")
			if coords == "" {
				coords = get("d")
			}
			nums := svgNumber.FindAllString(coords, -1)
			b := nodeBox{top: 1e9, bottom: -1e9}
			for i := 1; i < len(nums); i += 2 {
				y, _ := strconv.ParseFloat(nums[i], 64)
				b.top, b.bottom = min(b.top, y), max(b.bottom, y)
			}
			out[node] = b
		case xml.EndElement:
			if depth == nodeDepth {
				node = ""
			}
			depth--
		}
	}
}

// assertConvention fails t with every violation of the convention in svg.
func assertConvention(t *testing.T, tree graph.Subtree, svg []byte) {
	t.Helper()
	for _, v := range conventionViolations(tree, svg) {
		t.Error(v)
	}
}

// conventionViolations checks the Swedish org-chart convention on a rendered overview of
// tree: bands stacked in order (so no nämnd above its fullmäktige and no group among the
// political ranks), fullmäktige alone on the top rank, and every organ below the organ it
// hangs under.
func conventionViolations(tree graph.Subtree, svg []byte) []string {
	boxes, err := nodeBoxes(svg)
	if err != nil {
		return []string{"SVG: " + err.Error()}
	}
	var out []string
	errorf := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	v, err := newOverview(tree, Options{MaxNodes: 1 << 20})
	if err != nil {
		return []string{err.Error()}
	}
	c := v.c
	// Every organ is drawn, as a box of its own or, for a presidium, in its organ's box.
	organs := c.organs
	folded := 0
	for parent, ps := range v.presidia {
		if c.byID[parent] == nil {
			errorf("presidier %v are folded into %s, which is not drawn", ps, parent)
		}
		folded += len(ps)
	}
	if all := len(uniqueOrgans(tree.Organs)); len(organs)+folded != all {
		errorf("%d organs drawn and %d presidier folded, of %d", len(organs), folded, all)
	}
	y := map[string]nodeBox{}
	for _, o := range organs {
		b, ok := boxes["organ-"+o.ID]
		if !ok {
			return append(out, "organ "+o.ID+" is not in the SVG")
		}
		y[o.ID] = b
	}
	top := 1e9
	for _, o := range organs {
		top = min(top, y[o.ID].centre())
	}
	const same = 0.5 // points: one rank
	for _, o := range organs {
		onTop := y[o.ID].centre()-top < same
		if c.band[o.ID] == bandAssembly && !onTop {
			errorf("fullmäktige %s is not on the top rank", o.ID)
		}
		if c.band[o.ID] != bandAssembly && onTop && hasAssembly(c) {
			errorf("%s (%s) shares the top rank with fullmäktige", o.ID, o.Kind)
		}
	}
	for _, a := range organs {
		for _, b := range organs {
			ba, bb := c.band[a.ID], c.band[b.ID]
			if ba < bb && y[a.ID].bottom >= y[b.ID].top {
				errorf("%s (%s, band %d) is not above %s (%s, band %d)", a.ID, a.Kind, ba, b.ID, b.Kind, bb)
			}
			if isPolitical(ba) && bb == bandCollaboration && rangesMeet(y[a.ID], y[b.ID]) {
				errorf("group %s (%s) is on the political rank of %s", b.ID, b.Kind, a.ID)
			}
		}
		if p := c.anchor[a.ID]; p != "" && y[p].bottom >= y[a.ID].top {
			errorf("%s is not below %s, which it hangs under", a.ID, p)
		}
	}
	return out
}

func hasAssembly(c *chart) bool {
	for _, b := range c.band {
		if b == bandAssembly {
			return true
		}
	}
	return false
}

func isPolitical(b band) bool { return b == bandAssembly || b == bandBoards || b == bandCommittees }

func rangesMeet(a, b nodeBox) bool { return a.top <= b.bottom && b.top <= a.bottom }

func TestOverviewConvention(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	tree := organisationTree()
	for _, opts := range []Options{{}, {AllSeats: true}, {Relations: []string{}}} {
		dot := mustDOT(t)(OrganisationDOT(tree, opts))
		svg, err := r.Render(context.Background(), dot, FormatSVG)
		if err != nil {
			t.Fatal(err)
		}
		assertConvention(t, tree, svg)
	}
	// Without a fullmäktige the chart starts with the boards, the title block above them.
	noRF := organisationTree()
	noRF.Organs = noRF.Organs[1:]
	svg, err := r.Render(context.Background(), mustDOT(t)(OrganisationDOT(noRF, Options{})), FormatSVG)
	if err != nil {
		t.Fatal(err)
	}
	assertConvention(t, noRF, svg)
}

// The checks themselves catch a chart drawn the old way: the same organs all hanging under
// one another by level, as a plain tree without bands.
func TestAssertConventionCatchesAFlatChart(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	tree := organisationTree()
	dot := mustDOT(t)(OrganDOT(tree, Options{NoSeats: true}))
	svg, err := r.Render(context.Background(), dot, FormatSVG)
	if err != nil {
		t.Fatal(err)
	}
	// The organ diagram names its nodes o_<id>; give them the overview's ids.
	svg = regexp.MustCompile(`<g id="node\d+" class="node">\s*<title>o_([^<]*)</title>`).ReplaceAllFunc(svg, func(m []byte) []byte {
		id := regexp.MustCompile(`<title>o_([^<]*)</title>`).FindSubmatch(m)[1]
		return []byte(`<g id="organ-` + strings.ReplaceAll(string(id), "_", "-") + `" class="node"><title>x</title>`)
	})
	if len(conventionViolations(tree, svg)) == 0 {
		t.Error("assertConvention passes a chart in which the nämnder stand on the top rank beside fullmäktige")
	}
}

// Seats fold into their organ's box: the chair, how many places and how many without a
// recorded holder; seats=all draws every seat as a note instead.
func TestFoldedSeats(t *testing.T) {
	dot := string(mustDOT(t)(OrganisationDOT(organisationTree(), Options{})))
	for _, want := range []string{
		"Ordförande: Åsa Öberg",                                         // rf: a holder
		"Ordförande: Björn Ängström<BR/>5 platser",                      // rs: the chair and four ledamöter of a post of any size
		"Ordförande: Ordförande i RS<BR/>(ex\u00a0officio)<BR/>1 plats", // rs-au: ex officio the styrelse's chair, who is recorded
		"Ordförande: Regiondirektör<BR/>(ex\u00a0officio)",              // sg: ex officio a post of another organ
		"Halmstads kommun<BR/>Ordförande",                               // sg: a joint organ names its own organisation
		"Ordförande: ej registrerad<BR/>1 plats, 1 ej registrerad",
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(dot), "vakant") {
		t.Error("a seat without a recorded holder is called vakant")
	}
	if strings.Contains(dot, "s_rs_ordf") {
		t.Error("a folded overview draws a seat node")
	}
	all := string(mustDOT(t)(OrganisationDOT(organisationTree(), Options{AllSeats: true})))
	for _, seat := range []string{"s_rf_ordf", "s_rs_ordf", "s_rs_led", "s_rsau_ordf", "s_hsn_ordf", "s_rd", "s_sg_ordf"} {
		if !strings.Contains(all, "\t"+seat+" [") {
			t.Errorf("seats=all does not draw %s", seat)
		}
	}
}

// A seat's place count: a post for several holders counts each place, a post with more
// holders than its limit counts the holders.
func TestSeatSummaryCounts(t *testing.T) {
	o := graph.SubtreeOrgan{ID: "n", Name: "Nämnden", Kind: "namnd", Category: graph.CategoryPolitical, Seats: []graph.Seat{
		{ID: "ordf", Kind: "chair", Title: "Ordförande", Holders: []graph.Ref{person("p1", "A")}},
		{ID: "led", Kind: "member", Title: "Ledamot", MaxHolders: 9, Holders: []graph.Ref{person("p2", "B"), person("p3", "C")}},
		{ID: "ers", Kind: "substitute", Title: "Ersättare", MaxHolders: 1, Holders: []graph.Ref{person("p4", "D"), person("p5", "E")}},
	}}
	dot := string(mustDOT(t)(OrganisationDOT(graph.Subtree{Root: "x", Organs: []graph.SubtreeOrgan{o}}, Options{})))
	// 1 + 9 + 2 places; 7 of the ledamot places without a holder.
	if !strings.Contains(dot, "12 platser, 7 ej registrerade") {
		t.Errorf("summary: %s", dot)
	}
}

// Relations that clutter an overview are left out unless asked for, and the legend says so;
// parallel relations between two organs are one edge labelled with both.
func TestOverviewRelations(t *testing.T) {
	def := string(mustDOT(t)(OrganisationDOT(organisationTree(), Options{})))
	if strings.Contains(def, `arrowhead=odot`) || strings.Contains(def, `arrowhead=box`) {
		t.Error("the default overview draws ex officio or inrättar")
	}
	if !strings.Contains(def, "Visas inte: tillsätter; inrättar; ex officio") {
		t.Error("the legend does not name the relations left out")
	}
	// rs-au: PART_OF and PREPARES_FOR and (in the fixture) nothing else: one edge, both named.
	edge := regexp.MustCompile(`o_rs -> o_rs_au \[[^\n]*`).FindString(def)
	if edge == "" || !strings.Contains(edge, `xlabel="ingår i\nbereder åt"`) {
		t.Errorf("rs–au edge: %q", edge)
	}
	if n := strings.Count(def, "o_rs -> o_rs_au"); n != 1 {
		t.Errorf("%d edges between rs and rs-au, want 1", n)
	}
	rels, err := ParseRelations("ex_officio, appoints")
	if err != nil {
		t.Fatal(err)
	}
	some := string(mustDOT(t)(OrganisationDOT(organisationTree(), Options{Relations: rels})))
	if !strings.Contains(some, "arrowhead=dot") || strings.Contains(some, "color=\"#1f3a5f\"") {
		t.Errorf("relations=ex_officio,appoints draws the wrong relations:\n%s", some)
	}
	if _, err := ParseRelations("reports_to,nonsense"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("unknown relation kind: %v, want EINVALID", err)
	}
	if all, _ := ParseRelations("all"); len(all) != len(edgeTypes)-1 {
		t.Errorf("all: %v", all)
	}
}

// The title block names the organisation, the date and the sources; the legend only what is
// drawn.
func TestOverviewTitleAndLegend(t *testing.T) {
	dot := string(mustDOT(t)(OrganisationDOT(organisationTree(), Options{At: graph.MustDate("2026-01-01")})))
	for _, want := range []string{"<B>Region Halland</B>", "Organisationsöversikt per 2026-01-01", "Datamängder: region-halland",
		"Källdokument: Reglemente för regionstyrelsen", "Teckenförklaring", "stiftelse", "har uppsikt över"} {
		if !strings.Contains(dot, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	legend := regexp.MustCompile(`legend \[[^\n]*`).FindString(dot)
	for _, absent := range []string{"kommunalförbund", "eskalerar till", "samråder"} {
		if strings.Contains(legend, absent) {
			t.Errorf("legend names %q, which the diagram does not draw", absent)
		}
	}
	if strings.Contains(string(mustDOT(t)(OrganisationDOT(organisationTree(), Options{NoLegend: true}))), "Teckenförklaring") {
		t.Error("NoLegend draws a legend")
	}
}

// Every organ of a rendered overview links to its page, with its name as the link's title,
// and the text survives escaping.
func TestOverviewSVGLinks(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	tree := organisationTree()
	svg, err := r.Render(context.Background(), mustDOT(t)(OrganisationDOT(tree, Options{})), FormatSVG)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(svg), "&#45;", "-") // Graphviz writes hyphens as character references
	for _, o := range uniqueOrgans(tree.Organs) {
		link := regexp.MustCompile(`<g id="organ-` + regexp.QuoteMeta(o.ID) + `" class="node">\s*<title>[^<]*</title>\s*<g id="[^"]*">\s*<a xlink:href="([^"]*)"[^>]*xlink:title="([^"]*)"`).FindStringSubmatch(s)
		if link == nil {
			t.Errorf("organ %s has no node with a link", o.ID)
			continue
		}
		if link[1] != "/organ/"+o.ID {
			t.Errorf("organ %s links to %s", o.ID, link[1])
		}
		var title string
		if err := xml.Unmarshal([]byte("<x>"+link[2]+"</x>"), &title); err != nil || !strings.HasPrefix(title, o.Name) {
			t.Errorf("organ %s: link title %q (%v), want its name first", o.ID, link[2], err)
		}
	}
	texts := strings.Join(svgTexts(t, svg), "\n")
	for _, want := range []string{`"HSN"`, `\ test`, "Region Halland", "Organisationsöversikt", "Teckenförklaring", "ej registrerad"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
}
