package api

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

var pathParam = regexp.MustCompile(`:(\w+)`)

// openAPIPath turns Echo's /organs/:id into OpenAPI's /organs/{id}.
func openAPIPath(p string) string { return pathParam.ReplaceAllString(p, "{$1}") }

// answers are the Go types of the JSON answers (200) by route path; their schemas are
// derived from the types (openapi_schema.go). A JSON route missing here fails a test.
var answers = map[string]any{
	"/healthz":                             statusResponse{},
	"/readyz":                              statusResponse{},
	"/api/v1/openapi.json":                 map[string]any{},
	"/api/v1/search":                       page[graph.SearchHit]{},
	"/api/v1/organs/:id":                   graph.OrganDetail{},
	"/api/v1/organs/:id/escalation":        page[graph.EscalationChain]{},
	"/api/v1/organisations":                []graph.Ref{},
	"/api/v1/people/:id":                   graph.PersonDetail{},
	"/api/v1/questions/who-decides":        whoDecidesPage{},
	"/api/v1/questions/missing-follow-ups": graph.FollowUpReport{},
	"/api/v1/questions/calendar":           graph.Calendar{},
	"/api/v1/questions/oversight-coverage": page[graph.OversightRow]{},
	"/api/v1/questions/staff-functions":    page[graph.StaffFunctionRow]{},
	"/api/v1/questions/seats":              graph.SeatsReport{},
	"/api/v1/questions/changes":            page[graph.Change]{},
	"/api/v1/import":                       graph.ImportResult{},
	"/api/v1/audit":                        page[graph.AuditEntry]{},
}

// paramSchemas are the schemas of parameters whose values the handlers or the domain bound,
// so that a client (or schemathesis) knows what is accepted before asking; the messages of
// the 400s say the same. Other parameters are strings, integers, booleans or dates by their
// route table type.
var paramSchemas = map[string]map[string]any{
	"limit":     {"type": "integer", "minimum": 1, "maximum": graph.MaxLimit, "default": graph.DefaultLimit},
	"year":      {"type": "integer", "minimum": graph.MinYear, "maximum": 9999},
	"depth":     {"type": "integer", "minimum": 0, "maximum": graph.MaxDepth, "default": 2},
	"min_seats": {"type": "integer", "minimum": 1, "maximum": 1000, "default": graph.DefaultMinSeats},
	"basis":     {"type": "string", "enum": []string{"stated", "inferred", "illustrative", "generated"}},
	// Kinds as the handler reads them: comma-separated or repeated, spaces around and case
	// ignored.
	"kind": {"type": "array", "items": map[string]any{"type": "string",
		"pattern": `^[ \t]*(?i:` + strings.Join(graph.SearchKinds, "|") + `)[ \t]*(,[ \t]*(?i:` + strings.Join(graph.SearchKinds, "|") + `)[ \t]*)*$`}},
	// Also at least one letter or digit and at most graph.MaxSearchWords words (the 400
	// says so); a schema cannot say that.
	"q":     {"type": "string", "minLength": 1, "maxLength": graph.MaxSearchLength},
	"topic": {"type": "string", "minLength": 1, "maxLength": graph.MaxSearchLength},
	// Diagram options as diagram.ParseSeats, ParseRelations and the renderer read them.
	"seats": {"type": "string", "pattern": `^\s*(summary|all)?\s*$`},
	"relations": {"type": "string", "pattern": `^\s*(all|default|((?i:` + strings.Join(diagram.RelationKinds(), "|") + `)\s*)?(,\s*((?i:` +
		strings.Join(diagram.RelationKinds(), "|") + `)\s*)?)*)$`},
	"scale": {"type": "integer", "minimum": 1, "maximum": diagram.MaxScale, "default": 1},
	"band": {"type": "string", "pattern": `^\s*((?i:` + strings.Join(diagram.BandNames(), "|") + `)\s*)?(,\s*((?i:` +
		strings.Join(diagram.BandNames(), "|") + `)\s*)?)*$`},
	"fit": {"type": "string", "pattern": `^\s*((?i:a4|none))?\s*$`},
	// A cursor is opaque: only what next_cursor gave out is accepted.
	"cursor": {"type": "string"},
	// As strconv.ParseBool reads it.
	"dry_run": {"type": "string", "enum": []string{"true", "false", "1", "0", "t", "f", "T", "F", "TRUE", "FALSE", "True", "False"}},
}

// requiredString is the schema of a required string parameter: something besides spaces
// (the domain trims them and then finds nothing).
var requiredString = map[string]any{"type": "string", "minLength": 1, "pattern": `\S`}

// dateSchema is a date parameter: YYYY-MM-DD from year graph.MinYear.
var dateSchema = map[string]any{"type": "string", "format": "date", "pattern": `^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$`}

// statuses are the answers a route can give besides 200, each with why. Nothing answers
// 500 by design: a 500 is a bug, and the contract test fails on it.
func statuses(r route) map[string]string {
	out := map[string]string{}
	api := strings.HasPrefix(r.path, "/api/v1/") && r.path != "/api/v1/openapi.json"
	if r.method == http.MethodGet && r.produces != "text/plain" {
		out["304"] = "not modified (If-None-Match matched the ETag)"
	}
	if len(r.params) > 0 || len(r.consumes) > 0 {
		out["400"] = "a parameter or the body is wrong; the detail names it"
	}
	if api && len(r.params) > 0 {
		out["404"] = "an id (in the path, or the organisation asked for) that does not exist"
	}
	if r.role != auth.RolePublic {
		out["401"] = "no token, or an unknown one"
	}
	if r.role > auth.RoleReader {
		out["403"] = "the token's role is not enough"
	}
	if api || r.path == "/readyz" {
		out["503"] = "Neo4j (or the diagram renderer) unavailable; see Retry-After"
	}
	if r.tag == "diagrams" {
		out["422"] = "the diagram would be too large, or took too long to draw; narrow it. An organisation overview that does not fit A4 landscape (fit=a4) gives its size and, in narrowings, the band=/under= values that fit"
	}
	if len(r.consumes) > 0 {
		out["409"] = "the files conflict with what other datasets hold"
		out["413"] = "the body is larger than 64 MiB"
	}
	return out
}

// openAPI builds the OpenAPI 3 document from the route table, so that it cannot drift from
// what is registered.
func (s *Server) openAPI() map[string]any {
	sc := &schemas{components: map[string]any{}}
	problemRef := sc.of(reflect.TypeOf(problem{}))
	paths := map[string]any{}
	for _, r := range s.routes() {
		op := map[string]any{
			"summary":     r.summary,
			"tags":        []string{r.tag},
			"operationId": strings.ToLower(r.method) + strings.NewReplacer("/", "_", ":", "", ".", "_", "-", "_").Replace(r.path),
		}
		var params []any
		for _, p := range r.params {
			schema := paramSchemas[p.name]
			switch {
			case p.in == "path":
				schema = requiredString
			case p.typ == "date":
				schema = dateSchema
			case schema == nil && p.required && p.typ == "string":
				schema = requiredString
			case schema == nil:
				schema = map[string]any{"type": p.typ}
			}
			param := map[string]any{"name": p.name, "in": p.in, "required": p.required, "description": p.desc, "schema": schema}
			switch {
			case schema["type"] == "array":
				param["style"], param["explode"] = "form", true
			case p.in == "query" && !p.required:
				// The handlers read an empty value as none given (the default).
				param["allowEmptyValue"] = true
			}
			params = append(params, param)
		}
		if r.method == http.MethodGet && r.produces != "text/plain" {
			params = append(params, map[string]any{"name": "If-None-Match", "in": "header", "required": false,
				"description": "ETags of answers the client has; a match answers 304", "schema": map[string]any{"type": "string"}})
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if len(r.consumes) > 0 {
			content := map[string]any{}
			for _, ct := range r.consumes {
				switch ct {
				case "multipart/form-data":
					content[ct] = map[string]any{"schema": map[string]any{"type": "object",
						"description": "dataset files, in fields of any name",
						"properties":  map[string]any{"file": map[string]any{"type": "string", "format": "binary"}}}}
				case mimeXLSX:
					content[ct] = map[string]any{"schema": map[string]any{"type": "string", "format": "binary", "description": "a workbook of people, seats, holdings, stabsfunktioner (see the template)"}}
				default:
					content[ct] = map[string]any{"schema": map[string]any{"type": "string", "description": "one dataset file (YAML) or sheet (CSV)"}}
				}
			}
			op["requestBody"] = map[string]any{"required": true, "content": content}
		}
		responses := map[string]any{
			"200": map[string]any{"description": "OK", "content": map[string]any{r.produces: map[string]any{"schema": answerSchema(sc, r)}}},
		}
		for code, desc := range statuses(r) {
			resp := map[string]any{"description": desc}
			if code != "304" {
				resp["content"] = map[string]any{"application/problem+json": map[string]any{"schema": problemRef}}
			}
			if code == "503" {
				resp["headers"] = map[string]any{"Retry-After": map[string]any{"description": "seconds to wait before trying again",
					"required": true, "schema": map[string]any{"type": "integer", "minimum": 1}}}
			}
			responses[code] = resp
		}
		if r.role != auth.RolePublic {
			op["security"] = []any{map[string]any{"bearer": []string{}}}
			op["description"] = "Needs role " + r.role.String() + " or higher."
		}
		op["responses"] = responses
		path := openAPIPath(r.path)
		item, _ := paths[path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[path] = item
		}
		item[strings.ToLower(r.method)] = op
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":       "styrgraf",
			"version":     "1",
			"description": "How Swedish regions and municipalities are governed, as a graph: who decides, escalation chains, follow-ups, uppsikt, stabsfunktioner, seats. Every question takes at=YYYY-MM-DD (default today). Errors are application/problem+json.",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas":         sc.components,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

// answerSchema is the schema of a route's 200 answer: derived from its Go type for JSON,
// text or bytes for the other formats.
func answerSchema(sc *schemas, r route) map[string]any {
	switch {
	case r.produces == mimeJSON:
		if a, ok := answers[r.path]; ok {
			return sc.of(reflect.TypeOf(a))
		}
		return map[string]any{}
	case r.produces == mimePNG || r.produces == mimeXLSX:
		return map[string]any{"type": "string", "format": "binary"}
	case strings.HasSuffix(r.produces, "+json"):
		return map[string]any{"type": "object"} // JSON-LD: an object whose terms its @context defines
	}
	return map[string]any{"type": "string"}
}

func (s *Server) handleOpenAPI(c echo.Context) error {
	return replyJSON(c, s.openAPI())
}
