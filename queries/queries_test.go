package queries

import (
	"slices"
	"strings"
	"testing"
)

func TestSchemaStatementsAndNames(t *testing.T) {
	stmts := Schema()
	names := SchemaNames()
	if len(stmts) == 0 || len(names) != len(stmts) {
		t.Fatalf("every schema statement must be a named CREATE ... IF NOT EXISTS: %d statements, %d names", len(stmts), len(names))
	}
	for _, want := range []string{"organ_id", "post_id", "names_sv", "names_folded", "item_search_folded"} {
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

// TestEveryQueryIsDocumented: each .cypher file opens with a comment that names its
// parameters, its columns and the index it relies on (or why none).
func TestEveryQueryIsDocumented(t *testing.T) {
	entries, err := files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 20 {
		t.Fatalf("only %d query files embedded", len(entries))
	}
	for _, e := range entries {
		text := Text(e.Name())
		var header strings.Builder
		for _, line := range strings.Split(text, "\n") {
			if !strings.HasPrefix(line, "//") {
				break
			}
			header.WriteString(line + "\n")
		}
		for _, want := range []string{"Parameters", "Columns", "ndex"} {
			if !strings.Contains(header.String(), want) {
				t.Errorf("%s: the opening comment does not say %q", e.Name(), want)
			}
		}
	}
}
