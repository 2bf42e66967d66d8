package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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

// DecodeWrongType runs a query through readTx and reads its integer column as a string, as a
// decoding bug would.
func (db *DB) DecodeWrongType(ctx context.Context) error {
	_, err := readTx(ctx, db, "decode_wrong_type", func(tx neo4j.ManagedTransaction) (string, error) {
		res, err := tx.Run(ctx, "RETURN 1 AS n", nil)
		if err != nil {
			return "", err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return "", err
		}
		return get[string](rec, "n")
	})
	return err
}

// ReadInTwoSteps runs two statements in one readTx and calls between after reading the
// first, so a test can make the server hang in the middle of a transaction.
func (db *DB) ReadInTwoSteps(ctx context.Context, between func()) error {
	_, err := readTx(ctx, db, "two_steps", func(tx neo4j.ManagedTransaction) (int64, error) {
		var n int64
		for _, stmt := range []string{"RETURN 1 AS n", "RETURN 2 AS n"} {
			res, err := tx.Run(ctx, stmt, nil)
			if err != nil {
				return 0, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return 0, err
			}
			if n, err = get[int64](rec, "n"); err != nil {
				return 0, err
			}
			if n == 1 {
				between()
			}
		}
		return n, nil
	})
	return err
}

// MatchNamesParams are the parameters Search gives match_names.cypher for what a user typed.
func MatchNamesParams(typed string, kinds []string) map[string]any {
	return matchNamesParams(typed, kinds)
}

// RelationTypes are the relationship types the queries take as $relationTypes.
var RelationTypes = relationTypes

// SetAuditIDs makes the import name its audit entries with next until the returned func is
// called, so that a test can make an entry collide with one already written.
func SetAuditIDs(next func() string) (restore func()) {
	old := newAuditID
	newAuditID = next
	return func() { newAuditID = old }
}
