package main

import (
	"fmt"
	pngimage "image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/diagram/diagramtest"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// styrgraf diagram draws from the examples with the API's code: the format from the file's
// extension, the date with -at, and clear errors for what it cannot draw.
func TestDiagramCommand(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "../../examples")
	dir := t.TempDir()

	svg := filepath.Join(dir, "rh.svg")
	if status, out, errOut := cli(t, "diagram", "organisation", "region-halland", "-at", "2021-10-28", "-o", svg); status != 0 || !strings.Contains(out, "wrote "+svg) {
		t.Fatalf("diagram organisation: %d %s %s", status, out, errOut)
	}
	b, err := os.ReadFile(svg)
	if err != nil || !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "Regionstyrelsen") {
		t.Errorf("the SVG is not the organisation's diagram: %v %.200s", err, b)
	}
	png := filepath.Join(dir, "esc.png")
	if status, _, errOut := cli(t, "diagram", "escalation", "vgr-sr-ortopedi", "-o", png); status != 0 {
		t.Fatalf("diagram escalation: %d %s", status, errOut)
	}
	if b, err := os.ReadFile(png); err != nil || !strings.HasPrefix(string(b), "\x89PNG") {
		t.Errorf("esc.png is not a PNG: %v", err)
	}
	// The overview's options: every seat, chosen relations, and a PNG for print.
	if status, out, errOut := cli(t, "diagram", "organisation", "region-halland", "-at", "2021-10-28", "-seats", "all", "-relations", "appoints", "-o", "-"); status != 0 ||
		!strings.Contains(out, "shape=note") || !strings.Contains(out, "arrowhead=dot") {
		t.Errorf("diagram organisation -seats all -relations appoints: %d %s %.300s", status, errOut, out)
	}
	widths := map[int]int{}
	for _, scale := range []int{1, 3} {
		file := filepath.Join(dir, fmt.Sprintf("rh%d.png", scale))
		if status, _, errOut := cli(t, "diagram", "organisation", "region-halland", "-at", "2021-10-28", "-scale", strconv.Itoa(scale), "-o", file); status != 0 {
			t.Fatalf("-scale %d: %d %s", scale, status, errOut)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := pngimage.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		widths[scale] = cfg.Width
	}
	if d := widths[3] - 3*widths[1]; d < -3 || d > 3 {
		t.Errorf("-scale 3 is %d px wide, -scale 1 %d px: want three times", widths[3], widths[1])
	}
	status, out, _ := cli(t, "diagram", "organ", "cgh", "-depth", "1", "-o", "-")
	if status != 0 || !strings.HasPrefix(out, "digraph") || !strings.Contains(out, "Chefsgrupp Halland") {
		t.Errorf("diagram organ to standard output: %d %.200s", status, out)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"diagram", "organ", "cgh", "-o", filepath.Join(dir, "x.pdf")}, "must end in .svg, .png or .dot"},
		{[]string{"diagram", "chart", "cgh", "-o", "-"}, "not \"chart\""},
		{[]string{"diagram", "organ", "no-such-organ", "-o", "-"}, "no organ"},
		{[]string{"diagram", "organisation", "vgr", "-scale", "4", "-o", "-"}, "scale: want 1 to 3"},
		{[]string{"diagram", "organisation", "vgr", "-seats", "some", "-o", "-"}, "seats: want summary or all"},
		{[]string{"diagram", "organisation", "vgr", "-relations", "owns", "-o", "-"}, "unknown relation kind \"owns\""},
	} {
		if status, _, errOut := cli(t, bad.args...); status != 1 || !strings.Contains(errOut, bad.want) {
			t.Errorf("%v = %d %q, want 1 saying %q", bad.args, status, errOut, bad.want)
		}
	}
	if status, _, _ := cli(t, "diagram", "organ"); status != 2 {
		t.Errorf("diagram without an id = %d, want 2 (usage)", status)
	}
}

// An overview too large for A4 is refused with the -band/-under flags that would fit; one of
// them draws, and -fit none draws the whole.
func TestDiagramCommandNotFittingA4(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	dir := t.TempDir()
	path, err := diagramtest.WriteLargeOrganisation(dir)
	if err != nil {
		t.Fatal(err)
	}
	neo4jdbtest.MustImport(t, db, path)
	svg := filepath.Join(dir, "stor.svg")
	status, _, errOut := cli(t, "diagram", "organisation", diagramtest.LargeOrganisation, "-at", "2026-01-01", "-o", svg)
	if status != 1 || !strings.Contains(errOut, "ryms inte på en liggande A4-sida") || !strings.Contains(errOut, "-under ss-n01 ") {
		t.Fatalf("too large: %d %s", status, errOut)
	}
	for _, args := range [][]string{{"-under", "ss-n01"}, {"-fit", "none"}} {
		all := append([]string{"diagram", "organisation", diagramtest.LargeOrganisation, "-at", "2026-01-01", "-o", svg}, args...)
		if status, _, errOut := cli(t, all...); status != 0 {
			t.Errorf("%v: %d %s", args, status, errOut)
		}
	}
}
