package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/api/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

// Renderer turns DOT into the requested format. *diagram.Renderer implements it.
type Renderer interface {
	Render(ctx context.Context, dot []byte, format diagram.Format) ([]byte, error)
}

// diagramRoutes lists the diagram endpoints: organ, escalation and organisation diagrams,
// each as SVG, PNG and DOT.
func (s *Server) diagramRoutes() []route {
	var rs []route
	for _, f := range []diagram.Format{diagram.FormatSVG, diagram.FormatPNG, diagram.FormatDOT} {
		rs = append(rs,
			route{http.MethodGet, "/api/v1/organs/:id/diagram." + string(f), "Org diagram of an organ with its parts, seats and relations (" + string(f) + ")", "diagrams", auth.RoleReader,
				[]param{pID, pAt, {"depth", "query", "integer", "levels of parts (0–10, default 2)", false}}, f.ContentType(), nil, s.diagram(diagram.Organ, f)},
			route{http.MethodGet, "/api/v1/organs/:id/escalation." + string(f), "Escalation chains of an organ or seat as a diagram (" + string(f) + ")", "diagrams", auth.RoleReader,
				[]param{{"id", "path", "string", "id of the organ or post", true}, pAt}, f.ContentType(), nil, s.diagram(diagram.Escalation, f)},
			route{http.MethodGet, "/api/v1/organisations/:id/diagram." + string(f), "Org diagram of a whole organisation (" + string(f) + ")", "diagrams", auth.RoleReader,
				[]param{{"id", "path", "string", "id of the organisation", true}, pAt}, f.ContentType(), nil, s.diagram(diagram.Organisation, f)},
		)
	}
	return rs
}

// diagram answers a diagram of what, for the route's id, on the asked date.
func (s *Server) diagram(what string, f diagram.Format) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := diagram.Request{What: what, ID: c.Param("id")}
		var err error
		if r.At, err = s.at(c); err != nil {
			return err
		}
		if what == diagram.Organ {
			if r.Depth, err = intParam(c, "depth", 2); err != nil {
				return err
			}
		}
		dot, err := diagram.DOTFor(c.Request().Context(), s.service, r, s.diagramOptions)
		return s.renderDiagram(c, dot, err, f)
	}
}

// renderDiagram renders DOT (or passes on the error that building it gave) and replies with
// an ETag: the same graph on the same date gives the same bytes.
func (s *Server) renderDiagram(c echo.Context, dot []byte, err error, f diagram.Format) error {
	if err != nil {
		return err
	}
	if s.renderer == nil {
		return graph.Errorf(graph.EUNAVAILABLE, "diagrams are not available on this server")
	}
	out, err := s.renderer.Render(c.Request().Context(), dot, f)
	if err != nil {
		return err
	}
	return reply(c, f.ContentType(), out)
}
