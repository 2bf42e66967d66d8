package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

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
