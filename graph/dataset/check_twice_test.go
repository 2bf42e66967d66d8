package dataset

import (
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// TestRelationStatedTwice: the same relationship twice is one problem, at the second
// statement, naming the line of the first; checked one file at a time (see relations).
func TestRelationStatedTwice(t *testing.T) {
	a := `dataset: a
organisations: [{id: k, name: K, kind: kommun, source: illustrative}]
organs:
  - {id: x, name: X, kind: namnd, organisation: k, source: illustrative}
  - {id: y, name: Y, kind: namnd, organisation: k, source: illustrative}
relations:
  - {kind: reports_to, from: x, to: y, source: illustrative}
  - {kind: reports_to, from: x, to: y, source: illustrative}
`
	b := `dataset: b
organs:
  - {id: z, name: Z, kind: namnd, organisation: k, source: illustrative}
relations:
  - {kind: reports_to, from: z, to: y, source: illustrative}
`
	_, err := ParseFiles([]graph.DatasetFile{{Name: "a.yaml", Content: []byte(a)}, {Name: "b.yaml", Content: []byte(b)}})
	if err == nil {
		t.Fatal("no problem")
	}
	msg := graph.ErrorMessage(err)
	if strings.Count(msg, "stated twice") != 1 || !strings.Contains(msg, "REPORTS_TO x → y is stated twice (also at a.yaml:7)") {
		t.Errorf("got %s", msg)
	}
}
