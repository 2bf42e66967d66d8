package neo4jdb_test

import (
	"context"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestOrganDetail(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/changes.yaml")
	ctx := context.Background()

	d, err := db.OrganDetail(ctx, "ch-rs", graph.MustDate("2024-03-15"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Styrelsen" || d.Category != "political" || !d.Decides || len(d.Organisations) != 1 || d.Organisations[0].ID != "ch-region" {
		t.Errorf("organ = %+v", d)
	}
	if len(d.Seats) != 1 || d.Seats[0].ID != "ch-rs-chair" || len(d.Seats[0].Holders) != 1 || d.Seats[0].Holders[0].ID != "ch-p1" {
		t.Errorf("seats = %+v, want the chair held by ch-p1", d.Seats)
	}
	if len(d.Out) != 0 || len(d.In) != 1 || d.In[0].Type != "REPORTS_TO" || d.In[0].Other.ID != "ch-new" {
		t.Errorf("relations out %+v in %+v, want only ch-new reporting in", d.Out, d.In)
	}
	if len(d.Mandates) != 1 || d.Mandates[0].ID != "ch-m" || len(d.StaffFunctions) != 1 || d.StaffFunctions[0].FTE != 2 {
		t.Errorf("mandates %+v staff %+v", d.Mandates, d.StaffFunctions)
	}

	// Before the changes of 2024: still overseeing the old nämnd, no mandate yet.
	d, err = db.OrganDetail(ctx, "ch-rs", graph.MustDate("2023-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Out) != 1 || d.Out[0].Type != "OVERSEES" || d.Out[0].Other.ID != "ch-old" || len(d.In) != 0 || len(d.Mandates) != 0 {
		t.Errorf("2023: out %+v in %+v mandates %+v", d.Out, d.In, d.Mandates)
	}

	// ch-new did not exist in 2023.
	if _, err := db.OrganDetail(ctx, "ch-new", graph.MustDate("2023-06-01")); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("organ before it existed: %v, want ENOTFOUND", err)
	}
	if _, err := db.OrganDetail(ctx, "no-such", graph.MustDate("2023-06-01")); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organ: %v, want ENOTFOUND", err)
	}
}
