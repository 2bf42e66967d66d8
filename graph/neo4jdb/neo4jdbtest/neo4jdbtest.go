// Package neo4jdbtest gives tests a real Neo4j database to themselves.
//
// `make test` starts throw-away Neo4j servers and lists their Bolt URIs, comma-separated, in
// STYRGRAF_TEST_NEO4J_URIS. Test binaries of different packages run in parallel, so each
// process takes an exclusive file lock on one server for its lifetime; with fewer servers
// than packages, the rest wait their turn. Without the variable, tests skip with a message,
// except under CI (CI set), where they fail: CI must never pass by not testing.
package neo4jdbtest

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// EnvURIs names the variable that lists the test servers.
const EnvURIs = "STYRGRAF_TEST_NEO4J_URIS"

var (
	once   sync.Once
	cfg    neo4jdb.Config
	cfgErr error
)

// Config returns the configuration of the server this test process holds, taking the lock
// the first time. It skips (or fails under CI) when no test server is configured.
func Config(tb testing.TB) neo4jdb.Config {
	tb.Helper()
	once.Do(func() { cfg, cfgErr = acquire() })
	if cfgErr != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("Neo4j is required under CI: %v", cfgErr)
		}
		tb.Skipf("skipping: %v (run `make test` to start a throw-away Neo4j)", cfgErr)
	}
	return cfg
}

// MustOpen returns a DB on this process's test server, emptied and with the schema applied,
// and closes it when the test ends.
func MustOpen(tb testing.TB) *neo4jdb.DB {
	tb.Helper()
	db, err := neo4jdb.Open(Config(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := db.DeleteAll(ctx); err != nil {
		tb.Fatalf("resetting test database: %v", err)
	}
	if err := db.ApplySchema(ctx); err != nil {
		tb.Fatalf("applying schema: %v", err)
	}
	return db
}

// By is who the tests' imports say they are, for the audit trail.
var By = graph.Actor{Name: "test", Via: graph.ViaCLI}

// MustImport imports dataset files or directories into db through the import pipeline every
// caller uses, as By.
func MustImport(tb testing.TB, db *neo4jdb.DB, paths ...string) graph.ImportResult {
	tb.Helper()
	files, err := dataset.ReadFiles(paths...)
	if err != nil {
		tb.Fatal(err)
	}
	im := dataset.Importer{Store: db}
	res, err := im.Import(context.Background(), files, graph.ImportOptions{By: By})
	if err != nil {
		tb.Fatalf("importing %v: %v", paths, err)
	}
	return res
}

// MustDropSchema drops every constraint and index of the test database, so that a test can
// prove that something else (serve at start-up) applies the schema.
func MustDropSchema(tb testing.TB) {
	tb.Helper()
	cfg := Config(tb)
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		tb.Fatal(err)
	}
	defer drv.Close(context.Background())
	ctx := context.Background()
	for _, q := range []struct{ show, drop string }{
		{"SHOW CONSTRAINTS YIELD name RETURN name", "DROP CONSTRAINT `%s` IF EXISTS"},
		{"SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", "DROP INDEX `%s` IF EXISTS"},
	} {
		res, err := neo4j.ExecuteQuery(ctx, drv, q.show, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			tb.Fatal(err)
		}
		for _, rec := range res.Records {
			name, _, err := neo4j.GetRecordValue[string](rec, "name")
			if err != nil {
				tb.Fatal(err)
			}
			// Names come from Neo4j itself, not from input; backquotes escape them.
			if _, err := neo4j.ExecuteQuery(ctx, drv, fmt.Sprintf(q.drop, strings.ReplaceAll(name, "`", "``")), nil,
				neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

// Snapshot summarises the whole test database, for asserting that something changed nothing.
func Snapshot(tb testing.TB, db *neo4jdb.DB) neo4jdb.Snapshot {
	tb.Helper()
	s, err := db.TakeSnapshot(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func acquire() (neo4jdb.Config, error) {
	raw := os.Getenv(EnvURIs)
	if raw == "" {
		return neo4jdb.Config{}, fmt.Errorf("%s is not set", EnvURIs)
	}
	uris := strings.Split(raw, ",")
	base := neo4jdb.Config{
		User:     envOr("NEO4J_USER", "neo4j"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: envOr("NEO4J_DATABASE", "neo4j"),
	}
	// Try every server without waiting; if all are taken, queue on one.
	for attempt := 0; attempt < 2; attempt++ {
		for i, uri := range uris {
			if i > 0 && attempt == 1 {
				break
			}
			ok, err := lock(uri, attempt == 1)
			if err != nil {
				return neo4jdb.Config{}, err
			}
			if ok {
				base.URI = routed(uri)
				return base, nil
			}
		}
	}
	return neo4jdb.Config{}, fmt.Errorf("could not lock a test server of %s", raw)
}

// routed uses neo4j:// so tests exercise routing, as a cluster deployment would.
func routed(uri string) string {
	return strings.Replace(uri, "bolt://", "neo4j://", 1)
}

// held keeps the locked file reachable: an unreachable *os.File is closed by its finalizer,
// which would silently release the lock while the tests still use the server.
//
//lint:ignore U1000 written, never read: holding the reference is the point.
var held *os.File

// lock takes an exclusive lock for uri that lasts until the process exits.
func lock(uri string, wait bool) (bool, error) {
	sum := sha256.Sum256([]byte(uri))
	path := filepath.Join(os.TempDir(), fmt.Sprintf("styrgraf-neo4j-test-%x.lock", sum[:8]))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return false, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		if err == syscall.EWOULDBLOCK {
			return false, nil
		}
		return false, err
	}
	held = f
	return true, nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
