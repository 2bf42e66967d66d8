package neo4jdb

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// Item returns one item with its relationships, or ENOTFOUND.
func (db *DB) Item(ctx context.Context, id string) (graph.Node, error) {
	return readTx(ctx, db, "item", func(tx neo4j.ManagedTransaction) (graph.Node, error) {
		res, err := tx.Run(ctx, queries.Text("item.cypher"), map[string]any{"id": id})
		if err != nil {
			return graph.Node{}, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return graph.Node{}, err
			}
			return graph.Node{}, graph.Errorf(graph.ENOTFOUND, "no item has id %q", id)
		}
		rec := res.Record()
		n := graph.Node{ID: id}
		if n.Label, _, err = neo4j.GetRecordValue[string](rec, "label"); err != nil {
			return n, err
		}
		if n.Props, _, err = neo4j.GetRecordValue[map[string]any](rec, "props"); err != nil {
			return n, err
		}
		for _, side := range []struct {
			col string
			to  *[]graph.Edge
		}{{"out", &n.Out}, {"in", &n.In}} {
			list, _, err := neo4j.GetRecordValue[[]any](rec, side.col)
			if err != nil {
				return n, err
			}
			for _, v := range list {
				m := v.(map[string]any)
				e := graph.Edge{Type: m["type"].(string), ID: m["id"].(string), Label: m["label"].(string)}
				e.Props, _ = m["props"].(map[string]any)
				delete(e.Props, "dataset")
				*side.to = append(*side.to, e)
			}
			sort.Slice(*side.to, func(i, j int) bool {
				a, b := (*side.to)[i], (*side.to)[j]
				return a.Type < b.Type || a.Type == b.Type && a.ID < b.ID
			})
		}
		return n, nil
	})
}
