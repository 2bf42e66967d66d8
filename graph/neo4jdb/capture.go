package neo4jdb

import (
	"context"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Statement is one Cypher statement and its parameters, as a question sent it.
type Statement struct {
	Cypher string
	Params map[string]any
}

type captureKey struct{}

type captured struct {
	mu    sync.Mutex
	stmts []Statement
}

// WithCapture returns a context under which every statement a question runs is also
// recorded, and a func that returns them: the benchmark replays them through the driver
// alone (Replay) to measure the floor under styrgraf's own cost.
func WithCapture(ctx context.Context) (context.Context, func() []Statement) {
	c := &captured{}
	return context.WithValue(ctx, captureKey{}, c), func() []Statement {
		c.mu.Lock()
		defer c.mu.Unlock()
		return append([]Statement(nil), c.stmts...)
	}
}

func capture(ctx context.Context, cypher string, params map[string]any) {
	if c, ok := ctx.Value(captureKey{}).(*captured); ok {
		c.mu.Lock()
		c.stmts = append(c.stmts, Statement{cypher, params})
		c.mu.Unlock()
	}
}

// Replay runs the statements in one read transaction through the driver alone, reading
// every record and mapping none: what answering costs without styrgraf. It returns how many
// records came back.
func (db *DB) Replay(ctx context.Context, stmts []Statement) (int, error) {
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	n, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		records := 0
		for _, s := range stmts {
			res, err := tx.Run(ctx, s.Cypher, s.Params)
			if err != nil {
				return 0, err
			}
			for res.Next(ctx) {
				records++
			}
			if err := res.Err(); err != nil {
				return 0, err
			}
		}
		return records, nil
	})
	if err != nil {
		return 0, err
	}
	return n.(int), nil
}
