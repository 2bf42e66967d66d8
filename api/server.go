// Package api is styrgraf's HTTP interface. Handlers stay thin: they parse the request, call
// package graph (or its Neo4j implementation through the interfaces below), and write JSON.
// Every handler returns its error to one error handler (errors.go) that writes
// application/problem+json; nothing else decides a status code.
package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
)

// Readiness reports whether the service can answer questions (Neo4j reachable, schema
// applied). *neo4jdb.DB implements it.
type Readiness interface {
	Ready(ctx context.Context) error
}

// Options are the server's dependencies, wired by cmd/styrgraf.
type Options struct {
	Ready  Readiness
	Logger *slog.Logger
	// Registry receives the HTTP metrics and is served on /metrics; a new one if nil.
	Registry *prometheus.Registry
}

// Server is the HTTP handler of styrgraf.
type Server struct {
	echo     *echo.Echo
	ready    Readiness
	log      *slog.Logger
	registry *prometheus.Registry
	metrics  *httpMetrics
}

// New builds the server and registers every route.
func New(opts Options) *Server {
	s := &Server{ready: opts.Ready, log: opts.Logger, registry: opts.Registry}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.registry == nil {
		s.registry = prometheus.NewRegistry()
	}
	s.metrics = newHTTPMetrics(s.registry)
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	s.echo = e
	s.routes()
	return s
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.echo.ServeHTTP(w, r)
}
