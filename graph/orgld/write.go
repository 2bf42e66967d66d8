package orgld

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Format names, as export spells them.
const (
	FormatJSONLD = "org-jsonld"
	FormatTurtle = "org-turtle"
)

// WriteJSONLD writes the datasets as one JSON-LD document: a context of the namespace
// prefixes and a @graph with one node object per subject, every value an explicit @id or
// @value object, so that no term definition decides what a value means.
func WriteJSONLD(w io.Writer, datasets []graph.Dataset) error {
	triples := Triples(datasets)
	var nodes []map[string]any
	var node map[string]any
	for _, t := range triples {
		if node == nil || node["@id"] != t.S {
			node = map[string]any{"@id": t.S}
			nodes = append(nodes, node)
		}
		if t.P == NsRDF+"type" {
			types, _ := node["@type"].([]string)
			node["@type"] = append(types, compact(t.O.IRI))
			continue
		}
		key := compact(t.P)
		values, _ := node[key].([]any)
		node[key] = append(values, jsonValue(t.O))
	}
	if nodes == nil {
		nodes = []map[string]any{}
	}
	ctx := map[string]any{}
	for p, ns := range Prefixes {
		ctx[p] = ns
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"@context": ctx, "@graph": nodes})
}

func jsonValue(o Term) map[string]any {
	switch {
	case o.IsIRI():
		return map[string]any{"@id": o.IRI}
	case o.Lang != "":
		return map[string]any{"@value": o.Value, "@language": o.Lang}
	case o.Datatype != "":
		return map[string]any{"@value": o.Value, "@type": compact(o.Datatype)}
	}
	return map[string]any{"@value": o.Value}
}

// compact writes an IRI of a declared namespace as prefix:local.
func compact(s string) string {
	prefixes := make([]string, 0, len(Prefixes))
	for p := range Prefixes {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	for _, p := range prefixes {
		if local, ok := strings.CutPrefix(s, Prefixes[p]); ok && local != "" {
			return p + ":" + local
		}
	}
	return s
}

// WriteTurtle writes the datasets as Turtle, one triple per line with full IRIs: the
// N-Triples subset of Turtle, which every RDF tool reads (as Turtle or as N-Triples) and
// which diffs line by line.
func WriteTurtle(w io.Writer, datasets []graph.Dataset) error {
	if _, err := fmt.Fprintf(w, "# styrgraf: W3C Organization Ontology (ORG), in the N-Triples form of Turtle.\n"); err != nil {
		return err
	}
	for _, t := range Triples(datasets) {
		if _, err := fmt.Fprintf(w, "<%s> <%s> %s .\n", t.S, t.P, ntriplesTerm(t.O)); err != nil {
			return err
		}
	}
	return nil
}

func ntriplesTerm(o Term) string {
	if o.IsIRI() {
		return "<" + o.IRI + ">"
	}
	lit := `"` + escape(o.Value) + `"`
	switch {
	case o.Lang != "":
		return lit + "@" + o.Lang
	case o.Datatype != "":
		return lit + "^^<" + o.Datatype + ">"
	}
	return lit
}

// escape escapes a literal for N-Triples (and Turtle): backslash, quote and line breaks,
// and other control characters as \u escapes.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
