package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

// namespace prefixes every metric styrgraf exports.
const namespace = "styrgraf"

// Metrics are styrgraf's Prometheus metrics. Label values are bounded: route templates
// (never raw paths), query names, formats, outcomes.
type Metrics struct {
	registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	queryDuration *prometheus.HistogramVec
	renders       *prometheus.HistogramVec
	imports       *prometheus.CounterVec
	importedItems *prometheus.CounterVec
}

// NewMetrics registers the metrics on reg (a new registry if nil).
func NewMetrics(reg *prometheus.Registry) *Metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &Metrics{
		registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Subsystem: "http", Name: "requests_total",
			Help: "HTTP requests by route template, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Subsystem: "http", Name: "request_duration_seconds",
			Help:    "HTTP request durations by route template and method.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "method"}),
		queryDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Subsystem: "neo4j", Name: "query_duration_seconds",
			Help:    "Neo4j transaction durations by query name and outcome (ok, unavailable, invalid, conflict, not_found, error).",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"query", "outcome"}),
		renders: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Subsystem: "diagram", Name: "render_duration_seconds",
			Help:    "Diagram render durations by format and outcome.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"format", "outcome"}),
		imports: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Subsystem: "import", Name: "runs_total",
			Help: "Imports by outcome (ok, dry_run, invalid, conflict, unavailable, not_found, error).",
		}, []string{"outcome"}),
		importedItems: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Subsystem: "import", Name: "changes_total",
			Help: "Items and relationships changed by imports, by what and change.",
		}, []string{"what", "change"}),
	}
	// Graphviz's WebAssembly memory is not Go heap the runtime reports on its own; the
	// renderer resets the engine when it passes a limit (see diagram.EngineResets).
	engineResets := prometheus.NewCounterFunc(prometheus.CounterOpts{
		Namespace: namespace, Subsystem: "diagram", Name: "engine_resets_total",
		Help: "Times Graphviz's WebAssembly engine was started afresh to drop the memory it leaks.",
	}, func() float64 { return float64(diagram.EngineResets()) })
	engineMemory := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Subsystem: "diagram", Name: "engine_memory_bytes",
		Help: "Size of Graphviz's WebAssembly memory after the latest render.",
	}, func() float64 { return float64(diagram.EngineMemory()) })
	reg.MustRegister(m.requests, m.duration, m.queryDuration, m.renders, m.imports, m.importedItems,
		engineResets, engineMemory,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *Metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// ObserveQuery records one Neo4j transaction; pass it to neo4jdb.DB.SetObserver.
func (m *Metrics) ObserveQuery(query string, d time.Duration, err error) {
	m.queryDuration.WithLabelValues(query, outcome(err)).Observe(d.Seconds())
}

// ObserveRender records one diagram render.
func (m *Metrics) ObserveRender(format string, d time.Duration, err error) {
	m.renders.WithLabelValues(format, outcome(err)).Observe(d.Seconds())
}

// ObserveImport records one import, from the API or at start-up.
func (m *Metrics) ObserveImport(res graph.ImportResult, err error) {
	switch {
	case err != nil:
		m.imports.WithLabelValues(outcome(err)).Inc()
		return
	case res.DryRun:
		m.imports.WithLabelValues("dry_run").Inc()
		return
	}
	m.imports.WithLabelValues("ok").Inc()
	for _, c := range []struct {
		what string
		ch   graph.ImportChanges
	}{{"items", res.Nodes}, {"relationships", res.Rels}} {
		m.importedItems.WithLabelValues(c.what, "added").Add(float64(len(c.ch.Added)))
		m.importedItems.WithLabelValues(c.what, "changed").Add(float64(len(c.ch.Changed)))
		m.importedItems.WithLabelValues(c.what, "removed").Add(float64(len(c.ch.Removed)))
	}
}

func outcome(err error) string {
	switch graph.ErrorCode(err) {
	case "":
		return "ok"
	case graph.EUNAVAILABLE:
		return "unavailable"
	case graph.EINVALID:
		return "invalid"
	case graph.ECONFLICT:
		return "conflict"
	case graph.ENOTFOUND:
		return "not_found"
	}
	return "error"
}

// middleware records each request under its route template.
func (m *Metrics) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err) // writes the response now, so the status below is the real one
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		m.requests.WithLabelValues(route, c.Request().Method, strconv.Itoa(c.Response().Status)).Inc()
		m.duration.WithLabelValues(route, c.Request().Method).Observe(time.Since(start).Seconds())
		return nil
	}
}
