package neo4jdb_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestSearch(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	mustImport(t, db, validFile)
	ctx := context.Background()
	render := func(hits []graph.SearchHit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, fmt.Sprintf("%s %s (%s)", h.Kind, h.ID, h.Organisation))
		}
		return out
	}
	// Case does not matter.
	hits, err := db.Search(ctx, "ARBETSUTSKOTT", 10)
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "Search(ARBETSUTSKOTT)", render(hits), []string{"Organ test-rsau (Testregionen)"})
	hits, err = db.Search(ctx, "ordförande", 10)
	if err != nil {
		t.Fatal(err)
	}
	// Both chairs match equally; ties are broken by name, then id.
	sameLines(t, "Search(ordförande)", render(hits), []string{"Post test-rs-chair (Testregionen)", "Post test-rsau-chair (Testregionen)"})
	if hits, _ := db.Search(ctx, "ordförande", 1); len(hits) != 1 {
		t.Errorf("limit 1 gave %d hits", len(hits))
	}
	if hits, err := db.Search(ctx, "finnsinte", 10); err != nil || len(hits) != 0 {
		t.Errorf("no match: %v, %v", hits, err)
	}
	if _, err := db.Search(ctx, " ", 10); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("empty search: %v", err)
	}
}

func TestPerson(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	mustImport(t, db, validFile)
	ctx := context.Background()
	seats := func(at string) []string {
		p, err := db.Person(ctx, "anna", graph.MustDate(at))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range p.Seats {
			via := ""
			if s.Via != nil {
				via = " via " + s.Via.ID
			}
			out = append(out, s.ID+" @"+s.Organ.ID+via)
		}
		return out
	}
	// Anna chaired the styrelse until 2022 and so, ex officio, its arbetsutskott.
	sameLines(t, "anna 2021", seats("2021-06-01"), []string{
		"test-rs-chair @test-rs",
		"test-rsau-chair @test-rsau via test-rs-chair",
	})
	sameLines(t, "anna 2024", seats("2024-06-01"), nil)
	if _, err := db.Person(ctx, "nobody", graph.MustDate("2024-06-01")); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown person: %v", err)
	}
}

func TestOrganisations(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	mustImport(t, db, "testdata/who_decides.yaml")
	orgs, err := db.Organisations(context.Background(), graph.MustDate("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range orgs {
		got = append(got, o.ID+" "+o.Name)
	}
	// Sorted by name: Grannregionen before Regionen.
	sameLines(t, "Organisations", got, []string{"wd-other Grannregionen", "wd-region Regionen"})
}
