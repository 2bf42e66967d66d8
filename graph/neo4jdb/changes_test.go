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
	mustImport(t, db, "testdata/changes.yaml")
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
		got, err := db.Changes(ctx, "ch-region", graph.MustDate(tc.from), graph.MustDate(tc.to))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, c := range got {
			lines = append(lines, strings.Join([]string{c.Date.String(), c.Change, c.What, c.ID}, " "))
		}
		if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("Changes(%s, %s) =\n  %s\nwant\n  %s", tc.from, tc.to, strings.Join(lines, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}
	if _, err := db.Changes(ctx, "ch-region", graph.MustDate("2024-01-01"), graph.MustDate("2024-01-01")); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("from == to: %v, want EINVALID", err)
	}
	if _, err := db.Changes(ctx, "nope", graph.MustDate("2024-01-01"), graph.MustDate("2024-02-01")); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v, want ENOTFOUND", err)
	}
}
