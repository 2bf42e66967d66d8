package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

const timeoutsEditorToken = "editor-token-for-timeouts-0123"

// The production time-outs are set on the server Run builds.
func TestServeSetsTimeouts(t *testing.T) {
	m := MustRunMain(t, testConfig(t))
	s := m.http
	if s.ReadHeaderTimeout != defaultTimeouts.readHeader || s.ReadTimeout != defaultTimeouts.read ||
		s.WriteTimeout != defaultTimeouts.write || s.IdleTimeout != defaultTimeouts.idle {
		t.Errorf("server time-outs %v %v %v %v; want %+v", s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout, defaultTimeouts)
	}
	// Each bound is there, and the import's body bound is the longer one.
	if defaultTimeouts.readHeader <= 0 || defaultTimeouts.read < defaultTimeouts.readHeader || defaultTimeouts.write <= 0 ||
		defaultTimeouts.idle <= 0 || defaultTimeouts.importBody <= defaultTimeouts.read {
		t.Errorf("time-outs %+v", defaultTimeouts)
	}
}

// runWithTimeouts runs the whole service, as serve does, with time-outs shortened so that a
// test can wait for them.
func runWithTimeouts(t *testing.T, to serverTimeouts) string {
	t.Helper()
	cfg := testConfig(t)
	cfg.Addr, cfg.Tokens = "127.0.0.1:0", "editor timeouts "+timeoutsEditorToken
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	m.timeouts = to
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m.Addr()
}

// trickle sends head, then one byte of filler every 100 ms until the server closes the
// connection or limit passes (then the test fails: the server let a slow client hold it).
// It returns how long the connection lasted and what the server answered, if anything.
func trickle(t *testing.T, addr, head string, limit time.Duration) (time.Duration, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	closed := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(conn) // until the server closes (or the deferred Close)
		closed <- string(b)
	}()
	if _, err := io.WriteString(conn, head); err != nil {
		t.Fatal(err)
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case answer := <-closed:
			return time.Since(start), answer
		case <-tick.C:
			if time.Since(start) > limit {
				t.Fatalf("the server still holds a client that sends a byte every 100 ms after %s", limit)
			}
			conn.Write([]byte("a")) // fails once the server has gone; the reader sees that
		}
	}
}

// Clients that send their headers or body slowly are cut off: headers within readHeader,
// the whole request within read, an import's body within importBody; an idle kept-alive
// connection within idle. Each bound is checked with a generous margin above it (a loaded
// machine is slow), not to the millisecond.
func TestSlowClientsAreCutOff(t *testing.T) {
	to := serverTimeouts{readHeader: time.Second, read: 2 * time.Second, importBody: 3 * time.Second, write: 10 * time.Second, idle: 2 * time.Second}
	addr := runWithTimeouts(t, to)
	const margin = 5 * time.Second

	t.Run("headers", func(t *testing.T) {
		took, _ := trickle(t, addr, "GET /healthz HTTP/1.1\r\nHost: styrgraf\r\nX-Slow: ", to.readHeader+margin)
		t.Logf("cut off after %s", took)
	})
	t.Run("body", func(t *testing.T) {
		// The login form reads its body without a token: anyone may try this.
		took, _ := trickle(t, addr, "POST /logga-in HTTP/1.1\r\nHost: styrgraf\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ntoken=", to.read+margin)
		t.Logf("cut off after %s", took)
	})
	t.Run("import body", func(t *testing.T) {
		took, _ := trickle(t, addr, "POST /api/v1/import?dry_run=true HTTP/1.1\r\nHost: styrgraf\r\nAuthorization: Bearer "+timeoutsEditorToken+
			"\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\n#", to.importBody+margin)
		t.Logf("cut off after %s", took)
	})
	t.Run("idle", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprint(conn, "GET /healthz HTTP/1.1\r\nHost: styrgraf\r\n\r\n")
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /healthz: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
		start := time.Now()
		conn.SetReadDeadline(start.Add(to.idle + margin))
		if _, err := br.ReadByte(); err != io.EOF {
			t.Fatalf("idle connection: %v after %s; want the server to close it", err, time.Since(start))
		}
		t.Logf("closed after %s idle", time.Since(start))
	})
}

// An editor's import may send its body for longer than the server's read time-out, within
// importBody: the import lifts the bound for itself, after the token is checked.
func TestSlowImportWithinItsBound(t *testing.T) {
	to := serverTimeouts{readHeader: time.Second, read: time.Second, importBody: 30 * time.Second, write: 2 * time.Second, idle: 2 * time.Second}
	addr := runWithTimeouts(t, to)
	body := "dataset: slow\norganisations:\n  - {id: slow-region, name: Långsamma regionen, kind: region}\n"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(conn, "POST /api/v1/import?dry_run=true HTTP/1.1\r\nHost: styrgraf\r\nAuthorization: Bearer %s\r\nContent-Type: application/yaml\r\nContent-Length: %d\r\n\r\n",
		timeoutsEditorToken, len(body))
	// Three seconds for the body: past read and write, well within importBody.
	parts := strings.SplitAfter(body, "\n")
	for _, p := range parts {
		time.Sleep(3 * time.Second / time.Duration(len(parts)))
		if _, err := io.WriteString(conn, p); err != nil {
			t.Fatalf("the server stopped reading the import: %v", err)
		}
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a slow import: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "slow-region") {
		t.Fatalf("slow import = %d %s", resp.StatusCode, b)
	}
}
