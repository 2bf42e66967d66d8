package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/popolo"
)

// TestExportRoutes: one organisation's datasets as Popolo over HTTP, with a file name; an
// unknown organisation is 404; the export imports back (as a JSON body) and changes nothing.
func TestExportRoutes(t *testing.T) {
	s, _ := testServer(t, false)
	resp := request(t, s, "GET", "/api/v1/export/popolo?organisation=horby-kommun", readerToken, nil)
	got := body(t, resp)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `filename="horby-kommun.json"`) {
		t.Fatalf("%d %v: %.300s", resp.StatusCode, resp.Header, got)
	}
	var f popolo.File
	if err := json.Unmarshal([]byte(got), &f); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range f.Organizations {
		found = found || o.ID == "horby-kommun"
	}
	if !found || len(f.Posts) == 0 {
		t.Errorf("export lacks horby-kommun or posts: %d organizations, %d posts", len(f.Organizations), len(f.Posts))
	}
	if resp := request(t, s, "GET", "/api/v1/export/popolo?organisation=no-such-org", readerToken, nil); resp.StatusCode != 404 {
		t.Errorf("unknown organisation: %d", resp.StatusCode)
	}
	resp = request(t, s, "POST", "/api/v1/import?dry_run=true", editorToken, strings.NewReader(got), "Content-Type", "application/json")
	var res graph.ImportResult
	answer := body(t, resp)
	if err := json.Unmarshal([]byte(answer), &res); err != nil || resp.StatusCode != 200 {
		t.Fatalf("import of the export: %d %v: %.500s", resp.StatusCode, err, answer)
	}
	if !res.Unchanged() || len(res.Conversions) != 1 || res.Conversions[0].File != "body.json" {
		t.Errorf("re-importing the export: %+v", res)
	}
	for _, tc := range []struct{ path, contentType, contains string }{
		{"/api/v1/export/org-jsonld?organisation=region-halland", "application/ld+json", `"org:OrganizationalCollaboration"`},
		{"/api/v1/export/org-turtle?organisation=region-halland", "text/turtle; charset=utf-8", `<urn:styrgraf:id:cgh> <http://www.w3.org/ns/org#subOrganizationOf> <urn:styrgraf:id:region-halland> .`},
	} {
		resp := request(t, s, "GET", tc.path, readerToken, nil)
		if got := body(t, resp); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tc.contentType || !strings.Contains(got, tc.contains) {
			t.Errorf("%s: %d %s, %d bytes", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), len(got))
		}
	}
}
