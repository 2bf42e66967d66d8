package api

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/diagram/diagramtest"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func wellFormedXML(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestDiagramRoutes(t *testing.T) {
	s, _ := testServer(t, false)
	get := func(path string) ([]byte, string, int) {
		resp := request(t, s, "GET", path, readerToken, nil)
		b, _ := io.ReadAll(resp.Body)
		return b, resp.Header.Get("Content-Type"), resp.StatusCode
	}

	svg, ct, status := get("/api/v1/organs/cgh/diagram.svg")
	if status != 200 || ct != "image/svg+xml" || !bytes.Contains(svg, []byte("Chefsgrupp Halland")) {
		t.Fatalf("organ SVG: %d %s %.200s", status, ct, svg)
	}
	wellFormedXML(t, svg)
	again, _, _ := get("/api/v1/organs/cgh/diagram.svg")
	if !bytes.Equal(svg, again) {
		t.Error("the same organ on the same date gave different SVG bytes")
	}

	pngBytes, ct, status := get("/api/v1/organs/cgh/diagram.png?depth=1")
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if status != 200 || ct != "image/png" || err != nil || img.Bounds().Dx() < 200 || img.Bounds().Dy() < 100 {
		t.Fatalf("organ PNG: %d %s %v", status, ct, err)
	}

	dot, _, status := get("/api/v1/organs/vgr-sr-ortopedi/escalation.dot")
	if status != 200 || !bytes.HasPrefix(dot, []byte("digraph")) || !strings.Contains(string(dot), "Koncernledning") {
		t.Fatalf("escalation DOT: %d %.300s", status, dot)
	}
	esc, _, status := get("/api/v1/organs/vgr-sr-ortopedi/escalation.svg")
	if status != 200 || !bytes.Contains(esc, []byte("Regionfullmäktige")) {
		t.Fatalf("escalation SVG: %d", status)
	}
	wellFormedXML(t, esc)

	org, _, status := get("/api/v1/organisations/horby-kommun/diagram.svg")
	if status != 200 || !bytes.Contains(org, []byte("Hörby")) {
		t.Fatalf("organisation SVG: %d %.200s", status, org)
	}
	// An organ's <title>, what screen readers read, is its name and kind, not its DOT id.
	rh, _, status := get("/api/v1/organisations/region-halland/diagram.svg?at=2021-10-28")
	if want := "<title>Regionstyrelsen – regionstyrelse / kommunstyrelse</title>"; status != 200 || !bytes.Contains(rh, []byte(want)) {
		t.Errorf("Region Halland's overview: %d, no %s", status, want)
	}
	wellFormedXML(t, rh)

	for path, want := range map[string]int{
		"/api/v1/organs/cgh/diagram.svg?depth=11":          400,
		"/api/v1/organs/no-such/diagram.svg":               404,
		"/api/v1/organisations/no-such/diagram.png":        404,
		"/api/v1/organs/no-such/escalation.svg":            404,
		"/api/v1/organs/cgh/diagram.gif":                   404,
		"/api/v1/organs/cgh/diagram.svg?at=not-a-day":      400,
		"/api/v1/organisations/region-halland/diagram.dot": 200,
	} {
		if _, _, status := get(path); status != want {
			t.Errorf("GET %s = %d, want %d", path, status, want)
		}
	}
	if resp := request(t, s, "GET", "/api/v1/organs/cgh/diagram.svg", "", nil); resp.StatusCode != 401 {
		t.Errorf("diagram without token = %d, want 401", resp.StatusCode)
	}
}

// The organisation overview takes seats=, relations= and, as PNG, scale=.
func TestOrganisationDiagramOptions(t *testing.T) {
	s, _ := testServer(t, false)
	get := func(path string) ([]byte, int) {
		resp := request(t, s, "GET", path, readerToken, nil)
		b, _ := io.ReadAll(resp.Body)
		return b, resp.StatusCode
	}
	const base = "/api/v1/organisations/region-halland/diagram"
	def, status := get(base + ".dot?at=2021-10-28")
	if status != 200 || !bytes.Contains(def, []byte("Organisationsöversikt per 2021-10-28")) || bytes.Contains(def, []byte("shape=note")) {
		t.Fatalf("default overview: %d, title block or folded seats missing:\n%.400s", status, def)
	}
	if all, status := get(base + ".dot?at=2021-10-28&seats=all"); status != 200 || !bytes.Contains(all, []byte("shape=note")) {
		t.Errorf("seats=all: %d, no seat nodes", status)
	}
	if exo, status := get(base + ".dot?at=2021-10-28&relations=ex_officio,appoints"); status != 200 ||
		!bytes.Contains(exo, []byte("arrowhead=dot")) || bytes.Contains(def, []byte("arrowhead=dot")) {
		t.Errorf("relations=ex_officio,appoints: %d; tillsätter drawn only when asked for", status)
	}
	width := func(b []byte) int {
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return img.Bounds().Dx()
	}
	one, status1 := get(base + ".png?at=2021-10-28")
	two, status2 := get(base + ".png?at=2021-10-28&scale=2")
	if status1 != 200 || status2 != 200 {
		t.Fatalf("PNG: %d, scale=2: %d", status1, status2)
	}
	if w1, w2 := width(one), width(two); w2 < 2*w1-2 || w2 > 2*w1+2 {
		t.Errorf("scale=2 is %d px wide, scale=1 %d px: want twice", w2, w1)
	}
	for _, q := range []string{".png?scale=4", ".png?scale=0", ".svg?seats=some", ".dot?relations=reports_to,nonsense"} {
		if _, status := get(base + q); status != 400 {
			t.Errorf("GET %s%s = %d, want 400", base, q, status)
		}
	}
}

func TestDiagramTooLarge(t *testing.T) {
	s, _ := testServer(t, false)
	s.diagramOptions = diagram.Options{MaxNodes: 2}
	resp := request(t, s, "GET", "/api/v1/organs/rh-rs/diagram.svg?depth=3", readerToken, nil)
	p := decodeProblem(t, resp)
	if resp.StatusCode != 422 || !strings.Contains(p.Detail, "depth") {
		t.Errorf("too large = %d %q, want 422 explaining how to narrow it", resp.StatusCode, p.Detail)
	}
}

// An organisation overview too large for A4 landscape is a 422 with its size, a Swedish
// detail and the narrowings that fit; each narrowing, added to the request, draws.
func TestOrganisationDiagramNotFittingA4(t *testing.T) {
	s, db := testServer(t, false)
	path, err := diagramtest.WriteLargeOrganisation(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	neo4jdbtest.MustImport(t, db, path)
	base := "/api/v1/organisations/" + diagramtest.LargeOrganisation + "/diagram"
	get := func(path string) (*http.Response, []byte) {
		resp := request(t, s, "GET", path, readerToken, nil)
		b, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(bytes.NewReader(b))
		return resp, b
	}
	for _, f := range []string{".svg", ".png?scale=2"} {
		resp, _ := get(base + f)
		p := decodeProblem(t, resp)
		if resp.StatusCode != 422 || p.Size == nil || p.Size.Fits() || len(p.Narrowings) == 0 ||
			!strings.Contains(p.Detail, "ryms inte på en liggande A4-sida") {
			t.Fatalf("GET %s%s = %d %+v, want 422 with size, narrowings and a Swedish detail", base, f, resp.StatusCode, p)
		}
		if f == ".svg" {
			t.Logf("%s", p.Detail)
		}
	}
	resp, _ := get(base + ".svg")
	p := decodeProblem(t, resp)
	for _, n := range p.Narrowings[:3] {
		resp, svg := get(base + ".svg?" + n.Query)
		if resp.StatusCode != 200 || !bytes.Contains(svg, []byte("Urval: ")) {
			t.Errorf("GET %s.svg?%s = %d, want the part drawn", base, n.Query, resp.StatusCode)
			continue
		}
		if size, err := diagram.MeasureSVG(svg); err != nil || !size.Fits() {
			t.Errorf("%s: %v %v, offered as fitting", n.Query, size, err)
		}
	}
	for path, want := range map[string]int{
		base + ".svg?fit=none":           200,
		base + ".dot":                    200,
		base + ".png?under=ss-n02":       200,
		base + ".svg?band=nope":          400,
		base + ".svg?fit=a3":             400,
		base + ".svg?under=no-such":      400,
		base + ".svg?band=politik":       422,
		base + ".svg?band=samverkan":     200,
		base + ".dot?band=politik,bolag": 200,
	} {
		if resp, _ := get(path); resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}
}
