package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// TestExportCommand: export writes every registered format; the Popolo file imports into
// an empty database as the same graph, and import reports the conversion; the EveryPolitician
// file imports with its counts of what was mapped and dropped.
func TestExportCommand(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "../../examples")
	want := neo4jdbtest.Snapshot(t, db)
	dir := t.TempDir()
	for _, f := range []string{"popolo", "org-jsonld", "org-turtle"} {
		out := filepath.Join(dir, f)
		if status, _, errOut := cli(t, "export", "-format", f, "-o", out); status != 0 {
			t.Fatalf("export -format %s exited %d: %s", f, status, errOut)
		}
		if info, err := os.Stat(out); err != nil || info.Size() < 10000 {
			t.Errorf("export -format %s wrote %v, %v", f, info, err)
		}
	}
	if status, _, errOut := cli(t, "export", "-format", "xml"); status != 1 || !strings.Contains(errOut, "format: want one of") {
		t.Errorf("unknown format: %d %s", status, errOut)
	}
	if status, _, errOut := cli(t, "export", "-organisation", "no-such-org"); status != 1 || !strings.Contains(errOut, "no-such-org") {
		t.Errorf("unknown organisation: %d %s", status, errOut)
	}

	popolo := filepath.Join(dir, "export.json")
	os.Rename(filepath.Join(dir, "popolo"), popolo)
	neo4jdbtest.MustOpen(t) // empty again
	status, out, errOut := cli(t, "import", "-as", "test", popolo)
	if status != 0 {
		t.Fatalf("import of the export exited %d: %s", status, errOut)
	}
	if !strings.Contains(out, "converted "+popolo+" (popolo):") || strings.Contains(out, "dropped") {
		t.Errorf("import output:\n%s", out)
	}
	got := neo4jdbtest.Snapshot(t, db)
	if got.Nodes != want.Nodes || got.Rels != want.Rels || got.Content != want.Content {
		t.Errorf("export and import gave %+v, want %+v", got, want)
	}

	status, out, errOut = cli(t, "import", "-dry-run", "../../graph/popolo/testdata/nigeria-house-ep-popolo-v1.0.json")
	if status != 0 {
		t.Fatalf("import of the EveryPolitician file exited %d: %s", status, errOut)
	}
	for _, want := range []string{"mapped    370 persons", "mapped    370 memberships", "dropped   370 memberships.on_behalf_of_id", "dropped     5 organizations (classification party)"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
}
