package diagram

import (
	"context"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// examplesAt is the date the example organisations are drawn as of in the golden files.
var examplesAt = graph.MustDate("2021-10-28")

// A4 landscape in points, and the smallest text a report may print.
const (
	a4Width, a4Height = 842.0, 595.0
	minPrintedPt      = 8.0
)

// TestExampleOverviews draws the overview of every example organisation: the DOT against a
// golden file (testdata/examples/ID.dot, rewritten with -update: review the diff), the
// rendered chart against the org-chart convention, and its size against an A4 landscape
// page at no less than 8 pt text.
func TestExampleOverviews(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "../examples")
	ctx := context.Background()
	orgs, err := db.Organisations(ctx, examplesAt)
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) == 0 {
		t.Fatal("the examples hold no organisation")
	}
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	for _, org := range orgs {
		t.Run(org.ID, func(t *testing.T) {
			tree, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: org.ID, At: examplesAt, MaxOrgans: DefaultMaxNodes})
			if err != nil {
				t.Fatal(err)
			}
			dot := mustDOT(t)(DOTFor(ctx, db, Request{What: Organisation, ID: org.ID, At: examplesAt}, Options{}))
			golden(t, filepath.Join("examples", org.ID+".dot"), dot)
			svg, err := r.Render(ctx, dot, FormatSVG)
			if err != nil {
				t.Fatal(err)
			}
			assertConvention(t, tree, svg)
			fit, err := printFit(svg)
			if err != nil {
				t.Fatal(err)
			}
			if !fit.ok() {
				t.Errorf("%s does not fit A4 landscape: %s", org.ID, fit)
			}
		})
	}
}

// fit is how a rendered diagram prints on A4 landscape: scaled down to fit the page if it
// is larger, never up.
type fit struct {
	width, height float64 // points
	smallestText  float64 // points, at 100 %
	scale         float64
}

func (f fit) ok() bool { return f.smallestText*f.scale >= minPrintedPt-0.005 }

func (f fit) String() string {
	return fmt.Sprintf("%.0f × %.0f pt, scale %.2f, smallest text %.1f pt printed at %.1f pt", f.width, f.height, f.scale, f.smallestText, f.smallestText*f.scale)
}

var fontSize = regexp.MustCompile(`font-size="([0-9.]+)"`)

// printFit measures an SVG: its size in points (Graphviz writes width and height in pt) and
// its smallest text.
func printFit(svg []byte) (fit, error) {
	var root struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
	}
	if err := xml.Unmarshal(svg, &root); err != nil {
		return fit{}, err
	}
	f := fit{width: num(root.Width), height: num(root.Height), smallestText: 1e9}
	for _, m := range fontSize.FindAllSubmatch(svg, -1) {
		if v, err := strconv.ParseFloat(string(m[1]), 64); err == nil {
			f.smallestText = min(f.smallestText, v)
		}
	}
	if f.width <= 0 || f.height <= 0 || f.smallestText == 1e9 {
		return fit{}, fmt.Errorf("SVG without a size or text: %q × %q", root.Width, root.Height)
	}
	f.scale = min(1, a4Width/f.width, a4Height/f.height)
	return f, nil
}
