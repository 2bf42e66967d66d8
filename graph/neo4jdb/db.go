// Package neo4jdb is the Neo4j implementation behind package graph: it owns the driver,
// applies the schema, runs the statements of package queries and translates driver errors
// into *graph.Error at this boundary.
package neo4jdb

import (
	"context"
	"log/slog"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// Config says where Neo4j is. URI may be bolt://, neo4j:// (routing: reads go to readers of
// a cluster), or their +s/+ssc TLS forms. An empty Password means no authentication.
type Config struct {
	URI      string
	User     string
	Password string
	Database string
}

// DB is a handle on one Neo4j database. It is safe for concurrent use and cheap to share;
// it holds no state of its own beyond the driver's connection pool.
type DB struct {
	driver   neo4j.DriverWithContext
	database string
	observe  func(query string, d time.Duration, err error)
}

// SetObserver has every transaction reported (query name, duration, error), e.g. to
// Prometheus. Set it before use; it is not synchronised.
func (db *DB) SetObserver(fn func(query string, d time.Duration, err error)) {
	db.observe = fn
}

// Open creates the driver. It does not need Neo4j to be up: the driver connects lazily, so a
// service can start before its database and become ready when the database does.
func Open(cfg Config) (*DB, error) {
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		// Fail fast rather than hang a request for the driver's 30 s default retry window.
		c.MaxTransactionRetryTime = 5 * time.Second
		c.SocketConnectTimeout = 2 * time.Second
		c.ConnectionAcquisitionTimeout = 5 * time.Second
	})
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "NEO4J_URI %q: %v", cfg.URI, err)
	}
	return &DB{driver: driver, database: cfg.Database}, nil
}

// Close releases the driver's connections.
func (db *DB) Close(ctx context.Context) error {
	return db.driver.Close(ctx)
}

// Ping checks that Neo4j answers.
func (db *DB) Ping(ctx context.Context) error {
	return translate("reaching Neo4j", db.driver.VerifyConnectivity(ctx))
}

// ApplySchema creates the constraints and indexes of queries/schema.cypher that do not exist
// yet, and waits for the indexes to come online.
func (db *DB) ApplySchema(ctx context.Context) error {
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	for _, stmt := range queries.Schema() {
		// Schema commands cannot share a transaction with each other, so each runs on its own.
		if _, err := session.Run(ctx, stmt, nil); err != nil {
			return translate("applying schema", err)
		}
	}
	if _, err := session.Run(ctx, "CALL db.awaitIndexes(60)", nil); err != nil {
		return translate("waiting for indexes", err)
	}
	return nil
}

// Ready reports whether Neo4j is reachable and every constraint and index of the schema
// exists and is online. It returns an EUNAVAILABLE error saying what is missing otherwise.
func (db *DB) Ready(ctx context.Context) error {
	want := queries.SchemaNames()
	online, err := readTx(ctx, db, "schema_status", func(tx neo4j.ManagedTransaction) (int64, error) {
		res, err := tx.Run(ctx, queries.Text("schema_status.cypher"), map[string]any{"names": want})
		if err != nil {
			return 0, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return 0, err
		}
		n, _, err := neo4j.GetRecordValue[int64](rec, "online")
		return n, err
	})
	if err != nil {
		return err
	}
	if int(online) != len(want) {
		return graph.Errorf(graph.EUNAVAILABLE, "schema not applied: %d of %d constraints and indexes online", online, len(want))
	}
	return nil
}

// readTx runs fn as a managed read transaction (routed to a reader in a cluster) and
// translates its error. name says what was being done, for errors and logs.
func readTx[T any](ctx context.Context, db *DB, name string, fn func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runTx(ctx, db, name, neo4j.AccessModeRead, fn)
}

// writeTx is readTx for writes: one transaction, committed whole or not at all.
func writeTx[T any](ctx context.Context, db *DB, name string, fn func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runTx(ctx, db, name, neo4j.AccessModeWrite, fn)
}

func runTx[T any](ctx context.Context, db *DB, name string, mode neo4j.AccessMode, fn func(neo4j.ManagedTransaction) (T, error)) (result T, err error) {
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: mode})
	defer func() {
		// A failed Close must not hide the transaction's own error.
		if cerr := session.Close(ctx); cerr != nil && err == nil {
			slog.WarnContext(ctx, "closing Neo4j session", "query", name, "err", cerr)
		}
	}()
	work := func(tx neo4j.ManagedTransaction) (any, error) { return fn(tx) }
	if db.observe != nil {
		start := time.Now()
		defer func() { db.observe(name, time.Since(start), err) }()
	}
	var out any
	if mode == neo4j.AccessModeRead {
		out, err = session.ExecuteRead(ctx, work)
	} else {
		out, err = session.ExecuteWrite(ctx, work)
	}
	if err != nil {
		return result, translate("query "+name, err)
	}
	return out.(T), nil
}

// exec runs one auto-commit statement, for the few statements that cannot run inside a
// managed transaction (CALL { } IN TRANSACTIONS).
func (db *DB) exec(ctx context.Context, name, stmt string, params map[string]any) error {
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	res, err := session.Run(ctx, stmt, params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return translate(name, err)
	}
	return nil
}

// DeleteAll removes every node and relationship (not the schema). Tests use it to start from
// a known state.
func (db *DB) DeleteAll(ctx context.Context) error {
	return db.exec(ctx, "deleting all data", queries.Text("delete_all.cypher"), nil)
}
