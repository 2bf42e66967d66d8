package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

	status, out, errOut := cli(t, "import", "-verbose", valid)
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
