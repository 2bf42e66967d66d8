package popolo_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
	"github.com/styrgraf/styrgraf/graph/popolo"
)

// TestRoundTripThroughNeo4j: the examples imported, exported from the graph as Popolo and
// imported into an empty database give the same graph: the same counts and the same hash
// of every node and relationship with their properties (the audit trail aside).
func TestRoundTripThroughNeo4j(t *testing.T) {
	ctx := context.Background()
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "../../examples")
	want := neo4jdbtest.Snapshot(t, db)

	datasets, err := db.ReadDatasets(ctx, graph.ExportQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := popolo.Write(&buf, datasets); err != nil {
		t.Fatal(err)
	}

	empty := neo4jdbtest.MustOpen(t)
	im := dataset.Importer{Store: empty}
	res, err := im.Import(ctx, []graph.DatasetFile{{Name: "export.json", Content: buf.Bytes()}}, graph.ImportOptions{By: neo4jdbtest.By})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conversions) != 1 || len(res.Conversions[0].Dropped) != 0 {
		t.Errorf("conversions %+v", res.Conversions)
	}
	got := neo4jdbtest.Snapshot(t, empty)
	t.Logf("examples: %d items, %d relationships, content %s", want.Nodes, want.Rels, want.Content)
	if got.Nodes != want.Nodes || got.Rels != want.Rels || got.Content != want.Content {
		t.Errorf("after the round trip: %d items, %d relationships, content %s; want %d, %d, %s",
			got.Nodes, got.Rels, got.Content, want.Nodes, want.Rels, want.Content)
	}
}

// TestThirdPartyImportAnswersSeats: the EveryPolitician file imports through the one import
// pipeline, and the seats question then lists its members: each holds one seat, so with
// min_seats 1 every one of the 370 is listed, on the day the term began and not before.
func TestThirdPartyImportAnswersSeats(t *testing.T) {
	ctx := context.Background()
	db := neo4jdbtest.MustOpen(t)
	content, err := os.ReadFile(nigeria)
	if err != nil {
		t.Fatal(err)
	}
	im := dataset.Importer{Store: db}
	res, err := im.Import(ctx, []graph.DatasetFile{{Name: nigeria, Content: content}}, graph.ImportOptions{By: neo4jdbtest.By})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conversions) != 1 || res.Conversions[0].Mapped["memberships"] != 370 {
		t.Fatalf("conversions %+v", res.Conversions)
	}
	org := "popolo-nigeria-house-ep-popolo-v1-0-7cbd22c6-4df6-42f8-b7c0-44b715b88153-huvudman"
	seats, err := db.Seats(ctx, graph.SeatsQuery{Organisation: org, At: graph.MustDate("2016-01-01"), MinSeats: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(seats.ManySeats) != 370 {
		t.Errorf("%d people hold a seat on 2016-01-01, want 370", len(seats.ManySeats))
	}
	for _, h := range seats.ManySeats[:min(3, len(seats.ManySeats))] {
		if len(h.Seats) != 1 || h.Seats[0].Organ.Name != "House of Representatives" {
			t.Errorf("%s holds %+v", h.Person.Name, h.Seats)
		}
	}
	// No coverage is declared: nobody is vacant, and the legislature has no chair post.
	if len(seats.Vacant) != 0 {
		t.Errorf("vacant %+v", seats.Vacant)
	}
	before, err := db.Seats(ctx, graph.SeatsQuery{Organisation: org, At: graph.MustDate("2015-06-08"), MinSeats: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(before.ManySeats) != 0 {
		t.Errorf("%d people hold a seat before the term began", len(before.ManySeats))
	}
}
