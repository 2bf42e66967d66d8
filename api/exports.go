package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/exports"
	"github.com/styrgraf/styrgraf/graph/popolo"
)

func init() {
	// The Popolo export is JSON: its schema comes from the type, as every JSON answer's.
	answers["/api/v1/export/popolo"] = popolo.File{}
}

// exportRoutes are one route per registered export format, GET /api/v1/export/{format}.
func (s *Server) exportRoutes() []route {
	var rs []route
	for _, f := range exports.Formats() {
		rs = append(rs, route{http.MethodGet, "/api/v1/export/" + f.Name,
			"The graph, or one organisation's datasets, as " + f.Summary, "export", auth.RoleReader,
			[]param{{"organisation", "query", "string", "export the datasets of this organisation (default: everything)", false}},
			f.MediaType, nil, s.handleExport(f.Name)})
	}
	return rs
}

func (s *Server) handleExport(format string) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := s.datasets
		if r == nil {
			return graph.Errorf(graph.EUNAVAILABLE, "export is not available on this server")
		}
		body, f, err := exports.Export(c.Request().Context(), r, graph.ExportQuery{Organisation: c.QueryParam("organisation")}, format)
		if err != nil {
			return err
		}
		name := "styrgraf"
		if org := c.QueryParam("organisation"); org != "" && validFileName(org) {
			name = org
		}
		c.Response().Header().Set("Content-Disposition", `attachment; filename="`+name+f.Extension+`"`)
		return reply(c, f.MediaType, body)
	}
}

// validFileName admits ids as file names: letters, digits and '-' only.
func validFileName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return s != ""
}
