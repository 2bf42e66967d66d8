package api

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

// fakeService is graph.Service in memory, so that the HTTP layer's own behaviour (auth,
// pagination, ETags, problem+json, status codes) is tested in milliseconds without Neo4j.
// Every query still goes through its Validate, as the real store's do. The real store is
// tested behind the same routes in api_test.go and cmd/styrgraf.
type fakeService struct {
	ready  error
	err    error // returned by every question when set
	hits   []graph.SearchHit
	organs map[string]graph.OrganDetail
	orgs   []graph.Ref
	cal    graph.Calendar
}

func (f *fakeService) Ready(context.Context) error { return f.ready }

func (f *fakeService) Search(ctx context.Context, q graph.SearchQuery) (graph.List[graph.SearchHit], error) {
	if err := f.check(ctx, q.Validate()); err != nil {
		return graph.List[graph.SearchHit]{}, err
	}
	return graph.PageOf(f.hits, q.Page), nil
}

func (f *fakeService) OrganDetail(ctx context.Context, id string, _ graph.Date) (graph.OrganDetail, error) {
	if err := f.check(ctx, nil); err != nil {
		return graph.OrganDetail{}, err
	}
	o, ok := f.organs[id]
	if !ok {
		return o, graph.Errorf(graph.ENOTFOUND, "no organ %q", id)
	}
	return o, nil
}

func (f *fakeService) Organisations(ctx context.Context, _ graph.Date) ([]graph.Ref, error) {
	return f.orgs, f.check(ctx, nil)
}

func (f *fakeService) OrganSubtree(ctx context.Context, q graph.SubtreeQuery) (graph.Subtree, error) {
	return graph.Subtree{}, f.check(ctx, q.Validate())
}

func (f *fakeService) OrganisationGraph(ctx context.Context, q graph.OrganisationGraphQuery) (graph.Subtree, error) {
	return graph.Subtree{}, f.check(ctx, q.Validate())
}

func (f *fakeService) Person(ctx context.Context, _ string, _ graph.Date) (graph.PersonDetail, error) {
	return graph.PersonDetail{}, f.check(ctx, nil)
}

func (f *fakeService) WhoDecides(ctx context.Context, q graph.WhoDecidesQuery) (graph.WhoDecidesAnswer, error) {
	return graph.WhoDecidesAnswer{}, f.check(ctx, q.Validate())
}

func (f *fakeService) Escalation(ctx context.Context, q graph.EscalationQuery) (graph.EscalationAnswer, error) {
	return graph.EscalationAnswer{}, f.check(ctx, q.Validate())
}

func (f *fakeService) MissingFollowUps(ctx context.Context, q graph.FollowUpQuery) (graph.FollowUpReport, error) {
	return graph.FollowUpReport{}, f.check(ctx, q.Validate())
}

func (f *fakeService) Calendar(ctx context.Context, q graph.CalendarQuery) (graph.Calendar, error) {
	return f.cal, f.check(ctx, q.Validate())
}

func (f *fakeService) OversightCoverage(ctx context.Context, q graph.OrganisationQuery) (graph.List[graph.OversightRow], error) {
	return graph.List[graph.OversightRow]{}, f.check(ctx, q.Validate(false))
}

func (f *fakeService) StaffFunctions(ctx context.Context, q graph.OrganisationQuery) (graph.List[graph.StaffFunctionRow], error) {
	return graph.List[graph.StaffFunctionRow]{}, f.check(ctx, q.Validate(true))
}

func (f *fakeService) Seats(ctx context.Context, q graph.SeatsQuery) (graph.SeatsReport, error) {
	return graph.SeatsReport{}, f.check(ctx, q.Validate())
}

func (f *fakeService) Changes(ctx context.Context, q graph.ChangesQuery) (graph.List[graph.Change], error) {
	return graph.List[graph.Change]{}, f.check(ctx, q.Validate())
}

// check returns, in the order a store meets them: the query's own problem, the request's
// cancellation, the configured failure.
func (f *fakeService) check(ctx context.Context, invalid error) error {
	if invalid != nil {
		return invalid
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return f.err
}

// ReadDatasets answers one small dataset, for the export routes.
func (f *fakeService) ReadDatasets(ctx context.Context, q graph.ExportQuery) ([]graph.Dataset, error) {
	if err := f.check(ctx, q.Validate()); err != nil {
		return nil, err
	}
	return []graph.Dataset{{ID: "d", Organisations: []graph.Organisation{{ID: "o", Name: "Region O", Kind: "region"}}}}, nil
}

// fakeImporter records what it was given and answers a fixed result or error.
type fakeImporter struct {
	files       []graph.DatasetFile
	opts        graph.ImportOptions
	err         error
	conversions []graph.Conversion
}

func (f *fakeImporter) Import(_ context.Context, files []graph.DatasetFile, opts graph.ImportOptions) (graph.ImportResult, error) {
	f.files, f.opts = files, opts
	return graph.ImportResult{Datasets: []string{"x"}, DryRun: opts.DryRun, Nodes: graph.ImportChanges{Added: []string{"a", "b"}}, Conversions: f.conversions}, f.err
}

// fakeAudit answers a fixed audit trail.
type fakeAudit struct{ entries []graph.AuditEntry }

func (f *fakeAudit) AuditEntries(_ context.Context, q graph.AuditQuery) (graph.List[graph.AuditEntry], error) {
	if err := q.Validate(); err != nil {
		return graph.List[graph.AuditEntry]{}, err
	}
	return graph.PageOf(f.entries, q.Page), nil
}

func fakeServer(t testing.TB, svc *fakeService, demo bool) *Server {
	t.Helper()
	tokens, err := auth.ParseTokens(testTokens)
	if err != nil {
		t.Fatal(err)
	}
	return New(Options{Service: svc, Importer: &fakeImporter{}, Audit: &fakeAudit{}, Tokens: tokens, Demo: demo,
		Today: func() graph.Date { return graph.MustDate("2026-11-24") }})
}

func serve(s *Server, req *http.Request) *http.Response {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Result()
}

func get(t *testing.T, s *Server, target, token string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return serve(s, req)
}

func TestAuthMatrix(t *testing.T) {
	svc := &fakeService{organs: map[string]graph.OrganDetail{"rs": {ID: "rs", Name: "Regionstyrelsen"}}}
	for _, tc := range []struct {
		name          string
		demo          bool
		authorization string
		method        string
		want          int
	}{
		{"reader reads", false, "Bearer " + readerToken, "GET", 200},
		{"editor reads", false, "Bearer " + editorToken, "GET", 200},
		{"lower-case scheme", false, "bearer " + readerToken, "GET", 200},
		{"no token", false, "", "GET", 401},
		{"unknown token", false, "Bearer not-a-known-token-at-all", "GET", 401},
		{"basic scheme with a bare token", false, "Basic " + readerToken, "GET", 401},
		// Calendar programs subscribe with a user name and password: the token is the
		// password, for reads only.
		{"basic credentials read", false, "Basic " + base64.StdEncoding.EncodeToString([]byte("kansli:"+readerToken)), "GET", 200},
		{"basic credentials import", false, "Basic " + base64.StdEncoding.EncodeToString([]byte("kansli:"+editorToken)), "POST", 401},
		{"reader imports", false, "Bearer " + readerToken, "POST", 403},
		{"editor imports", false, "Bearer " + editorToken, "POST", 200},
		{"demo reads without token", true, "", "GET", 200},
		{"demo with a bad token", true, "Bearer not-a-known-token-at-all", "GET", 401},
		{"demo imports without token", true, "", "POST", 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeServer(t, svc, tc.demo)
			target := "/api/v1/organs/rs"
			var body io.Reader
			if tc.method == "POST" {
				target, body = "/api/v1/import", strings.NewReader("dataset: x\n")
			}
			req := httptest.NewRequest(tc.method, target, body)
			if tc.authorization != "" {
				req.Header.Set("Authorization", tc.authorization)
			}
			resp := serve(s, req)
			if resp.StatusCode != tc.want {
				t.Fatalf("%s %s = %d, want %d", tc.method, target, resp.StatusCode, tc.want)
			}
			if tc.want == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	// The web pages' login cookie counts for reads (what the pages link to), never for a
	// request that changes data.
	s := fakeServer(t, svc, false)
	for _, tc := range []struct {
		method, target string
		want           int
	}{{"GET", "/api/v1/organs/rs", 200}, {"POST", "/api/v1/import", 401}} {
		req := httptest.NewRequest(tc.method, tc.target, strings.NewReader("dataset: x\n"))
		req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: editorToken})
		if resp := serve(s, req); resp.StatusCode != tc.want {
			t.Errorf("%s %s with the session cookie = %d, want %d", tc.method, tc.target, resp.StatusCode, tc.want)
		}
	}
	// Only the iCalendar feed asks for Basic credentials, which makes a calendar program
	// prompt for them; other routes ask for a bearer token alone.
	for target, want := range map[string]int{"/api/v1/questions/calendar.ics?organisation=o": 2, "/api/v1/questions/calendar?organisation=o": 1} {
		resp := serve(s, httptest.NewRequest("GET", target, nil))
		if got := resp.Header.Values("WWW-Authenticate"); resp.StatusCode != 401 || len(got) != want {
			t.Errorf("GET %s without credentials = %d with challenges %q, want 401 with %d", target, resp.StatusCode, got, want)
		}
	}
	// A server with no tokens outside demo mode lets nobody in.
	s = New(Options{Service: svc})
	if resp := get(t, s, "/api/v1/organs/rs", readerToken); resp.StatusCode != 401 {
		t.Errorf("no tokens configured: %d, want 401", resp.StatusCode)
	}
}

func TestPaginationWalksEveryItemOnce(t *testing.T) {
	svc := &fakeService{}
	for i := range 7 {
		svc.hits = append(svc.hits, graph.SearchHit{ID: fmt.Sprintf("h%d", i), Name: "Nämnd"})
	}
	s := fakeServer(t, svc, false)
	var seen []string
	cursor := ""
	for range 10 {
		var p page[graph.SearchHit]
		resp := get(t, s, "/api/v1/search?q=n%C3%A4mnd&limit=3&cursor="+cursor, readerToken)
		if err := json.NewDecoder(resp.Body).Decode(&p); err != nil || resp.StatusCode != 200 {
			t.Fatalf("status %d: %v", resp.StatusCode, err)
		}
		if p.Total != 7 {
			t.Fatalf("total = %d, want 7", p.Total)
		}
		for _, h := range p.Items {
			seen = append(seen, h.ID)
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	if got := strings.Join(seen, ","); got != "h0,h1,h2,h3,h4,h5,h6" {
		t.Errorf("walked %s", got)
	}
	for _, bad := range []string{"limit=0", "limit=1001", "limit=ten", "cursor=zzz", "kind=Meeting"} {
		resp := get(t, s, "/api/v1/search?q=x&"+bad, readerToken)
		if p := decodeProblem(t, resp); resp.StatusCode != 400 || !strings.HasPrefix(p.Detail, strings.SplitN(bad, "=", 2)[0]+":") {
			t.Errorf("%s = %d %q, want 400 naming the parameter", bad, resp.StatusCode, p.Detail)
		}
	}
}

func TestETagRevalidation(t *testing.T) {
	svc := &fakeService{organs: map[string]graph.OrganDetail{"rs": {ID: "rs", Name: "Regionstyrelsen"}}}
	s := fakeServer(t, svc, false)
	first := get(t, s, "/api/v1/organs/rs", readerToken)
	etag := first.Header.Get("ETag")
	if etag == "" || first.Header.Get("Cache-Control") == "" {
		t.Fatalf("no ETag or Cache-Control: %v", first.Header)
	}
	if resp := get(t, s, "/api/v1/organs/rs", readerToken, "If-None-Match", etag); resp.StatusCode != 304 {
		t.Errorf("If-None-Match with the ETag = %d, want 304", resp.StatusCode)
	}
	if cc := first.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "private,") {
		t.Errorf("an answer to a request with a token has Cache-Control %q: a shared cache may give it to anyone", cc)
	}
	// In demo mode an anonymous read is for anyone, and a shared cache may keep it.
	demo := fakeServer(t, svc, true)
	if cc := get(t, demo, "/api/v1/organs/rs", "").Header.Get("Cache-Control"); !strings.HasPrefix(cc, "public,") {
		t.Errorf("an anonymous demo answer has Cache-Control %q, want public", cc)
	}
	if cc := get(t, demo, "/api/v1/organs/rs", "", "Cookie", "styrgraf_session=x").Header.Get("Cache-Control"); !strings.HasPrefix(cc, "private,") {
		t.Errorf("an answer to a request with a session cookie has Cache-Control %q, want private", cc)
	}
	svc.organs["rs"] = graph.OrganDetail{ID: "rs", Name: "Regionstyrelsen (ny)"}
	if resp := get(t, s, "/api/v1/organs/rs", readerToken, "If-None-Match", etag); resp.StatusCode != 200 || resp.Header.Get("ETag") == etag {
		t.Errorf("changed answer with the old ETag = %d %s, want 200 with a new ETag", resp.StatusCode, resp.Header.Get("ETag"))
	}
}

// How each kind of failure reaches the client: its status, Retry-After, what the detail
// says, and how the request is counted in the metrics the error-rate alert reads.
func TestErrorsBecomeStatuses(t *testing.T) {
	for _, tc := range []struct {
		name, detail, retryAfter string
		err                      error
		status                   int
	}{
		{"invalid", "q: say what to search for", "", nil, 400},
		{"unavailable", "query search: Neo4j is unreachable", "5", graph.Errorf(graph.EUNAVAILABLE, "query search: Neo4j is unreachable"), 503},
		{"decoding bug", "internal error", "", &graph.Error{Code: graph.EINTERNAL, Message: "query search: query failed", Err: errors.New("column id: want string")}, 500},
		{"plain error", "internal error", "", errors.New("secret internals"), 500},
		{"conflict", "already exists", "", graph.Errorf(graph.ECONFLICT, "already exists"), 409},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeServer(t, &fakeService{err: tc.err}, false)
			q := "rs"
			if tc.name == "invalid" {
				q = "%20"
			}
			resp := get(t, s, "/api/v1/search?q="+q, readerToken)
			p := decodeProblem(t, resp)
			if resp.StatusCode != tc.status || p.Detail != tc.detail || resp.Header.Get("Retry-After") != tc.retryAfter {
				t.Errorf("= %d %q Retry-After %q, want %d %q %q", resp.StatusCode, p.Detail, resp.Header.Get("Retry-After"), tc.status, tc.detail, tc.retryAfter)
			}
		})
	}
}

// A client that goes away is answered 499: not a 5xx, so it does not feed the error-rate
// alert.
func TestCancelledRequestIs499(t *testing.T) {
	s := fakeServer(t, &fakeService{organs: map[string]graph.OrganDetail{"rs": {ID: "rs"}}}, false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/organs/rs", nil).WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+readerToken)
	if resp := serve(s, req); resp.StatusCode != 499 {
		t.Fatalf("cancelled request = %d, want 499", resp.StatusCode)
	}
	metrics, _ := io.ReadAll(get(t, s, "/metrics", "").Body)
	if want := `styrgraf_http_requests_total{method="GET",route="/api/v1/organs/:id",status="499"} 1`; !strings.Contains(string(metrics), want) {
		t.Errorf("/metrics lacks %s", want)
	}
	if strings.Contains(string(metrics), `status="500"`) {
		t.Error("a cancelled request was counted as a 500")
	}
}

func TestImportRouteHandsFilesToTheImporter(t *testing.T) {
	imp := &fakeImporter{}
	tokens, _ := auth.ParseTokens("editor hr-anna " + editorToken)
	s := New(Options{Service: &fakeService{}, Importer: imp, Tokens: tokens})
	req := httptest.NewRequest(http.MethodPost, "/api/v1/import?dry_run=true&name=region.yaml", strings.NewReader("dataset: x\n"))
	req.Header.Set("Authorization", "Bearer "+editorToken)
	resp := serve(s, req)
	var res graph.ImportResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != 200 || !res.DryRun {
		t.Fatalf("import = %d %+v %v", resp.StatusCode, res, err)
	}
	if len(imp.files) != 1 || imp.files[0].Name != "region.yaml" || string(imp.files[0].Content) != "dataset: x\n" {
		t.Errorf("importer got %+v", imp.files)
	}
	// Who imports travels to the importer: the token's name, and the way in.
	if want := (graph.Actor{Name: "hr-anna", Via: graph.ViaAPI}); imp.opts.By != want {
		t.Errorf("importer was told the import is by %+v, want %+v", imp.opts.By, want)
	}
	// Problems the importer finds come back one by one, with file, line and field.
	imp.err = graph.Problems{{File: "region.yaml", Line: 3, Column: 5, Path: "organs[0].kind", Message: "unknown kind"}}.Err()
	req = httptest.NewRequest(http.MethodPost, "/api/v1/import", strings.NewReader("dataset: x\n"))
	req.Header.Set("Authorization", "Bearer "+editorToken)
	resp = serve(s, req)
	p := decodeProblem(t, resp)
	if resp.StatusCode != 400 || len(p.Errors) != 1 || p.Errors[0].Line != 3 || p.Errors[0].Path != "organs[0].kind" {
		t.Errorf("invalid import = %d %+v", resp.StatusCode, p)
	}
}

// TestOpenAPIMatchesRoutes: every registered route is documented and every documented path
// is registered.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := fakeServer(t, &fakeService{}, false)
	resp := get(t, s, "/api/v1/openapi.json", "")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v %q", err, doc.OpenAPI)
	}
	registered := map[string]bool{}
	for _, r := range s.echo.Routes() {
		// The web pages are not the API: only /api/v1 and the health endpoints are documented.
		if !strings.HasPrefix(r.Path, "/api/") && !slices.Contains([]string{"/healthz", "/readyz", "/metrics"}, r.Path) {
			continue
		}
		key := strings.ToLower(r.Method) + " " + openAPIPath(r.Path)
		registered[key] = true
		if _, ok := doc.Paths[openAPIPath(r.Path)][strings.ToLower(r.Method)]; !ok {
			t.Errorf("%s is registered but not in openapi.json", key)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !registered[method+" "+path] {
				t.Errorf("openapi.json documents %s %s, which is not registered", method, path)
			}
		}
	}
	if len(registered) < 15 {
		t.Errorf("only %d routes registered", len(registered))
	}
}
