package diagram

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"
)

// builder writes DOT from typed pieces: every attribute value goes through quote (or, for
// HTML-like labels, through htmlText when the label is built), so escaping lives in one
// place and no caller writes DOT syntax by hand.
type builder struct {
	b     bytes.Buffer
	depth int // open subgraphs, for indentation
}

// dotAttr is one DOT attribute. html marks a value that is an HTML-like label, written between
// < and > instead of quotes; its text must have been escaped with htmlText.
type dotAttr struct {
	key, val string
	html     bool
}

func attrOf(key, val string) dotAttr   { return dotAttr{key: key, val: val} }
func htmlAttr(key, val string) dotAttr { return dotAttr{key: key, val: val, html: true} }

func (b *builder) indent() {
	for i := 0; i <= b.depth; i++ {
		b.b.WriteByte('\t')
	}
}

func (b *builder) attrs(as []dotAttr) {
	if len(as) == 0 {
		return
	}
	b.b.WriteString(" [")
	for i, x := range as {
		if i > 0 {
			b.b.WriteString(", ")
		}
		b.b.WriteString(x.String())
	}
	b.b.WriteByte(']')
}

// String is the attribute as DOT: key=value, the value bare when it is a plain identifier
// or a number, an HTML-like label between < and >, anything else quoted.
func (x dotAttr) String() string {
	switch {
	case x.html:
		return x.key + "=<" + x.val + ">"
	case plainValue.MatchString(x.val) && !dotKeywords[strings.ToLower(x.val)]:
		return x.key + "=" + x.val
	}
	return x.key + "=" + quote(x.val)
}

// dotKeywords are reserved in any case (a bare label=Graph is a syntax error): quoted.
var dotKeywords = map[string]bool{"node": true, "edge": true, "graph": true, "digraph": true, "subgraph": true, "strict": true}

var plainValue = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*|-?([0-9]+(\.[0-9]*)?|\.[0-9]+))$`)

// formatAttrs writes attributes as a DOT attribute list without the brackets.
func formatAttrs(as []dotAttr) string {
	parts := make([]string, len(as))
	for i, x := range as {
		parts[i] = x.String()
	}
	return strings.Join(parts, ", ")
}

// begin opens the digraph.
func (b *builder) begin() { b.b.WriteString("digraph styrgraf {\n") }

// end closes the digraph and returns the DOT.
func (b *builder) end() []byte {
	b.b.WriteString("}\n")
	return b.b.Bytes()
}

// defaults writes graph, node or edge defaults (what is "graph", "node" or "edge").
func (b *builder) defaults(what string, as ...dotAttr) {
	b.indent()
	b.b.WriteString(what)
	b.attrs(as)
	b.b.WriteString(";\n")
}

// node writes a node; id must be a plain identifier (see dotWriter.id).
func (b *builder) node(id string, as ...dotAttr) {
	b.indent()
	b.b.WriteString(id)
	b.attrs(as)
	b.b.WriteString(";\n")
}

// edge writes from -> to.
func (b *builder) edge(from, to string, as ...dotAttr) {
	b.indent()
	b.b.WriteString(from + " -> " + to)
	b.attrs(as)
	b.b.WriteString(";\n")
}

// subgraph opens a subgraph (a cluster when id starts with cluster_) with its attributes;
// close it with closeSub.
func (b *builder) subgraph(id string, as ...dotAttr) {
	b.indent()
	b.b.WriteString("subgraph " + id + " {\n")
	b.depth++
	for _, x := range as {
		b.indent()
		b.b.WriteString(x.String() + ";\n")
	}
}

func (b *builder) closeSub() {
	b.depth--
	b.indent()
	b.b.WriteString("}\n")
}

// sameRank puts the nodes on one rank.
func (b *builder) sameRank(ids []string) {
	b.indent()
	b.b.WriteString("{ rank=same; " + strings.Join(ids, "; ") + "; }\n")
}

// htmlText escapes s for an HTML-like label: the XML specials as entities, line breaks and
// other control characters as spaces, invalid UTF-8 replaced.
func htmlText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var out strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			out.WriteString("&amp;")
		case r == '<':
			out.WriteString("&lt;")
		case r == '>':
			out.WriteString("&gt;")
		case r == '"':
			out.WriteString("&quot;")
		case r == '\'':
			out.WriteString("&#39;")
		case r < 0x20 || r == 0x7f:
			out.WriteByte(' ')
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}

// htmlLines escapes each line and joins them with <BR/>.
func htmlLines(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = htmlText(l)
	}
	return strings.Join(out, "<BR/>")
}
