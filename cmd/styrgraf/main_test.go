package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

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

func TestServeBecomesReady(t *testing.T) {
	neo4jdbtest.MustOpen(t) // empties the database: the schema must come from serve itself
	m := MustRunMain(t, testConfig(t))
	if got := status(t, m, "/healthz"); got != http.StatusOK {
		t.Fatalf("/healthz = %d", got)
	}
	eventually(t, m, "/readyz", http.StatusOK, 30*time.Second)
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

// proxy forwards TCP connections to target while up; going down drops every connection and
// refuses new ones, as a stopped server would.
type proxy struct {
	t      *testing.T
	target string
	ln     net.Listener
	mu     sync.Mutex
	up     bool
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

func (p *proxy) setUp(up bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.up = up
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
