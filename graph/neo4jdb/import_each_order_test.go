package neo4jdb

import (
	"reflect"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// TestImportOrder: a dataset comes after those it refers to, and datasets referring to each
// other in a cycle share one group (one transaction). No Neo4j needed.
func TestImportOrder(t *testing.T) {
	org := func(id string) graph.Organisation { return graph.Organisation{ID: id, Name: id, Kind: "kommun"} }
	organ := func(id, org string) graph.Organ {
		return graph.Organ{ID: id, Name: id, Kind: "namnd", Organisation: org}
	}
	datasets := []graph.Dataset{
		// 0 refers to 1: written after it.
		{ID: "samverkan", Organs: []graph.Organ{organ("gn", "kommun-a")}},
		{ID: "a", Organisations: []graph.Organisation{org("kommun-a")}},
		// 2 and 3 refer to each other.
		{ID: "c", Organisations: []graph.Organisation{org("kommun-c")}, Organs: []graph.Organ{organ("c-n", "kommun-d")}},
		{ID: "d", Organisations: []graph.Organisation{org("kommun-d")}, Organs: []graph.Organ{organ("d-n", "kommun-c")}},
	}
	groups, owner := importOrder(datasets)
	if want := [][]int{{1}, {0}, {2, 3}}; !reflect.DeepEqual(groups, want) {
		t.Errorf("groups %v, want %v", groups, want)
	}
	if owner["gn"] != 0 || owner["kommun-a"] != 1 || owner["d-n"] != 3 {
		t.Errorf("owners %v", owner)
	}
}
