package neo4jdb

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// OrganSubtree returns an organ and its parts down to q.Depth levels as of q.At.
func (db *DB) OrganSubtree(ctx context.Context, q graph.SubtreeQuery) (graph.Subtree, error) {
	if err := q.Validate(); err != nil {
		return graph.Subtree{}, err
	}
	id, at, depth := q.ID, q.At, q.Depth
	params := map[string]any{"relationTypes": relationTypes, "id": id, "at": dateParam(at), "depth": int64(depth)}
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
	slices.SortFunc(tree.Organs, graph.CompareOrgans)
	return tree, err
}
