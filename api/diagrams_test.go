package api

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/diagram"
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
