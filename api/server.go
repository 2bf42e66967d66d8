// Package api is styrgraf's HTTP interface. Handlers stay thin: they parse the request into
// a query of package graph, call the graph services (implemented by graph/neo4jdb), and write
// JSON or a diagram. Every handler returns its error to one error handler (errors.go) that
// writes application/problem+json; nothing else decides a status code. Every route is
// declared once, in routes.go, which also yields the OpenAPI document.
package api

import (
	"cmp"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/api/web"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

// Options are the server's dependencies and settings, wired by cmd/styrgraf.
type Options struct {
	// Service answers the questions and look-ups.
	Service graph.Service
	// Importer imports uploaded dataset files; without one, the import route answers 503.
	Importer graph.Importer
	// Audit lists the audit trail; without one, the audit route answers 503.
	Audit graph.AuditTrail
	// Datasets reads datasets back for the export routes; nil: the Service, if it can.
	Datasets graph.DatasetReader
	Logger   *slog.Logger
	// Metrics receives HTTP and import metrics and serves /metrics; NewMetrics(nil) if nil.
	Metrics *Metrics
	// Tokens are the accepted bearer tokens with their roles.
	Tokens auth.Tokens
	// Demo lets reads through without a token (for `make run` on a laptop).
	Demo bool
	// Today returns the default as-of date; the current UTC day if nil.
	Today func() graph.Date
	// Renderer draws diagrams; without one, diagram routes answer 503.
	Renderer Renderer
	// Diagram limits and style (diagram.DefaultMaxNodes etc. if zero).
	Diagram diagram.Options
	// ImportBodyTimeout is how long an import may take to send its body;
	// DefaultImportBodyTimeout if zero.
	ImportBodyTimeout time.Duration
	// Headlines gives the start page each organisation's figures (the governance gauges'
	// last refresh); nil: none shown.
	Headlines func() map[string]graph.Headline
}

// Server is the HTTP handler of styrgraf.
type Server struct {
	echo     *echo.Echo
	service  graph.Service
	importer graph.Importer
	audit    graph.AuditTrail
	datasets graph.DatasetReader
	log      *slog.Logger
	metrics  *Metrics
	tokens   auth.Tokens
	demo     bool
	today    func() graph.Date

	renderer       Renderer
	diagramOptions diagram.Options

	importBodyTimeout time.Duration
}

// New builds the server and registers every route.
func New(opts Options) *Server {
	s := &Server{service: opts.Service, importer: opts.Importer, audit: opts.Audit, log: opts.Logger, metrics: opts.Metrics, tokens: opts.Tokens,
		demo: opts.Demo, today: opts.Today, renderer: opts.Renderer, diagramOptions: opts.Diagram}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.datasets = opts.Datasets; s.datasets == nil {
		s.datasets, _ = opts.Service.(graph.DatasetReader)
	}
	if s.metrics == nil {
		s.metrics = NewMetrics(nil)
	}
	if s.today == nil {
		s.today = graph.Today
	}
	s.importBodyTimeout = cmp.Or(opts.ImportBodyTimeout, DefaultImportBodyTimeout)
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	s.echo = e
	s.register()
	pages, err := web.New(web.Options{Service: s.service, Importer: s.importer, Tokens: s.tokens, Demo: s.demo, Today: s.today,
		StatusOf: httpStatus, Logger: s.log, Headlines: opts.Headlines, Diagram: s.organSVG})
	if err != nil {
		panic(err) // the embedded templates are broken: a build error, caught by every test
	}
	pages.Register(e)
	return s
}

// organSVG draws an organ and its parts as SVG for the organ page.
func (s *Server) organSVG(r *http.Request, organ string, at graph.Date) ([]byte, error) {
	if s.renderer == nil {
		return nil, graph.Errorf(graph.EUNAVAILABLE, "diagrams are not available on this server")
	}
	dot, err := diagram.DOTFor(r.Context(), s.service, diagram.Request{What: diagram.Organ, ID: organ, At: at, Depth: 2}, s.diagramOptions)
	if err != nil {
		return nil, err
	}
	return s.renderer.Render(r.Context(), dot, diagram.FormatSVG)
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.echo.ServeHTTP(w, r)
}
