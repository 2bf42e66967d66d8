package neo4jdb_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestSearch(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
	ctx := context.Background()
	render := func(hits []graph.SearchHit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, fmt.Sprintf("%s %s (%s)", h.Kind, h.ID, h.Organisation))
		}
		return out
	}
	// Case does not matter.
	hits, err := db.Search(ctx, graph.SearchQuery{Text: "ARBETSUTSKOTT", Page: graph.Page{Limit: 10}})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "Search(ARBETSUTSKOTT)", render(hits.Items), []string{"Organ test-rsau (Testregionen)"})
	if hits.Total != 1 {
		t.Errorf("Search(ARBETSUTSKOTT) total = %d, want 1", hits.Total)
	}
	hits, err = db.Search(ctx, graph.SearchQuery{Text: "ordförande", Page: graph.Page{Limit: 10}})
	if err != nil {
		t.Fatal(err)
	}
	// Both chairs match equally; ties are broken by name, then id.
	sameLines(t, "Search(ordförande)", render(hits.Items), []string{"Post test-rs-chair (Testregionen)", "Post test-rsau-chair (Testregionen)"})
	if hits, _ := db.Search(ctx, graph.SearchQuery{Text: "ordförande", Page: graph.Page{Limit: 1}}); len(hits.Items) != 1 || hits.Total != 2 {
		t.Errorf("limit 1 gave %d hits of %d, want 1 of 2", len(hits.Items), hits.Total)
	}
	if hits, err := db.Search(ctx, graph.SearchQuery{Text: "finnsinte", Page: graph.Page{Limit: 10}}); err != nil || len(hits.Items) != 0 || hits.Total != 0 || hits.Items == nil {
		t.Errorf("no match: %#v, %v; want an empty, non-nil list", hits, err)
	}
	_, err = db.Search(ctx, graph.SearchQuery{Text: " ", Page: graph.Page{Limit: 10}})
	if graph.ErrorCode(err) != graph.EINVALID || graph.ErrorMessage(err) != "q: say what to search for" {
		t.Errorf("empty search: %v", err)
	}
	for _, p := range []graph.Page{{Limit: -1}, {Limit: graph.MaxLimit + 1}, {Offset: -1, Limit: 10}} {
		if _, err := db.Search(ctx, graph.SearchQuery{Text: "ordförande", Page: p}); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Search with page %+v: %v, want EINVALID", p, err)
		}
	}
}

// TestSearchPages checks that a search answers one page at a time and that its total counts
// every hit, not only those of the page.
func TestSearchPages(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	// 120 organs whose names share a word: more than the default page of 100.
	const n = 120
	var b strings.Builder
	b.WriteString("dataset: pages\norganisations:\n  - {id: pg-region, name: Sidregionen, kind: region}\norgans:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: pg-%03d, name: Zebragruppen %03d, kind: namnd, organisation: pg-region}\n", i, i)
	}
	path := filepath.Join(t.TempDir(), "pages.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	neo4jdbtest.MustImport(t, db, path)
	ctx := context.Background()
	search := func(p graph.Page) graph.List[graph.SearchHit] {
		t.Helper()
		hits, err := db.Search(ctx, graph.SearchQuery{Text: "zebragruppen", Page: p})
		if err != nil {
			t.Fatalf("Search(zebragruppen, %+v): %v", p, err)
		}
		return hits
	}
	ids := func(hits []graph.SearchHit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, h.ID)
		}
		return out
	}

	// The default page holds 100 hits; the total counts all 120.
	all := search(graph.Page{})
	if len(all.Items) != graph.DefaultLimit || all.Total != n {
		t.Fatalf("default page: %d hits of %d, want %d of %d", len(all.Items), all.Total, graph.DefaultLimit, n)
	}
	// The organs match equally, so they come by name: pg-000, pg-001, …
	for i, h := range all.Items {
		if want := fmt.Sprintf("pg-%03d", i); h.ID != want {
			t.Fatalf("hit %d = %s, want %s", i, h.ID, want)
		}
	}

	first := search(graph.Page{Limit: 2})
	if len(first.Items) != 2 || first.Total != n {
		t.Errorf("first page: %d hits of %d, want 2 of %d", len(first.Items), first.Total, n)
	}
	second := search(graph.Page{Offset: 2, Limit: 2})
	if len(second.Items) != 2 || second.Total != n {
		t.Errorf("second page: %d hits of %d, want 2 of %d", len(second.Items), second.Total, n)
	}
	sameLines(t, "first page", ids(first.Items), []string{"pg-000", "pg-001"})
	sameLines(t, "second page", ids(second.Items), []string{"pg-002", "pg-003"})
	if !first.More(graph.Page{Limit: 2}) {
		t.Error("first page: More = false, want true")
	}

	// The last page holds what is left; past the end there is nothing, but the total stays.
	last := search(graph.Page{Offset: 100, Limit: 100})
	if len(last.Items) != n-100 || last.Total != n || last.Items[0].ID != "pg-100" || last.More(graph.Page{Offset: 100, Limit: 100}) {
		t.Errorf("last page: %v of %d, want pg-100 … pg-119 of %d and no more", ids(last.Items), last.Total, n)
	}
	if past := search(graph.Page{Offset: 500, Limit: 10}); len(past.Items) != 0 || past.Items == nil || past.Total != n {
		t.Errorf("past the end: %#v, want no hits (an empty list) of %d", past, n)
	}
}

func TestPerson(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
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
	neo4jdbtest.MustImport(t, db, "testdata/who_decides.yaml")
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
