package neo4jdb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestChanges(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/changes.yaml")
	ctx := context.Background()
	for _, tc := range []struct {
		from, to string
		want     []string
	}{
		{"2024-01-01", "2024-12-31", []string{
			"2024-02-01 started Mandate ch-m",
			"2024-03-01 started Organ ch-new",
			"2024-03-01 started REPORTS_TO ch-new>ch-rs",
			"2024-06-30 ended HOLDS ch-p1>ch-rs-chair",
			"2024-07-01 started HOLDS ch-p2>ch-rs-chair",
			"2024-08-31 ended StaffFunction ch-sf",
		}},
		{"2023-06-01", "2024-01-01", []string{
			"2023-12-31 ended OVERSEES ch-rs>ch-old",
			"2023-12-31 ended Organ ch-old",
		}},
		{"2019-01-01", "2019-12-31", nil},
	} {
		got, err := db.Changes(ctx, graph.ChangesQuery{Organisation: "ch-region", From: graph.MustDate(tc.from), To: graph.MustDate(tc.to)})
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != len(tc.want) {
			t.Errorf("Changes(%s, %s) total = %d, want %d", tc.from, tc.to, got.Total, len(tc.want))
		}
		var lines []string
		for _, c := range got.Items {
			lines = append(lines, strings.Join([]string{c.Date.String(), c.Change, c.What, c.ID}, " "))
		}
		if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("Changes(%s, %s) =\n  %s\nwant\n  %s", tc.from, tc.to, strings.Join(lines, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}
	_, err := db.Changes(ctx, graph.ChangesQuery{Organisation: "ch-region", From: graph.MustDate("2024-01-01"), To: graph.MustDate("2024-01-01")})
	if graph.ErrorCode(err) != graph.EINVALID || graph.ErrorMessage(err) != "from (2024-01-01) must be before to (2024-01-01)" {
		t.Errorf("from == to: %v, want EINVALID", err)
	}
	if _, err := db.Changes(ctx, graph.ChangesQuery{Organisation: "nope", From: graph.MustDate("2024-01-01"), To: graph.MustDate("2024-02-01")}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v, want ENOTFOUND", err)
	}
}

// TestChangesPages checks that changes come one page at a time, in date order across pages,
// and that the total counts every change.
func TestChangesPages(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/changes.yaml")
	ctx := context.Background()
	ask := func(p graph.Page) graph.List[graph.Change] {
		t.Helper()
		l, err := db.Changes(ctx, graph.ChangesQuery{Organisation: "ch-region", From: graph.MustDate("2024-01-01"), To: graph.MustDate("2024-12-31"), Page: p})
		if err != nil {
			t.Fatalf("Changes(%+v): %v", p, err)
		}
		return l
	}
	lines := func(cs []graph.Change) []string {
		var out []string
		for _, c := range cs {
			out = append(out, strings.Join([]string{c.Date.String(), c.Change, c.What, c.ID}, " "))
		}
		return out
	}
	// The six changes of 2024 (TestChanges lists them), four to a page.
	first, second := ask(graph.Page{Limit: 4}), ask(graph.Page{Offset: 4, Limit: 4})
	if len(first.Items) != 4 || first.Total != 6 || len(second.Items) != 2 || second.Total != 6 {
		t.Errorf("pages of %d and %d changes, totals %d and %d; want 4 and 2 of 6", len(first.Items), len(second.Items), first.Total, second.Total)
	}
	sameLines(t, "first page", lines(first.Items), []string{
		"2024-02-01 started Mandate ch-m",
		"2024-03-01 started Organ ch-new",
		"2024-03-01 started REPORTS_TO ch-new>ch-rs",
		"2024-06-30 ended HOLDS ch-p1>ch-rs-chair",
	})
	sameLines(t, "second page", lines(second.Items), []string{
		"2024-07-01 started HOLDS ch-p2>ch-rs-chair",
		"2024-08-31 ended StaffFunction ch-sf",
	})
	if !first.More(graph.Page{Limit: 4}) || second.More(graph.Page{Offset: 4, Limit: 4}) {
		t.Error("More: want true after the first page and false after the second")
	}
}
