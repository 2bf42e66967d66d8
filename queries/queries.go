// Package queries holds every Cypher statement styrgraf runs, one .cypher file each, embedded
// into the binary. Each file starts with a comment that names its parameters and the columns
// it returns. Statements are never assembled from user input: values travel as parameters.
package queries

import (
	"embed"
	"regexp"
	"strings"
)

//go:embed *.cypher
var files embed.FS

// Text returns the contents of the named .cypher file. A missing name is a programming error
// caught by the tests, so it panics.
func Text(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("queries: no embedded file " + name)
	}
	return string(b)
}

// Schema returns the statements of schema.cypher: one constraint or index each, all
// idempotent (IF NOT EXISTS).
func Schema() []string {
	var out []string
	for _, stmt := range strings.Split(stripComments(Text("schema.cypher")), ";") {
		if s := strings.TrimSpace(stmt); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var schemaName = regexp.MustCompile(`(?i)^CREATE\s+(?:\w+\s+)*?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS`)

// SchemaNames returns the names of the constraints and indexes that Schema creates, which is
// how readiness tells that the schema has been applied.
func SchemaNames() []string {
	var names []string
	for _, stmt := range Schema() {
		if m := schemaName.FindStringSubmatch(stmt); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
