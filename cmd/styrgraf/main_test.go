package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// MustRunMain runs the whole service on port 0 against cfg's Neo4j and stops it at the end.
func MustRunMain(t *testing.T, cfg Config) *Main {
	t.Helper()
	cfg.Addr = "127.0.0.1:0"
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return m
}

func testConfig(t *testing.T) Config {
	neo := neo4jdbtest.Config(t)
	return Config{Neo4jURI: neo.URI, Neo4jUser: neo.User, Neo4jPassword: neo.Password, Neo4jDatabase: neo.Database}
}

func status(t *testing.T, m *Main, path string) int {
	t.Helper()
	resp, err := http.Get("http://" + m.Addr() + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

// eventually polls path until it answers want, failing after limit.
func eventually(t *testing.T, m *Main, path string, want int, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		got := status(t, m, path)
		if got == want {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("GET %s = %d after %s, want %d", path, got, limit, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Serve applies the schema itself and imports -import files once Neo4j is reachable: on an
// empty database without constraints or indexes, it becomes ready and serves the examples.
func TestServeBecomesReady(t *testing.T) {
	db := neo4jdbtest.MustOpen(t) // empties the database
	neo4jdbtest.MustDropSchema(t)
	if err := db.Ready(context.Background()); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Ready without a schema = %v, want EUNAVAILABLE: the test would prove nothing", err)
	}
	cfg := testConfig(t)
	cfg.Import, cfg.Demo = []string{"../../examples"}, true
	m := MustRunMain(t, cfg)
	if got := status(t, m, "/healthz"); got != http.StatusOK {
		t.Fatalf("/healthz = %d", got)
	}
	eventually(t, m, "/readyz", http.StatusOK, 60*time.Second)
	waitForExamples(t, m)
	if err := db.Ready(context.Background()); err != nil {
		t.Errorf("Ready after serve applied the schema: %v", err)
	}
	// The import at start-up is in the audit trail, by the user running serve.
	trail, err := db.AuditEntries(context.Background(), graph.AuditQuery{})
	if err != nil || trail.Total != 1 || trail.Items[0].By != (graph.Actor{Name: m.startUpActor(), Via: graph.ViaStartUp}) || trail.Items[0].Nodes.Added < 300 {
		t.Errorf("audit trail after the import at start-up = %+v, %v; want one entry via start-up adding the examples", trail, err)
	}
}

// TestReadinessFollowsNeo4j puts a TCP proxy between styrgraf and Neo4j and cuts it, which
// is what styrgraf sees when Neo4j stops: /readyz must turn 503 within 5 s while /healthz
// stays 200, and turn 200 again once Neo4j is back, without restarting styrgraf.
func TestReadinessFollowsNeo4j(t *testing.T) {
	cfg := testConfig(t)
	target := strings.TrimPrefix(strings.TrimPrefix(cfg.Neo4jURI, "neo4j://"), "bolt://")
	p := startProxy(t, target)
	p.setUp(false)
	// bolt:// (not neo4j://) so that every connection goes through the proxy rather than to
	// the address Neo4j advertises in its routing table.
	cfg.Neo4jURI = "bolt://" + p.addr()
	m := MustRunMain(t, cfg)

	// Started while Neo4j is "down": alive, not ready.
	if got := status(t, m, "/healthz"); got != http.StatusOK {
		t.Fatalf("/healthz = %d while Neo4j is down", got)
	}
	if got := status(t, m, "/readyz"); got != http.StatusServiceUnavailable {
		t.Fatalf("/readyz = %d while Neo4j is down, want 503", got)
	}

	p.setUp(true)
	t.Logf("ready %s after Neo4j came up", eventually(t, m, "/readyz", http.StatusOK, 30*time.Second))

	p.setUp(false)
	took := eventually(t, m, "/readyz", http.StatusServiceUnavailable, 5*time.Second)
	t.Logf("not ready %s after Neo4j went down", took)
	if got := status(t, m, "/healthz"); got != http.StatusOK {
		t.Fatalf("/healthz = %d while Neo4j is down", got)
	}

	p.setUp(true)
	eventually(t, m, "/readyz", http.StatusOK, 30*time.Second)
}

// TestRoutesWhileNeo4jIsAway: when Neo4j stops (connections refused) or stops answering
// (connections accepted, nothing said), a question, an organ, a diagram and an import each
// answer 503 with Retry-After within the request deadline, never hang.
func TestRoutesWhileNeo4jIsAway(t *testing.T) {
	cfg := testConfig(t)
	neo4jdbtest.MustOpen(t)
	target := strings.TrimPrefix(strings.TrimPrefix(cfg.Neo4jURI, "neo4j://"), "bolt://")
	p := startProxy(t, target)
	p.setUp(true)
	cfg.Neo4jURI = "bolt://" + p.addr()
	cfg.Demo = true
	cfg.Tokens = "editor hr-anna " + strings.Repeat("e", 20)
	cfg.QueryTimeout = 2 * time.Second
	m := MustRunMain(t, cfg)
	eventually(t, m, "/readyz", http.StatusOK, 30*time.Second)

	valid, err := os.ReadFile("../../graph/dataset/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	requests := []struct{ method, path string }{
		{"GET", "/api/v1/questions/seats?organisation=region-halland"},
		{"GET", "/api/v1/organs/cgh"},
		{"GET", "/api/v1/organs/cgh/diagram.svg"},
		{"POST", "/api/v1/import"},
	}
	for _, mode := range []string{"refused", "silent"} {
		if mode == "refused" {
			p.setUp(false)
		} else {
			p.setHanging()
		}
		for _, r := range requests {
			req, _ := http.NewRequest(r.method, "http://"+m.Addr()+r.path, bytes.NewReader(valid))
			req.Header.Set("Authorization", "Bearer "+strings.Repeat("e", 20))
			start := time.Now()
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("%s %s %s: %v", mode, r.method, r.path, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			took := time.Since(start)
			t.Logf("%s: %s %s = %d in %s", mode, r.method, r.path, resp.StatusCode, took.Round(time.Millisecond))
			if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
				t.Errorf("%s: %s %s = %d (Retry-After %q), want 503 with Retry-After", mode, r.method, r.path, resp.StatusCode, resp.Header.Get("Retry-After"))
			}
			// The deadline is 2 s; the bound leaves room for a loaded machine, and is far
			// below the driver's own 30 s defaults that would otherwise apply.
			if took > 12*time.Second {
				t.Errorf("%s: %s %s took %s", mode, r.method, r.path, took)
			}
		}
	}
}

// proxy forwards TCP connections to target while up; going down drops every connection and
// refuses new ones, as a stopped server would. Hanging drops every connection and accepts new
// ones without ever answering, as a server that stopped responding would.
type proxy struct {
	t      *testing.T
	target string
	ln     net.Listener
	mu     sync.Mutex
	up     bool
	hang   bool
	conns  map[net.Conn]bool
}

func startProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{t: t, target: target, ln: ln, conns: map[net.Conn]bool{}}
	t.Cleanup(func() { ln.Close(); p.setUp(false) })
	go p.accept()
	return p
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) setUp(up bool) { p.set(up, false) }

func (p *proxy) setHanging() { p.set(false, true) }

func (p *proxy) set(up, hang bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.up, p.hang = up, hang
	if !up {
		for c := range p.conns {
			c.Close()
		}
		clear(p.conns)
	}
}

func (p *proxy) accept() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.hang {
			p.conns[client] = true // held open, never read nor answered
			p.mu.Unlock()
			continue
		}
		if !p.up {
			p.mu.Unlock()
			client.Close()
			continue
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			p.mu.Unlock()
			client.Close()
			continue
		}
		p.conns[client], p.conns[server] = true, true
		p.mu.Unlock()
		go func() { io.Copy(server, client); server.Close() }()
		go func() { io.Copy(client, server); client.Close() }()
	}
}
