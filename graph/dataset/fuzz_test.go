package dataset

import (
	"bytes"
	"math"
	"os"
	"reflect"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/styrgraf/styrgraf/graph"
)

// FuzzParse feeds arbitrary bytes through everything a user's file goes through before it
// reaches Neo4j, and checks what reaches Neo4j: for a file that parses and checks clean,
// Flatten's nodes and relationships must be storable as they are. The committed corpus is
// testdata/fuzz/FuzzParse (plain `go test` runs it); run longer with:
//
//	go test ./graph/dataset -run '^$' -fuzz FuzzParse -fuzztime 1m
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/valid.yaml", "testdata/errors.yaml", "testdata/tiers.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("dataset: x\norgans: &a [*a]\n"))
	f.Add([]byte("dataset: x\nposts:\n  - holders: {person: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, problems := Parse("fuzz.yaml", bytes.NewReader(data))
		if file == nil {
			return
		}
		checked := Check([]*File{file})
		// Check must not depend on map order: the same file gives the same problems, in
		// the same order (users compare runs, tests compare messages).
		if again := Check([]*File{file}); !reflect.DeepEqual(checked, again) {
			t.Fatalf("Check is not deterministic:\n%v\n%v", checked, again)
		}
		problems = append(problems, checked...)
		for _, p := range problems {
			if p.File != "fuzz.yaml" || p.Message == "" || p.Line < 0 || p.Column < 0 {
				t.Fatalf("malformed problem %+v", p)
			}
		}
		if len(problems) > 0 {
			return
		}
		if !validID(file.Data.ID) {
			t.Fatalf("a file with dataset id %q checks clean", file.Data.ID)
		}
		g := Flatten([]*File{file})
		if again := Flatten([]*File{file}); !reflect.DeepEqual(g, again) {
			t.Fatal("Flatten is not deterministic")
		}
		checkStorable(t, file.Data.ID, g)
	})
}

// checkStorable asserts what the import (graph/neo4jdb) relies on: every node has a slug id
// of its own and a label, every relationship joins two of the nodes (a clean file refers to
// nothing outside itself), relationship keys are unique (import matches on them), and every
// property is a value Neo4j stores and reads back the same.
func checkStorable(t *testing.T, dataset string, g Graph) {
	t.Helper()
	ids := map[string]string{}
	for _, n := range g.Nodes {
		switch {
		case !validID(n.ID):
			t.Fatalf("node %s %q: id is not a slug", n.Label, n.ID)
		case !identifier.MatchString(n.Label):
			t.Fatalf("node %q: label %q", n.ID, n.Label)
		case n.Dataset != dataset || n.Props["dataset"] != dataset || n.Props["id"] != n.ID:
			t.Fatalf("node %q: dataset %q, props id %v dataset %v; want %q", n.ID, n.Dataset, n.Props["id"], n.Props["dataset"], dataset)
		}
		if first, dup := ids[n.ID]; dup {
			t.Fatalf("id %q is both a %s and a %s", n.ID, first, n.Label)
		}
		ids[n.ID] = n.Label
		checkProps(t, "node "+n.ID, n.Props)
	}
	keys := map[string]bool{}
	for _, r := range g.Rels {
		switch {
		case !relType.MatchString(r.Type):
			t.Fatalf("relationship %s: type %q", r.Key, r.Type)
		case ids[r.From] == "" || ids[r.To] == "":
			t.Fatalf("relationship %s: an end is not a node of the file", r.Key)
		case r.Dataset != dataset || r.Props["dataset"] != dataset:
			t.Fatalf("relationship %s: dataset %q; want %q", r.Key, r.Dataset, dataset)
		case keys[r.Key]:
			t.Fatalf("relationship %s twice", r.Key)
		}
		validFrom := ""
		if d, ok := r.Props["valid_from"].(graph.Date); ok {
			validFrom = d.String()
		}
		if want := RelKey(r.Type, r.From, r.To, validFrom); r.Key != want {
			t.Fatalf("relationship key %q; want %q", r.Key, want)
		}
		keys[r.Key] = true
		checkProps(t, "relationship "+r.Key, r.Props)
	}
}

var (
	identifier = regexp.MustCompile(`^[A-Z][A-Za-z]*$`)
	relType    = regexp.MustCompile(`^[A-Z][A-Z_]*$`)
	propKey    = regexp.MustCompile(`^[a-z][a-z_]*$`)
)

// checkProps asserts that each property is one Neo4j can store and that reads back equal:
// no nil (SET would remove the key), no maps or nested lists, no empty string or list
// (absent and empty must read back the same), finite numbers, valid UTF-8, real dates.
func checkProps(t *testing.T, what string, props map[string]any) {
	t.Helper()
	for k, v := range props {
		if !propKey.MatchString(k) {
			t.Fatalf("%s: property key %q", what, k)
		}
		switch v := v.(type) {
		case string:
			if v == "" || !utf8.ValidString(v) {
				t.Fatalf("%s: %s = %q", what, k, v)
			}
		case bool, int64:
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s: %s = %v", what, k, v)
			}
		case graph.Date:
			// The zero time is how Go says "no date": it would print as "" and drop out
			// of relationship keys.
			if v.IsZero() || v.Location() != v.UTC().Location() || v.Hour()+v.Minute()+v.Second()+v.Nanosecond() != 0 {
				t.Fatalf("%s: %s = %v is not a plain date", what, k, v.Time)
			}
		case []string:
			if len(v) == 0 {
				t.Fatalf("%s: %s is an empty list", what, k)
			}
			for _, s := range v {
				if !utf8.ValidString(s) {
					t.Fatalf("%s: %s holds %q", what, k, s)
				}
			}
		default:
			t.Fatalf("%s: %s is a %T, which the import does not convert", what, k, v)
		}
	}
}
