package neo4jdb

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// MaxDepth bounds how many levels of parts a subtree goes down.
const MaxDepth = 10

// OrganSubtree returns an organ and its parts down to depth levels as of at.
func (db *DB) OrganSubtree(ctx context.Context, id string, at graph.Date, depth int) (graph.Subtree, error) {
	if depth < 0 || depth > MaxDepth {
		return graph.Subtree{}, graph.Errorf(graph.EINVALID, "depth must be between 0 and %d, not %d", MaxDepth, depth)
	}
	params := map[string]any{"id": id, "at": dateParam(at), "depth": int64(depth)}
	tree, err := readTx(ctx, db, "organ_subtree", func(tx neo4j.ManagedTransaction) (graph.Subtree, error) {
		t := graph.Subtree{Root: id}
		rows, err := collect(ctx, tx, "organ_subtree.cypher", params, func(rec *neo4j.Record) (struct{}, error) {
			return struct{}{}, readTree(rec, &t)
		})
		// The query aggregates, so a missing root gives one row with no organs.
		if err == nil && (len(rows) == 0 || len(t.Organs) == 0) {
			err = graph.Errorf(graph.ENOTFOUND, "no organ %q on %s", id, at)
		}
		return t, err
	})
	sort.Slice(tree.Organs, func(i, j int) bool {
		a, b := tree.Organs[i], tree.Organs[j]
		return a.Level < b.Level || a.Level == b.Level && a.Name < b.Name
	})
	return tree, err
}
