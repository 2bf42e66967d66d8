package dataset

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unique"

	"gopkg.in/yaml.v3"

	"github.com/styrgraf/styrgraf/graph"
)

// decoder turns a YAML node tree into the graph types, collecting every problem instead of
// stopping at the first, and remembering where each value stood so that later checks can
// point at it.
type decoder struct {
	file     string
	problems []Problem
	pos      map[string]position
}

type position struct{ line, column int }

func (d *decoder) problem(n *yaml.Node, path, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: n.Line, Column: n.Column, Path: path, Message: fmt.Sprintf(format, args...)})
}

var (
	dateType   = reflect.TypeOf(graph.Date{})
	sourceType = reflect.TypeOf(graph.Source{})
)

// decode fills v (addressable) from n. path names v for problems, e.g. organs[2].kind.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, tag reflect.StructTag) {
	if n.Kind == yaml.AliasNode {
		// Following aliases can blow up exponentially ("billion laughs") or loop; dataset
		// files are meant to be read by people, so each value is written out.
		d.problem(n, path, "YAML aliases (*%s) are not supported; write the value out", n.Value)
		return
	}
	if d.pos != nil {
		d.pos[path] = position{n.Line, n.Column}
	}
	if isNull(n) {
		return // an empty value is the zero value; required fields are checked by the caller
	}
	switch {
	case v.Type() == sourceType:
		d.decodeSource(n, v, path)
		return
	case v.Type() == dateType:
		if s, ok := d.scalar(n, path, "a date (YYYY-MM-DD)"); ok {
			date, err := graph.ParseDate(s)
			if err != nil {
				d.problem(n, path, "%v", err)
				return
			}
			v.Set(reflect.ValueOf(date))
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		before := len(d.problems)
		d.decode(n, elem.Elem(), path, tag)
		if len(d.problems) == before {
			v.Set(elem)
		}
	case reflect.String:
		if s, ok := d.scalar(n, path, "a string"); ok {
			if vocab := tag.Get("enum"); vocab != "" && !graph.InVocabulary(vocab, s) {
				d.problem(n, path, "%q is not a known value; one of: %s", s, strings.Join(vocabValues(vocab), ", "))
				return
			}
			if tag.Get("enum") != "" || tag.Get("ref") != "" {
				// Kinds, bases and references repeat across a file: one copy each keeps a
				// whole country's files in memory at once for the check (LoadDatasets).
				s = unique.Make(s).Value()
			}
			v.SetString(s)
		}
	case reflect.Bool:
		if s, ok := d.scalar(n, path, "true or false"); ok {
			b, err := strconv.ParseBool(s)
			if err != nil || n.Tag != "!!bool" {
				d.problem(n, path, "want true or false, got %q", s)
				return
			}
			v.SetBool(b)
		}
	case reflect.Int:
		if s, ok := d.scalar(n, path, "a whole number"); ok {
			i, err := strconv.Atoi(s)
			if signed := tag.Get("signed") != ""; err != nil || n.Tag != "!!int" || i < 0 && !signed {
				if signed {
					d.problem(n, path, "want a whole number, got %q", s)
				} else {
					d.problem(n, path, "want a whole number ≥ 0, got %q", s)
				}
				return
			}
			v.SetInt(int64(i))
		}
	case reflect.Float64:
		if s, ok := d.scalar(n, path, "a number"); ok {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || (n.Tag != "!!int" && n.Tag != "!!float") || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
				d.problem(n, path, "want a number ≥ 0, got %q", s)
				return
			}
			v.SetFloat(f)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.problem(n, path, "want a list, got %s", describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			ipath := fmt.Sprintf("%s[%d]", path, i)
			if isNull(item) {
				// An empty item ("-" alone) would be an item without id, or a reference to "".
				d.problem(item, ipath, "empty list item; remove it or give its value")
				continue
			}
			d.decode(item, s.Index(i), ipath, tag)
		}
		v.Set(s)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	default:
		panic(fmt.Sprintf("dataset: cannot decode into %s", v.Type()))
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.problem(n, path, "want a mapping (key: value lines), got %s", describe(n))
		return
	}
	fields := structFields(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		fpath := join(path, key.Value)
		f, ok := fields[key.Value]
		if !ok {
			d.problem(key, fpath, "unknown field %q; known fields: %s", key.Value, strings.Join(fieldNames(v.Type()), ", "))
			continue
		}
		if seen[key.Value] {
			d.problem(key, fpath, "field %q given twice", key.Value)
			continue
		}
		seen[key.Value] = true
		if isNull(val) && f.Tag.Get("required") == "true" {
			// Null decodes to the zero value, which would pass as given: an item with id ""
			// would reach the graph.
			d.problem(val, fpath, "required field %q is empty", key.Value)
			continue
		}
		d.decode(val, v.FieldByIndex(f.Index), fpath, f.Tag)
	}
	for name, f := range fields {
		if f.Tag.Get("required") == "true" && !seen[name] {
			d.problem(n, join(path, name), "required field %q is missing", name)
		}
	}
}

// decodeSource accepts the word illustrative or generated, or a {document, section, basis, quote,
// reasoning} mapping. A mapping needs a document unless it marks the fact illustrative or
// gives the reasoning of an inference (from law, say, rather than from a document).
func (d *decoder) decodeSource(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.ScalarNode {
		if n.Value != graph.SourceIllustrative && n.Value != graph.SourceGenerated {
			d.problem(n, path, "want %q, %q or a mapping {document, section, basis}, got %q", graph.SourceIllustrative, graph.SourceGenerated, n.Value)
			return
		}
		v.Set(reflect.ValueOf(graph.Source{Basis: n.Value}))
		return
	}
	var s graph.Source
	d.decodeStruct(n, reflect.ValueOf(&s).Elem(), path)
	if n.Kind == yaml.MappingNode && s.Document == "" && !s.IsMadeUp() &&
		!(s.Basis == graph.BasisInferred && s.Reasoning != "") {
		d.problem(n, join(path, "document"), "a source needs a document (or write source: %s)", graph.SourceIllustrative)
	}
	v.Set(reflect.ValueOf(s))
}

func (d *decoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.problem(n, path, "want %s, got %s", want, describe(n))
		return "", false
	}
	return n.Value, true
}

// isNull reports an empty value: nothing, ~ or null.
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// yamlField is a struct field under its YAML key.
type yamlField struct {
	name  string
	field reflect.StructField
}

// typeFields caches, per struct type, its YAML fields and the map by key: the decoder asks
// for every struct it decodes, and working them out again each time was a third of what a
// country's check allocated. Callers must not modify what they get.
var typeFields sync.Map // reflect.Type → *cachedFields

type cachedFields struct {
	list  []yamlField
	byKey map[string]reflect.StructField
}

func fieldsOf(t reflect.Type) *cachedFields {
	if c, ok := typeFields.Load(t); ok {
		return c.(*cachedFields)
	}
	c := &cachedFields{list: listYAMLFields(t), byKey: map[string]reflect.StructField{}}
	for _, f := range c.list {
		c.byKey[f.name] = f.field
	}
	actual, _ := typeFields.LoadOrStore(t, c)
	return actual.(*cachedFields)
}

// yamlFields lists a type's YAML fields in declaration order, flattening `yaml:",inline"`
// embedded structs (their Index then leads through the embedding field).
func yamlFields(t reflect.Type) []yamlField { return fieldsOf(t).list }

func listYAMLFields(t reflect.Type) []yamlField {
	var out []yamlField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-":
		case opts == "inline":
			for _, inner := range yamlFields(f.Type) {
				inner.field.Index = append([]int{i}, inner.field.Index...)
				out = append(out, inner)
			}
		default:
			out = append(out, yamlField{name, f})
		}
	}
	return out
}

// structFields maps YAML keys to fields.
func structFields(t reflect.Type) map[string]reflect.StructField { return fieldsOf(t).byKey }

// fieldNames lists a type's YAML keys in declaration order, for messages and the schema.
func fieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range yamlFields(t) {
		names = append(names, f.name)
	}
	return names
}

func vocabValues(name string) []string {
	var out []string
	for _, t := range graph.Vocabularies[name] {
		out = append(out, t.Value)
	}
	return out
}
