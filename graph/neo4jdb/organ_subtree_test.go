package neo4jdb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func renderTree(t graph.Subtree) string {
	var lines []string
	for _, o := range t.Organs {
		var seats []string
		for _, s := range o.Seats {
			var holders []string
			for _, h := range s.Holders {
				holders = append(holders, h.ID)
			}
			seats = append(seats, s.ID+"["+strings.Join(holders, ",")+"]")
		}
		lines = append(lines, fmt.Sprintf("%d %s<%s %s", o.Level, o.ID, o.Parent, strings.Join(seats, " ")))
	}
	for _, e := range t.Edges {
		lines = append(lines, e.Type+" "+e.From+">"+e.To)
	}
	return strings.Join(lines, "\n")
}

func TestOrganSubtree(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
	ctx := context.Background()
	for _, tc := range []struct {
		at    string
		depth int
		want  string
	}{
		{"2025-01-01", 1, "0 test-rs< test-rs-chair[bo]\n1 test-rsau<test-rs test-rsau-chair[bo]\n" +
			"EX_OFFICIO test-rsau-chair>test-rs-chair\nPART_OF test-rsau>test-rs"},
		{"2021-01-01", 1, "0 test-rs< test-rs-chair[anna]\n1 test-rsau<test-rs test-rsau-chair[anna]\n" +
			"EX_OFFICIO test-rsau-chair>test-rs-chair\nPART_OF test-rsau>test-rs"},
		{"2025-01-01", 0, "0 test-rs< test-rs-chair[bo]"},
	} {
		tree, err := db.OrganSubtree(ctx, graph.SubtreeQuery{ID: "test-rs", At: graph.MustDate(tc.at), Depth: tc.depth})
		if err != nil {
			t.Fatal(err)
		}
		if got := renderTree(tree); got != tc.want {
			t.Errorf("OrganSubtree(test-rs, %s, %d) =\n%s\nwant\n%s", tc.at, tc.depth, got, tc.want)
		}
	}
	if _, err := db.OrganSubtree(ctx, graph.SubtreeQuery{ID: "no-such", At: graph.MustDate("2025-01-01"), Depth: 1}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organ: %v", err)
	}
	_, err := db.OrganSubtree(ctx, graph.SubtreeQuery{ID: "test-rs", At: graph.MustDate("2025-01-01"), Depth: 11})
	if graph.ErrorCode(err) != graph.EINVALID || graph.ErrorMessage(err) != "depth: want a whole number from 0 to 10, got 11" {
		t.Errorf("depth 11: %v", err)
	}
}
