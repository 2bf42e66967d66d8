package diagram

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/diagram/diagramtest"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// An overview too large for A4 is refused with the narrowings that fit, and each of those,
// drawn, does fit; fit=none draws the whole anyway.
func TestOverviewNotFittingA4(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	path, err := diagramtest.WriteLargeOrganisation(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	neo4jdbtest.MustImport(t, db, path)
	ctx := context.Background()
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	req := Request{What: Organisation, ID: diagramtest.LargeOrganisation, At: graph.MustDate("2026-01-01")}

	start := time.Now()
	_, err = Draw(ctx, db, r, req, Options{}, FormatSVG, 1)
	took := time.Since(start)
	var nf *NotFitting
	if graph.ErrorCode(err) != graph.ETOOLARGE || !errors.As(err, &nf) {
		t.Fatalf("the whole overview: %v, want ETOOLARGE with the narrowings", err)
	}
	if nf.Size.Fits() || nf.Size.WidthPt <= A4Width {
		t.Errorf("refused, yet measured %s", nf.Size)
	}
	msg := graph.ErrorMessage(err)
	for _, want := range []string{"ryms inte på en liggande A4-sida", "under=ss-n01", "fit=none"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	t.Logf("%s: %s; %d narrowings found in %s", diagramtest.LargeOrganisation, nf.Size, len(nf.Narrowings), took.Round(time.Millisecond))

	// Every nämnd with its parts, the kommunstyrelse's and the groups fit alone; the political
	// band (fourteen boards on a row) and the förvaltningar (fourteen on a row) do not.
	var queries []string
	for _, n := range nf.Narrowings {
		queries = append(queries, n.Query)
	}
	want := []string{"band=samverkan", "under=ss-ks", "under=ss-cg"}
	for n := 1; n <= diagramtest.LargeNamnder; n++ {
		want = append(want, fmt.Sprintf("under=ss-n%02d", n))
	}
	for _, w := range want {
		if !slices.Contains(queries, w) {
			t.Errorf("narrowing %s not offered; offered %v", w, queries)
		}
	}
	for _, no := range []string{"band=politik", "band=forvaltning"} {
		if slices.Contains(queries, no) {
			t.Errorf("%s offered, but it is as wide as the whole", no)
		}
		bands, _ := ParseBands(strings.TrimPrefix(no, "band="))
		if _, err := Draw(ctx, db, r, req, Options{Bands: bands}, FormatSVG, 1); graph.ErrorCode(err) != graph.ETOOLARGE {
			t.Errorf("%s: %v, want ETOOLARGE", no, err)
		}
	}

	t.Logf("first narrowing: %+v", nf.Narrowings[0])
	// Each narrowing offered, drawn, fits as measured.
	for _, n := range nf.Narrowings {
		bands, err := ParseBands(n.Band)
		if err != nil {
			t.Fatal(err)
		}
		svg, err := Draw(ctx, db, r, req, Options{Bands: bands, Under: n.Under}, FormatSVG, 1)
		if err != nil {
			t.Errorf("%s: %v", n.Query, err)
			continue
		}
		size, err := MeasureSVG(svg)
		if err != nil {
			t.Fatal(err)
		}
		if !size.Fits() || size != n.Size {
			t.Errorf("%s: drawn %s, offered as %s", n.Query, size, n.Size)
		}
		if n.Organs < 2 || !strings.Contains(string(svg), "Urval: ") {
			t.Errorf("%s: %d organs, or no Urval in the title block", n.Query, n.Organs)
		}
	}

	// The part under a nämnd is that nämnd, its utskott, its förvaltning and its avdelningar.
	dot := mustDOT(t)(DOTFor(ctx, db, req, Options{Under: "ss-n03"}))
	for _, id := range []string{"ss-n03", "ss-n03-au", "ss-n03-forv", "ss-n03-forv-avd1", "ss-n03-forv-avd2"} {
		if !strings.Contains(string(dot), `id="organ-`+id+`"`) {
			t.Errorf("under=ss-n03 lacks %s", id)
		}
	}
	if n := strings.Count(string(dot), `id="organ-`); n != 5 {
		t.Errorf("under=ss-n03 draws %d organs, want 5", n)
	}

	// fit=none draws it whole; DOT is never refused for its size.
	if _, err := Draw(ctx, db, r, req, Options{AnySize: true}, FormatSVG, 1); err != nil {
		t.Errorf("fit=none: %v", err)
	}
	if _, err := Draw(ctx, db, r, req, Options{}, FormatDOT, 1); err != nil {
		t.Errorf("DOT: %v", err)
	}
	for _, bad := range []Options{{Under: "no-such-organ"}, {Under: "ss-n01", Bands: []string{"samverkan"}}} {
		if _, err := Draw(ctx, db, r, req, bad, FormatSVG, 1); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("%+v: %v, want EINVALID", bad, err)
		}
	}
}

func TestParseBandsAndFit(t *testing.T) {
	if b, err := ParseBands(" politik, Samverkan,politik "); err != nil || !slices.Equal(b, []string{"politik", "samverkan"}) {
		t.Errorf("ParseBands = %v, %v", b, err)
	}
	if b, err := ParseBands(""); err != nil || b != nil {
		t.Errorf("ParseBands(\"\") = %v, %v", b, err)
	}
	if _, err := ParseBands("politik,nope"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("unknown band: %v", err)
	}
	for in, want := range map[string]bool{"": false, "a4": false, " A4 ": false, "none": true} {
		if got, err := ParseFit(in); err != nil || got != want {
			t.Errorf("ParseFit(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFit("a3"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("fit=a3: %v", err)
	}
}
