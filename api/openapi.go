package api

import (
	"github.com/styrgraf/styrgraf/api/auth"
	"net/http"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"
)

var pathParam = regexp.MustCompile(`:(\w+)`)

// openAPIPath turns Echo's /organs/:id into OpenAPI's /organs/{id}.
func openAPIPath(p string) string { return pathParam.ReplaceAllString(p, "{$1}") }

// openAPI builds the OpenAPI 3 document from the route table, so that it cannot drift from
// what is registered.
func (s *Server) openAPI() map[string]any {
	paths := map[string]any{}
	for _, r := range s.routes() {
		op := map[string]any{
			"summary":     r.summary,
			"tags":        []string{r.tag},
			"operationId": strings.ToLower(r.method) + strings.NewReplacer("/", "_", ":", "", ".", "_", "-", "_").Replace(r.path),
		}
		var params []any
		for _, p := range r.params {
			schema := map[string]any{"type": p.typ}
			if p.typ == "date" {
				schema = map[string]any{"type": "string", "format": "date"}
			}
			params = append(params, map[string]any{"name": p.name, "in": p.in, "required": p.required, "description": p.desc, "schema": schema})
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if len(r.consumes) > 0 {
			content := map[string]any{}
			for _, ct := range r.consumes {
				content[ct] = map[string]any{}
			}
			op["requestBody"] = map[string]any{"required": true, "content": content}
		}
		responses := map[string]any{
			"200": map[string]any{"description": "OK", "content": map[string]any{r.produces: map[string]any{}}},
		}
		for code, desc := range map[string]string{"400": "a parameter is wrong", "404": "unknown id", "503": "Neo4j unavailable; see Retry-After"} {
			responses[code] = map[string]any{"description": desc, "content": map[string]any{"application/problem+json": map[string]any{}}}
		}
		if r.role != auth.RolePublic {
			op["security"] = []any{map[string]any{"bearer": []string{}}}
			op["description"] = "Needs role " + r.role.String() + " or higher."
			responses["401"] = map[string]any{"description": "no or unknown token"}
			responses["403"] = map[string]any{"description": "the token's role is not enough"}
		}
		if r.method == http.MethodGet && r.produces != "text/plain" {
			responses["304"] = map[string]any{"description": "not modified (If-None-Match matched the ETag)"}
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
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

func (s *Server) handleOpenAPI(c echo.Context) error {
	return replyJSON(c, s.openAPI())
}
