package diagram

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// examplesAt is the date the example organisations are drawn as of in the golden files.
var examplesAt = graph.MustDate("2021-10-28")

// TestExampleOverviews draws the overview of every example organisation: the DOT against a
// golden file (testdata/examples/ID.dot, rewritten with -update: review the diff), the
// rendered chart against the org-chart convention, and its size against an A4 landscape
// page at no less than 8 pt text; each organ's SVG <title> against a golden list
// (testdata/examples/ID.titles).
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
			readable, err := ReadableTitles(svg)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("examples", org.ID+".titles"), organTitles(t, readable))
			size, err := MeasureSVG(svg)
			if err != nil {
				t.Fatal(err)
			}
			if !size.Fits() {
				t.Errorf("%s does not fit A4 landscape: %s", org.ID, size)
			}
			t.Logf("%s: %s", org.ID, size)
		})
	}
}
