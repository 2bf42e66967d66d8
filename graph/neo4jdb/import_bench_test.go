package neo4jdb_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// synthetic makes a dataset of n organs, each with a chair and two member seats, belonging to
// one of 290 kommuner and reporting to its predecessor: 4n items, about 7n relationships.
func synthetic(n int) dataset.Graph {
	var g dataset.Graph
	node := func(label, id string, props map[string]any) {
		props["id"], props["dataset"] = id, "bench"
		g.Nodes = append(g.Nodes, dataset.Node{Label: label, ID: id, Dataset: "bench", Props: props})
	}
	rel := func(typ, from, to string) {
		key := typ + "|" + from + "|" + to
		g.Rels = append(g.Rels, dataset.Rel{Type: typ, From: from, To: to, Key: key, Dataset: "bench",
			Props: map[string]any{"key": key, "dataset": "bench"}})
	}
	for k := 0; k < 290; k++ {
		node("Organisation", fmt.Sprintf("kommun-%d", k), map[string]any{"name": fmt.Sprintf("Kommun %d", k), "kind": "kommun"})
	}
	for i := 0; i < n; i++ {
		organ := fmt.Sprintf("organ-%d", i)
		node("Organ", organ, map[string]any{"name": fmt.Sprintf("Nämnd %d", i), "kind": "namnd"})
		rel("BELONGS_TO", organ, fmt.Sprintf("kommun-%d", i%290))
		if i > 0 {
			rel("REPORTS_TO", organ, fmt.Sprintf("organ-%d", i-1))
		}
		for s, kind := range []string{"chair", "member", "member"} {
			post := fmt.Sprintf("%s-post-%d", organ, s)
			node("Post", post, map[string]any{"title": kind, "kind": kind, "max_holders": int64(1)})
			rel("SEAT_OF", post, organ)
			if s > 0 {
				rel("EX_OFFICIO", post, fmt.Sprintf("%s-post-0", organ))
			}
		}
	}
	return g
}

// BenchmarkImport measures a first import into an empty database and a re-import that finds
// nothing to change. go test ./graph/neo4jdb -run XXX -bench Import -benchtime 1x
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		g := synthetic(n)
		b.Run(fmt.Sprintf("first/%d-items/%d-rels", len(g.Nodes), len(g.Rels)), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := neo4jdbtest.MustOpen(b)
				b.StartTimer()
				if _, err := db.ImportGraph(context.Background(), g, []string{"bench"}, graph.ImportOptions{By: neo4jdbtest.By}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(g.Rels))*float64(b.N)/b.Elapsed().Seconds(), "rels/s")
		})
		b.Run(fmt.Sprintf("unchanged/%d-items/%d-rels", len(g.Nodes), len(g.Rels)), func(b *testing.B) {
			db := neo4jdbtest.MustOpen(b)
			if _, err := db.ImportGraph(context.Background(), g, []string{"bench"}, graph.ImportOptions{By: neo4jdbtest.By}); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := db.ImportGraph(context.Background(), g, []string{"bench"}, graph.ImportOptions{By: neo4jdbtest.By})
				if err != nil || !res.Unchanged() {
					b.Fatalf("re-import: %v, unchanged=%v", err, res.Unchanged())
				}
			}
		})
	}
}
