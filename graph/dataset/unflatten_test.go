package dataset

import (
	"fmt"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// TestUnflattenExamplesRoundTrip: the examples, flattened, read back into datasets and
// flattened again, give the same nodes and relationships, and the datasets read back pass
// the checks an import makes.
func TestUnflattenExamplesRoundTrip(t *testing.T) {
	files, err := Load("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	want := Flatten(files)
	got, err := Unflatten(want, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(files) {
		t.Fatalf("%d datasets back, want %d", len(got), len(files))
	}
	again := FlattenDatasets(got)
	if a, b := Canonical(want), Canonical(again); a != b {
		t.Errorf("flattening the datasets read back differs:\n%s", firstDiff(a, b))
	}
	var back []*File
	for _, d := range got {
		back = append(back, &File{Name: d.ID, Data: d})
	}
	if ps := Check(back); len(ps) > 0 {
		t.Errorf("datasets read back do not check: %v", ps)
	}
}

func TestUnflattenRefusesUnknown(t *testing.T) {
	g := Graph{Nodes: []Node{{Label: "Gadget", ID: "x", Dataset: "d", Props: map[string]any{}}}}
	if _, err := Unflatten(g, nil); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), "Gadget") {
		t.Errorf("unknown kind: got %v", err)
	}
	g = Graph{Rels: []Rel{{Type: RelSeatOf, From: "p", To: "o", Props: map[string]any{}}}}
	if _, err := Unflatten(g, nil); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), "item p") {
		t.Errorf("relationship of an item not exported: got %v", err)
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(la), len(lb))
}
