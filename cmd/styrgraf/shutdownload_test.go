package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// TestGracefulShutdownUnderLoad closes styrgraf (what SIGTERM does) while eight clients read
// (questions, organ pages, diagrams) and an editor imports every 200 ms. It checks: every
// request sent before the shutdown ends with an answer (200, or 503 with Retry-After),
// never a dropped connection; requests sent after it are refused with 503 and Retry-After
// (or, once styrgraf stopped listening, cannot connect); Close returns within the grace
// period plus the 10 s for requests in flight; and every import is either wholly in the
// graph (answered 200) or not at all (answered otherwise), never in part.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	neo := ownNeo4j(t)
	const editor = "editor-token-of-the-shutdown-load-test"
	const grace = 2 * time.Second
	cfg := Config{Neo4jURI: "bolt://127.0.0.1:" + neo.port, Neo4jUser: "neo4j", Neo4jPassword: killedPassword, Neo4jDatabase: "neo4j",
		Import: []string{"../../examples"}, Demo: true, Tokens: "editor shutdownload " + editor, ShutdownGrace: grace,
		Addr: "127.0.0.1:0"}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	eventually(t, m, "/readyz", http.StatusOK, 60*time.Second)
	waitForExamples(t, m)
	base := "http://" + m.Addr()

	var (
		mu      sync.Mutex
		closing time.Time // zero until Close is called
		stop    = make(chan struct{})
		wg      sync.WaitGroup
	)
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 16
	defer transport.CloseIdleConnections()
	// Close flips styrgraf to refusing a moment after the test notes the time: requests sent
	// within that moment may go either way.
	rec := &recorder{base: base, token: editor, client: &http.Client{Transport: transport, Timeout: 30 * time.Second},
		phase: func(sent time.Time) string {
			mu.Lock()
			defer mu.Unlock()
			switch {
			case closing.IsZero():
				return "before"
			case sent.Before(closing.Add(200 * time.Millisecond)):
				return "closing"
			}
			return "after"
		}}
	do := func(method, path, dataset string, body []byte) {
		if rec.do(method, path, dataset, body) != nil {
			time.Sleep(50 * time.Millisecond) // no connection: styrgraf stopped listening
		}
	}
	reads := []string{
		"/api/v1/questions/who-decides?topic=stabsfunktioner&organisation=region-halland",
		"/api/v1/organs/cgh",
		"/api/v1/organs/cgh/diagram.svg",
		"/api/v1/questions/oversight-coverage?organisation=vgr",
		"/api/v1/questions/seats?organisation=region-halland",
		"/api/v1/search?q=nämnd",
	}
	// Warm-up, not measured: Neo4j plans each query once, so that the load is steady when
	// the shutdown comes (a cold question on a busy machine can take seconds).
	for _, path := range reads {
		if last, ok := firstOK(m, path, 60*time.Second); !ok {
			t.Fatalf("warm-up: %s does not answer 200: %s", path, last)
		}
	}
	stopped := func() bool {
		select {
		case <-stop:
			return true
		default:
			return false
		}
	}
	for c := 0; c < 8; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; !stopped(); i++ {
				do("GET", reads[i%len(reads)], "", nil)
			}
		}(c)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stopped(); i++ {
			time.Sleep(200 * time.Millisecond)
			// Three organisations and a relation between two of them: present in part would
			// show as one or two of them.
			ds := fmt.Sprintf("shutdowntest-%03d", i)
			body := fmt.Sprintf(`dataset: %[1]s
organisations:
  - {id: %[1]s-a, name: Testkommun A %[2]d, kind: kommun, source: illustrative}
  - {id: %[1]s-b, name: Testkommun B %[2]d, kind: kommun, source: illustrative}
  - {id: %[1]s-c, name: Testkommun C %[2]d, kind: kommun, source: illustrative}
`, ds, i)
			do("POST", "/api/v1/import", ds, []byte(body))
		}
	}()

	time.Sleep(4 * time.Second)
	mu.Lock()
	closing = time.Now()
	mu.Unlock()
	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	var closeTook time.Duration
	select {
	case err := <-closed:
		closeTook = time.Since(closing)
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(grace + 10*time.Second + 10*time.Second):
		t.Fatal("Close did not return within the grace period, the 10 s for requests in flight and 10 s to spare")
	}
	// A little longer, so that requests after the listener closed are seen too.
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()

	counts := map[string]int{}
	var imported, notImported, unknown []outcome
	outcomes := rec.outcomes
	for _, o := range outcomes {
		key := o.phase + " " + fmt.Sprint(o.status)
		if o.err != nil {
			key = o.phase + " no connection"
		}
		counts[key]++
		switch {
		case o.phase != "after" && o.err != nil:
			t.Errorf("%s sent before the shutdown: %v after %s (dropped, not answered)", o.path, o.err, o.took)
		case o.err != nil:
			// Sent after the shutdown began: once styrgraf stopped listening, a connection
			// cannot be made, which is a refusal too.
		case o.phase == "before" && o.status != http.StatusOK:
			t.Logf("before the shutdown: %s = %d: %s", o.path, o.status, o.detail)
			if o.status != http.StatusServiceUnavailable {
				t.Errorf("%s = %d before the shutdown", o.path, o.status)
			}
		case o.status != http.StatusOK && o.status != http.StatusServiceUnavailable:
			t.Errorf("%s %s = %d: want 200, or 503 while shutting down: %s", o.phase, o.path, o.status, o.detail)
		case o.status == http.StatusServiceUnavailable && !o.retryAfter:
			t.Errorf("%s %s = 503 without Retry-After", o.phase, o.path)
		case o.phase == "after" && o.status == http.StatusOK:
			t.Errorf("%s sent after the shutdown began answered 200, want 503", o.path)
		}
		if o.took > 20*time.Second {
			t.Errorf("%s %s took %s", o.phase, o.path, o.took)
		}
		switch {
		case o.dataset == "":
		case o.err != nil:
			unknown = append(unknown, o)
		case o.status == http.StatusOK:
			imported = append(imported, o)
		default:
			notImported = append(notImported, o)
		}
	}
	t.Logf("requests: %d; by phase and status: %v; Close took %s", len(outcomes), counts, closeTook.Round(time.Millisecond))
	if counts["after 503"] == 0 {
		t.Error("no request was refused with 503 during the shutdown: the test did not test it")
	}

	db, err := neo4jdb.Open(cfg.Neo4j())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(context.Background())
	orgs, err := db.Organisations(context.Background(), graph.Today())
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]int{}
	for _, o := range orgs {
		if strings.HasPrefix(o.ID, "shutdowntest-") {
			parts[o.ID[:len("shutdowntest-000")]]++ // the dataset's name
		}
	}
	for _, o := range imported {
		if parts[o.dataset] != 3 {
			t.Errorf("import %s answered 200 but %d of its 3 organisations are in the graph", o.dataset, parts[o.dataset])
		}
	}
	for _, o := range notImported {
		if parts[o.dataset] != 0 {
			t.Errorf("import %s answered %d but %d of its organisations are in the graph", o.dataset, o.status, parts[o.dataset])
		}
	}
	for _, o := range unknown {
		if n := parts[o.dataset]; n != 0 && n != 3 {
			t.Errorf("import %s (no answer) is in the graph in part: %d of 3 organisations", o.dataset, n)
		}
	}
	t.Logf("imports: %d answered 200 (all whole in the graph), %d refused (none in it), %d unanswered (none in part)",
		len(imported), len(notImported), len(unknown))
	if len(imported) == 0 || len(notImported) == 0 {
		t.Errorf("imports: %d applied, %d refused; the test needs both to mean anything", len(imported), len(notImported))
	}
}
