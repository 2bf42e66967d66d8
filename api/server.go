// Package api is styrgraf's HTTP interface. Handlers stay thin: they parse the request, call
// the Store (package graph's questions, implemented by graph/neo4jdb), and write JSON or a
// diagram. Every handler returns its error to one error handler (errors.go) that writes
// application/problem+json; nothing else decides a status code. Every route is declared
// once, in routes.go, which also yields the OpenAPI document.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/diagram"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

// Store is what the API asks of the governance graph. *neo4jdb.DB implements it.
type Store interface {
	Ready(ctx context.Context) error
	Search(ctx context.Context, text string, limit int) ([]graph.SearchHit, error)
	OrganDetail(ctx context.Context, id string, at graph.Date) (graph.OrganDetail, error)
	OrganSubtree(ctx context.Context, id string, at graph.Date, depth int) (graph.Subtree, error)
	Escalation(ctx context.Context, id string, at graph.Date) ([]graph.EscalationChain, error)
	Person(ctx context.Context, id string, at graph.Date) (graph.PersonDetail, error)
	WhoDecides(ctx context.Context, text, organisation string, at graph.Date) ([]graph.Decision, error)
	MissingFollowUps(ctx context.Context, organisation string, year int, at graph.Date) (graph.FollowUpReport, error)
	OversightCoverage(ctx context.Context, organisation string, at graph.Date) ([]graph.OversightRow, error)
	StaffFunctions(ctx context.Context, organisation string, at graph.Date) ([]graph.StaffFunctionRow, error)
	Seats(ctx context.Context, organisation string, at graph.Date, minSeats int) (graph.SeatsReport, error)
	Changes(ctx context.Context, organisation string, from, to graph.Date) ([]graph.Change, error)
	OrganisationGraph(ctx context.Context, organisation string, at graph.Date, maxOrgans int) (graph.Subtree, error)
	Organisations(ctx context.Context, at graph.Date) ([]graph.Ref, error)
	Import(ctx context.Context, g dataset.Graph, datasets []string, opts graph.ImportOptions) (graph.ImportResult, error)
}

// Options are the server's dependencies and settings, wired by cmd/styrgraf.
type Options struct {
	Store  Store
	Logger *slog.Logger
	// Metrics receives HTTP and import metrics and serves /metrics; NewMetrics(nil) if nil.
	Metrics *Metrics
	// Tokens are the accepted bearer tokens with their roles.
	Tokens Tokens
	// Demo lets reads through without a token (for `make run` on a laptop).
	Demo bool
	// Today returns the default as-of date; the current UTC day if nil.
	Today func() graph.Date
	// Renderer draws diagrams; without one, diagram routes answer 503.
	Renderer Renderer
	// Diagram limits and style (diagram.DefaultMaxNodes etc. if zero).
	Diagram diagram.Options
	// Governance, if set, is refreshed after each import through the API.
	Governance *Governance
}

// Server is the HTTP handler of styrgraf.
type Server struct {
	echo    *echo.Echo
	store   Store
	log     *slog.Logger
	metrics *Metrics
	tokens  Tokens
	demo    bool
	today   func() graph.Date

	renderer       Renderer
	diagramOptions diagram.Options
	governance     *Governance
}

// New builds the server and registers every route.
func New(opts Options) *Server {
	s := &Server{store: opts.Store, log: opts.Logger, metrics: opts.Metrics, tokens: opts.Tokens,
		demo: opts.Demo, today: opts.Today, renderer: opts.Renderer, diagramOptions: opts.Diagram, governance: opts.Governance}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.metrics == nil {
		s.metrics = NewMetrics(nil)
	}
	if s.today == nil {
		s.today = func() graph.Date {
			now := time.Now().UTC()
			return graph.Date{Time: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)}
		}
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	s.echo = e
	s.register()
	return s
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.echo.ServeHTTP(w, r)
}
