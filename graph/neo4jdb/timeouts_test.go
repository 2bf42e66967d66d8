package neo4jdb_test

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// slack is how much longer than QueryTimeout a call may take on a loaded machine. The point
// of these tests is that calls end, not how promptly.
const slack = 9 * time.Second

func TestDecodingErrorIsInternal(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	err := db.DecodeWrongType(context.Background())
	if graph.ErrorCode(err) != graph.EINTERNAL {
		t.Fatalf("reading an integer as a string = %v (code %q), want EINTERNAL", err, graph.ErrorCode(err))
	}
}

// silentServer accepts TCP connections and never answers, as a hung Neo4j would.
func silentServer(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return l.Addr().String()
}

func openFast(t *testing.T, cfg neo4jdb.Config) *neo4jdb.DB {
	t.Helper()
	cfg.QueryTimeout = time.Second
	db, err := neo4jdb.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		db.Close(ctx)
	})
	return db
}

// calls are a question (a read transaction) and Ping, each of which must end.
var calls = []struct {
	name string
	call func(context.Context, *neo4jdb.DB) error
}{
	{"Ready", func(ctx context.Context, db *neo4jdb.DB) error { return db.Ready(ctx) }},
	{"Item", func(ctx context.Context, db *neo4jdb.DB) error { _, err := db.Item(ctx, "x"); return err }},
	{"Ping", func(ctx context.Context, db *neo4jdb.DB) error { return db.Ping(ctx) }},
	// An export may read for as long as an import may write, but finds out that Neo4j is
	// away within a question's deadline.
	{"ReadDatasets", func(ctx context.Context, db *neo4jdb.DB) error {
		_, err := db.ReadDatasets(ctx, graph.ExportQuery{})
		return err
	}},
	{"ReadDatasets of an organisation", func(ctx context.Context, db *neo4jdb.DB) error {
		_, err := db.ReadDatasets(ctx, graph.ExportQuery{Organisation: "x"})
		return err
	}},
}

func TestSilentServerIsUnavailable(t *testing.T) {
	addr := silentServer(t)
	for _, scheme := range []string{"bolt://", "neo4j://"} {
		db := openFast(t, neo4jdb.Config{URI: scheme + addr, User: "neo4j", Password: "x", Database: "neo4j"})
		for _, c := range calls {
			start := time.Now()
			err := c.call(context.Background(), db)
			took := time.Since(start)
			if graph.ErrorCode(err) != graph.EUNAVAILABLE {
				t.Errorf("%s%s: %s = %v (code %q), want EUNAVAILABLE", scheme, addr, c.name, err, graph.ErrorCode(err))
			}
			if took > time.Second+slack {
				t.Errorf("%s%s: %s took %s with a 1 s QueryTimeout", scheme, addr, c.name, took)
			}
		}
	}
}

func TestClosedPortIsUnavailable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	for _, scheme := range []string{"bolt://", "neo4j://"} {
		db := openFast(t, neo4jdb.Config{URI: scheme + addr, User: "neo4j", Password: "x", Database: "neo4j"})
		for _, c := range calls {
			if err := c.call(context.Background(), db); graph.ErrorCode(err) != graph.EUNAVAILABLE {
				t.Errorf("%s%s: %s = %v (code %q), want EUNAVAILABLE", scheme, addr, c.name, err, graph.ErrorCode(err))
			}
		}
	}
}

func TestCanceledIsNotUnavailable(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range calls {
		err := c.call(canceled, db)
		if !errors.Is(err, context.Canceled) || graph.ErrorCode(err) == graph.EUNAVAILABLE {
			t.Errorf("%s with a cancelled context = %v (code %q), want context.Canceled, not EUNAVAILABLE", c.name, err, graph.ErrorCode(err))
		}
	}

	// Cancelled while waiting for a server that does not answer: the driver's own error for
	// an interrupted read must not hide the cancellation.
	silent := openFast(t, neo4jdb.Config{URI: "bolt://" + silentServer(t), User: "neo4j", Password: "x", Database: "neo4j"})
	for _, c := range calls {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		err := c.call(ctx, silent)
		if !errors.Is(err, context.Canceled) || graph.ErrorCode(err) == graph.EUNAVAILABLE {
			t.Errorf("%s cancelled mid-connect = %v (code %q), want context.Canceled, not EUNAVAILABLE", c.name, err, graph.ErrorCode(err))
		}
	}
}

// freezingProxy forwards TCP to upstream until freeze is called; from then on it delivers
// nothing in either direction but keeps the connections open, as a server that hangs while
// connections are pooled.
func freezingProxy(t *testing.T, upstream string) (addr string, freeze func()) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var frozen atomic.Bool
	stop := make(chan struct{})
	pipe := func(dst, src net.Conn) {
		defer dst.Close()
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 && frozen.Load() {
				<-stop
				return
			}
			if n > 0 {
				if _, err := dst.Write(buf[:n]); err != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", upstream)
			if err != nil {
				c.Close()
				continue
			}
			go pipe(u, c)
			go pipe(c, u)
		}
	}()
	t.Cleanup(func() { close(stop); l.Close() })
	return l.Addr().String(), func() { frozen.Store(true) }
}

// A server that stops answering on a connection already in the pool: the statements of a
// transaction and the reading of their results must be bounded too, not only connecting.
func TestHungServerIsUnavailable(t *testing.T) {
	cfg := neo4jdbtest.Config(t)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	neo4jdbtest.MustOpen(t) // the schema, so that Ready passes
	addr, freeze := freezingProxy(t, u.Host)
	// bolt://: with routing, the driver would go to the address the server advertises.
	cfg.URI = "bolt://" + addr
	db := openFast(t, cfg)
	if err := db.Ready(context.Background()); err != nil {
		t.Fatalf("Ready through the proxy: %v", err)
	}
	// Hanging in the middle of a transaction: the statements' own reads must be bounded.
	start := time.Now()
	err = db.ReadInTwoSteps(context.Background(), freeze)
	took := time.Since(start)
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Errorf("hang mid-transaction = %v (code %q), want EUNAVAILABLE", err, graph.ErrorCode(err))
	}
	if took > time.Second+slack {
		t.Errorf("hang mid-transaction took %s with a 1 s QueryTimeout", took)
	}
	// Hanging for good: new transactions on pooled connections.
	for _, c := range calls {
		start := time.Now()
		err := c.call(context.Background(), db)
		took := time.Since(start)
		if graph.ErrorCode(err) != graph.EUNAVAILABLE {
			t.Errorf("%s against a hung server = %v (code %q), want EUNAVAILABLE", c.name, err, graph.ErrorCode(err))
		}
		if took > time.Second+slack {
			t.Errorf("%s against a hung server took %s with a 1 s QueryTimeout", c.name, took)
		}
	}
}

// Creating a uniqueness constraint fails when the data already violates it; ApplySchema must
// say so and name the constraint, not lose the failure in an unread result.
func TestApplySchemaReportsFailedConstraint(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	ctx := context.Background()
	run := cypherRunner(t)
	t.Cleanup(func() {
		run("MATCH (n:Organ {id: 'dup'}) DELETE n")
		if err := db.ApplySchema(ctx); err != nil {
			t.Errorf("ApplySchema after removing the duplicates: %v", err)
		}
	})
	run("DROP CONSTRAINT organ_id")
	run("CREATE (:Organ {id: 'dup'}), (:Organ {id: 'dup'})")
	err := db.ApplySchema(ctx)
	if err == nil {
		t.Fatal("ApplySchema with duplicate Organ ids: no error")
	}
	if !strings.Contains(err.Error(), "constraint organ_id") {
		t.Errorf("ApplySchema = %v; want the error to name constraint organ_id", err)
	}
	if code := graph.ErrorCode(err); code == graph.EUNAVAILABLE {
		t.Errorf("ApplySchema = %v: EUNAVAILABLE would be retried for ever", err)
	}
}

// cypherRunner runs statements on the test server behind the store's back, failing the test
// on an error.
func cypherRunner(t *testing.T) func(stmt string) {
	drv := rawDriver(t)
	return func(stmt string) {
		t.Helper()
		if _, err := neo4j.ExecuteQuery(context.Background(), drv, stmt, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// With an equivalent constraint under another name, CREATE ... IF NOT EXISTS does nothing
// and the schema's own name never comes online; ApplySchema and Ready must name it.
func TestApplySchemaReportsMissingIndex(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	ctx := context.Background()
	run := cypherRunner(t)
	t.Cleanup(func() {
		run("DROP CONSTRAINT organ_id_elsewhere IF EXISTS")
		if err := db.ApplySchema(ctx); err != nil {
			t.Errorf("ApplySchema after the clean-up: %v", err)
		}
	})
	run("DROP CONSTRAINT organ_id")
	run("CREATE CONSTRAINT organ_id_elsewhere FOR (n:Organ) REQUIRE n.id IS UNIQUE")
	err := db.ApplySchema(ctx)
	if err == nil || !strings.Contains(err.Error(), "organ_id") {
		t.Errorf("ApplySchema with organ_id's constraint under another name = %v; want an error naming organ_id", err)
	}
	err = db.Ready(ctx)
	if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(graph.ErrorMessage(err), "organ_id") {
		t.Errorf("Ready = %v; want EUNAVAILABLE naming organ_id", err)
	}
}

// An index whose population fails (a value too large for a range index) is FAILED after
// db.awaitIndexes; ApplySchema must return an error naming it.
func TestApplySchemaReportsFailedIndex(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	ctx := context.Background()
	run := cypherRunner(t)
	t.Cleanup(func() {
		run("MATCH (n:Organ {id: 'huge'}) DELETE n")
		run("DROP INDEX organ_name IF EXISTS")
		if err := db.ApplySchema(ctx); err != nil {
			t.Errorf("ApplySchema after the clean-up: %v", err)
		}
	})
	run("DROP INDEX organ_name")
	run("CREATE (:Organ {id: 'huge', name: reduce(s = '', i IN range(1, 5000) | s + toString(i))})")
	err := db.ApplySchema(ctx)
	if err == nil || !strings.Contains(graph.ErrorMessage(err), "organ_name") {
		t.Errorf("ApplySchema with an index that fails to populate = %v; want an error naming organ_name", err)
	}
	if code := graph.ErrorCode(err); code == graph.EUNAVAILABLE {
		t.Errorf("ApplySchema = %v: EUNAVAILABLE would be retried for ever", err)
	}
}
