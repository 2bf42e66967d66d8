package dataset

import (
	"fmt"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Canonical renders a flattened graph as sorted lines, for comparing graphs: equal
// graphs render equally whatever the order of their nodes, relationships and properties.
func Canonical(g Graph) string {
	var lines []string
	for _, n := range g.Nodes {
		lines = append(lines, fmt.Sprintf("N %s %s %s", n.Label, n.ID, canonicalProps(n.Props)))
	}
	for _, r := range g.Rels {
		lines = append(lines, fmt.Sprintf("R %s %s", r.Key, canonicalProps(r.Props)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func canonicalProps(props map[string]any) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		v := props[k]
		if d, ok := v.(graph.Date); ok {
			v = d.String()
		}
		fmt.Fprintf(&b, "%s=%#v;", k, v)
	}
	return b.String()
}
