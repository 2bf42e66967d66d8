package neo4jdb_test

import (
	"context"
	"slices"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestItem(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
	ctx := context.Background()

	chair, err := db.Item(ctx, "test-rsau-chair")
	if err != nil {
		t.Fatal(err)
	}
	if chair.Label != "Post" || chair.Props["title"] != "Ordförande" || chair.Props["max_holders"] != int64(1) {
		t.Errorf("test-rsau-chair = %s %v", chair.Label, chair.Props)
	}
	if got := chair.Targets("EX_OFFICIO"); !slices.Equal(got, []string{"test-rs-chair"}) {
		t.Errorf("EX_OFFICIO → %v", got)
	}
	if got := chair.Targets("SEAT_OF"); !slices.Equal(got, []string{"test-rsau"}) {
		t.Errorf("SEAT_OF → %v", got)
	}

	rs, err := db.Item(ctx, "test-rs")
	if err != nil {
		t.Fatal(err)
	}
	// Defaults from the organ kind are stored; the source is kept as properties.
	if rs.Props["category"] != "political" || rs.Props["decides"] != true || rs.Props["source_section"] != "1 §" {
		t.Errorf("test-rs props = %v", rs.Props)
	}
	if got := rs.Sources("PART_OF"); !slices.Equal(got, []string{"test-rsau"}) {
		t.Errorf("PART_OF ← %v", got)
	}
	if got := rs.Sources("SEAT_OF"); !slices.Equal(got, []string{"test-rs-chair"}) {
		t.Errorf("SEAT_OF ← %v", got)
	}

	empty, err := db.Item(ctx, "test-rf")
	if err != nil || len(empty.Out) != 1 || len(empty.In) != 1 {
		t.Errorf("test-rf: %+v, %v; want one BELONGS_TO out and one REPORTS_TO in", empty, err)
	}

	if _, err := db.Item(ctx, "no-such-id"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("Item(no-such-id) = %v, want ENOTFOUND", err)
	}
}
