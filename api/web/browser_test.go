package web_test

// Browser tests of the web interface: a real headless Chromium, driven by chromedp, against the
// whole HTTP service (api.New, which registers the web pages) on a real Neo4j loaded with the
// examples. They check the page contract the templates promise (landmarks, Swedish dates,
// links, forms), that what a user does in the browser works (search, change the as-of date,
// log in and out, upload files, download CSV and diagrams), and run axe-core on every page.
//
// Each page leaves a full-page screenshot in .styrgraf/screenshots/ at the repository root, so
// a failure (or a review) can be looked at without running anything.
//
// Without Chromium or axe-core the tests skip with a message, except under CI (CI set), where
// they fail: CI must never pass by not testing. `make test` installs axe-core; .ci/run also
// installs Chromium.

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/styrgraf/styrgraf/api"
	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/governance"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

const (
	readerToken = "reader-token-0123456789"
	editorToken = "editor-token-0123456789"

	// EnvAxe names the variable with the path of axe.min.js; `make test` sets it.
	EnvAxe = "STYRGRAF_AXE_JS"

	// pageTimeout bounds one page load or form submission. Pages are rendered on the server
	// from a local Neo4j, so anything near this is a hang, not a slow page.
	pageTimeout = 20 * time.Second
)

// today is the service's as-of date in these tests: fixed, so that "today" and the dated
// facts of the examples do not drift apart as the calendar moves on.
var today = graph.MustDate("2026-11-24")

// site is what every browser test needs: the service twice (demo, for the pages, and with
// login required, for access), one browser, and where artifacts go.
type site struct {
	demo, secured *httptest.Server
	browser       context.Context
	axe           string // axe-core source; "" when not found outside CI
	repo          string
}

// TestBrowser runs every browser test as a subtest, so that they share one Chromium, one
// database and one import of the examples: starting those is most of the suite's time.
func TestBrowser(t *testing.T) {
	s := newSite(t)
	for _, tc := range browserTests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, s) })
	}
}

var browserTests = []struct {
	name string
	run  func(*testing.T, *site)
}{
	{"Start", testStart},
	{"Search", testSearch},
	{"Organ", testOrgan},
	{"OrganToday", testOrganToday},
	{"Escalation", testEscalation},
	{"AsOfDate", testAsOfDate},
	{"StaffFunctions", testStaffFunctions},
	{"Calendar", testCalendar},
	{"Login", testLogin},
	{"ReaderForbiddenImport", testReaderImport},
	{"Import", testImport},
}

func newSite(t *testing.T) *site {
	t.Helper()
	chromium := findChromium(t)
	s := &site{repo: repoRoot(t)}
	shotsDir = filepath.Join(s.repo, ".styrgraf", "screenshots")
	if err := os.MkdirAll(shotsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Screenshots of an earlier run would pass for this run's.
	old, _ := filepath.Glob(filepath.Join(shotsDir, t.Name()+"_*.png"))
	for _, f := range old {
		os.Remove(f)
	}
	s.axe = readAxe(t, s.repo)

	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, filepath.Join(s.repo, "examples"))
	tokens, err := auth.ParseTokens("reader kansliet " + readerToken + "\neditor hr-anna " + editorToken)
	if err != nil {
		t.Fatal(err)
	}
	renderer, err := diagram.NewRenderer(context.Background(), diagram.RendererOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(renderer.Close)
	// The start page's figures come from the governance gauges, refreshed once here rather
	// than on cmd/styrgraf's timer.
	gov := governance.New(db, prometheus.NewRegistry(), func() graph.Date { return today }, func(msg string, args ...any) { t.Log(append([]any{msg}, args...)...) })
	if err := gov.Refresh(context.Background()); err != nil {
		t.Fatalf("computing the governance figures: %v", err)
	}
	serve := func(demo bool) *httptest.Server {
		srv := httptest.NewServer(api.New(api.Options{Service: db, Importer: &dataset.Importer{Store: db}, Tokens: tokens,
			Demo: demo, Renderer: renderer, Today: func() graph.Date { return today }, Headlines: gov.Headlines}))
		t.Cleanup(srv.Close)
		return srv
	}
	s.demo, s.secured = serve(true), serve(false)
	s.startBrowser(t, chromium)
	return s
}

// startBrowser starts the one Chromium every subtest opens its tabs in.
func (s *site) startBrowser(t *testing.T, chromium string) {
	t.Helper()
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		// Tests run as root in CI containers, where Chromium's sandbox cannot start.
		chromedp.NoSandbox,
		chromedp.WindowSize(1280, 900),
		// Ask for Swedish, as the users' browsers do. (The browser's own widgets, such as the
		// date field's mm/dd/yyyy, stay in English: Debian's chromium package has only en-US;
		// chromium-l10n has the others.)
		chromedp.Flag("accept-lang", "sv-SE,sv"),
	)...)
	t.Cleanup(cancel)
	browser, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	// The first Run starts the browser; it must not carry a timeout, or the timeout would
	// end the browser with it.
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	s.browser = browser
}

// findChromium returns Debian's chromium (or another distribution's name for it).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	skipUnlessCI(t, "Chromium is not installed (apt-get install chromium)")
	return ""
}

// readAxe returns axe-core's source from $STYRGRAF_AXE_JS or where `make test` installs it.
func readAxe(t *testing.T, repo string) string {
	t.Helper()
	path := os.Getenv(EnvAxe)
	if path == "" {
		path = filepath.Join(repo, ".styrgraf", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is required under CI: %v", err)
		}
		// Only the accessibility subtests skip; the rest of the browser tests still run.
		t.Logf("axe-core not found (%v); accessibility checks will skip (`make test` installs it)", err)
		return ""
	}
	return string(src)
}

func skipUnlessCI(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("required under CI: %s", why)
	}
	t.Skipf("skipping: %s", why)
}

// repoRoot walks up from the package directory to the folder with go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// tab opens a tab in a browser context of its own: its own cookies, so one test's login
// does not leak into another.
func (s *site) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(s.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// load runs actions that navigate (a Navigate, a form submission) and waits for the new
// page, returning the HTTP response of its document (after redirects).
func load(t *testing.T, tab context.Context, what string, steps ...chromedp.Action[chromedp.Void]) *network.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return resp
}

// open navigates to base+path and fails unless the page answers 200.
func open(t *testing.T, tab context.Context, base, path string) {
	t.Helper()
	resp := load(t, tab, "GET "+path, chromedp.Navigate(base+path))
	if resp.Status != http.StatusOK {
		shot(t, tab, "")
		t.Fatalf("GET %s = %d, want 200", path, resp.Status)
	}
}

// submit submits a form the way a user does (requestSubmit runs validation and submit
// handlers, unlike form.submit()) and waits for the answer.
func submit(t *testing.T, tab context.Context, form string) *network.Response {
	t.Helper()
	return load(t, tab, "submitting "+form,
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%s).requestSubmit()`, jsString(form))))
}

// eval evaluates JavaScript in the page and decodes its JSON result.
func eval[T any](t *testing.T, tab context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80s: %v", js, err)
	}
	return v
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// text is the rendered text of the first element matching sel, or "" if there is none. It
// does not wait for the element: the pages are rendered on the server, so what is not there
// after the load is missing.
func text(t *testing.T, tab context.Context, sel string) string {
	t.Helper()
	return eval[string](t, tab, fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? e.innerText : "" })()`, jsString(sel)))
}

func count(t *testing.T, tab context.Context, sel string) int {
	t.Helper()
	return eval[int](t, tab, fmt.Sprintf(`document.querySelectorAll(%s).length`, jsString(sel)))
}

type link struct {
	Text string `json:"text"`
	Href string `json:"href"` // as written in the page, not resolved
	Item string `json:"item"` // text of the enclosing row or list item (a definition with its term): what the link is about
}

// Path is the link's path without its query: links carry the page's datum along, which
// the tests do not care about when they ask where a link goes.
func (l link) Path() string {
	u, err := url.Parse(l.Href)
	if err != nil {
		return l.Href
	}
	return u.Path
}

// links lists the links under sel.
func links(t *testing.T, tab context.Context, sel string) []link {
	t.Helper()
	return eval[[]link](t, tab, fmt.Sprintf(`Array.from(document.querySelectorAll(%s)).map(a => ({
		text: a.innerText.trim(), href: a.getAttribute("href") || "",
		item: (() => { const c = a.closest("tr, li, dd, p"); if (!c) return a.innerText; let dt = c.tagName === "DD" ? c.previousElementSibling : null; while (dt && dt.tagName !== "DT") dt = dt.previousElementSibling; return (dt ? dt.innerText + " " : "") + c.innerText; })()}))`, jsString(sel+" a[href]")))
}

// row is the text of the first table row or list item under sel that contains want.
func row(t *testing.T, tab context.Context, sel, want string) string {
	t.Helper()
	return eval[string](t, tab, fmt.Sprintf(`(() => {
		const r = Array.from(document.querySelectorAll(%s)).find(e => e.innerText.includes(%s));
		return r ? r.innerText : "" })()`, jsString(sel+" tr, "+sel+" li"), jsString(want)))
}

// location is the page's URL.
func location(t *testing.T, tab context.Context) *url.URL {
	t.Helper()
	u, err := url.Parse(eval[string](t, tab, `location.href`))
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// shot saves a full-page PNG of the tab as <test name>[-label].png.
func shot(t *testing.T, tab context.Context, label string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	name := regexp.MustCompile(`[^A-Za-z0-9_-]+`).ReplaceAllString(t.Name(), "_")
	if label != "" {
		name += "-" + label
	}
	path := filepath.Join(shotsDir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Errorf("screenshot: %v", err)
	}
}

// shotsDir is where shot saves screenshots: .styrgraf/screenshots at the repository root,
// outside git. newSite sets it.
var shotsDir string

// checkPage checks what every page of the interface promises, saves a screenshot and runs
// axe-core. Call it right after a page has loaded.
func (s *site) checkPage(t *testing.T, tab context.Context, label string) {
	t.Helper()
	shot(t, tab, label)
	type facts struct {
		Lang      string `json:"lang"`
		H1        int    `json:"h1"`
		Header    bool   `json:"header"`
		Nav       bool   `json:"nav"`
		DateForm  bool   `json:"dateForm"`
		DateInput bool   `json:"dateInput"`
	}
	f := eval[facts](t, tab, `(() => {
		const form = document.querySelector("header form#per-datum");
		return {
			lang: document.documentElement.getAttribute("lang") || "",
			h1: document.querySelectorAll("h1").length,
			header: !!document.querySelector("header"),
			nav: !!document.querySelector("nav"),
			dateForm: !!form && (form.getAttribute("method") || "").toLowerCase() === "get",
			dateInput: !!form && !!form.querySelector('input#datum[type="date"][name="datum"]'),
		} })()`)
	where := location(t, tab).RequestURI()
	if f.Lang != "sv" {
		t.Errorf("%s: <html lang=%q>, want sv", where, f.Lang)
	}
	if f.H1 != 1 {
		t.Errorf("%s: %d <h1>, want one", where, f.H1)
	}
	if !f.Header || !f.Nav {
		t.Errorf("%s: header %v, nav %v; want both", where, f.Header, f.Nav)
	}
	if !f.DateForm || !f.DateInput {
		t.Errorf(`%s: the header lacks <form id="per-datum" method="get"> with <input type="date" name="datum" id="datum"> (form %v, input %v)`,
			where, f.DateForm, f.DateInput)
	}
	s.checkAccessibility(t, tab, label)
}

// checkAccessibility runs axe-core's WCAG 2.1 A and AA rules on the page and fails on every
// serious or critical violation. Minor and moderate ones are logged, not failed: they are
// worth reading but often matters of judgement.
func (s *site) checkAccessibility(t *testing.T, tab context.Context, label string) {
	t.Helper()
	where := location(t, tab).RequestURI()
	name := "axe"
	if label != "" {
		name += "-" + label
	}
	t.Run(name, func(t *testing.T) {
		if s.axe == "" {
			skipUnlessCI(t, "axe-core is not installed (make test installs it; or set "+EnvAxe+")")
		}
		ctx, cancel := context.WithTimeout(tab, pageTimeout)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](s.axe)); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		type violation struct {
			ID      string   `json:"id"`
			Impact  string   `json:"impact"`
			Help    string   `json:"help"`
			Targets []string `json:"targets"`
			Nodes   int      `json:"nodes"`
		}
		vs := eval[[]violation](t, tab, `axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}).then(r =>
			r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.length,
				targets: v.nodes.slice(0, 3).map(n => n.target.map(String).join(" "))})))`)
		for _, v := range vs {
			msg := fmt.Sprintf("%s: axe %s (%s): %s; %d element(s), e.g. %s", where, v.ID, v.Impact, v.Help, v.Nodes, strings.Join(v.Targets, " | "))
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Error(msg)
			} else {
				t.Log(msg)
			}
		}
	})
}

// download fetches href (as written in the page) with Go's client, sending the tab's
// cookies, as the browser would when the link is followed.
func download(t *testing.T, tab context.Context, base, href string) (*http.Response, string) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := url.Parse(href)
	if err != nil {
		t.Fatalf("link %q: %v", href, err)
	}
	target := u.ResolveReference(ref)
	req, err := http.NewRequest("GET", target.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies(t, tab, base) {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", href, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// post sends a form with Go's client and the tab's cookies, without following redirects.
func post(t *testing.T, tab context.Context, base, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("POST", base+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies(t, tab, base) {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func cookies(t *testing.T, tab context.Context, base string) []*network.Cookie {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base + "/"}})
	if err != nil {
		t.Fatalf("reading cookies: %v", err)
	}
	return res.Cookies
}

func mediaType(resp *http.Response) string {
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return mt
}

// --- The pages --------------------------------------------------------------------------

func testStart(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/")
	s.checkPage(t, tab, "")

	form := eval[bool](t, tab, `(() => {
		const f = document.querySelector('form[role="search"]');
		return !!f && f.getAttribute("action") === "/sok" && (f.getAttribute("method") || "").toLowerCase() === "get" &&
			!!f.querySelector('input#q[type="search"][name="q"]') })()`)
	if !form {
		t.Error(`no <form role="search" action="/sok" method="get"> with <input type="search" name="q" id="q">`)
	}
	var orgs []link
	for _, l := range links(t, tab, "table") {
		if strings.HasPrefix(l.Path(), "/organisationer/") {
			orgs = append(orgs, l)
		}
	}
	if len(orgs) < 5 {
		t.Errorf("the table links %d organisations (/organisationer/{id}), want the examples' five or more: %+v", len(orgs), orgs)
	}
	for _, l := range orgs {
		if l.Path() == "/organisationer/region-halland" && !regexp.MustCompile(`\d`).MatchString(l.Item) {
			t.Errorf("Region Halland's row has no figures: %q", l.Item)
		}
	}

	if !form {
		return
	}
	// Search from the start page as a user would.
	if _, err := chromedp.Run(tab, chromedp.SetValue(chromedp.CSS("#q"), "chefsgrupp")); err != nil {
		t.Fatal(err)
	}
	submit(t, tab, `form[role="search"]`)
	if u := location(t, tab); u.Path != "/sok" || u.Query().Get("q") != "chefsgrupp" {
		t.Errorf("searching from the start page went to %s, want /sok?q=chefsgrupp", u)
	}
}

func testSearch(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/sok?q=chefsgrupp")
	s.checkPage(t, tab, "")

	headings := eval[[]string](t, tab, `Array.from(document.querySelectorAll("section > h2, section h2")).map(h => h.innerText.trim())`)
	kinds := map[string]bool{"Organ": true, "Platser": true, "Personer": true, "Ämnen": true, "Organisationer": true}
	for _, h := range headings {
		if !kinds[h] {
			t.Errorf("result section %q is not one of the kinds %v", h, keys(kinds))
		}
	}
	if !contains(headings, "Organ") {
		t.Errorf("result sections %q, want one per kind with <h2> among %v, Organ among them", headings, keys(kinds))
	}
	if unlinked := eval[[]string](t, tab, `Array.from(document.querySelectorAll("section li")).filter(li => !li.querySelector("a[href]")).map(li => li.innerText)`); len(unlinked) > 0 {
		t.Errorf("hits without a link: %q", unlinked)
	}
	var hit *link
	for _, l := range links(t, tab, "section") {
		if l.Path() == "/organ/cgh" {
			hit = &l
			break
		}
	}
	if hit == nil {
		t.Fatal("no hit links /organ/cgh (Chefsgrupp Halland)")
	}
	if !strings.Contains(hit.Text, "Chefsgrupp Halland") {
		t.Errorf("the hit for cgh reads %q, want the organ's name", hit.Text)
	}
	if !regexp.MustCompile(`hela namnet|helt ord|början av ord|del av ord|utan å/ä/ö|med ett stavfel`).MatchString(hit.Item) {
		t.Errorf("the hit for cgh does not say how it matched: %q", hit.Item)
	}
}

func testOrgan(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/organ/cgh?datum=2021-10-28")
	s.checkPage(t, tab, "")

	if h1 := strings.TrimSpace(text(t, tab, "h1")); h1 != "Chefsgrupp Halland" {
		t.Errorf("<h1> = %q, want Chefsgrupp Halland", h1)
	}
	if body := text(t, tab, "body"); !strings.Contains(body, "28 oktober 2021") {
		t.Error("the page does not show its date in Swedish (28 oktober 2021)")
	}
	if count(t, tab, "section#platser table") == 0 {
		t.Error(`no table of seats in <section id="platser">`)
	}
	chair := row(t, tab, "section#platser", "Ordförande")
	if !strings.Contains(strings.ToLower(chair), "innehas av den som är regiondirektör") {
		t.Errorf("the chair's row does not say it is held ex officio by the Regiondirektör: %q", chair)
	}
	if !strings.Contains(chair, "Jörgen Preuss") {
		t.Errorf("the chair's row on 2021-10-28 does not name Jörgen Preuss: %q", chair)
	}

	// cgh both prepares for and supports krf: look for the "bereder åt" one among the links.
	var toKRF []link
	prepares := false
	for _, l := range links(t, tab, "section#relationer") {
		if l.Path() == "/organ/krf" {
			toKRF = append(toKRF, l)
			prepares = prepares || strings.Contains(l.Item, "bereder åt") && strings.Contains(l.Text, "Kommun- och regionledningsforum")
		}
	}
	if !prepares {
		t.Errorf(`<section id="relationer"> has no "bereder åt" link to /organ/krf (Kommun- och regionledningsforum): %+v`, toKRF)
	}

	if count(t, tab, "figure#diagram svg") == 0 {
		t.Error(`no inline SVG in <figure id="diagram">`)
	}
	formats := map[string]string{}
	for _, l := range links(t, tab, "body") {
		switch l.Text {
		case "SVG", "PNG", "DOT", "JSON":
			formats[l.Text] = l.Href
		}
	}
	for _, f := range []string{"SVG", "PNG", "DOT"} {
		if want := "/api/v1/organs/cgh/diagram." + strings.ToLower(f); (link{Href: formats[f]}).Path() != want {
			t.Errorf("download link %q = %q, want %s…", f, formats[f], want)
		}
	}
	// The API draws no JSON diagram; the organ's JSON is the data the diagram is drawn from.
	if p := (link{Href: formats["JSON"]}).Path(); p != "/api/v1/organs/cgh/diagram.json" && p != "/api/v1/organs/cgh" {
		t.Errorf("download link JSON = %q, want the organ's JSON", formats["JSON"])
	}
	// The downloads show the diagram of the page's date, not today's.
	for f, href := range formats {
		if u, err := url.Parse(href); err == nil && u.Query().Get("at") != "2021-10-28" && u.Query().Get("datum") != "2021-10-28" {
			t.Errorf("download link %s = %q does not carry the page's date 2021-10-28", f, href)
		}
	}
	if href := formats["SVG"]; href != "" {
		resp, body := download(t, tab, s.demo.URL, href)
		if resp.StatusCode != 200 || mediaType(resp) != "image/svg+xml" || !strings.Contains(body, "<svg") {
			t.Errorf("GET %s = %d %s %.200q, want 200 image/svg+xml with <svg", href, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
}

func testOrganToday(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/organ/cgh")
	s.checkPage(t, tab, "")
	chair := row(t, tab, "section#platser", "Ordförande")
	if chair == "" {
		t.Fatal(`no row for Ordförande in <section id="platser">`)
	}
	lower := strings.ToLower(chair)
	// Nobody is recorded as regiondirektör today; that is unknown, not a vacancy.
	if !strings.Contains(lower, "ej registrerad") && !strings.Contains(lower, "okänt") {
		t.Errorf("today the chair's holder is unrecorded, the row should say so (ej registrerad/okänt): %q", chair)
	}
	if strings.Contains(lower, "vakant") {
		t.Errorf("an unrecorded holder is shown as vacant: %q", chair)
	}
	if strings.Contains(chair, "Jörgen Preuss") {
		t.Errorf("today's chair row names Jörgen Preuss, who held it in 2021: %q", chair)
	}
	// The diagram is part of the page: it must not call the unrecorded holder vacant either.
	// (Graphviz draws each node as a <g class="node"> with <text> lines; the legend's "post:
	// innehavare eller vakant" explains a symbol and is no seat.)
	if vacant := eval[[]string](t, tab, `Array.from(document.querySelectorAll("figure#diagram svg g.node")).
		map(g => Array.from(g.querySelectorAll("text")).map(t => t.textContent).join(" ")).
		filter(s => s.toLowerCase().includes("vakant") && !s.includes("innehavare eller vakant"))`); len(vacant) > 0 {
		t.Errorf("today the inline diagram calls seats vakant whose holders are only unrecorded: %q", vacant)
	}
}

func testEscalation(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/organ/vgr-sr-ortopedi/eskalering")
	s.checkPage(t, tab, "")
	steps := eval[[]string](t, tab, `Array.from(document.querySelectorAll("ol#steg > li")).map(li => li.innerText)`)
	want := []string{"Samordningsråd ortopedi", "Kontaktperson", "Förvaltningschef", "Koncernledning hälso- och sjukvård",
		"Regiondirektör", "Regionstyrelsen", "Regionfullmäktige"}
	if len(steps) != len(want) {
		t.Errorf(`<ol id="steg"> has %d steps, want %d: %q`, len(steps), len(want), steps)
	}
	basis := regexp.MustCompile(`illustrativ|slutsats|uttryckligen angivet`)
	for i, step := range steps {
		if i < len(want) && !strings.Contains(step, want[i]) {
			t.Errorf("step %d = %q, want %s", i+1, step, want[i])
		}
		// The first item is the organ the question starts at: no relation led there, so
		// there is no basis to show.
		if i > 0 && !basis.MatchString(step) {
			t.Errorf("step %d does not show its basis (illustrativ, slutsats, uttryckligen angivet): %q", i+1, step)
		}
	}
}

// testAsOfDate changes the date with the header's form, as a user does, and sees the
// seat's holder of that day.
func testAsOfDate(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/organ/rh-regionkontoret")
	s.checkPage(t, tab, "idag")
	if seat := row(t, tab, "section#platser", "Regiondirektör"); strings.Contains(seat, "Jörgen Preuss") {
		t.Errorf("today the Regiondirektör seat names Jörgen Preuss: %q", seat)
	}
	if count(t, tab, "#per-datum #datum") == 0 {
		t.Fatal("no date form to change the date with")
	}
	if _, err := chromedp.Run(tab, chromedp.SetValue(chromedp.CSS("#datum"), "2021-10-28")); err != nil {
		t.Fatal(err)
	}
	submit(t, tab, "#per-datum")
	shot(t, tab, "2021-10-28")
	if u := location(t, tab); u.Path != "/organ/rh-regionkontoret" || u.Query().Get("datum") != "2021-10-28" {
		t.Errorf("the date form went to %s, want /organ/rh-regionkontoret?datum=2021-10-28", u.RequestURI())
	}
	if seat := row(t, tab, "section#platser", "Regiondirektör"); !strings.Contains(seat, "Jörgen Preuss") {
		t.Errorf("on 2021-10-28 the Regiondirektör seat does not name Jörgen Preuss: %q", seat)
	}
	if v := eval[string](t, tab, `(document.querySelector("#datum") || {}).value || ""`); v != "2021-10-28" {
		t.Errorf("after the change the date field shows %q, want 2021-10-28", v)
	}
}

func testCalendar(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/fragor/arshjul?organisation=region-halland&ar=2027&datum=2026-12-04")
	s.checkPage(t, tab, "")
	// CGH's sammanträdesplan is due 30/9 by its arbetsordning 2.8, quoted.
	if r := row(t, tab, "main table.rapport", "30 september 2027"); !strings.Contains(r, "besluta om sammanträdesplan") ||
		!strings.Contains(r, "Chefsgrupp Halland") || !strings.Contains(r, "2.8, uttryckligen angivet") {
		t.Errorf("the row of 30 september 2027 = %q, want CGH's sammanträdesplan with its stated source", r)
	}
	// A kallelse hangs on an illustrative meeting, and says so.
	if r := row(t, tab, "main table.rapport", "3 februari 2027"); !strings.Contains(r, "skicka kallelse inför sammanträdet 10 februari 2027") ||
		!strings.Contains(r, "sammanträdet: illustrativ") {
		t.Errorf("the row of 3 februari 2027 = %q, want the kallelse before the illustrative meeting of 10 februari", r)
	}
	var feed string
	for _, l := range links(t, tab, "main") {
		if strings.Contains(l.Href, "/api/v1/questions/calendar.ics") {
			feed = l.Href
		}
	}
	u, err := url.Parse(feed)
	if err != nil || u.Query().Get("organisation") != "region-halland" || u.Query().Get("year") != "2027" || u.Query().Get("at") != "2026-12-04" {
		t.Errorf("the calendar feed link = %q, want organisation, year and the page's date", feed)
	}
}

func testStaffFunctions(t *testing.T, s *site) {
	tab := s.tab(t)
	open(t, tab, s.demo.URL, "/fragor/stabsfunktioner?organisation=region-halland")
	s.checkPage(t, tab, "")
	if count(t, tab, "main table, table") == 0 {
		t.Error("no table of staff functions")
	}
	// A gap is a function the förvaltning's profile expects and it lacks: Exempelförvaltning B
	// lacks IT; A lacks nothing, uppsikt being the styrelse's and not in its profile.
	const overview = "main table.rapport:not(.matris)"
	if r := row(t, tab, overview, "Exempelförvaltning B"); !strings.Contains(r, "Driftförvaltning") || !strings.Contains(r, "\tIT\t") {
		t.Errorf("Exempelförvaltning B's row does not name its profile and its gap IT: %q", r)
	}
	if r := row(t, tab, overview, "Exempelförvaltning A"); !strings.Contains(r, "\tinget\t") {
		t.Errorf("Exempelförvaltning A's row does not say it lacks nothing: %q", r)
	}
	if r := row(t, tab, overview, "Regionkontoret"); !strings.Contains(r, "uttryckligen angivet: Beslutsförslag") {
		t.Errorf("the regionkontoret's row does not cite its profile's document: %q", r)
	}
	if n := count(t, tab, "table.matris .lucka"); n != 2 {
		t.Errorf("the matrix marks %d cells as missing, want 2 (B's IT, C's kommunikation)", n)
	}
	var csvHref string
	for _, l := range links(t, tab, "body") {
		if l.Text == "Ladda ner CSV" {
			csvHref = l.Href
		}
	}
	if !strings.HasPrefix(csvHref, "/fragor/stabsfunktioner.csv?") || !strings.Contains(csvHref, "organisation=region-halland") {
		t.Errorf("\"Ladda ner CSV\" links %q, want /fragor/stabsfunktioner.csv?organisation=region-halland&…", csvHref)
	}
	if csvHref != "" {
		resp, body := download(t, tab, s.demo.URL, csvHref)
		if resp.StatusCode != 200 || mediaType(resp) != "text/csv" {
			t.Errorf("GET %s = %d %s, want 200 text/csv", csvHref, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		checkCSV(t, body, "Regionkontoret")
		if !strings.Contains(body, "stabsprofil") || !strings.Contains(body, "Exempelförvaltning B;rh-narsjukvarden;Driftförvaltning;") {
			t.Errorf("the CSV lacks the profile column or Exempelförvaltning B's profile:\n%.1000s", body)
		}
		for _, l := range strings.Split(body, "\n") {
			if strings.HasPrefix(l, "Exempelförvaltning B;") && !strings.Contains(l, ";IT;") {
				t.Errorf("the CSV's row of Exempelförvaltning B does not name its gap IT: %s", l)
			}
		}
	}

	// The date form keeps the page's other parameters.
	if count(t, tab, "#per-datum #datum") == 0 {
		return
	}
	if _, err := chromedp.Run(tab, chromedp.SetValue(chromedp.CSS("#datum"), "2021-10-28")); err != nil {
		t.Fatal(err)
	}
	submit(t, tab, "#per-datum")
	if u := location(t, tab); u.Path != "/fragor/stabsfunktioner" || u.Query().Get("organisation") != "region-halland" || u.Query().Get("datum") != "2021-10-28" {
		t.Errorf("the date form went to %s, want /fragor/stabsfunktioner with organisation=region-halland and datum=2021-10-28", u.RequestURI())
	}
}

// checkCSV wants a header row and a data row that mentions want.
func checkCSV(t *testing.T, body, want string) {
	t.Helper()
	body = strings.TrimPrefix(body, "\ufeff") // a BOM, for spreadsheet programs, is fine
	r := csv.NewReader(strings.NewReader(body))
	if first, _, _ := strings.Cut(body, "\n"); strings.Count(first, ";") > strings.Count(first, ",") {
		r.Comma = ';' // the Swedish spreadsheet convention
	}
	rows, err := r.ReadAll()
	if err != nil {
		t.Errorf("the CSV does not parse: %v\n%.500s", err, body)
		return
	}
	if len(rows) < 2 || len(rows[0]) < 2 {
		t.Errorf("the CSV has %d rows, want a header row of several columns and data:\n%.500s", len(rows), body)
		return
	}
	for _, row := range rows[1:] {
		if strings.Contains(strings.Join(row, " "), want) {
			return
		}
	}
	t.Errorf("no CSV row mentions %s:\n%.1000s", want, body)
}

// --- Access ------------------------------------------------------------------------------

// login signs in through the form and returns the session cookie the answer set.
func login(t *testing.T, tab context.Context, base, token string) *network.Cookie {
	t.Helper()
	before := map[string]bool{}
	for _, c := range cookies(t, tab, base) {
		before[c.Name+"="+c.Value] = true
	}
	open(t, tab, base, "/logga-in")
	if count(t, tab, `form[method="post"][action="/logga-in"] input#token[type="password"][name="token"]`) == 0 {
		t.Fatal(`/logga-in has no <form method="post" action="/logga-in"> with <input type="password" name="token" id="token">`)
	}
	if _, err := chromedp.Run(tab, chromedp.SetValue(chromedp.CSS("#token"), token)); err != nil {
		t.Fatal(err)
	}
	// The header's date form has the page's path as its action too; the method tells them apart.
	resp := submit(t, tab, `form[method="post"][action="/logga-in"]`)
	if resp.Status != 200 || location(t, tab).Path == "/logga-in" {
		shot(t, tab, "login-failed")
		t.Fatalf("logging in ended on %s with %d, want a redirect away from the form", location(t, tab), resp.Status)
	}
	for _, c := range cookies(t, tab, base) {
		if !before[c.Name+"="+c.Value] && c.HTTPOnly {
			return c
		}
	}
	t.Fatal("logging in set no HttpOnly cookie")
	return nil
}

func testLogin(t *testing.T, s *site) {
	tab := s.tab(t)

	// Without a session, pages send the user to the login form.
	for _, path := range []string{"/", "/organ/cgh"} {
		load(t, tab, "GET "+path, chromedp.Navigate(s.secured.URL+path))
		if u := location(t, tab); u.Path != "/logga-in" {
			t.Errorf("GET %s without login ended on %s, want /logga-in", path, u.RequestURI())
		}
	}
	open(t, tab, s.secured.URL, "/logga-in")
	shot(t, tab, "form")
	if lang := eval[string](t, tab, `document.documentElement.getAttribute("lang") || ""`); lang != "sv" || count(t, tab, "h1") != 1 {
		t.Errorf("/logga-in: lang %q and %d <h1>, want sv and one", lang, count(t, tab, "h1"))
	}
	form := `form[method="post"][action="/logga-in"]`
	if count(t, tab, form+` button:not([type]), `+form+` button[type="submit"], `+form+` input[type="submit"]`) == 0 {
		t.Error("the login form has no submit button")
	}
	s.checkAccessibility(t, tab, "form")

	session := login(t, tab, s.secured.URL, readerToken)
	if session.SameSite != network.CookieSameSiteStrict {
		t.Errorf("session cookie %s has SameSite=%q, want Strict", session.Name, session.SameSite)
	}
	if eval[bool](t, tab, fmt.Sprintf(`document.cookie.includes(%s)`, jsString(session.Name+"="))) {
		t.Errorf("scripts can read the session cookie %s", session.Name)
	}
	open(t, tab, s.secured.URL, "/organ/cgh")
	s.checkPage(t, tab, "inloggad")

	// The diagram downloads are links of the page; a logged-in user must be able to follow them.
	for _, l := range links(t, tab, "body") {
		if l.Text == "SVG" {
			resp, body := download(t, tab, s.secured.URL, l.Href)
			if resp.StatusCode != 200 || mediaType(resp) != "image/svg+xml" || !strings.Contains(body, "<svg") {
				t.Errorf("logged in, GET %s = %d %s, want 200 image/svg+xml with <svg", l.Href, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		}
	}

	// Logging out is a POST with the CSRF token, from a form on every page.
	if count(t, tab, `form[method="post"][action="/logga-ut"]`) == 0 {
		t.Fatal(`no <form method="post" action="/logga-ut"> on the page`)
	}
	if count(t, tab, `form[method="post"][action="/logga-ut"] input[type="hidden"]`) == 0 {
		t.Error("the logout form carries no hidden (CSRF) field")
	}
	// A cross-site form could post to /logga-ut with the cookie (were it not Strict) but not
	// with the token: such a post must change nothing.
	forged, _ := post(t, tab, s.secured.URL, "/logga-ut", url.Values{})
	if forged.StatusCode < 400 {
		t.Errorf("POST /logga-ut without the CSRF token = %d, want it refused", forged.StatusCode)
	}
	if resp, _ := download(t, tab, s.secured.URL, "/organ/cgh"); resp.StatusCode != 200 {
		t.Errorf("after a POST /logga-ut without the CSRF token, /organ/cgh = %d: the session ended", resp.StatusCode)
	}
	submit(t, tab, `form[method="post"][action="/logga-ut"]`)
	for _, c := range cookies(t, tab, s.secured.URL) {
		if c.Name == session.Name && c.Value != "" {
			t.Errorf("after logging out, the session cookie %s is still set", c.Name)
		}
	}
	load(t, tab, "GET /organ/cgh", chromedp.Navigate(s.secured.URL+"/organ/cgh"))
	if u := location(t, tab); u.Path != "/logga-in" {
		t.Errorf("after logging out, /organ/cgh ended on %s, want /logga-in", u.RequestURI())
	}
}

func testReaderImport(t *testing.T, s *site) {
	tab := s.tab(t)
	login(t, tab, s.secured.URL, readerToken)
	resp := load(t, tab, "GET /import", chromedp.Navigate(s.secured.URL+"/import"))
	shot(t, tab, "")
	if resp.Status != http.StatusForbidden {
		t.Errorf("GET /import as a reader = %d, want 403", resp.Status)
	}
	body := text(t, tab, "body")
	if !regexp.MustCompile(`(?i)behörig|redaktör|rättighet|åtkomst|får inte|tillåt`).MatchString(body) || strings.Contains(body, "this needs") {
		t.Errorf("the 403 page does not explain in Swedish: %.300q", body)
	}
	if lang := eval[string](t, tab, `document.documentElement.getAttribute("lang") || ""`); lang != "sv" {
		t.Errorf("the 403 page has lang %q, want sv", lang)
	}
}

func testImport(t *testing.T, s *site) {
	tab := s.tab(t)
	login(t, tab, s.secured.URL, editorToken)
	open(t, tab, s.secured.URL, "/import")
	s.checkPage(t, tab, "")
	form := `form[method="post"][enctype="multipart/form-data"]`
	if count(t, tab, form+` input#filer[type="file"][name="filer"][multiple]`) == 0 {
		t.Fatalf(`/import has no %s with <input type="file" name="filer" id="filer" multiple>`, form)
	}
	if eval[string](t, tab, fmt.Sprintf(`(() => { const i = document.querySelector(%s); return i ? i.value : "" })()`,
		jsString(form+` input[type="hidden"]`))) == "" {
		t.Error("the upload form carries no CSRF token in a hidden field")
	}

	// A file with problems: they come back with file, line and field, and nothing is written.
	broken := filepath.Join(t.TempDir(), "trasig.yaml")
	if err := os.WriteFile(broken, []byte("dataset: x\norgans:\n  - id: x-organ\n    name: Trasigt organ\n    kind: inget-sådant-slag\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	upload(t, tab, form, broken)
	s.checkPage(t, tab, "problem")
	problems := eval[[]string](t, tab, `Array.from(document.querySelectorAll("table#problem tbody tr, table#problem tr")).map(r => r.innerText)`)
	found := false
	for _, p := range problems {
		if strings.Contains(p, "trasig.yaml") && regexp.MustCompile(`\b5\b`).MatchString(p) && strings.Contains(p, "kind") {
			found = true
		}
	}
	if !found {
		t.Errorf(`<table id="problem"> has no row naming trasig.yaml, line 5 and the field kind: %q`, problems)
	}

	// A valid file: the page shows what would change and asks to confirm.
	open(t, tab, s.secured.URL, "/import")
	upload(t, tab, form, filepath.Join(s.repo, "graph", "dataset", "testdata", "valid.yaml"))
	s.checkPage(t, tab, "diff")
	body := text(t, tab, "body")
	if !regexp.MustCompile(`\d+[^\n\d]*läggs till|läggs till[^\n\d]*\d+`).MatchString(body) {
		t.Errorf("the dry run does not count what läggs till: %.500q", body)
	}
	if count(t, tab, `form[method="post"] button, form[method="post"] input[type="submit"]`) == 0 {
		t.Error("the dry run offers no button to confirm the import")
	}
}

// upload picks files in the file field and submits the form.
func upload(t *testing.T, tab context.Context, form string, files ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS("#filer"), files)); err != nil {
		t.Fatalf("choosing %v: %v", files, err)
	}
	if resp := submit(t, tab, form); resp.Status >= 500 {
		t.Errorf("uploading %v = %d", files, resp.Status)
	}
}

// --- helpers ------------------------------------------------------------------------------

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
