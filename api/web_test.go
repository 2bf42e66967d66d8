package api

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

// The web pages over the in-memory service: what they say and who may see them. The
// browser tests (api/web) run the same pages on the example data in Chromium.

func webServer(t *testing.T, demo bool) (*Server, *fakeImporter) {
	t.Helper()
	tokens, err := auth.ParseTokens(testTokens)
	if err != nil {
		t.Fatal(err)
	}
	svc := &fakeService{
		orgs: []graph.Ref{{ID: "vaxjo", Name: "Växjö kommun"}, {ID: "orebro", Name: "Örebro kommun"}, {ID: "alvesta", Name: "Alvesta kommun"}},
		organs: map[string]graph.OrganDetail{"rs": {ID: "rs", Name: "Regionstyrelsen", Kind: "styrelse",
			Seats: []graph.Seat{{ID: "rs-chair", Title: "Ordförande", ExOfficio: &graph.Ref{ID: "rd", Name: "Regiondirektör"}, Holders: []graph.Ref{}}},
			Out:   []graph.RelationView{{Type: "PREPARES_FOR", Other: graph.Ref{ID: "rf", Kind: "Organ", Name: "Regionfullmäktige"}}}}},
		hits: []graph.SearchHit{{ID: "rs", Kind: "Organ", Name: "Regionstyrelsen", Match: graph.MatchPrefix}},
		cal: graph.Calendar{Organisation: graph.Ref{ID: "vaxjo", Name: "Växjö kommun"}, Year: 2027, At: graph.MustDate("2026-12-02"),
			Entries: []graph.CalendarEntry{{UID: "plan/2027", Due: graph.MustDate("2027-09-30"), Status: graph.CalendarUpcoming, Basis: graph.BasisStated,
				Subject: graph.Ref{ID: "ks", Kind: "Organ", Name: "Kommunstyrelsen"}, DueText: "senast 30/9",
				Duty: &graph.DutyRef{Action: "decide_meeting_plan", Per: graph.PerYear,
					Conditions: []graph.ConditionRef{{Kind: graph.CondAfterConsulting, Ref: &graph.Ref{ID: "rd", Name: "Regiondirektör"}}}},
				Source: graph.SourceRef{DocumentTitle: "Arbetsordning", Section: "2.8", Basis: graph.BasisStated, Quote: "senast 30/9"}}},
			Undated: []graph.CalendarDuty{{DutyRef: graph.DutyRef{Action: "follow_up", Per: graph.PerContinuous}, Subject: graph.Ref{Name: "Styrgruppen"}}}},
	}
	imp := &fakeImporter{}
	return New(Options{Service: svc, Importer: imp, Tokens: tokens, Demo: demo,
		Today: func() graph.Date { return graph.MustDate("2026-12-02") }}), imp
}

func fetchPage(t *testing.T, s *Server, method, target string, body io.Reader, cookies []*http.Cookie, header ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp := serve(s, req)
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestWebPagesSaySwedishThings(t *testing.T) {
	s, _ := webServer(t, true)
	for _, tc := range []struct {
		target string
		status int
		want   []string
	}{
		// Swedish collation: Alvesta, Växjö, Örebro (å, ä, ö after z); the date in words.
		{"/", 200, []string{`<html lang="sv">`, "Alvesta kommun</a>", "Per 2 december 2026"}},
		{"/sok?q=styrelse", 200, []string{"<h2>Organ</h2>", `href="/organ/rs"`, "början av ord"}},
		{"/organ/rs", 200, []string{"<h1>Regionstyrelsen</h1>", "innehas av den som är Regiondirektör", "ej registrerad", "bereder åt", `href="/organ/rf"`}},
		{"/organ/rs?datum=2021-10-28", 200, []string{`href="/organ/rf?datum=2021-10-28"`, `value="2021-10-28"`}},
		{"/organ/nope", 404, []string{"Det finns inte"}},
		{"/organ/rs?datum=2021-13-01", 400, []string{"går inte att läsa"}},
		{"/fragor/uppsikt", 200, []string{"Välj organisation"}},
		{"/fragor/arshjul?organisation=vaxjo&ar=2027", 200, []string{"<h2 id=\"arshjul-rubrik\">Växjö kommun 2027</h2>", "30 september 2027",
			"besluta om sammanträdesplan", "senast 30/9", "villkor: i samråd med, efter samråd med Regiondirektör", "kommande",
			`href="/api/v1/questions/calendar.ics?organisation=vaxjo&amp;year=2027"`, "Skyldigheter utan datum", "kontinuerligt"}},
	} {
		resp, body := fetchPage(t, s, "GET", tc.target, nil, nil)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s = %d, want %d", tc.target, resp.StatusCode, tc.status)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tc.target, w)
			}
		}
	}
	_, body := fetchPage(t, s, "GET", "/", nil, nil)
	if a, v, o := strings.Index(body, "Alvesta"), strings.Index(body, "Växjö"), strings.Index(body, "Örebro"); !(a < v && v < o) {
		t.Errorf("organisations not in Swedish order: Alvesta %d, Växjö %d, Örebro %d", a, v, o)
	}
}

func TestWebLoginCookieAndCSRF(t *testing.T) {
	s, imp := webServer(t, false)
	// Not logged in, outside demo mode: to the login page, keeping where the user was going.
	resp, _ := fetchPage(t, s, "GET", "/organ/rs", nil, nil)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/logga-in?nasta=%2Forgan%2Frs") {
		t.Fatalf("anonymous page = %d %s, want a redirect to the login page", resp.StatusCode, resp.Header.Get("Location"))
	}
	form := func(v url.Values) io.Reader { return strings.NewReader(v.Encode()) }
	formType := []string{"Content-Type", "application/x-www-form-urlencoded"}
	resp, body := fetchPage(t, s, "POST", "/logga-in", form(url.Values{"token": {"not-a-known-token-at-all"}}), nil, formType...)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Nyckeln stämmer inte") {
		t.Errorf("wrong token = %d, want 401 with a Swedish message", resp.StatusCode)
	}
	login := func(token string) []*http.Cookie {
		resp, _ := fetchPage(t, s, "POST", "/logga-in", form(url.Values{"token": {token}, "nasta": {"/organ/rs"}}), nil, formType...)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/organ/rs" {
			t.Fatalf("login = %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		return resp.Cookies()
	}
	reader := login(readerToken)
	if len(reader) != 1 || !reader[0].HttpOnly || reader[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("session cookie %+v, want one HttpOnly SameSite=Strict cookie", reader)
	}
	if resp, _ := fetchPage(t, s, "GET", "/organ/rs", nil, reader); resp.StatusCode != 200 {
		t.Errorf("reader page = %d", resp.StatusCode)
	}
	if resp, body := fetchPage(t, s, "GET", "/import", nil, reader); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "behörighet") {
		t.Errorf("reader on the import page = %d, want 403 in Swedish", resp.StatusCode)
	}
	if resp, _ := fetchPage(t, s, "POST", "/logga-ut", form(url.Values{}), reader, formType...); resp.StatusCode != http.StatusForbidden {
		t.Errorf("logout without CSRF = %d, want 403", resp.StatusCode)
	}

	editor := login(editorToken)
	_, body = fetchPage(t, s, "GET", "/import", nil, editor)
	csrf := between(body, `name="csrf" value="`, `"`)
	if csrf == "" {
		t.Fatal("the import form has no CSRF token")
	}
	upload := func(csrf, step string) (*http.Response, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("csrf", csrf)
		mw.WriteField("steg", step)
		fw, _ := mw.CreateFormFile("filer", "region.yaml")
		fw.Write([]byte("dataset: x\n"))
		mw.Close()
		return fetchPage(t, s, "POST", "/import", &b, editor, "Content-Type", mw.FormDataContentType())
	}
	if resp, _ := upload("forged", "granska"); resp.StatusCode != http.StatusForbidden || imp.files != nil {
		t.Errorf("import with a forged CSRF token = %d (importer called: %v), want 403 and nothing imported", resp.StatusCode, imp.files != nil)
	}
	resp, body = upload(csrf, "granska")
	if resp.StatusCode != 200 || !imp.opts.DryRun || !strings.Contains(body, "2 läggs till") || !strings.Contains(body, `name="fil_innehall"`) {
		t.Errorf("review = %d, dry run %v:\n%s", resp.StatusCode, imp.opts.DryRun, body)
	}
	// A Popolo file's conversion is shown with what was mapped and what was dropped, and why.
	imp.conversions = []graph.Conversion{{File: "riksdag.json", Format: "popolo", Mapped: map[string]int{"persons": 349},
		Dropped: []graph.Dropped{{What: "memberships.on_behalf_of_id", Count: 349, Why: "styrgraf registrerar inte partitillhörighet"}}}}
	if _, body := upload(csrf, "granska"); !strings.Contains(body, "Konverterat från popolo: riksdag.json") ||
		!strings.Contains(body, "<code>memberships.on_behalf_of_id</code></td><td class=\"tal\">349</td><td>styrgraf registrerar inte partitillhörighet") {
		t.Errorf("the review does not show the conversion:\n%s", body)
	}
	imp.conversions = nil
	imp.err = graph.Problems{{File: "region.yaml", Line: 7, Column: 3, Path: "organs[0].kind", Message: "unknown kind"}}.Err()
	if resp, body := upload(csrf, "granska"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `<table id="problem"`) || !strings.Contains(body, "organs[0].kind") {
		t.Errorf("invalid import = %d, want 400 with the problem table", resp.StatusCode)
	}
	imp.err = nil
	if resp, _ := upload(csrf, "tillampa"); resp.StatusCode != 200 || imp.opts.DryRun {
		t.Errorf("apply = %d, dry run %v; want a real import", resp.StatusCode, imp.opts.DryRun)
	}
	if want := (graph.Actor{Name: "hr-anna", Via: graph.ViaWeb}); imp.opts.By != want {
		t.Errorf("the web import is by %+v, want %+v (the session token's name)", imp.opts.By, want)
	}
	resp, _ = fetchPage(t, s, "POST", "/logga-ut", form(url.Values{"csrf": {csrf}}), editor, formType...)
	if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 || resp.Cookies()[0].MaxAge >= 0 {
		t.Errorf("logout = %d %+v, want the cookie cleared", resp.StatusCode, resp.Cookies())
	}
}

func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, to)
	return v
}
