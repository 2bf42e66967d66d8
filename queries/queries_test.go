package queries

import (
	"slices"
	"testing"
)

func TestSchemaStatementsAndNames(t *testing.T) {
	stmts := Schema()
	names := SchemaNames()
	if len(stmts) == 0 || len(names) != len(stmts) {
		t.Fatalf("every schema statement must be a named CREATE ... IF NOT EXISTS: %d statements, %d names", len(stmts), len(names))
	}
	for _, want := range []string{"organ_id", "post_id", "search_sv"} {
		if !slices.Contains(names, want) {
			t.Errorf("SchemaNames() lacks %q: %v", want, names)
		}
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("schema name %q used twice", n)
		}
		seen[n] = true
	}
}

func TestTextPanicsOnUnknownFile(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Text of a missing file did not panic")
		}
	}()
	Text("no-such.cypher")
}
