// Package neo4jdb is the Neo4j implementation behind package graph: it owns the driver,
// applies the schema, runs the statements of package queries and translates driver errors
// into *graph.Error at this boundary.
package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// Config says where Neo4j is and how long to wait for it. URI may be bolt://, neo4j://
// (routing: reads go to readers of a cluster), or their +s/+ssc TLS forms. An empty Password
// means no authentication.
type Config struct {
	URI      string
	User     string
	Password string
	Database string

	// QueryTimeout bounds every question (each transaction readTx and writeTx run, and Ping),
	// from acquiring a connection to reading the last record, so that no request hangs when
	// Neo4j accepts connections but stops answering. Neo4j is asked to end the transaction
	// after the same time, so that work nobody waits for stops. Zero means
	// DefaultQueryTimeout.
	QueryTimeout time.Duration
	// ImportTimeout replaces QueryTimeout for bulk work: the import's single transaction (and
	// its dry run), ApplySchema (index population on a large database) and DeleteAll. Zero
	// means DefaultImportTimeout.
	ImportTimeout time.Duration
}

// Defaults for the Config time-outs. A question that needs more than 15 s is a bug or an
// overloaded server; an import of a whole organisation writes in one transaction.
const (
	DefaultQueryTimeout  = 15 * time.Second
	DefaultImportTimeout = 10 * time.Minute
)

// DB is a handle on one Neo4j database. It is safe for concurrent use and cheap to share;
// it holds no state of its own beyond the driver's connection pool.
type DB struct {
	driver        neo4j.DriverWithContext
	database      string
	queryTimeout  time.Duration
	importTimeout time.Duration
	observe       func(query string, d time.Duration, err error)
}

// SetObserver has every transaction reported (query name, duration, error), e.g. to
// Prometheus. Set it before use; it is not synchronised.
func (db *DB) SetObserver(fn func(query string, d time.Duration, err error)) {
	db.observe = fn
}

// DB is the Neo4j implementation of the graph services.
var (
	_ graph.Service      = (*DB)(nil)
	_ graph.DatasetStore = (*DB)(nil)
)

// Open creates the driver. It does not need Neo4j to be up: the driver connects lazily, so a
// service can start before its database and become ready when the database does.
func Open(cfg Config) (*DB, error) {
	if cfg.QueryTimeout < 0 || cfg.ImportTimeout < 0 {
		return nil, graph.Errorf(graph.EINVALID, "Neo4j time-outs must not be negative (query %s, import %s)", cfg.QueryTimeout, cfg.ImportTimeout)
	}
	db := &DB{database: cfg.Database, queryTimeout: cfg.QueryTimeout, importTimeout: cfg.ImportTimeout}
	if db.queryTimeout == 0 {
		db.queryTimeout = DefaultQueryTimeout
	}
	if db.importTimeout == 0 {
		db.importTimeout = DefaultImportTimeout
	}
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		// Fail fast rather than hang a request for the driver's 30 s default retry window.
		c.MaxTransactionRetryTime = 5 * time.Second
		c.SocketConnectTimeout = 2 * time.Second
		// Also bounds the Bolt handshake, so a server that accepts connections but never
		// answers is given up on after this long when a new connection is needed.
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		// The default, stated because it matters: TCP keep-alive notices a peer that vanished
		// (host down, connection dropped by a firewall) on idle pooled connections. A server
		// process that is up but does not answer is caught by the time-outs instead.
		c.SocketKeepalive = true
	})
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "NEO4J_URI %q: %v", cfg.URI, err)
	}
	db.driver = driver
	return db, nil
}

// Close releases the driver's connections.
func (db *DB) Close(ctx context.Context) error {
	return db.driver.Close(ctx)
}

// Ping checks that Neo4j answers, within QueryTimeout.
func (db *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, db.queryTimeout)
	defer cancel()
	return translateCtx(ctx, "reaching Neo4j", db.driver.VerifyConnectivity(ctx))
}

// indexWait is how long ApplySchema lets Neo4j populate new indexes.
const indexWait = 60 * time.Second

// ApplySchema creates the constraints and indexes of queries/schema.cypher that do not exist
// yet, waits for the indexes to come online and checks that every one of them is ONLINE. A
// statement that fails, or an index that is missing or not online afterwards (e.g. it failed
// to populate, or an equivalent one exists under another name), is an error naming it.
func (db *DB) ApplySchema(ctx context.Context) (err error) {
	ctx, cancel := context.WithTimeout(ctx, db.importTimeout)
	defer cancel()
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeWrite})
	defer func() { err = closeSession(ctx, session, "applying schema", err) }()
	for _, stmt := range queries.Schema() {
		// Schema commands cannot share a transaction with each other, so each runs on its own.
		if err := consume(ctx, session, stmt, nil); err != nil {
			return translateCtx(ctx, "applying schema: "+schemaObject(stmt), err)
		}
	}
	await := fmt.Sprintf("CALL db.awaitIndexes(%d)", int(indexWait.Seconds()))
	awaitErr := consume(ctx, session, await, nil)
	if awaitErr != nil && ctx.Err() != nil {
		return translateCtx(ctx, "waiting for indexes", awaitErr)
	}
	missing, err := db.schemaNotOnline(ctx)
	if err != nil {
		return errors.Join(translateCtx(ctx, "waiting for indexes", awaitErr), err)
	}
	if len(missing) > 0 {
		// Not retryable: a missing or failed index stays so, and one still populating goes
		// on in Neo4j and is ready for the next start.
		return &graph.Error{Code: graph.EINTERNAL, Err: awaitErr, Message: fmt.Sprintf(
			"applying schema: not online after waiting %s: %s (missing, failed or still populating; see SHOW INDEXES)",
			indexWait, strings.Join(missing, ", "))}
	}
	return translateCtx(ctx, "waiting for indexes", awaitErr)
}

// schemaObject names what a schema statement creates, e.g. "constraint organ_id", for errors.
func schemaObject(stmt string) string {
	f := strings.Fields(stmt)
	for i := 0; i+1 < len(f); i++ {
		if kind := strings.ToLower(f[i]); kind == "constraint" || kind == "index" {
			return kind + " " + f[i+1]
		}
	}
	return strings.Join(f[:min(len(f), 4)], " ")
}

// Ready reports whether Neo4j is reachable and every constraint and index of the schema
// exists and is online. It returns an EUNAVAILABLE error naming what is missing otherwise.
func (db *DB) Ready(ctx context.Context) error {
	missing, err := db.schemaNotOnline(ctx)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return graph.Errorf(graph.EUNAVAILABLE, "schema not applied: %d of %d constraints and indexes not online: %s",
			len(missing), len(queries.SchemaNames()), strings.Join(missing, ", "))
	}
	return nil
}

// schemaNotOnline returns the names of the schema's constraints and indexes that are missing
// or not ONLINE. The common case (all online) is one statement; only otherwise is each name
// looked up.
func (db *DB) schemaNotOnline(ctx context.Context) ([]string, error) {
	return readTx(ctx, db, "schema_status", func(tx neo4j.ManagedTransaction) ([]string, error) {
		online := func(names []string) (int64, error) {
			res, err := tx.Run(ctx, queries.Text("schema_status.cypher"), map[string]any{"names": names})
			if err != nil {
				return 0, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return 0, err
			}
			return get[int64](rec, "online")
		}
		want := queries.SchemaNames()
		n, err := online(want)
		if err != nil || int(n) == len(want) {
			return nil, err
		}
		var missing []string
		for _, name := range want {
			n, err := online([]string{name})
			if err != nil {
				return nil, err
			}
			if n == 0 {
				missing = append(missing, name)
			}
		}
		return missing, nil
	})
}

// readTx runs fn as a managed read transaction (routed to a reader in a cluster) within
// QueryTimeout and translates its error. name says what was being done, for errors and the
// observer.
func readTx[T any](ctx context.Context, db *DB, name string, fn func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runTx(ctx, db, name, neo4j.AccessModeRead, db.queryTimeout, fn)
}

// writeTx is readTx for writes: one transaction, committed whole or not at all.
func writeTx[T any](ctx context.Context, db *DB, name string, fn func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runTx(ctx, db, name, neo4j.AccessModeWrite, db.queryTimeout, fn)
}

// readTxWithin and writeTxWithin are readTx and writeTx with another time-out, for bulk work
// such as Import.
func readTxWithin[T any](ctx context.Context, db *DB, name string, timeout time.Duration, fn func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runTx(ctx, db, name, neo4j.AccessModeRead, timeout, fn)
}

func writeTxWithin[T any](ctx context.Context, db *DB, name string, timeout time.Duration, fn func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runTx(ctx, db, name, neo4j.AccessModeWrite, timeout, fn)
}

// runTx runs fn as a managed transaction that must end within timeout of the call: the
// deadline is set on the caller's context, so cancellation still travels, and Neo4j is asked
// to end the transaction after the same time.
func runTx[T any](ctx context.Context, db *DB, name string, mode neo4j.AccessMode, timeout time.Duration, fn func(neo4j.ManagedTransaction) (T, error)) (result T, err error) {
	if db.observe != nil {
		start := time.Now()
		defer func() { db.observe(name, time.Since(start), err) }()
	}
	op := "query " + name
	txCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	session := db.driver.NewSession(txCtx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: mode})
	defer func() { err = closeSession(txCtx, session, op, err) }()
	// fn's result travels through this variable rather than the driver's any, so no type
	// assertion is needed. The driver retries fn, so the last call wins; it is the one
	// committed when the transaction succeeds.
	work := func(tx neo4j.ManagedTransaction) (any, error) {
		var ferr error
		result, ferr = fn(boundTx{ManagedTransaction: tx, caller: ctx, bound: txCtx})
		return nil, ferr
	}
	execute := session.ExecuteWrite
	if mode == neo4j.AccessModeRead {
		execute = session.ExecuteRead
	}
	if _, err := execute(txCtx, work, neo4j.WithTxTimeout(timeout)); err != nil {
		var zero T
		return zero, translateCtx(txCtx, op, err)
	}
	return result, nil
}

// boundTx hands a transaction function the deadline of runTx: transaction functions run
// their statements, and read the results, with the context their caller gave readTx or
// writeTx, which does not carry it. Any other context is used as given.
type boundTx struct {
	neo4j.ManagedTransaction
	caller, bound context.Context
}

func (t boundTx) ctx(ctx context.Context) context.Context {
	if ctx == t.caller {
		return t.bound
	}
	return ctx
}

func (t boundTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	capture(t.caller, cypher, params)
	res, err := t.ManagedTransaction.Run(t.ctx(ctx), cypher, params)
	if err != nil {
		return nil, err
	}
	return boundResult{ResultWithContext: res, tx: t}, nil
}

// boundResult reads a result with the deadline of the transaction that produced it.
type boundResult struct {
	neo4j.ResultWithContext
	tx boundTx
}

func (r boundResult) NextRecord(ctx context.Context, record **neo4j.Record) bool {
	return r.ResultWithContext.NextRecord(r.tx.ctx(ctx), record)
}

func (r boundResult) Next(ctx context.Context) bool {
	return r.ResultWithContext.Next(r.tx.ctx(ctx))
}

func (r boundResult) PeekRecord(ctx context.Context, record **neo4j.Record) bool {
	return r.ResultWithContext.PeekRecord(r.tx.ctx(ctx), record)
}

func (r boundResult) Peek(ctx context.Context) bool {
	return r.ResultWithContext.Peek(r.tx.ctx(ctx))
}

func (r boundResult) Collect(ctx context.Context) ([]*neo4j.Record, error) {
	return r.ResultWithContext.Collect(r.tx.ctx(ctx))
}

func (r boundResult) Records(ctx context.Context) func(yield func(*neo4j.Record, error) bool) {
	return r.ResultWithContext.Records(r.tx.ctx(ctx))
}

func (r boundResult) Single(ctx context.Context) (*neo4j.Record, error) {
	return r.ResultWithContext.Single(r.tx.ctx(ctx))
}

func (r boundResult) Consume(ctx context.Context) (neo4j.ResultSummary, error) {
	return r.ResultWithContext.Consume(r.tx.ctx(ctx))
}

// consume runs one auto-commit statement and reads its result to the end: Neo4j may report
// a failure only then (a schema statement that fails, db.awaitIndexes timing out).
func consume(ctx context.Context, session neo4j.SessionWithContext, stmt string, params map[string]any) error {
	res, err := session.Run(ctx, stmt, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// closeSession closes session and returns err joined with the close error, err first, so a
// failed close is reported without hiding what went wrong before (whose code wins).
func closeSession(ctx context.Context, session neo4j.SessionWithContext, op string, err error) error {
	cerr := session.Close(ctx)
	if cerr == nil || err == nil {
		// Closing only returns the connection to the pool. After the work succeeded (for a
		// write: committed) a failure to close must not report the work as failed: the
		// caller would believe an import that is in the graph was not applied.
		return err
	}
	return errors.Join(err, translateCtx(ctx, op+": closing session", cerr))
}

// exec runs one auto-commit statement within ImportTimeout, for the few statements that
// cannot run inside a managed transaction (CALL { } IN TRANSACTIONS).
func (db *DB) exec(ctx context.Context, name, stmt string, params map[string]any) (err error) {
	ctx, cancel := context.WithTimeout(ctx, db.importTimeout)
	defer cancel()
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeWrite})
	defer func() { err = closeSession(ctx, session, name, err) }()
	return translateCtx(ctx, name, consume(ctx, session, stmt, params))
}

// DeleteAll removes every node and relationship (not the schema). Tests use it to start from
// a known state.
func (db *DB) DeleteAll(ctx context.Context) error {
	return db.exec(ctx, "deleting all data", queries.Text("delete_all.cypher"), nil)
}
