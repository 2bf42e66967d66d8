package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	} {
		if status, _, errOut := cli(t, bad.args...); status != 1 || !strings.Contains(errOut, bad.want) {
			t.Errorf("%v = %d %q, want 1 saying %q", bad.args, status, errOut, bad.want)
		}
	}
	if status, _, _ := cli(t, "diagram", "organ"); status != 2 {
		t.Errorf("diagram without an id = %d, want 2 (usage)", status)
	}
}
