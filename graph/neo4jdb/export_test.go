package neo4jdb

import (
	"context"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

// ImportGraph imports an already flattened graph, so that tests can hand the store values no
// dataset file could produce.
func (db *DB) ImportGraph(ctx context.Context, g dataset.Graph, datasets []string, opts graph.ImportOptions) (graph.ImportResult, error) {
	return db.importGraph(ctx, g, datasets, opts)
}

// SetImportBatchSize changes the rows per write statement until the returned func is called.
func SetImportBatchSize(n int) (restore func()) {
	old := importBatchSize
	importBatchSize = n
	return func() { importBatchSize = old }
}
