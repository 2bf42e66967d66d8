package neo4jdb

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// Item returns one item with its relationships as stored, or ENOTFOUND: tests use it to see
// exactly what an import wrote.
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
		if n.Label, err = get[string](rec, "label"); err != nil {
			return n, err
		}
		if n.Props, err = get[map[string]any](rec, "props"); err != nil {
			return n, err
		}
		for _, side := range []struct {
			col string
			to  *[]graph.Edge
		}{{"out", &n.Out}, {"in", &n.In}} {
			list, err := get[[]any](rec, side.col)
			if err != nil {
				return n, err
			}
			for i, v := range list {
				e, err := edge(v)
				if err != nil {
					return n, fmt.Errorf("column %s[%d]: %w", side.col, i, err)
				}
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

// edge reads one entry of item.cypher's out or in column: {type, id, label, props}.
func edge(v any) (graph.Edge, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return graph.Edge{}, fmt.Errorf("want a map, got %T", v)
	}
	var e graph.Edge
	var err error
	if e.Type, err = need[string](m, "type"); err != nil {
		return e, err
	}
	if e.ID, err = need[string](m, "id"); err != nil {
		return e, err
	}
	// An item with no label but Item has none to show.
	if e.Label, err = opt[string](m, "label"); err != nil {
		return e, err
	}
	e.Props, err = opt[map[string]any](m, "props")
	return e, err
}
