package api

import (
	"github.com/styrgraf/styrgraf/api/auth"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// param documents one request parameter (for OpenAPI; parsing is in the handlers).
type param struct {
	name, in, typ, desc string
	required            bool
}

// route is one endpoint: how it is reached, who may call it, what it takes and gives, and
// its handler. Registration and the OpenAPI document both come from this one list.
type route struct {
	method, path string // Echo syntax, :name for path parameters
	summary      string
	tag          string
	role         auth.Role
	params       []param
	produces     string // content type of a 200 answer
	consumes     []string
	handle       echo.HandlerFunc
}

var (
	pAt     = param{"at", "query", "date", "answer as of this day (YYYY-MM-DD); default today", false}
	pLimit  = param{"limit", "query", "integer", "page size (1–1000, default 100)", false}
	pCursor = param{"cursor", "query", "string", "next_cursor of the previous page", false}
	pID     = param{"id", "path", "string", "id (slug) of the organ", true}
	pOrgReq = param{"organisation", "query", "string", "organisation id", true}
	pOrgOpt = param{"organisation", "query", "string", "organisation id (default: all)", false}
	pBasis  = param{"basis", "query", "string", "only facts of at least this basis: stated (what the documents say), inferred, illustrative (default: all)", false}
	pYear   = param{"year", "query", "integer", "the year (default: the year of at)", false}
)

const (
	mimeJSON = echo.MIMEApplicationJSON
	mimeSVG  = "image/svg+xml"
	mimePNG  = "image/png"
	mimeDOT  = "text/vnd.graphviz; charset=utf-8"
	mimeICS  = "text/calendar; charset=utf-8"
)

func (s *Server) routes() []route {
	rs := []route{
		{http.MethodGet, "/healthz", "Liveness: the process serves HTTP", "health", auth.RolePublic, nil, mimeJSON, nil, s.handleHealthz},
		{http.MethodGet, "/readyz", "Readiness: Neo4j reachable and schema applied (503 otherwise)", "health", auth.RolePublic, nil, mimeJSON, nil, s.handleReadyz},
		{http.MethodGet, "/metrics", "Prometheus metrics", "health", auth.RolePublic, nil, "text/plain", nil, echo.WrapHandler(s.metrics.handler())},
		{http.MethodGet, "/api/v1/openapi.json", "This API as an OpenAPI 3 document", "meta", auth.RolePublic, nil, mimeJSON, nil, s.handleOpenAPI},

		{http.MethodGet, "/api/v1/search", "Organs, seats, people, topics and organisations by name", "search", auth.RoleReader,
			[]param{{"q", "query", "string", "words to find: whole words, beginnings or parts of compound words, with or without å/ä/ö, one typo in a long word", true},
				{"kind", "query", "string", "only these kinds: Organ, Post, Person, Topic, Organisation (comma-separated or repeated; default all)", false},
				pOrgOpt, pLimit, pCursor}, mimeJSON, nil, s.handleSearch},
		{http.MethodGet, "/api/v1/organs/:id", "One organ: parts, seats with holders, relations, mandates, duties, rules", "organs", auth.RoleReader,
			[]param{pID, pAt}, mimeJSON, nil, s.handleOrgan},
		{http.MethodGet, "/api/v1/organs/:id/escalation", "Every escalation chain from the organ (or seat) to the top", "organs", auth.RoleReader,
			[]param{{"id", "path", "string", "id of the organ or post", true}, pAt, pBasis, pLimit, pCursor}, mimeJSON, nil, s.handleEscalation},
		{http.MethodGet, "/api/v1/organisations", "The organisations (regions, kommuner) valid on the date", "organisations", auth.RoleReader,
			[]param{pAt}, mimeJSON, nil, s.handleOrganisations},
		{http.MethodGet, "/api/v1/people/:id", "A person and the seats they hold, directly or ex officio", "people", auth.RoleReader,
			[]param{{"id", "path", "string", "id of the person", true}, pAt}, mimeJSON, nil, s.handlePerson},

		{http.MethodGet, "/api/v1/questions/who-decides", "Who decides X: mandates, holders, delegation path, sources", "questions", auth.RoleReader,
			[]param{{"topic", "query", "string", "a topic id or words", true}, pOrgOpt, pAt, pBasis, pLimit, pCursor}, mimeJSON, nil, s.handleWhoDecides},
		{http.MethodGet, "/api/v1/questions/missing-follow-ups", "Duties without follow-up in the period of the year; overdue uppdrag", "questions", auth.RoleReader,
			[]param{pYear, pOrgOpt, pAt, pBasis}, mimeJSON, nil, s.handleMissingFollowUps},
		{http.MethodGet, "/api/v1/questions/calendar", "The governance calendar (årshjul): every dated obligation of the year in date order, with source and basis", "questions", auth.RoleReader,
			[]param{pOrgReq, pYear, pAt, pBasis}, mimeJSON, nil, s.handleCalendar},
		{http.MethodGet, "/api/v1/questions/calendar.ics", "The governance calendar as iCalendar (RFC 5545) to subscribe to; also accepts HTTP Basic with the token as password", "questions", auth.RoleReader,
			[]param{pOrgReq, pYear, pAt, pBasis}, mimeICS, nil, s.handleCalendarICS},
		{http.MethodGet, "/api/v1/questions/oversight-coverage", "Uppsikt coverage of nämnder, bolag, stiftelser and joint activities; gaps first", "questions", auth.RoleReader,
			[]param{pOrgOpt, pAt, pBasis, pLimit, pCursor}, mimeJSON, nil, s.handleOversight},
		{http.MethodGet, "/api/v1/questions/staff-functions", "Stabsfunktioner per förvaltning: FTE, the staff profiles that apply, and the gaps (expected, no capacity)", "questions", auth.RoleReader,
			[]param{pOrgReq, pAt, pBasis, pLimit, pCursor}, mimeJSON, nil, s.handleStaffFunctions},
		{http.MethodGet, "/api/v1/questions/seats", "Vacant seats, organs without chair, people with many seats", "questions", auth.RoleReader,
			[]param{pOrgReq, pAt, {"min_seats", "query", "integer", "people holding at least this many seats (default 2)", false}}, mimeJSON, nil, s.handleSeats},
		{http.MethodGet, "/api/v1/questions/changes", "What started or ended between two dates", "questions", auth.RoleReader,
			[]param{pOrgReq, {"from", "query", "date", "first day", true}, {"to", "query", "date", "last day", true}, pLimit, pCursor}, mimeJSON, nil, s.handleChanges},

		{http.MethodPost, "/api/v1/import", "Validate and import dataset files in one transaction (YAML body, Popolo JSON body, XLSX or CSV body, or multipart files)", "import", auth.RoleEditor,
			[]param{{"dry_run", "query", "boolean", "compute the changes without writing", false},
				{"name", "query", "string", "file name for problems in a YAML body (default body.yaml)", false}}, mimeJSON,
			[]string{"application/yaml", "application/json", "multipart/form-data", mimeXLSX, "text/csv"}, s.handleImport},
		{http.MethodGet, "/api/v1/audit", "The audit trail: every import that changed the graph, newest first: who, when, datasets, counts and ids", "audit", auth.RoleAdmin,
			[]param{pLimit, pCursor}, mimeJSON, nil, s.handleAudit},
	}
	rs = append(rs, tableRoutes(rs)...) // tables.go: .csv and .xlsx of every question
	rs = append(rs, s.sheetRoutes()...)
	rs = append(rs, s.exportRoutes()...)
	return append(rs, s.diagramRoutes()...)
}

// register installs the middleware and every route of routes().
func (s *Server) register() {
	s.echo.Use(middleware.Recover())
	s.echo.Use(s.metrics.middleware)
	for _, r := range s.routes() {
		s.echo.Add(r.method, r.path, s.require(r.role, r.handle))
	}
}
