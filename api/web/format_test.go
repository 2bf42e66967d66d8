package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

func TestSwedishFormats(t *testing.T) {
	for d, want := range map[string]string{"2026-12-02": "2 december 2026", "2021-10-28": "28 oktober 2021", "2020-01-01": "1 januari 2020"} {
		if got := swedishDate(graph.MustDate(d)); got != want {
			t.Errorf("swedishDate(%s) = %q, want %q", d, got, want)
		}
	}
	for f, want := range map[float64]string{1234.5: "1\u00a0234,5", 0: "0", 12: "12", 1234567: "1\u00a0234\u00a0567", -3.25: "−3,25"} {
		if got := swedishNumber(f); got != want {
			t.Errorf("swedishNumber(%v) = %q, want %q", f, got, want)
		}
	}
	names := []string{"Örebro", "Zinkgruvan", "Alvesta", "Åre", "Ängelholm", "Eda"}
	slices.SortFunc(names, swedishOrder())
	if want := []string{"Alvesta", "Eda", "Zinkgruvan", "Åre", "Ängelholm", "Örebro"}; !slices.Equal(names, want) {
		t.Errorf("Swedish order = %v, want %v", names, want)
	}
}

func TestEveryRelationKindHasSwedishWords(t *testing.T) {
	for _, k := range graph.Vocabularies["relation_kind"] {
		if l, ok := relationLabels[strings.ToUpper(k.Value)]; !ok || l[0] == "" || l[1] == "" {
			t.Errorf("relation kind %s has no Swedish words for both directions", k.Value)
		}
	}
}
