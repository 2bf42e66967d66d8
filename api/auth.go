package api

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

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
		if !strings.EqualFold(scheme, "Bearer") || token == "" {
			if s.demo && min == auth.RoleReader {
				return next(c)
			}
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="styrgraf"`)
			return graph.Errorf(graph.EUNAUTHORIZED, "this needs a bearer token (Authorization: Bearer …) with role %s or higher", min)
		}
		role, ok := s.tokens.Role(token)
		if !ok {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="styrgraf", error="invalid_token"`)
			return graph.Errorf(graph.EUNAUTHORIZED, "unknown token")
		}
		if role < min {
			return graph.Errorf(graph.EFORBIDDEN, "this needs role %s; the token has role %s", min, role)
		}
		return next(c)
	}
}
