package api

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

// sessionToken is the token of the web pages' login cookie, for reads only: it lets a
// logged-in user fetch what the pages link to (diagrams, JSON). The cookie is SameSite=Strict
// and HttpOnly, and never counts for a request that changes data.
func sessionToken(c echo.Context) string {
	if m := c.Request().Method; m != http.MethodGet && m != http.MethodHead {
		return ""
	}
	ck, err := c.Cookie(auth.SessionCookie)
	if err != nil {
		return ""
	}
	return ck.Value
}

// basicToken is the password of HTTP Basic credentials, for reads only: calendar programs
// that subscribe to an .ics feed send a user name and password, so the token goes in the
// password (the user name is ignored). Like the session cookie, it never counts for a
// request that changes data.
func basicToken(c echo.Context) string {
	if m := c.Request().Method; m != http.MethodGet && m != http.MethodHead {
		return ""
	}
	_, password, ok := c.Request().BasicAuth()
	if !ok {
		return ""
	}
	return password
}

// require lets a request through if it carries a token with at least the given role.
func (s *Server) require(min auth.Role, next echo.HandlerFunc) echo.HandlerFunc {
	if min == auth.RolePublic {
		return next
	}
	return func(c echo.Context) error {
		header := c.Request().Header.Get(echo.HeaderAuthorization)
		// The scheme is case-insensitive (RFC 9110, 11.1).
		scheme, token, _ := strings.Cut(header, " ")
		token = strings.TrimSpace(token)
		switch {
		case strings.EqualFold(scheme, "Bearer"):
		case strings.EqualFold(scheme, "Basic"):
			token = basicToken(c)
		default:
			token = ""
		}
		fromCookie := false
		if token == "" {
			token, fromCookie = sessionToken(c), true
		}
		if token == "" {
			if s.demo && min == auth.RoleReader {
				return next(c)
			}
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="styrgraf"`)
			if strings.HasSuffix(c.Path(), ".ics") {
				// Calendar programs subscribe with a user name and password, not a bearer token.
				c.Response().Header().Add(echo.HeaderWWWAuthenticate, `Basic realm="styrgraf", charset="UTF-8"`)
			}
			return graph.Errorf(graph.EUNAUTHORIZED, "this needs a bearer token (Authorization: Bearer …) with role %s or higher", min)
		}
		id, ok := s.tokens.Identify(token)
		if !ok && fromCookie && s.demo && min == auth.RoleReader {
			// A stale login cookie is no login, as on the web pages: in demo mode the page
			// shows, and so must the diagrams and data it links to.
			return next(c)
		}
		if !ok {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="styrgraf", error="invalid_token"`)
			return graph.Errorf(graph.EUNAUTHORIZED, "unknown token")
		}
		if id.Role < min {
			return graph.Errorf(graph.EFORBIDDEN, "this needs role %s; the token has role %s", min, id.Role)
		}
		c.Set(identityKey, id)
		return next(c)
	}
}

// identityKey holds, in the request's context, the identity of the token that let it in.
const identityKey = "styrgraf.identity"

// identity is who made the request: the token's name and role (none on a public route, or
// a read let through in demo mode without a token).
func identity(c echo.Context) auth.Identity {
	id, _ := c.Get(identityKey).(auth.Identity)
	return id
}
