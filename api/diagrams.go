package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

// Renderer turns DOT into the requested format, a PNG at 1 to diagram.MaxScale times 96
// dpi. *diagram.Renderer implements it.
type Renderer interface {
	Render(ctx context.Context, dot []byte, format diagram.Format) ([]byte, error)
	RenderScaled(ctx context.Context, dot []byte, format diagram.Format, scale int) ([]byte, error)
}

var (
	pSeats     = param{"seats", "query", "string", "summary (default): each organ's chair and seat count in its box; all: every seat its own node", false}
	pRelations = param{"relations", "query", "string", "relation kinds drawn, comma-separated (reports_to,part_of,…), all, or default (all but ex_officio, appoints, establishes, consults, represents, follows_up, dissolves)", false}
	pScale     = param{"scale", "query", "integer", "PNG resolution: 1 (96 dpi, default), 2 or 3 (288 dpi, for print)", false}
	pBand      = param{"band", "query", "string", "draw only these bands, comma-separated: politik (fullmäktige, styrelse, nämnder, utskott), forvaltning (förvaltningar, avdelningar), bolag, samverkan (groups, councils, forums)", false}
	pUnder     = param{"under", "query", "string", "draw only this organ (id) and what hangs under it in the overview, e.g. a nämnd with its utskott, förvaltning and avdelningar", false}
	pFit       = param{"fit", "query", "string", "a4 (default): an SVG or PNG overview that does not fit A4 landscape with its text at 8 pt or more is refused with 422, listing in narrowings the band=/under= values that fit; none: draw it at any size. DOT is never refused for its size", false}
)

// diagramRoutes lists the diagram endpoints: organ, escalation and organisation diagrams,
// each as SVG, PNG and DOT.
func (s *Server) diagramRoutes() []route {
	var rs []route
	for _, f := range []diagram.Format{diagram.FormatSVG, diagram.FormatPNG, diagram.FormatDOT} {
		scale := func(ps ...param) []param {
			if f == diagram.FormatPNG {
				return append(ps, pScale)
			}
			return ps
		}
		rs = append(rs,
			route{http.MethodGet, "/api/v1/organs/:id/diagram." + string(f), "Org diagram of an organ with its parts, seats and relations (" + string(f) + ")", "diagrams", auth.RoleReader,
				scale(pID, pAt, param{"depth", "query", "integer", "levels of parts (0–10, default 2)", false}), f.ContentType(), nil, s.diagram(diagram.Organ, f)},
			route{http.MethodGet, "/api/v1/organs/:id/escalation." + string(f), "Escalation chains of an organ or seat as a diagram (" + string(f) + ")", "diagrams", auth.RoleReader,
				scale(param{"id", "path", "string", "id of the organ or post", true}, pAt), f.ContentType(), nil, s.diagram(diagram.Escalation, f)},
			route{http.MethodGet, "/api/v1/organisations/:id/diagram." + string(f), "Organisation overview by the Swedish org-chart convention, with a title block and legend (" + string(f) + ")", "diagrams", auth.RoleReader,
				scale(param{"id", "path", "string", "id of the organisation", true}, pAt, pSeats, pRelations, pBand, pUnder, pFit), f.ContentType(), nil, s.diagram(diagram.Organisation, f)},
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
		opts := s.diagramOptions
		if what == diagram.Organisation {
			if opts.AllSeats, err = diagram.ParseSeats(c.QueryParam("seats")); err != nil {
				return err
			}
			if opts.Relations, err = diagram.ParseRelations(c.QueryParam("relations")); err != nil {
				return err
			}
			if opts.Bands, err = diagram.ParseBands(c.QueryParam("band")); err != nil {
				return err
			}
			opts.Under = strings.TrimSpace(c.QueryParam("under"))
			if opts.AnySize, err = diagram.ParseFit(c.QueryParam("fit")); err != nil {
				return err
			}
		}
		scale := 1
		if f == diagram.FormatPNG {
			if scale, err = intParam(c, "scale", 1); err != nil {
				return err
			}
			if err := diagram.CheckScale(scale); err != nil {
				return err
			}
		}
		if s.renderer == nil && f != diagram.FormatDOT {
			return graph.Errorf(graph.EUNAVAILABLE, "diagrams are not available on this server")
		}
		out, err := diagram.Draw(c.Request().Context(), s.service, s.renderer, r, opts, f, scale)
		if err != nil {
			return err
		}
		// The same graph on the same date gives the same bytes: reply sets the ETag.
		return reply(c, f.ContentType(), out)
	}
}
