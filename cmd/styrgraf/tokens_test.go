package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// A tokens file or STYRGRAF_TOKENS with a bad line stops serve before it listens, naming
// where the line is and its number there, and never repeating the token.
func TestServeRefusesBadTokens(t *testing.T) {
	const secret = "s3cret-token-never-shown-0123"
	t.Setenv("STYRGRAF_IMPORT", "")
	t.Setenv("STYRGRAF_TOKENS_FILE", "")
	dir := t.TempDir()
	file := func(content string) string {
		path := filepath.Join(dir, "tokens")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		name, env, file, want string
	}{
		{"old form in the file", "", "# tokens\nreader kansliet reader-token-0123456789\n\neditor " + secret + "\n",
			`tokens file FILE, line 4: want "ROLE NAME TOKEN"; the token has no name`},
		// ';' separates lines in the variable; the file's lines are numbered on their own.
		{"bad role in the variable", "reader kansliet reader-token-0123456789;" + secret + " editor anna", "admin it admin-token-0123456789\n",
			"STYRGRAF_TOKENS, line 2: the first field is not a role"},
		{"a token in both", "editor anna " + secret, "reader kansliet reader-token-0123456789\nreader bo " + secret + "\n",
			"tokens file FILE: a token is also in STYRGRAF_TOKENS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("STYRGRAF_TOKENS", tc.env)
			path := file(tc.file)
			var out, errOut bytes.Buffer
			status := run(context.Background(), []string{"serve", "-addr", "127.0.0.1:0", "-tokens-file", path}, &out, &errOut)
			want := "styrgraf: " + strings.ReplaceAll(tc.want, "FILE", path)
			if status != 1 || !strings.Contains(errOut.String(), want) {
				t.Errorf("serve exited %d:\n%s\nwant 1 and %q", status, errOut.String(), want)
			}
			if strings.Contains(errOut.String(), secret) || strings.Contains(out.String(), secret) {
				t.Errorf("the output shows the token:\n%s", errOut.String())
			}
		})
	}
}

// TestTokensNeverLogged runs the whole service with every log it has captured (its own at
// debug level, the standard logger, and stdout and stderr, where Echo and net/http write),
// presents tokens every way styrgraf takes them, known and unknown, and then looks for
// them in what was logged.
func TestTokensNeverLogged(t *testing.T) {
	const (
		reader  = "reader-secret-0123456789"
		editor  = "editor-secret-0123456789"
		admin   = "admin-secret-01234567890"
		unknown = "unknown-secret-012345678"
	)
	neo4jdbtest.MustOpen(t)
	dir := t.TempDir()
	tokensFile := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokensFile, []byte("reader kansliet "+reader+"\neditor hr-anna "+editor+"\nadmin it-drift "+admin+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Everything written to stdout, stderr or the standard logger while styrgraf runs.
	captured, err := os.Create(filepath.Join(dir, "output"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = captured, captured
	log.SetOutput(captured)
	restore := func() { os.Stdout, os.Stderr = stdout, stderr; log.SetOutput(os.Stderr) }
	defer restore()

	var logs bytes.Buffer
	cfg := testConfig(t)
	cfg.Addr, cfg.TokensFile, cfg.Import = "127.0.0.1:0", tokensFile, []string{"../../examples"}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err := m.Run(context.Background()); err != nil {
		restore()
		t.Fatal(err)
	}
	base := "http://" + m.Addr()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 60 * time.Second}
	var failures []string
	do := func(what string, want int, req *http.Request) *http.Response {
		resp, err := client.Do(req)
		if err != nil {
			failures = append(failures, what+": "+err.Error())
			return nil
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			failures = append(failures, what+": status "+resp.Status)
		}
		return resp
	}
	newReq := func(method, path string, body io.Reader, header ...string) *http.Request {
		req, _ := http.NewRequest(method, base+path, body)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return req
	}
	// The import at start-up must be done before the organ can be asked for.
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := client.Do(newReq("GET", "/api/v1/organs/cgh", nil, "Authorization", "Bearer "+reader))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			restore()
			t.Fatalf("the examples were not served within 90 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	basic := func(user, token string) string {
		return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+token))
	}
	valid, _ := os.ReadFile("../../graph/dataset/testdata/valid.yaml")
	do("bearer read", 200, newReq("GET", "/api/v1/organs/cgh", nil, "Authorization", "Bearer "+reader))
	do("lower-case bearer", 200, newReq("GET", "/api/v1/organs/cgh", nil, "Authorization", "bearer "+editor))
	do("unknown bearer", 401, newReq("GET", "/api/v1/organs/cgh", nil, "Authorization", "Bearer "+unknown))
	do("unknown bearer on a page", 401, newReq("GET", "/api/v1/organs/no-such", nil, "Authorization", "Bearer "+unknown))
	do("basic calendar", 200, newReq("GET", "/api/v1/questions/calendar.ics?organisation=region-halland", nil, "Authorization", basic("kansli", reader)))
	do("basic unknown", 401, newReq("GET", "/api/v1/questions/calendar.ics?organisation=region-halland", nil, "Authorization", basic("kansli", unknown)))
	do("import", 200, newReq("POST", "/api/v1/import", bytes.NewReader(valid), "Authorization", "Bearer "+editor, "Content-Type", "application/yaml"))
	do("import with problems", 400, newReq("POST", "/api/v1/import", strings.NewReader("dataset: x\norgans: 3\n"), "Authorization", "Bearer "+admin))
	do("import by a reader", 403, newReq("POST", "/api/v1/import", bytes.NewReader(valid), "Authorization", "Bearer "+reader))
	do("import with an unknown token", 401, newReq("POST", "/api/v1/import", bytes.NewReader(valid), "Authorization", "Bearer "+unknown))
	do("audit", 200, newReq("GET", "/api/v1/audit", nil, "Authorization", "Bearer "+admin))
	form := func(token string) io.Reader {
		return strings.NewReader(url.Values{"token": {token}, "nasta": {"/import"}}.Encode())
	}
	formType := []string{"Content-Type", "application/x-www-form-urlencoded"}
	do("login with an unknown token", 401, newReq("POST", "/logga-in", form(unknown), formType...))
	login := do("login", 303, newReq("POST", "/logga-in", form(editor), formType...))
	if login != nil && len(login.Cookies()) == 1 {
		page := newReq("GET", "/organ/cgh", nil)
		page.AddCookie(login.Cookies()[0])
		do("page with the session", 200, page)
		// A web import, with a stale form: refused, as forged forms are.
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("csrf", "stale")
		fw, _ := mw.CreateFormFile("filer", "region.yaml")
		fw.Write(valid)
		mw.Close()
		imp := newReq("POST", "/import", &b, "Content-Type", mw.FormDataContentType())
		imp.AddCookie(login.Cookies()[0])
		do("web import with a stale form", 403, imp)
	} else {
		failures = append(failures, "login gave no cookie")
	}
	stale := newReq("GET", "/organ/cgh", nil)
	stale.AddCookie(&http.Cookie{Name: "styrgraf_session", Value: unknown})
	do("page with an unknown session", 303, stale)
	closeErr := m.Close()
	restore()
	captured.Close()

	for _, f := range failures {
		t.Error(f)
	}
	if closeErr != nil {
		t.Errorf("Close: %v", closeErr)
	}
	other, err := os.ReadFile(captured.Name())
	if err != nil {
		t.Fatal(err)
	}
	all := logs.String() + string(other)
	// The capture works: serve's start-up and the import are in it.
	for _, want := range []string{"API tokens loaded", "1 reader, 1 editor, 1 admin token(s)", "imported"} {
		if !strings.Contains(all, want) {
			t.Errorf("the captured log lacks %q: the test would prove nothing", want)
		}
	}
	for _, secret := range []string{reader, editor, admin, unknown} {
		for _, form := range []string{secret, base64.StdEncoding.EncodeToString([]byte("kansli:" + secret)), secret[:12]} {
			if strings.Contains(all, form) {
				t.Errorf("the log holds %q:\n%s", form, all)
			}
		}
	}
	t.Logf("%d bytes of log, no token in them", len(all))
}
