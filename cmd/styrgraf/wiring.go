package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/styrgraf/styrgraf/api"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/governance"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// Main wires styrgraf together: the Neo4j handle, the HTTP server, and the background work
// that applies the schema once Neo4j is reachable.
type Main struct {
	Config Config
	log    *slog.Logger

	db         *neo4jdb.DB
	metrics    *api.Metrics
	renderer   *diagram.Renderer
	governance *governance.Governance
	importer   *dataset.Importer
	listener   net.Listener
	http       *http.Server
	timeouts   serverTimeouts
	cancel     context.CancelFunc
	wg         sync.WaitGroup
	// draining is set when Close begins: from then on new requests answer 503 while those
	// in flight finish.
	draining atomic.Bool
}

// NewMain returns a Main for cfg; nothing starts until Run.
func NewMain(cfg Config, logger *slog.Logger) *Main {
	return &Main{Config: cfg, log: logger, timeouts: defaultTimeouts}
}

// serverTimeouts bound how long one client may hold a connection. Slow or stalled clients
// (slowloris) would otherwise each keep a connection and a goroutine for as long as they
// like.
type serverTimeouts struct {
	// readHeader: the request line and headers.
	readHeader time.Duration
	// read: the whole request, body included; short, as only imports send much, and an
	// import, once its editor token is checked, gets importBody instead.
	read       time.Duration
	importBody time.Duration
	// write: from the end of the headers to the end of the answer. Above the longest
	// question (a query's 15 s time-out, then a diagram render's 10 s and its wait for a
	// render worker); the import lifts it while its transaction runs (bounded by the
	// store's import time-out) and then gives its answer 30 s.
	write time.Duration
	// idle: a kept-alive connection between requests; longer than the 60 s that load
	// balancers commonly keep an idle connection, so that the balancer closes it first.
	idle time.Duration
}

var defaultTimeouts = serverTimeouts{
	readHeader: 10 * time.Second,
	read:       30 * time.Second,
	importBody: api.DefaultImportBodyTimeout,
	write:      time.Minute,
	idle:       2 * time.Minute,
}

// drain answers every request 503 with Retry-After once Close has begun, and asks the
// client to close its connection, so that it reconnects to another instance.
func (m *Main) drain(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !m.draining.Load() {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", "5")
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, `{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"styrgraf is shutting down; retry"}`)
	})
}

func newHTTPServer(h http.Handler, t serverTimeouts) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: t.readHeader, ReadTimeout: t.read, WriteTimeout: t.write, IdleTimeout: t.idle}
}

// Run opens Neo4j, starts serving, and starts applying the schema in the background. It
// returns once the listener is open; Neo4j need not be up yet (/readyz says when it is).
func (m *Main) Run(ctx context.Context) (err error) {
	m.log.Info("starting styrgraf", "config", m.Config)
	// Broken dataset files are the user's to fix: say so now rather than serve without them.
	var files []graph.DatasetFile
	if len(m.Config.Import) > 0 {
		if files, err = dataset.ReadFiles(m.Config.Import...); err != nil {
			return err
		}
		if _, err = dataset.ParseFiles(files); err != nil {
			return err
		}
	}
	tokens, err := m.Config.LoadTokens()
	if err != nil {
		return err
	}
	db, err := neo4jdb.Open(m.Config.Neo4j())
	if err != nil {
		return err
	}
	m.db = db
	registry := prometheus.NewRegistry()
	m.metrics = api.NewMetrics(registry)
	db.SetObserver(m.metrics.ObserveQuery)
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "listening on %s: %v", m.Config.Addr, err)
	}
	m.listener = ln
	// Nothing serves yet: a failure from here on must not leave the port taken.
	defer func() {
		if err != nil {
			ln.Close()
		}
	}()

	renderer, err := diagram.NewRenderer(ctx, diagram.RendererOptions{Observe: m.metrics.ObserveRender})
	if err != nil {
		return err
	}
	m.renderer = renderer
	m.governance = governance.New(db, registry, graph.Today, m.log.Warn)
	m.importer = &dataset.Importer{Store: db, Observe: m.metrics.ObserveImport,
		Imported: func(graph.ImportResult) { m.governance.Trigger() }}
	srv := api.New(api.Options{Service: db, Importer: m.importer, Audit: db, Logger: m.log, Metrics: m.metrics, Tokens: tokens, Demo: m.Config.Demo,
		Renderer: renderer, Today: graph.Today, Headlines: m.governance.Headlines, ImportBodyTimeout: m.timeouts.importBody})
	switch {
	case m.Config.Demo:
		m.log.Warn("demo mode: reads need no token; import needs an editor token", "tokens", tokens.String())
	case tokens.Len() == 0:
		m.log.Warn("no tokens configured: every API call will answer 401 (set STYRGRAF_TOKENS or STYRGRAF_TOKENS_FILE)")
	default:
		m.log.Info("API tokens loaded", "tokens", tokens.String())
	}
	m.http = newHTTPServer(m.drain(srv), m.timeouts)

	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m.cancel = cancel
	m.wg.Add(2)
	go func() {
		defer m.wg.Done()
		if err := m.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("HTTP server stopped", "err", err)
		}
	}()
	go func() {
		defer m.wg.Done()
		if !m.applySchema(bg) {
			return
		}
		if files != nil {
			m.importAtStart(bg, files)
		}
		m.governance.Run(bg, m.Config.GaugeInterval)
	}()
	return nil
}

// applySchema retries until the schema is applied or ctx ends, so that styrgraf may start
// before Neo4j (as under docker compose) and still become ready without a restart.
func (m *Main) applySchema(ctx context.Context) bool {
	err := m.retry(ctx, "applying schema", m.db.ApplySchema)
	switch {
	case err == nil:
		m.log.Info("schema applied")
	case ctx.Err() == nil:
		m.log.Error("applying schema failed", "err", err)
	}
	return err == nil
}

// importAtStart applies the -import files, retrying while Neo4j is unavailable.
func (m *Main) importAtStart(ctx context.Context, files []graph.DatasetFile) {
	// The retries while Neo4j starts are one import: observed once, at the end, not as a
	// failed import per attempt (the gauges are computed right after this).
	quiet := dataset.Importer{Store: m.db}
	by := graph.Actor{Name: m.startUpActor(), Via: graph.ViaStartUp}
	var res graph.ImportResult
	err := m.retry(ctx, "importing", func(ctx context.Context) (err error) {
		res, err = quiet.Import(ctx, files, graph.ImportOptions{By: by})
		return err
	})
	m.metrics.ObserveImport(res, err)
	if err != nil {
		m.log.Error("import at start-up failed", "err", err)
		return
	}
	m.log.Info("imported", "datasets", res.Datasets,
		"items_added", len(res.Nodes.Added), "items_changed", len(res.Nodes.Changed), "items_removed", len(res.Nodes.Removed),
		"relationships_added", len(res.Rels.Added), "relationships_changed", len(res.Rels.Changed), "relationships_removed", len(res.Rels.Removed))
}

// startUpActor is who the import at start-up is recorded as: the OS user running serve, or
// "styrgraf serve" where the process has no user name (a container's numeric user).
func (m *Main) startUpActor() string {
	if u := osUser(); u != "" {
		return u
	}
	return "styrgraf serve"
}

// retry runs fn until it succeeds, fails for a reason other than Neo4j being unavailable,
// or ctx ends.
func (m *Main) retry(ctx context.Context, what string, fn func(context.Context) error) error {
	delay := 500 * time.Millisecond
	for {
		err := fn(ctx)
		if err == nil || graph.ErrorCode(err) != graph.EUNAVAILABLE || ctx.Err() != nil {
			return err
		}
		m.log.Warn(what+": Neo4j not available yet, retrying", "in", delay, "err", graph.ErrorMessage(err))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

// Addr is the address the HTTP server listens on (useful with port 0).
func (m *Main) Addr() string {
	if m.listener == nil {
		return ""
	}
	return m.listener.Addr().String()
}

// Close stops serving (letting requests in flight finish) and closes Neo4j.
func (m *Main) Close() error {
	var errs []error
	// First refuse new work with 503 (a load balancer retries elsewhere, readiness turns
	// 503) for the grace period, then stop listening and wait for the requests in flight.
	// An import in flight either finishes or, cut off by the deadline, rolls back: it is one
	// transaction.
	m.draining.Store(true)
	if m.http != nil && m.Config.ShutdownGrace > 0 {
		time.Sleep(m.Config.ShutdownGrace)
	}
	if m.cancel != nil {
		m.cancel()
	}
	if m.http != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		errs = append(errs, m.http.Shutdown(ctx))
	}
	m.wg.Wait()
	if m.renderer != nil {
		m.renderer.Close()
	}
	if m.db != nil {
		errs = append(errs, m.db.Close(context.Background()))
	}
	return errors.Join(errs...)
}
