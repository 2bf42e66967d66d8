package api

import (
	"bytes"
	"cmp"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"

	"github.com/styrgraf/styrgraf/graph/sheets"
)

// Every question's answer is also a table: the route with .csv or .xlsx appended, or the
// route itself with Accept: text/csv or the XLSX type, gives the same answer (the same
// parameters, the same page) as CSV or as a workbook of one sheet. The tables themselves are
// made in one place, graph/sheets.AnswerTable.

const (
	mimeCSV  = "text/csv; charset=utf-8"
	mimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// tableFormats are the suffixes a question route takes, with their content types.
var tableFormats = []struct{ suffix, mime, name string }{
	{".csv", mimeCSV, "CSV"},
	{".xlsx", mimeXLSX, "XLSX"},
}

// isQuestionRoute reports whether a route answers one of graph's Questions in JSON.
func isQuestionRoute(r route) bool {
	return r.method == http.MethodGet && r.produces == mimeJSON &&
		(r.tag == "questions" || strings.HasSuffix(r.path, "/escalation"))
}

// tableRoutes adds the .csv and .xlsx form of every question route.
func tableRoutes(rs []route) []route {
	var out []route
	for _, r := range rs {
		if !isQuestionRoute(r) {
			continue
		}
		for _, f := range tableFormats {
			t := r
			t.path = r.path + f.suffix
			t.summary = r.summary + " — as " + f.name + " (Swedish headers, with the provenance columns)"
			t.produces = f.mime
			out = append(out, t)
		}
	}
	return out
}

// tableFormat is the table format a request asks for by its route's suffix or its Accept
// header; "" for JSON.
func tableFormat(c echo.Context) string {
	for _, f := range tableFormats {
		if strings.HasSuffix(c.Path(), f.suffix) {
			return f.suffix
		}
	}
	// The first media type of Accept decides; browsers and JSON clients list others first.
	first, _, _ := strings.Cut(c.Request().Header.Get(echo.HeaderAccept), ",")
	switch mt, _, _ := mime.ParseMediaType(strings.TrimSpace(first)); mt {
	case "text/csv":
		return ".csv"
	case mimeXLSX:
		return ".xlsx"
	}
	return ""
}

// replyAnswer answers a question: asJSON as JSON, or answer (the service's answer) as a
// table when the request asks for one.
func (s *Server) replyAnswer(c echo.Context, answer, asJSON any) error {
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderAccept)
	format := tableFormat(c)
	if format == "" {
		return replyJSON(c, asJSON)
	}
	t, err := sheets.AnswerTable(answer)
	if err != nil {
		return err
	}
	at, _ := s.at(c) // parsed before the question was asked
	subject := cmp.Or(c.Param("id"), c.QueryParam("organisation"), c.QueryParam("topic"))
	t.Title = sheets.Title(t.Name, subject, at)
	t.Note = tableNote(c)
	var buf bytes.Buffer
	mimeType := mimeCSV
	if format == ".csv" {
		err = sheets.WriteCSV(&buf, t)
	} else {
		mimeType = mimeXLSX
		err = sheets.WriteXLSX(&buf, t)
	}
	if err != nil {
		return err
	}
	name := strings.TrimSuffix(path.Base(c.Path()), format)
	if subject != "" {
		name += "-" + subject
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s-%s%s"`, name, at, format))
	return reply(c, mimeType, buf.Bytes())
}

// tableNote is a table's provenance line: the request that made it, and what the basis
// words of the Grund column mean.
func tableNote(c echo.Context) string {
	return fmt.Sprintf("Ur styrgraf: %s. %s", c.Request().URL.RequestURI(), sheets.BasisNote)
}

// sheetRoutes are the spreadsheet routes for HR: the template to fill in, and an
// organisation's seat lists and stabsfunktioner as a workbook (the import layout, so that
// it can be edited and imported again through POST /api/v1/import).
func (s *Server) sheetRoutes() []route {
	return []route{
		{http.MethodGet, "/api/v1/sheets/template.xlsx", "The XLSX template for importing people, seats, holdings and stabsfunktioner, with instructions in Swedish", "import", auth.RoleReader,
			nil, mimeXLSX, nil, s.handleSheetTemplate},
		{http.MethodGet, "/api/v1/organisations/:id/sheets.xlsx", "An organisation's seat lists (Platser, Innehav, Personer, in the import layout) and stabsfunktioner matrix as XLSX", "organisations", auth.RoleReader,
			[]param{{"id", "path", "string", "id of the organisation", true}, pAt}, mimeXLSX, nil, s.handleOrganisationSheets},
	}
}

func (s *Server) handleSheetTemplate(c echo.Context) error {
	var buf bytes.Buffer
	if err := sheets.Template(&buf); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="styrgraf-mall.xlsx"`)
	return reply(c, mimeXLSX, buf.Bytes())
}

func (s *Server) handleOrganisationSheets(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	e, err := sheets.Collect(c.Request().Context(), s.service, s.service, c.Param("id"), at)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := sheets.WriteExport(&buf, e, tableNote(c)); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s-%s.xlsx"`, e.Organisation, at))
	return reply(c, mimeXLSX, buf.Bytes())
}
