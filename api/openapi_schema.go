package api

import (
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/styrgraf/styrgraf/graph"
)

// schemas derives the JSON Schemas (OpenAPI 3.0 dialect) of answers from the Go types that
// encoding/json writes, so that the document describes what is sent and cannot drift from
// it. Named structs become components, referred to by $ref.
type schemas struct {
	components map[string]any
}

var (
	dateType = reflect.TypeOf(graph.Date{})
	timeType = reflect.TypeOf(time.Time{})
)

// of returns the schema of what encoding/json writes for a value of type t.
func (s *schemas) of(t reflect.Type) map[string]any {
	switch t {
	case dateType:
		return map[string]any{"type": "string", "format": "date"}
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return s.of(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "format": "byte"}
		}
		return map[string]any{"type": "array", "items": s.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": s.of(t.Elem())}
	case reflect.Struct:
		name := componentName(t)
		if _, done := s.components[name]; !done {
			s.components[name] = nil // a recursive type refers to itself while being built
			s.components[name] = s.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{} // interfaces: any JSON value
}

// object is the schema of a struct: its fields as encoding/json names them (embedded
// structs' fields promoted), required unless omitempty, null allowed where a nil pointer,
// slice or map is written as null.
func (s *schemas) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	s.fields(t, props, &required)
	obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		obj["required"] = required
	}
	return obj
}

func (s *schemas) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != dateType && ft != timeType {
				s.fields(ft, props, required)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		schema := s.of(f.Type)
		omitempty := strings.Contains(opts, "omitempty")
		if k := f.Type.Kind(); !omitempty && (k == reflect.Pointer || k == reflect.Slice || k == reflect.Map) {
			schema = nullable(schema)
		}
		props[name] = schema
		if !omitempty {
			*required = append(*required, name)
		}
	}
}

// nullable allows null besides the schema (OpenAPI 3.0 cannot add nullable beside $ref).
func nullable(schema map[string]any) map[string]any {
	if _, ref := schema["$ref"]; ref {
		return map[string]any{"allOf": []any{schema}, "nullable": true}
	}
	out := map[string]any{"nullable": true}
	for k, v := range schema {
		out[k] = v
	}
	return out
}

var notWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

// componentName names a struct type for components/schemas: its name without package
// paths, so that page[github.com/…/graph.SearchHit] is page_SearchHit.
func componentName(t reflect.Type) string {
	name := t.Name()
	if i := strings.Index(name, "["); i >= 0 {
		args := name[i+1 : len(name)-1]
		var parts []string
		for _, a := range strings.Split(args, ",") {
			parts = append(parts, a[strings.LastIndex(a, ".")+1:])
		}
		name = name[:i] + "_" + strings.Join(parts, "_")
	}
	return strings.Trim(notWord.ReplaceAllString(name, "_"), "_")
}
