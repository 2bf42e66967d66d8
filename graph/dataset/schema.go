package dataset

import (
	_ "embed"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// SchemaJSON is dataset.schema.json as committed: editors point at it (yaml-language-server),
// and a test keeps it equal to JSONSchema(), which is derived from the same struct tags and
// vocabularies that Parse enforces, so the two cannot drift apart.
//
//go:embed dataset.schema.json
var SchemaJSON []byte

// JSONSchema derives the JSON Schema (2020-12) of the dataset format from graph.Dataset.
func JSONSchema() []byte {
	root := typeSchema(reflect.TypeOf(graph.Dataset{}), "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = "styrgraf dataset file"
	root["description"] = "One organisation's (or one collaboration's) share of the governance graph. Ids are slugs, unique across all files; references are by id."
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

func typeSchema(t reflect.Type, tag reflect.StructTag) map[string]any {
	s := map[string]any{}
	if doc := tag.Get("doc"); doc != "" {
		s["description"] = doc
	}
	switch {
	case t == dateType:
		s["type"], s["format"] = "string", "date"
		return s
	case t == sourceType:
		s["oneOf"] = []any{
			map[string]any{"const": graph.SourceIllustrative, "description": "example data that no document states"},
			map[string]any{"const": graph.SourceGenerated, "description": "generated test data (styrgraf generate): describes no real organisation"},
			structSchema(t),
		}
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeSchema(t.Elem(), tag)
	case reflect.String:
		s["type"] = "string"
		if vocab := tag.Get("enum"); vocab != "" {
			s["enum"] = vocabValues(vocab)
		}
		if ref := tag.Get("ref"); ref != "" {
			s["description"] = strings.TrimSpace("id of a " + strings.ReplaceAll(ref, "|", " or ") + ". " + tag.Get("doc"))
		}
	case reflect.Bool:
		s["type"] = "boolean"
	case reflect.Int:
		s["type"] = "integer"
		if tag.Get("signed") == "" {
			s["minimum"] = 0
		}
	case reflect.Float64:
		s["type"], s["minimum"] = "number", 0
	case reflect.Slice:
		s["type"] = "array"
		s["items"] = typeSchema(t.Elem(), tag)
	case reflect.Struct:
		for k, v := range structSchema(t) {
			s[k] = v
		}
	}
	return s
}

func structSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	fields := structFields(t)
	for _, name := range fieldNames(t) {
		f := fields[name]
		props[name] = typeSchema(f.Type, f.Tag)
		if f.Tag.Get("required") == "true" {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}
