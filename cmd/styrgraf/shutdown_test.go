package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// TestGracefulShutdown closes styrgraf (what SIGTERM does) while an import is in flight: for
// the grace period new requests answer 503 with Retry-After, the import finishes and is in
// the graph, and afterwards nothing listens.
func TestGracefulShutdown(t *testing.T) {
	db := neo4jdbtest.MustOpen(t) // empties the database
	const editor = "editor-token-of-the-shutdown-test"
	cfg := testConfig(t)
	cfg.Addr, cfg.Tokens, cfg.ShutdownGrace = "127.0.0.1:0", "editor shutdown "+editor, 1500*time.Millisecond
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	eventually(t, m, "/readyz", http.StatusOK, 30*time.Second)
	base := "http://" + m.Addr()

	body, err := os.ReadFile("../../graph/dataset/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The import is in flight while its body arrives: half now, the rest during the grace.
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", base+"/api/v1/import?name=valid.yaml", pr)
	req.Header.Set("Authorization", "Bearer "+editor)
	req.Header.Set("Content-Type", "application/yaml")
	imported := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("the import in flight: %v", err)
			imported <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		imported <- resp.StatusCode
	}()
	half := len(body) / 2
	if _, err := pw.Write(body[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)

	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	time.Sleep(300 * time.Millisecond)

	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	resp, err := fresh.Get(base + "/api/v1/organisations")
	if err != nil {
		t.Fatalf("a new request during the grace period: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), "shutting down") {
		t.Errorf("a new request during the grace period = %d (Retry-After %q): %s; want 503 saying styrgraf is shutting down",
			resp.StatusCode, resp.Header.Get("Retry-After"), b)
	}

	if _, err := pw.Write(body[half:]); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	select {
	case code := <-imported:
		if code != http.StatusOK {
			t.Errorf("the import in flight answered %d, want 200: requests in flight finish", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the import in flight did not finish")
	}
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Close did not return")
	}
	orgs, err := db.Organisations(context.Background(), graph.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) == 0 {
		t.Error("the import that finished during shutdown is not in the graph")
	}
	if _, err := fresh.Get(base + "/healthz"); err == nil {
		t.Error("styrgraf still answers after Close")
	}
}
