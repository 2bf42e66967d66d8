package graph_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the contract in package graph: only graph/neo4jdb (the implementation)
// and cmd/styrgraf (the wiring) may depend on the Neo4j driver; the HTTP API and the gauges
// know the graph services only, and the domain knows nothing of HTTP or storage.
func TestLayering(t *testing.T) {
	const module = "github.com/styrgraf/styrgraf"
	forbidden := map[string][]string{
		"./graph":            {"github.com/neo4j/", "github.com/labstack/echo", module + "/graph/", module + "/api"},
		"./graph/dataset":    {"github.com/neo4j/", "github.com/labstack/echo", module + "/graph/neo4jdb", module + "/api"},
		"./graph/sheets":     {"github.com/neo4j/", "github.com/labstack/echo", module + "/graph/neo4jdb", module + "/graph/dataset", module + "/api"},
		"./graph/governance": {"github.com/neo4j/", "github.com/labstack/echo", module + "/graph/neo4jdb", module + "/graph/dataset", module + "/api"},
		"./api":              {"github.com/neo4j/", module + "/graph/neo4jdb", module + "/graph/dataset", module + "/graph/governance"},
		"./diagram":          {"github.com/neo4j/", "github.com/labstack/echo", module + "/graph/", module + "/api"},
		"./api/web":          {"github.com/neo4j/", module + "/graph/neo4jdb", module + "/graph/dataset", module + "/graph/governance", module + "/diagram"},
	}
	for pkg, bad := range forbidden {
		out, err := exec.Command("go", "list", "-deps", "../"+strings.TrimPrefix(pkg, "./")).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, b := range bad {
				if strings.HasPrefix(dep, b) {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		}
	}
}
