package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

// handleAudit answers one page of the audit trail, newest first.
func (s *Server) handleAudit(c echo.Context) error {
	if s.audit == nil {
		return graph.Errorf(graph.EUNAVAILABLE, "the audit trail is not available on this server")
	}
	p, err := pageParam(c)
	if err != nil {
		return err
	}
	l, err := s.audit.AuditEntries(c.Request().Context(), graph.AuditQuery{Page: p})
	if err != nil {
		return err
	}
	// Not the other lists' public caching: this answer is for admins only, and changes with
	// every import.
	c.Response().Header().Set("Cache-Control", "private, no-store")
	return c.JSON(http.StatusOK, pageOf(l, p))
}
