package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	goical "github.com/emersion/go-ical"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

const (
	readerToken = "reader-token-0123456789"
	editorToken = "editor-token-0123456789"
	adminToken  = "admin-token-0123456789"
	// testTokens name each token as the audit trail will show it.
	testTokens = "reader kansliet " + readerToken + "\neditor hr-anna " + editorToken + "\nadmin it-drift " + adminToken
)

// testServer serves the example data from a real Neo4j, as of 2026-11-24.
func testServer(t *testing.T, demo bool) (*Server, *neo4jdb.DB) {
	t.Helper()
	return newTestServer(t, demo)
}

func testServerB(b *testing.B) (*Server, *neo4jdb.DB) { return newTestServer(b, false) }

func newTestServer(t testing.TB, demo bool) (*Server, *neo4jdb.DB) {
	t.Helper()
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "../examples")
	tokens, err := auth.ParseTokens(testTokens)
	if err != nil {
		t.Fatal(err)
	}
	metrics := NewMetrics(nil)
	db.SetObserver(metrics.ObserveQuery)
	renderer, err := diagram.NewRenderer(context.Background(), diagram.RendererOptions{Observe: metrics.ObserveRender})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(renderer.Close)
	s := New(Options{Service: db, Importer: &dataset.Importer{Store: db, Observe: metrics.ObserveImport}, Audit: db, Tokens: tokens, Demo: demo, Metrics: metrics, Renderer: renderer,
		Today: func() graph.Date { return graph.MustDate("2026-11-24") }})
	return s, db
}

func request(t *testing.T, s *Server, method, target, token string, body io.Reader, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRoutes runs every read route: the happy path (with a fact of the example data in the
// answer), a bad parameter (400 naming it), an unknown id (404) and no token (401).
func TestRoutes(t *testing.T) {
	s, _ := testServer(t, false)
	for _, tc := range []struct {
		path, contains string
		badParam       string // a request with a wrong parameter, and the parameter's name
		bad            string
		unknown        string // a request for an id that does not exist
	}{
		{"/api/v1/search?q=chefsgrupp", `"id":"cgh"`, "/api/v1/search?q=chefsgrupp&limit=0", "limit", ""},
		{"/api/v1/organs/cgh", `"rh-regiondirektor"`, "/api/v1/organs/cgh?at=2026-13-01", "at", "/api/v1/organs/no-such-organ"},
		{"/api/v1/organs/vgr-sr-ortopedi/escalation", `"vgr-kl-hs"`, "/api/v1/organs/vgr-sr-ortopedi/escalation?cursor=zzz", "cursor", "/api/v1/organs/no-such-organ/escalation"},
		{"/api/v1/people/jorgen-preuss?at=2021-10-28", `"cgh-ordforande"`, "/api/v1/people/jorgen-preuss?at=yesterday", "at", "/api/v1/people/nobody"},
		{"/api/v1/questions/who-decides?topic=stabsfunktioner&organisation=region-halland", `"rh-rsau-delegation"`, "/api/v1/questions/who-decides", "topic", "/api/v1/questions/who-decides?topic=budget&organisation=no-such-org"},
		{"/api/v1/questions/missing-follow-ups?organisation=region-halland&year=2026", `"rh-uppdrag-stabsfunktioner"`, "/api/v1/questions/missing-follow-ups?year=twenty", "year", "/api/v1/questions/missing-follow-ups?organisation=no-such-org"},
		{"/api/v1/questions/calendar?organisation=region-halland&year=2027", `"cgh-utvardering/2026-10-15"`, "/api/v1/questions/calendar?organisation=region-halland&year=twenty", "year", "/api/v1/questions/calendar?organisation=no-such-org"},
		{"/api/v1/questions/oversight-coverage?organisation=region-halland", `"rh-stiftelse-exempelfond"`, "/api/v1/questions/oversight-coverage?limit=5000", "limit", "/api/v1/questions/oversight-coverage?organisation=no-such-org"},
		{"/api/v1/questions/staff-functions?organisation=region-halland", `"id":"rh-profil-driftforvaltning"`, "/api/v1/questions/staff-functions", "organisation", "/api/v1/questions/staff-functions?organisation=no-such-org"},
		{"/api/v1/questions/seats?organisation=region-halland&at=2021-10-28", `"jorgen-preuss"`, "/api/v1/questions/seats?organisation=region-halland&min_seats=0", "min_seats", "/api/v1/questions/seats?organisation=no-such-org"},
		{"/api/v1/questions/changes?organisation=region-halland&from=2021-10-01&to=2021-11-30", `"jorgen-preuss\u003erh-regiondirektor"`, "/api/v1/questions/changes?organisation=region-halland&from=2021-10-01", "to", "/api/v1/questions/changes?organisation=no-such-org&from=2021-01-01&to=2022-01-01"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp := request(t, s, "GET", tc.path, readerToken, nil)
			got := body(t, resp)
			if resp.StatusCode != 200 || !strings.Contains(got, tc.contains) {
				t.Errorf("GET %s = %d, want 200 containing %s:\n%.500s", tc.path, resp.StatusCode, tc.contains, got)
			}
			if resp.Header.Get("ETag") == "" || resp.Header.Get("Cache-Control") == "" {
				t.Errorf("GET %s lacks ETag or Cache-Control", tc.path)
			}
			resp = request(t, s, "GET", tc.badParam, readerToken, nil)
			if p := decodeProblem(t, resp); resp.StatusCode != 400 || !strings.HasPrefix(p.Detail, tc.bad+":") {
				t.Errorf("GET %s = %d %q, want 400 naming %s", tc.badParam, resp.StatusCode, p.Detail, tc.bad)
			}
			if tc.unknown != "" {
				resp = request(t, s, "GET", tc.unknown, readerToken, nil)
				if p := decodeProblem(t, resp); resp.StatusCode != 404 {
					t.Errorf("GET %s = %d %q, want 404", tc.unknown, resp.StatusCode, p.Detail)
				}
			}
			resp = request(t, s, "GET", tc.path, "", nil)
			if decodeProblem(t, resp); resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("GET %s without token = %d, want 401 with WWW-Authenticate", tc.path, resp.StatusCode)
			}
			resp = request(t, s, "GET", tc.path, "not-a-known-token", nil)
			if decodeProblem(t, resp); resp.StatusCode != 401 {
				t.Errorf("GET %s with an unknown token = %d, want 401", tc.path, resp.StatusCode)
			}
		})
	}
}

func TestETagAndPagination(t *testing.T) {
	s, _ := testServer(t, false)
	first := request(t, s, "GET", "/api/v1/organs/cgh", readerToken, nil)
	etag := first.Header.Get("ETag")
	again := request(t, s, "GET", "/api/v1/organs/cgh", readerToken, nil)
	if again.Header.Get("ETag") != etag || body(t, again) != body(t, first) {
		t.Error("the same organ on the same date gave different bytes")
	}
	if resp := request(t, s, "GET", "/api/v1/organs/cgh", readerToken, nil, "If-None-Match", etag); resp.StatusCode != 304 {
		t.Errorf("If-None-Match with the ETag = %d, want 304", resp.StatusCode)
	}
	if resp := request(t, s, "GET", "/api/v1/organs/cgh?at=2021-10-28", readerToken, nil, "If-None-Match", etag); resp.StatusCode != 200 {
		t.Errorf("another date with the old ETag = %d, want 200", resp.StatusCode)
	}

	// Walk the search results one by one and get them all, once each.
	var all page[graph.SearchHit]
	if err := json.Unmarshal([]byte(body(t, request(t, s, "GET", "/api/v1/search?q=kommunstyrelsen", readerToken, nil))), &all); err != nil {
		t.Fatal(err)
	}
	if all.Total < 3 {
		t.Fatalf("search found %d, want several kommunstyrelser", all.Total)
	}
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; pages <= all.Total; pages++ {
		var p page[graph.SearchHit]
		json.Unmarshal([]byte(body(t, request(t, s, "GET", "/api/v1/search?q=kommunstyrelsen&limit=1&cursor="+cursor, readerToken, nil))), &p)
		if len(p.Items) != 1 || seen[p.Items[0].ID] {
			t.Fatalf("page %d: %+v", pages, p)
		}
		seen[p.Items[0].ID] = true
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	if len(seen) != all.Total {
		t.Errorf("paging gave %d items, want %d", len(seen), all.Total)
	}
}

func TestImportRoute(t *testing.T) {
	s, db := testServer(t, false)
	before := neo4jdbtest.Snapshot(t, db)
	valid, err := os.ReadFile("../graph/dataset/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if resp := request(t, s, "POST", "/api/v1/import", readerToken, bytes.NewReader(valid)); resp.StatusCode != 403 {
		t.Errorf("import with a reader token = %d, want 403", resp.StatusCode)
	}
	resp := request(t, s, "POST", "/api/v1/import?dry_run=true", editorToken, bytes.NewReader(valid), "Content-Type", "application/yaml")
	var res graph.ImportResult
	if err := json.Unmarshal([]byte(body(t, resp)), &res); err != nil || resp.StatusCode != 200 || !res.DryRun || len(res.Nodes.Added) != 10 {
		t.Fatalf("dry run = %d %+v %v", resp.StatusCode, res, err)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatal("a dry run wrote")
	}

	// Every problem comes back with file, line and field, and nothing is written.
	bad := strings.Replace(string(valid), "part_of: test-rs", "part_of: test-nope", 1)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("files", "region.yaml")
	fw.Write([]byte(bad))
	mw.Close()
	resp = request(t, s, "POST", "/api/v1/import", editorToken, &buf, "Content-Type", mw.FormDataContentType())
	p := decodeProblem(t, resp)
	if resp.StatusCode != 400 || len(p.Errors) != 1 || p.Errors[0].File != "region.yaml" || p.Errors[0].Line != 26 || p.Errors[0].Path != "organs[2].part_of" {
		t.Errorf("bad import = %d %+v", resp.StatusCode, p)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatal("a refused import wrote")
	}

	resp = request(t, s, "POST", "/api/v1/import", editorToken, bytes.NewReader(valid), "Content-Type", "application/yaml")
	if resp.StatusCode != 200 {
		t.Fatalf("import = %d %s", resp.StatusCode, body(t, resp))
	}
	if after := neo4jdbtest.Snapshot(t, db); after.Nodes != before.Nodes+10 {
		t.Errorf("import added %d nodes, want 10", after.Nodes-before.Nodes)
	}
}

func TestMetricsAfterRequests(t *testing.T) {
	s, _ := testServer(t, false)
	request(t, s, "GET", "/api/v1/organs/cgh", readerToken, nil)
	request(t, s, "GET", "/api/v1/organs/no-such", readerToken, nil)
	got := body(t, request(t, s, "GET", "/metrics", "", nil))
	for _, want := range []string{
		`styrgraf_http_requests_total{method="GET",route="/api/v1/organs/:id",status="200"} 1`,
		`styrgraf_http_requests_total{method="GET",route="/api/v1/organs/:id",status="404"} 1`,
		`styrgraf_neo4j_query_duration_seconds_count{outcome="ok",query="organ_detail"} 2`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(got, "no-such") {
		t.Error("/metrics names a raw path")
	}
}

// TestCalendarFeed fetches the examples' calendar as a calendar program would: with HTTP
// Basic credentials, as iCalendar that a standard parser reads.
func TestCalendarFeed(t *testing.T) {
	s, _ := testServer(t, false)
	req := httptest.NewRequest("GET", "/api/v1/questions/calendar.ics?organisation=region-halland&year=2027", nil)
	req.SetBasicAuth("kansli", readerToken)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	resp := rec.Result()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("GET calendar.ics = %d %s, want 200 text/calendar", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	cal, err := goical.NewDecoder(resp.Body).Decode()
	if err != nil {
		t.Fatalf("the feed does not parse: %v", err)
	}
	uids := map[string]bool{}
	for _, c := range cal.Children {
		if uid := c.Props.Get(goical.PropUID); uid != nil {
			if uids[uid.Value] {
				t.Errorf("UID %s twice", uid.Value)
			}
			uids[uid.Value] = true
		}
	}
	if !uids["cgh-utvardering/2026-10-15@styrgraf"] {
		t.Errorf("the feed lacks CGH's evaluation for the mandatperiod 2026–2030; UIDs: %v", uids)
	}
}

// auditPage reads one page of GET /api/v1/audit.
func auditPage(t *testing.T, s *Server, query string) page[graph.AuditEntry] {
	t.Helper()
	resp := request(t, s, "GET", "/api/v1/audit"+query, adminToken, nil)
	var p page[graph.AuditEntry]
	if err := json.Unmarshal([]byte(body(t, resp)), &p); err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /api/v1/audit%s = %d, %v", query, resp.StatusCode, err)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "private, no-store" {
		t.Errorf("the audit trail is sent with Cache-Control %q, want private, no-store", cc)
	}
	return p
}

// Imports over the API and the web pages are recorded under the name of the token that
// made them; only writes that changed the graph are, and only admins read the trail.
func TestAuditTrailOverHTTP(t *testing.T) {
	s, db := testServer(t, false)
	// The examples' import (by the test helper) is the first entry.
	if p := auditPage(t, s, ""); p.Total != 1 || p.Items[0].By != neo4jdbtest.By {
		t.Fatalf("before: %+v, want the examples' import alone", p)
	}
	valid, err := os.ReadFile("../graph/dataset/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	post := func(query string, body []byte) int {
		resp := request(t, s, "POST", "/api/v1/import"+query, editorToken, bytes.NewReader(body), "Content-Type", "application/yaml")
		io.Copy(io.Discard, resp.Body)
		return resp.StatusCode
	}
	// A dry run, a file with problems and a conflicting file leave nothing.
	conflicting := strings.Replace(string(valid), "dataset: test-region", "dataset: another-file", 1)
	if post("?dry_run=true", valid) != 200 || post("", []byte("dataset: x\norgans: 3\n")) != 400 {
		t.Fatal("the dry run or the invalid file was not answered 200 and 400")
	}
	if post("", valid) != 200 || post("", []byte(conflicting)) != 409 {
		t.Fatal("the import or the conflicting one was not answered 200 and 409")
	}
	// The same file again changes nothing: no entry.
	if post("", valid) != 200 {
		t.Fatal("re-import failed")
	}

	// An admin imports a change through the web pages.
	form := strings.NewReader(url.Values{"token": {adminToken}, "nasta": {"/import"}}.Encode())
	login := request(t, s, "POST", "/logga-in", "", form, "Content-Type", "application/x-www-form-urlencoded")
	cookies := login.Cookies()
	if login.StatusCode != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("login = %d with %d cookies", login.StatusCode, len(cookies))
	}
	webRequest := func(method, target string, body io.Reader, contentType string) (*http.Response, string) {
		req := httptest.NewRequest(method, target, body)
		req.AddCookie(cookies[0])
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec.Result(), rec.Body.String()
	}
	_, formPage := webRequest("GET", "/import", nil, "")
	_, rest, _ := strings.Cut(formPage, `name="csrf" value="`)
	csrf, _, _ := strings.Cut(rest, `"`)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", csrf)
	mw.WriteField("steg", "tillampa")
	fw, _ := mw.CreateFormFile("filer", "region.yaml")
	fw.Write([]byte(strings.Replace(string(valid), "name: Bo Exempel", "name: Bo Ändrad", 1)))
	mw.Close()
	if resp, page := webRequest("POST", "/import", &buf, mw.FormDataContentType()); resp.StatusCode != 200 || !strings.Contains(page, "Importen är genomförd") {
		t.Fatalf("web import = %d:\n%.2000s", resp.StatusCode, page)
	}

	p := auditPage(t, s, "")
	if p.Total != 3 || len(p.Items) != 3 {
		t.Fatalf("audit trail of %d entries, want 3: %+v", p.Total, p.Items)
	}
	web, api := p.Items[0], p.Items[1]
	if web.By != (graph.Actor{Name: "it-drift", Via: graph.ViaWeb}) || !slices.Equal(web.Nodes.IDs.Changed, []string{"bo"}) || web.Nodes.Changed != 1 {
		t.Errorf("newest entry = %+v, want it-drift's change of bo through the web", web)
	}
	if api.By != (graph.Actor{Name: "hr-anna", Via: graph.ViaAPI}) || api.Nodes.Added != 10 || api.Rels.Added != 11 || !slices.Equal(api.Datasets, []string{"test-region"}) {
		t.Errorf("second entry = %+v, want hr-anna's import of test-region over the API", api)
	}
	if snap := neo4jdbtest.Snapshot(t, db); snap.Audit != 3 {
		t.Errorf("the graph holds %d audit entries, want 3", snap.Audit)
	}

	// Pages, newest first.
	first := auditPage(t, s, "?limit=2")
	second := auditPage(t, s, "?limit=2&cursor="+first.NextCursor)
	if len(first.Items) != 2 || first.NextCursor == "" || len(second.Items) != 1 || second.NextCursor != "" || second.Items[0].ID != p.Items[2].ID {
		t.Errorf("pages of 2: %d items (next %q), then %d (next %q)", len(first.Items), first.NextCursor, len(second.Items), second.NextCursor)
	}
	for _, bad := range []string{"?limit=0", "?cursor=zzz"} {
		if resp := request(t, s, "GET", "/api/v1/audit"+bad, adminToken, nil); resp.StatusCode != 400 {
			t.Errorf("GET /api/v1/audit%s = %d, want 400", bad, resp.StatusCode)
		}
	}
	// Only admins read the trail.
	for token, want := range map[string]int{editorToken: 403, readerToken: 403, "": 401} {
		if resp := request(t, s, "GET", "/api/v1/audit", token, nil); resp.StatusCode != want {
			t.Errorf("GET /api/v1/audit with token %.6q = %d, want %d", token, resp.StatusCode, want)
		}
	}
}
