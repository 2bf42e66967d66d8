package api

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// readyTimeout keeps /readyz well inside the 5 s a load balancer or orchestrator allows.
const readyTimeout = 2 * time.Second

type statusResponse struct {
	Status string `json:"status"`
}

// handleHealthz answers as long as the process serves HTTP, whatever Neo4j's state.
func (s *Server) handleHealthz(c echo.Context) error {
	return c.JSON(http.StatusOK, statusResponse{Status: "ok"})
}

// handleReadyz answers 200 only when Neo4j is reachable and the schema applied.
func (s *Server) handleReadyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), readyTimeout)
	defer cancel()
	if err := s.service.Ready(ctx); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, statusResponse{Status: "ready"})
}
