package api

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

// problem is an RFC 9457 problem details document.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Errors lists every problem of an invalid dataset (file, line, column, field, message).
	Errors graph.Problems `json:"errors,omitempty"`
	// Size is the size of an organisation overview refused for not fitting A4 landscape, and
	// Narrowings the band=/under= values that would fit (absent when none does).
	Size       *diagram.PrintSize  `json:"size,omitempty"`
	Narrowings []diagram.Narrowing `json:"narrowings,omitempty"`
}

// statusOf maps domain error codes to HTTP statuses; the only such mapping in styrgraf.
var statusOf = map[string]int{
	graph.EINVALID:      http.StatusBadRequest,
	graph.EUNAUTHORIZED: http.StatusUnauthorized,
	graph.EFORBIDDEN:    http.StatusForbidden,
	graph.ENOTFOUND:     http.StatusNotFound,
	graph.ECONFLICT:     http.StatusConflict,
	graph.EUNAVAILABLE:  http.StatusServiceUnavailable,
	graph.ETOOLARGE:     http.StatusUnprocessableEntity,
	graph.EBODYTOOLARGE: http.StatusRequestEntityTooLarge,
	graph.EINTERNAL:     http.StatusInternalServerError,
}

// statusClientClosedRequest is the status logged and counted when the client went away
// before the answer (nginx's 499): not an error of styrgraf's, so not a 5xx.
const statusClientClosedRequest = 499

// httpStatus is the status of a domain error (500 for anything not a *graph.Error); the web
// pages use it too.
func httpStatus(err error) int {
	if status, ok := statusOf[graph.ErrorCode(err)]; ok {
		return status
	}
	return http.StatusInternalServerError
}

// retryAfterSeconds is what a client is told to wait when Neo4j is unavailable.
const retryAfterSeconds = "5"

// handleError is Echo's error handler: every error a handler returns ends here.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	p := problem{Type: "about:blank"}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		// Echo's own errors: unknown route, wrong method, bad binding.
		p.Status = he.Code
		if msg, ok := he.Message.(string); ok && he.Code < 500 {
			p.Detail = msg
		}
	} else if errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil {
		p.Status = statusClientClosedRequest
		p.Detail = "the client closed the request"
	} else {
		p.Status = httpStatus(err)
		p.Detail = graph.ErrorMessage(err)
		var problems graph.Problems
		if errors.As(err, &problems) {
			p.Detail = fmt.Sprintf("the dataset has %d problem(s); nothing was imported", len(problems))
			p.Errors = problems
		}
		var nf *diagram.NotFitting
		if errors.As(err, &nf) {
			p.Size, p.Narrowings = &nf.Size, nf.Narrowings
		}
		if p.Status == 0 || p.Status == http.StatusInternalServerError {
			p.Status = http.StatusInternalServerError
			p.Detail = "internal error"
		}
	}
	switch {
	case p.Status == statusClientClosedRequest:
		s.log.DebugContext(c.Request().Context(), "client went away", "method", c.Request().Method, "route", c.Path())
	case p.Status == http.StatusServiceUnavailable && c.Path() != "/readyz":
		// Neo4j away: worth a warning, not an error (readiness probes say it often enough).
		s.log.WarnContext(c.Request().Context(), "request failed", "method", c.Request().Method,
			"route", c.Path(), "status", p.Status, "err", err)
	case p.Status >= 500 && p.Status != http.StatusServiceUnavailable:
		s.log.ErrorContext(c.Request().Context(), "request failed", "method", c.Request().Method,
			"route", c.Path(), "status", p.Status, "err", err)
	}
	if p.Status == http.StatusServiceUnavailable {
		c.Response().Header().Set("Retry-After", retryAfterSeconds)
	}
	p.Title = cmp.Or(http.StatusText(p.Status), "Client Closed Request")
	c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
	c.Response().WriteHeader(p.Status)
	if c.Request().Method == http.MethodHead {
		return
	}
	if err := c.Echo().JSONSerializer.Serialize(c, p, ""); err != nil {
		s.log.ErrorContext(c.Request().Context(), "writing problem", "err", err)
	}
}
