package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// cli runs the styrgraf command line as a user would, against the test Neo4j.
func cli(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	cfg := neo4jdbtest.Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USER", cfg.User)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
	var out, errOut bytes.Buffer
	status = run(context.Background(), args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestImportCommand(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	const valid = "../../graph/dataset/testdata/valid.yaml"

	status, out, errOut := cli(t, "import", "-verbose", "-as", "Sven Berg", valid)
	if status != 0 {
		t.Fatalf("import exited %d: %s", status, errOut)
	}
	for _, want := range []string{"imported datasets test-region", "items: 10 added, 0 changed, 0 removed", "+ test-rsau"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	before := neo4jdbtest.Snapshot(t, db)

	// One bad reference: nothing may be written, and the error names file, line and field.
	b, _ := os.ReadFile(valid)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(string(b), "part_of: test-rs", "part_of: test-nope", 1)), 0o644)
	status, out, errOut = cli(t, "import", bad)
	if status != 1 {
		t.Fatalf("import of a bad reference exited %d, want 1; stdout %s", status, out)
	}
	if want := bad + ":26:14: organs[2].part_of: no Organ has id \"test-nope\""; !strings.Contains(errOut, want) {
		t.Errorf("error output lacks %q:\n%s", want, errOut)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatalf("a refused import changed the graph: %+v != %+v", after, before)
	}

	status, out, _ = cli(t, "import", "-dry-run", valid)
	if status != 0 || !strings.Contains(out, "dry run") || !strings.Contains(out, "already matched") {
		t.Errorf("dry run of the same files: status %d, output:\n%s", status, out)
	}

	// The audit trail holds the one import that changed the graph, by the name -as gave.
	status, out, errOut = cli(t, "audit")
	if status != 0 {
		t.Fatalf("audit exited %d: %s", status, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !regexp.MustCompile(`^WHEN \(UTC\)\s+WHO\s+VIA\s+DATASETS`).MatchString(lines[0]) ||
		!regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+Sven Berg\s+cli\s+test-region\s+10/0/0\s+11/0/0$`).MatchString(lines[1]) {
		t.Errorf("audit printed:\n%s\nwant a header and Sven Berg's import of 10 items and 11 relationships", out)
	}

	// Without -as, the import is the OS user's.
	renamed := filepath.Join(t.TempDir(), "renamed.yaml")
	os.WriteFile(renamed, []byte(strings.Replace(string(b), "name: Bo Exempel", "name: Bo Ändrad", 1)), 0o644)
	if status, _, errOut := cli(t, "import", renamed); status != 0 {
		t.Fatalf("import of a rename exited %d: %s", status, errOut)
	}
	status, out, _ = cli(t, "audit", "-json", "-limit", "1")
	var page graph.List[graph.AuditEntry]
	if err := json.Unmarshal([]byte(out), &page); err != nil || status != 0 {
		t.Fatalf("audit -json: %v, status %d:\n%s", err, status, out)
	}
	if page.Total != 2 || len(page.Items) != 1 || page.Items[0].By != (graph.Actor{Name: osUser(), Via: graph.ViaCLI}) || osUser() == "" ||
		!slices.Equal(page.Items[0].Nodes.IDs.Changed, []string{"bo"}) {
		t.Errorf("audit -json -limit 1 = %+v, want the OS user's (%q) change of bo, of 2 entries", page, osUser())
	}
	status, out, _ = cli(t, "audit", "-verbose", "-limit", "1")
	if status != 0 || !strings.Contains(out, "    ~ bo\n") || !strings.Contains(out, "1 of 2 entries") {
		t.Errorf("audit -verbose -limit 1:\n%s", out)
	}
	// A blank name is refused, before Neo4j is contacted.
	if status, _, errOut := cli(t, "import", "-as", " ", renamed); status != 1 || !strings.Contains(errOut, "say who imports with -as NAME") {
		t.Errorf("import -as ' ' = %d: %s", status, errOut)
	}
}

func TestValidateCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if status := run(context.Background(), []string{"validate", "../../graph/dataset/testdata/valid.yaml"}, &out, &errOut); status != 0 {
		t.Fatalf("validate of a valid file exited %d: %s", status, errOut.String())
	}
	out.Reset()
	errOut.Reset()
	status := run(context.Background(), []string{"validate", "../../graph/dataset/testdata/"}, &out, &errOut)
	if status != 1 || strings.Count(errOut.String(), "\n../../graph/dataset/testdata/errors.yaml:") != 27 {
		// 27: one per problem kind in errors.yaml (graph/dataset's TestEveryKindOfError lists them).
		t.Fatalf("validate of testdata: status %d, want 1 and 27 problems:\n%s", status, errOut.String())
	}
}

// TestImportPerDatasetCommand runs import -per-dataset on the examples as a user would: every
// dataset written, plain progress lines (not a terminal), a second run changing nothing, and
// a run with a bad reference refused before anything is written.
func TestImportPerDatasetCommand(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	examples, _ := filepath.Glob("../../examples/*.yaml")
	status, out, errOut := cli(t, append([]string{"import", "-per-dataset", "-as", "Sven Berg"}, examples...)...)
	if status != 0 {
		t.Fatalf("import -per-dataset exited %d: %s", status, errOut)
	}
	n := len(examples)
	for _, want := range []string{fmt.Sprintf("imported %d datasets, one transaction each (%d changed)", n, n), "relationships:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{fmt.Sprintf("checked %d datasets", n), fmt.Sprintf("datasets: %d/%d", n, n)} {
		if !strings.Contains(errOut, want) {
			t.Errorf("progress lacks %q:\n%s", want, errOut)
		}
	}
	before := neo4jdbtest.Snapshot(t, db)
	status, out, errOut = cli(t, append([]string{"import", "-per-dataset"}, examples...)...)
	if status != 0 || !strings.Contains(out, "(0 changed)") || !strings.Contains(out, "already matched") {
		t.Errorf("the same files again: status %d:\n%s%s", status, out, errOut)
	}

	// A bad reference in the last file: refused with the file, line and field, and nothing
	// written, not even the files before it.
	last := examples[n-1]
	b, err := os.ReadFile(last)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for _, f := range examples {
		data, _ := os.ReadFile(f)
		if f == last {
			data = regexp.MustCompile(`(?m)^(\s+part_of: ).*$`).ReplaceAll(b, []byte("${1}no-such-organ"))
		}
		dst := filepath.Join(dir, filepath.Base(f))
		os.WriteFile(dst, data, 0o644)
		files = append(files, dst)
	}
	status, out, errOut = cli(t, append([]string{"import", "-per-dataset"}, files...)...)
	if status != 1 || !regexp.MustCompile(regexp.QuoteMeta(files[n-1])+`:\d+:\d+: organs\[\d+\]\.part_of: no Organ has id "no-such-organ"`).MatchString(errOut) {
		t.Errorf("a bad reference: status %d, stderr:\n%s\nstdout:\n%s", status, errOut, out)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Errorf("a refused run changed the graph: %+v != %+v", after, before)
	}
}
