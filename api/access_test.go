package api

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
)

// The access matrix: every route the server registers (the API's route table and the web
// pages), asked with each kind of credential, outside and in demo mode. The expected statuses
// are written by hand from the access rules in README.md, not derived from the roles in
// routes.go, so that a route given the wrong role there fails here.
//
// Credentials are presented as each surface takes them: API routes get an Authorization
// header ("Bearer …"), the web pages the login cookie (and, for their forms, the form's CSRF
// token for that cookie), and the login form the token typed into it. "bad" is a token of
// the right shape that is not configured.
//
// A reader reading the table: 303 is the web pages' redirect to the login page; 401 asks
// for a token; 403 refuses a known token whose role is too low.

// accessStatuses holds one status per credential: none, bad, reader, editor, admin.
type accessStatuses [5]int

var credentials = [5]string{"none", "bad", "reader", "editor", "admin"}

var accessMatrix = []struct {
	method, route string // as registered
	target        string // a request that succeeds for whoever may make it
	prod, demo    accessStatuses
}{
	{"GET", "/healthz", "/healthz", accessStatuses{200, 200, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/readyz", "/readyz", accessStatuses{200, 200, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/metrics", "/metrics", accessStatuses{200, 200, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", accessStatuses{200, 200, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},

	{"GET", "/api/v1/search", "/api/v1/search?q=styrelse", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id", "/api/v1/organs/rs", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/escalation", "/api/v1/organs/rs/escalation", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organisations", "/api/v1/organisations", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/people/:id", "/api/v1/people/anna", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/who-decides", "/api/v1/questions/who-decides?topic=budget", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/missing-follow-ups", "/api/v1/questions/missing-follow-ups", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/calendar", "/api/v1/questions/calendar?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/calendar.ics", "/api/v1/questions/calendar.ics?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/oversight-coverage", "/api/v1/questions/oversight-coverage", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/staff-functions", "/api/v1/questions/staff-functions?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/seats", "/api/v1/questions/seats?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/changes", "/api/v1/questions/changes?organisation=o&from=2026-01-01&to=2026-12-31", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/diagram.svg", "/api/v1/organs/rs/diagram.svg", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/diagram.png", "/api/v1/organs/rs/diagram.png", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/diagram.dot", "/api/v1/organs/rs/diagram.dot", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/escalation.svg", "/api/v1/organs/rs/escalation.svg", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/escalation.png", "/api/v1/organs/rs/escalation.png", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/escalation.dot", "/api/v1/organs/rs/escalation.dot", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organisations/:id/diagram.svg", "/api/v1/organisations/o/diagram.svg", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organisations/:id/diagram.png", "/api/v1/organisations/o/diagram.png", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organisations/:id/diagram.dot", "/api/v1/organisations/o/diagram.dot", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/export/popolo", "/api/v1/export/popolo", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/export/org-jsonld", "/api/v1/export/org-jsonld", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/export/org-turtle", "/api/v1/export/org-turtle", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	// Tables of the questions, the HR template and workbook: read like the JSON answers.
	{"GET", "/api/v1/organs/:id/escalation.csv", "/api/v1/organs/rs/escalation.csv", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organs/:id/escalation.xlsx", "/api/v1/organs/rs/escalation.xlsx", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/who-decides.csv", "/api/v1/questions/who-decides.csv?topic=budget", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/who-decides.xlsx", "/api/v1/questions/who-decides.xlsx?topic=budget", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/missing-follow-ups.csv", "/api/v1/questions/missing-follow-ups.csv", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/missing-follow-ups.xlsx", "/api/v1/questions/missing-follow-ups.xlsx", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/calendar.csv", "/api/v1/questions/calendar.csv?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/calendar.xlsx", "/api/v1/questions/calendar.xlsx?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/oversight-coverage.csv", "/api/v1/questions/oversight-coverage.csv", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/oversight-coverage.xlsx", "/api/v1/questions/oversight-coverage.xlsx", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/staff-functions.csv", "/api/v1/questions/staff-functions.csv?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/staff-functions.xlsx", "/api/v1/questions/staff-functions.xlsx?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/seats.csv", "/api/v1/questions/seats.csv?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/seats.xlsx", "/api/v1/questions/seats.xlsx?organisation=o", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/changes.csv", "/api/v1/questions/changes.csv?organisation=o&from=2026-01-01&to=2026-12-31", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/questions/changes.xlsx", "/api/v1/questions/changes.xlsx?organisation=o&from=2026-01-01&to=2026-12-31", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/sheets/template.xlsx", "/api/v1/sheets/template.xlsx", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	{"GET", "/api/v1/organisations/:id/sheets.xlsx", "/api/v1/organisations/o/sheets.xlsx", accessStatuses{401, 401, 200, 200, 200}, accessStatuses{200, 401, 200, 200, 200}},
	// Writes and the audit trail: demo mode changes nothing.
	{"POST", "/api/v1/import", "/api/v1/import", accessStatuses{401, 401, 403, 200, 200}, accessStatuses{401, 401, 403, 200, 200}},
	{"GET", "/api/v1/audit", "/api/v1/audit", accessStatuses{401, 401, 403, 403, 200}, accessStatuses{401, 401, 403, 403, 200}},

	// Web pages. Demo mode lets reads through without logging in, and an unknown cookie is
	// no login: the page is shown as to anyone.
	{"GET", "/static/*", "/static/style.css", accessStatuses{200, 200, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/", "/", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/sok", "/sok?q=styrelse", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/organisationer/:id", "/organisationer/o", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/organ/:id", "/organ/rs", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/organ/:id/eskalering", "/organ/rs/eskalering", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/personer/:id", "/personer/anna", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/vem-beslutar", "/fragor/vem-beslutar", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/uppsikt", "/fragor/uppsikt", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/uppfoljning", "/fragor/uppfoljning", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/arshjul", "/fragor/arshjul", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/stabsfunktioner", "/fragor/stabsfunktioner", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/stabsfunktioner.csv", "/fragor/stabsfunktioner.csv?organisation=o", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/platser", "/fragor/platser", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"GET", "/fragor/forandringar", "/fragor/forandringar", accessStatuses{303, 303, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	// Importing needs an editor's login, demo or not.
	{"GET", "/import", "/import", accessStatuses{303, 303, 403, 200, 200}, accessStatuses{303, 303, 403, 200, 200}},
	{"POST", "/import", "/import", accessStatuses{303, 303, 403, 200, 200}, accessStatuses{303, 303, 403, 200, 200}},
	// Logging in takes the token typed into the form; logging out needs a session's form.
	{"GET", "/logga-in", "/logga-in", accessStatuses{200, 200, 200, 200, 200}, accessStatuses{200, 200, 200, 200, 200}},
	{"POST", "/logga-in", "/logga-in", accessStatuses{401, 401, 303, 303, 303}, accessStatuses{401, 401, 303, 303, 303}},
	{"POST", "/logga-ut", "/logga-ut", accessStatuses{403, 303, 303, 303, 303}, accessStatuses{403, 303, 303, 303, 303}},
}

// matrixServer is the API over the in-memory service with a stub renderer, so that every
// route can answer 200 to whoever may call it.
func matrixServer(t *testing.T, demo bool) *Server {
	t.Helper()
	tokens, err := auth.ParseTokens(testTokens)
	if err != nil {
		t.Fatal(err)
	}
	svc := &fakeService{organs: map[string]graph.OrganDetail{"rs": {ID: "rs", Name: "Regionstyrelsen", Kind: "styrelse"}},
		orgs: []graph.Ref{{ID: "o", Name: "Organisationen"}}}
	return New(Options{Service: svc, Importer: &fakeImporter{}, Audit: &fakeAudit{}, Tokens: tokens, Demo: demo, Renderer: stubRenderer{},
		Today: func() graph.Date { return graph.MustDate("2026-11-24") }})
}

// stubRenderer "renders" DOT without Graphviz: DOT as itself, SVG and PNG as a stub page.
// SVG and PNG are a small page that fits A4, so that the overview's fit check passes: the
// access matrix is about who may ask, not about drawing.
type stubRenderer struct{}

func (stubRenderer) Render(_ context.Context, dot []byte, f diagram.Format) ([]byte, error) {
	if f == diagram.FormatDOT {
		return dot, nil
	}
	return []byte(`<svg width="100pt" height="50pt" xmlns="http://www.w3.org/2000/svg"><text font-size="10.00">stub</text></svg>`), nil
}

func (r stubRenderer) RenderScaled(ctx context.Context, dot []byte, format diagram.Format, _ int) ([]byte, error) {
	return r.Render(ctx, dot, format)
}

const badToken = "not-a-configured-token-0123"

// tokenOf is the token a credential kind presents ("" for none).
func tokenOf(kind string) string {
	return map[string]string{"bad": badToken, "reader": readerToken, "editor": editorToken, "admin": adminToken}[kind]
}

// matrixRequest builds the request of one cell of the matrix.
func matrixRequest(t *testing.T, s *Server, method, route, target, kind string) *http.Request {
	t.Helper()
	token := tokenOf(kind)
	web := !strings.HasPrefix(route, "/api/") && !slices.Contains([]string{"/healthz", "/readyz", "/metrics"}, route)
	var body io.Reader
	contentType := ""
	switch {
	case method == "POST" && route == "/api/v1/import":
		body, contentType = strings.NewReader("dataset: x\n"), "application/yaml"
	case method == "POST" && route == "/logga-in":
		body, contentType = strings.NewReader(url.Values{"token": {token}}.Encode()), "application/x-www-form-urlencoded"
	case method == "POST" && route == "/logga-ut":
		body, contentType = strings.NewReader(url.Values{"csrf": {csrfFor(t, s, token)}}.Encode()), "application/x-www-form-urlencoded"
	case method == "POST" && route == "/import":
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("csrf", csrfFor(t, s, token))
		mw.WriteField("steg", "granska")
		fw, _ := mw.CreateFormFile("filer", "region.yaml")
		fw.Write([]byte("dataset: x\n"))
		mw.Close()
		body, contentType = &b, mw.FormDataContentType()
	}
	req := httptest.NewRequest(method, target, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	switch {
	case token == "" || route == "/logga-in":
	case web:
		req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: token})
	default:
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req
}

// csrfFor is the CSRF token the web pages give a session of token ("" without one), read
// from the login page's log-out form.
func csrfFor(t *testing.T, s *Server, token string) string {
	t.Helper()
	if token == "" {
		return ""
	}
	req := httptest.NewRequest("GET", "/logga-in", nil)
	req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: token})
	page, _ := io.ReadAll(serve(s, req).Body)
	csrf := between(string(page), `name="csrf" value="`, `"`)
	if csrf == "" {
		t.Fatalf("the login page has no CSRF token for a session")
	}
	return csrf
}

func TestAccessMatrix(t *testing.T) {
	servers := map[bool]*Server{false: matrixServer(t, false), true: matrixServer(t, true)}

	// The table covers exactly the registered routes.
	rows := map[string]bool{}
	for _, r := range accessMatrix {
		key := r.method + " " + r.route
		if rows[key] {
			t.Errorf("%s is in the table twice", key)
		}
		rows[key] = true
	}
	registered := map[string]bool{}
	for _, r := range servers[false].echo.Routes() {
		key := r.Method + " " + r.Path
		registered[key] = true
		if !rows[key] {
			t.Errorf("%s is registered but not in the access matrix", key)
		}
	}
	for key := range rows {
		if !registered[key] {
			t.Errorf("the access matrix has %s, which is not registered", key)
		}
	}

	cells := 0
	for _, r := range accessMatrix {
		for _, demo := range []bool{false, true} {
			want := r.prod
			if demo {
				want = r.demo
			}
			for i, kind := range credentials {
				cells++
				resp := serve(servers[demo], matrixRequest(t, servers[demo], r.method, r.route, r.target, kind))
				if resp.StatusCode != want[i] {
					b, _ := io.ReadAll(resp.Body)
					t.Errorf("%s %s, %s, demo %v = %d, want %d: %.200s", r.method, r.target, kind, demo, resp.StatusCode, want[i], b)
					continue
				}
				switch resp.StatusCode {
				case 401:
					if !strings.HasPrefix(r.route, "/logga-in") && resp.Header.Get("WWW-Authenticate") == "" {
						t.Errorf("%s %s, %s, demo %v: 401 without WWW-Authenticate", r.method, r.target, kind, demo)
					}
				case 303:
					if loc := resp.Header.Get("Location"); r.route != "/logga-in" && r.route != "/logga-ut" && !strings.HasPrefix(loc, "/logga-in?nasta=") {
						t.Errorf("%s %s, %s, demo %v: redirected to %q, not to the login page", r.method, r.target, kind, demo, loc)
					}
				}
			}
		}
	}
	t.Logf("%d routes × %d credentials × 2 modes = %d requests", len(accessMatrix), len(credentials), cells)
}

// A web page embeds diagrams and links data from the API, which the browser fetches with
// the login cookie. A stale cookie (a token since removed) is no login on the pages, so in
// demo mode it must not make the API refuse what the page shows; without demo mode it is
// refused like no token at all.
func TestStaleCookieOnTheAPI(t *testing.T) {
	for _, demo := range []bool{true, false} {
		s := matrixServer(t, demo)
		for _, path := range []string{"/api/v1/organs/rs", "/api/v1/organs/rs/diagram.svg"} {
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: badToken})
			want := map[bool]int{true: 200, false: 401}[demo]
			if got := serve(s, req).StatusCode; got != want {
				t.Errorf("demo %v: GET %s with a stale login cookie = %d, want %d", demo, path, got, want)
			}
		}
		// A bearer token is chosen by the caller: a wrong one is an error, demo or not.
		req := httptest.NewRequest("GET", "/api/v1/organs/rs", nil)
		req.Header.Set("Authorization", "Bearer "+badToken)
		if got := serve(s, req).StatusCode; got != 401 {
			t.Errorf("demo %v: a wrong bearer token = %d, want 401", demo, got)
		}
	}
}
