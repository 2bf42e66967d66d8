package neo4jdb

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/styrgraf/styrgraf/graph"
)

// Small readers for values inside maps and lists that queries return (GetRecordValue covers
// only top-level columns).

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func maps(v any) []map[string]any {
	list, _ := v.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func refs(v any, kind string) []graph.Ref {
	var out []graph.Ref
	for _, m := range maps(v) {
		out = append(out, graph.Ref{ID: str(m, "id"), Kind: kind, Name: str(m, "name")})
	}
	return out
}

func sourceRef(m map[string]any) graph.SourceRef {
	return graph.SourceRef{Document: str(m, "source_document"), DocumentTitle: str(m, "source_title"),
		Section: str(m, "source_section"), Basis: str(m, "source_basis"),
		Quote: str(m, "source_quote"), Reasoning: str(m, "source_reasoning")}
}

func dateValue(v any) *graph.Date {
	d, ok := v.(dbtype.Date)
	if !ok {
		return nil
	}
	return &graph.Date{Time: d.Time()}
}

// dateParam turns a day into the Cypher DATE parameter queries compare with.
func dateParam(d graph.Date) neo4j.Date {
	return neo4j.DateOf(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC))
}

// get reads a top-level column, failing with the column's name when it is missing or of
// another type. NULL reads as the zero value. The error is not a *graph.Error, so translate
// makes it EINTERNAL: the query and the code disagree, and retrying will not help.
func get[T neo4j.RecordValue](rec *neo4j.Record, key string) (T, error) {
	v, _, err := neo4j.GetRecordValue[T](rec, key)
	if err != nil {
		return v, fmt.Errorf("column %s: %w", key, err)
	}
	return v, nil
}

// need reads key from a map a query returned, failing with the key's name when it is
// missing, NULL or of another type.
func need[T any](m map[string]any, key string) (T, error) {
	v, ok := m[key].(T)
	if !ok {
		return v, fmt.Errorf("field %s: want %T, got %T", key, v, m[key])
	}
	return v, nil
}

// opt is need for a key that may be missing or NULL, which reads as the zero value.
func opt[T any](m map[string]any, key string) (T, error) {
	if m[key] == nil {
		var zero T
		return zero, nil
	}
	return need[T](m, key)
}

// readTree appends the organs and edges columns of a tree-shaped answer (organ_subtree,
// organisation_graph) to t.
func readTree(rec *neo4j.Record, t *graph.Subtree) error {
	organs, err := get[[]any](rec, "organs")
	if err != nil {
		return err
	}
	for _, m := range maps(organs) {
		level, _ := m["level"].(int64)
		o := graph.SubtreeOrgan{ID: str(m, "id"), Name: str(m, "name"), ShortName: str(m, "short_name"),
			Kind: str(m, "kind"), Category: str(m, "category"), Organisation: str(m, "organisation"),
			Level: int(level), Parent: str(m, "parent"), Seats: []graph.Seat{}}
		for _, s := range maps(m["seats"]) {
			o.Seats = append(o.Seats, seat(s))
		}
		t.Organs = append(t.Organs, o)
	}
	edges, err := get[[]any](rec, "edges")
	if err != nil {
		return err
	}
	for _, e := range maps(edges) {
		t.Edges = append(t.Edges, graph.EdgeRef{Type: str(e, "type"), From: str(e, "from"), To: str(e, "to")})
	}
	return nil
}

// compareBool orders true before false.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// bases reads a list of source bases, keeping a missing one as "" (no source), which counts
// as the weakest.
func bases(v any) []string {
	list, _ := v.([]any)
	out := make([]string, len(list))
	for i, e := range list {
		out[i], _ = e.(string)
	}
	return out
}

// conditionRefs reads the conditions a query returns as maps {kind, ref, ref_name, text}
// (stored as the parallel lists condition_kinds, condition_refs, condition_texts).
func conditionRefs(v any) []graph.ConditionRef {
	var out []graph.ConditionRef
	for _, m := range maps(v) {
		out = append(out, graph.ConditionRef{Kind: str(m, "kind"), Ref: optRef(m, "ref", "ref_name"), Text: str(m, "text")})
	}
	return out
}

// optRef is the item named by m[idKey], or nil when there is none. The kind is left empty:
// a condition or trigger may name an organ, a post or an organisation.
func optRef(m map[string]any, idKey, nameKey string) *graph.Ref {
	id := str(m, idKey)
	if id == "" {
		return nil
	}
	return &graph.Ref{ID: id, Kind: str(m, idKey+"_kind"), Name: cmp.Or(str(m, nameKey), id)}
}

// dutyRef reads a duty as organ_detail.cypher and calendar.cypher return it.
func dutyRef(m map[string]any) graph.DutyRef {
	d := graph.DutyRef{ID: str(m, "id"), Action: str(m, "action"), Per: str(m, "per"), By: optRef(m, "by_id", "by_name"),
		DayOfYear: str(m, "deadline_day_of_year"), Deadline: str(m, "deadline_text"), Due: dateValue(m["due"]),
		Description: str(m, "description"), Conditions: conditionRefs(m["conditions"]), Source: sourceRef(m)}
	if d.By != nil {
		d.By.Kind = str(m, "by_kind")
	}
	if n, ok := m["deadline_offset_days"].(int64); ok {
		days := int(n)
		d.OffsetDays = &days
	}
	for _, t := range maps(m["triggers"]) {
		d.Triggers = append(d.Triggers, graph.TriggerRef{By: optRef(t, "ref", "ref_name"), Text: str(t, "text")})
	}
	return d
}

// relationTypes are the relationship types of the relation_kind vocabulary (REPORTS_TO…): the
// relations a dataset states, which detail views, diagrams and change lists show.
var relationTypes = func() []any {
	var out []any
	for _, t := range graph.Vocabularies["relation_kind"] {
		out = append(out, strings.ToUpper(t.Value))
	}
	return out
}()
