package api

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes registers every route of the service; this is the one place to read them all.
func (s *Server) routes() {
	s.echo.Use(middleware.Recover())
	s.echo.Use(s.metrics.middleware)

	s.echo.GET("/healthz", s.handleHealthz)
	s.echo.GET("/readyz", s.handleReadyz)
	s.echo.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})))
}
