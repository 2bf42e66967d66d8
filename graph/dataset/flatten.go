package dataset

import (
	"cmp"
	"fmt"
	"reflect"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Node is one item as it is stored: a label, an id, the dataset (file) that declares it, and
// its properties (scalars, string lists and graph.Date values; references are not
// properties but relationships).
type Node struct {
	Label   string
	ID      string
	Dataset string
	Props   map[string]any
}

// Rel is one stored relationship; Key (see RelKey) identifies it across imports.
type Rel struct {
	Type    string
	From    string
	To      string
	Key     string
	Dataset string
	Props   map[string]any

	file *File
	path string
}

// Graph is what a set of dataset files says, flattened into nodes and relationships.
type Graph struct {
	Nodes []Node
	Rels  []Rel
}

// Relationship types that the model's fields (not the relations list) produce.
const (
	RelBelongsTo        = "BELONGS_TO"
	RelPartOf           = "PART_OF"
	RelSeatOf           = "SEAT_OF"
	RelExOfficio        = "EX_OFFICIO"
	RelHolds            = "HOLDS"
	RelHasMandate       = "HAS_MANDATE"
	RelDelegatedFrom    = "DELEGATED_FROM"
	RelAbout            = "ABOUT"
	RelIssuedBy         = "ISSUED_BY"
	RelSentTo           = "SENT_TO"
	RelAssigns          = "ASSIGNS"
	RelAssignedTo       = "ASSIGNED_TO"
	RelReportsBackTo    = "REPORTS_BACK_TO"
	RelCollaborateWith  = "IN_COLLABORATION_WITH"
	RelDutyOf           = "DUTY_OF"
	RelResponsibleFor   = "RESPONSIBLE_FOR"
	RelForMeeting       = "FOR_MEETING"
	RelMeetingOf        = "MEETING_OF"
	RelInProcess        = "IN_PROCESS"
	RelOwns             = "OWNS"
	RelExpects          = "EXPECTS"
	RelFulfils          = "FULFILS"
	RelPerformedBy      = "PERFORMED_BY"
	RelRecordedIn       = "RECORDED_IN"
	RelHasStaffFunction = "HAS_STAFF_FUNCTION"
	RelAppliesTo        = "APPLIES_TO"
	RelCovers           = "COVERS"
	// A reporting rule's organisation and its named targets; the rule is stored so that
	// an export can give it back whole (validation applies it, no question reads it).
	RelRuleOf        = "RULE_OF"
	RelRuleReportsTo = "RULE_REPORTS_TO"
)

// RelKey identifies a relationship across imports: its type, its ends and, where the same
// pair may be related more than once (a person holding a post twice), the first day it
// holds. It is not stored; import derives it from what is stored.
func RelKey(typ, from, to, validFrom string) string {
	key := typ + "|" + from + "|" + to
	if validFrom != "" {
		key += "|" + validFrom
	}
	return key
}

// RelType maps a relation kind of the dataset (reports_to) to its relationship type
// (REPORTS_TO).
func RelType(kind string) string { return strings.ToUpper(kind) }

// Flatten turns checked files into the nodes and relationships to store. Defaults are
// filled in here (an organ's category and decision power from its kind, an assignment's
// status, a coverage's completeness, a source's basis), so that what is stored is complete.
//
// A Coverage becomes a node (label Coverage: what, complete, from, to) with a COVERS
// relationship to its organisation or organ; an organ's coverage includes the organs that
// are part of it. Whether holders are recorded for organ o on day d is then:
//
//	MATCH (o:Organ {id: $o})
//	RETURN EXISTS {
//	  MATCH (c:Coverage {what: 'holders', complete: true})-[:COVERS]->(x)
//	  WHERE (x = o OR (o)-[:PART_OF*]->(x) OR (o)-[:BELONGS_TO {primary: true}]->(x))
//	    AND (c.from IS NULL OR c.from <= $d) AND (c.to IS NULL OR c.to >= $d)
//	}
func Flatten(files []*File) Graph {
	var g Graph
	for _, f := range files {
		fl := flattener{g: &g, f: f, dataset: f.Data.ID}
		fl.flatten()
	}
	return g
}

type flattener struct {
	g       *Graph
	f       *File
	dataset string
}

func (fl *flattener) node(label, id string, v any) map[string]any {
	props := scalarProps(reflect.ValueOf(v))
	props["id"], props["dataset"] = id, fl.dataset
	searchProps(props)
	fl.g.Nodes = append(fl.g.Nodes, Node{Label: label, ID: id, Dataset: fl.dataset, Props: props})
	return props
}

func (fl *flattener) rel(path, typ, from, to string, props map[string]any) {
	if from == "" || to == "" {
		return
	}
	if props == nil {
		props = map[string]any{}
	}
	var validFrom string
	if vf, ok := props["valid_from"].(graph.Date); ok {
		validFrom = vf.String()
	}
	key := RelKey(typ, from, to, validFrom)
	props["dataset"] = fl.dataset
	fl.g.Rels = append(fl.g.Rels, Rel{Type: typ, From: from, To: to, Key: key, Dataset: fl.dataset, Props: props, file: fl.f, path: path})
}

func (fl *flattener) flatten() {
	d := fl.f.Data
	at := func(list string, i int, field string) string { return fmt.Sprintf("%s[%d].%s", list, i, field) }
	for _, o := range d.Organisations {
		fl.node("Organisation", o.ID, o)
	}
	for i, o := range d.Organs {
		props := fl.node("Organ", o.ID, o)
		if kind, ok := graph.OrganKindOf(o.Kind); ok {
			if o.Category == "" {
				props["category"] = kind.Category
			}
			if o.Decides == nil {
				props["decides"] = kind.Decides
			}
		}
		fl.rel(at("organs", i, "organisation"), RelBelongsTo, o.ID, o.Organisation, map[string]any{"primary": true})
		for j, s := range o.Spans {
			fl.rel(fmt.Sprintf("organs[%d].spans[%d]", i, j), RelBelongsTo, o.ID, s, map[string]any{"primary": false})
		}
		fl.rel(at("organs", i, "part_of"), RelPartOf, o.ID, o.PartOf, nil)
		fl.rel(at("organs", i, "process"), RelInProcess, o.ID, o.Process, nil)
	}
	for i, p := range d.Processes {
		fl.node("Process", p.ID, p)
		fl.rel(at("processes", i, "organisation"), RelBelongsTo, p.ID, p.Organisation, map[string]any{"primary": true})
		fl.rel(at("processes", i, "owner"), RelOwns, p.Owner, p.ID, nil)
	}
	for i, r := range d.ReportingRules {
		// Validation applies the rule; stored, it documents the reporting lines it demands.
		fl.node("ReportingRule", r.ID, r)
		fl.rel(at("reporting_rules", i, "organisation"), RelRuleOf, r.ID, r.Organisation, nil)
		for j, to := range r.To {
			fl.rel(fmt.Sprintf("reporting_rules[%d].to[%d]", i, j), RelRuleReportsTo, r.ID, to, nil)
		}
	}
	for i, p := range d.Posts {
		props := fl.node("Post", p.ID, p)
		props["max_holders"] = int64(p.Capacity())
		fl.rel(at("posts", i, "organ"), RelSeatOf, p.ID, p.Organ, nil)
		fl.rel(at("posts", i, "ex_officio"), RelExOfficio, p.ID, p.ExOfficio, nil)
		for j, h := range p.Holders {
			fl.rel(fmt.Sprintf("posts[%d].holders[%d]", i, j), RelHolds, h.Person, p.ID, scalarProps(reflect.ValueOf(h)))
		}
	}
	for _, p := range d.People {
		fl.node("Person", p.ID, p)
	}
	for _, t := range d.Topics {
		fl.node("Topic", t.ID, t)
	}
	for i, m := range d.Mandates {
		props := fl.node("Mandate", m.ID, m)
		props["status"] = m.EffectiveStatus()
		fl.rel(at("mandates", i, "holder"), RelHasMandate, m.Holder, m.ID, nil)
		fl.rel(at("mandates", i, "delegated_from"), RelDelegatedFrom, m.ID, m.DelegatedFrom, nil)
		for j, t := range m.Topics {
			fl.rel(fmt.Sprintf("mandates[%d].topics[%d]", i, j), RelAbout, m.ID, t, nil)
		}
	}
	for i, doc := range d.Documents {
		fl.node("Document", doc.ID, doc)
		fl.rel(at("documents", i, "issued_by"), RelIssuedBy, doc.ID, doc.IssuedBy, nil)
		for j, to := range doc.SentTo {
			fl.rel(fmt.Sprintf("documents[%d].sent_to[%d]", i, j), RelSentTo, doc.ID, to, nil)
		}
	}
	for i, c := range d.Coverage {
		props := fl.node("Coverage", c.ID, c)
		props["complete"] = c.IsComplete()
		fl.rel(at("coverage", i, "organisation"), RelCovers, c.ID, c.Organisation, nil)
		fl.rel(at("coverage", i, "organ"), RelCovers, c.ID, c.Organ, nil)
	}
	for i, a := range d.Assignments {
		props := fl.node("Assignment", a.ID, a)
		props["status"] = a.EffectiveStatus()
		fl.rel(at("assignments", i, "given_by"), RelAssigns, a.GivenBy, a.ID, nil)
		fl.rel(at("assignments", i, "given_to"), RelAssignedTo, a.ID, a.GivenTo, nil)
		fl.rel(at("assignments", i, "report_to"), RelReportsBackTo, a.ID, a.ReportTo, nil)
		for j, c := range a.CollaborateWith {
			fl.rel(fmt.Sprintf("assignments[%d].collaborate_with[%d]", i, j), RelCollaborateWith, a.ID, c, nil)
		}
		for j, t := range a.Topics {
			fl.rel(fmt.Sprintf("assignments[%d].topics[%d]", i, j), RelAbout, a.ID, t, nil)
		}
	}
	for i, m := range d.Meetings {
		props := fl.node("Meeting", m.ID, m)
		props["kind"], props["status"] = cmp.Or(m.Kind, "ordinary"), cmp.Or(m.Status, "planned")
		fl.rel(at("meetings", i, "organ"), RelMeetingOf, m.ID, m.Organ, nil)
	}
	for i, du := range d.Duties {
		props := fl.node("Duty", du.ID, du)
		props["follow_up"] = du.IsFollowUp()
		fl.rel(at("duties", i, "subject"), RelDutyOf, du.ID, du.Subject, nil)
		fl.rel(at("duties", i, "by"), RelResponsibleFor, du.By, du.ID, nil)
	}
	for i, r := range d.DutyRecords {
		fl.node("DutyRecord", r.ID, r)
		fl.rel(at("duty_records", i, "duty"), RelFulfils, r.ID, r.Duty, nil)
		fl.rel(at("duty_records", i, "meeting"), RelForMeeting, r.ID, r.Meeting, nil)
		fl.rel(at("duty_records", i, "by"), RelPerformedBy, r.ID, r.By, nil)
		fl.rel(at("duty_records", i, "document"), RelRecordedIn, r.ID, r.Document, nil)
	}
	for i, s := range d.StaffFunctions {
		fl.node("StaffFunction", s.ID, s)
		fl.rel(at("staff_functions", i, "organ"), RelHasStaffFunction, s.Organ, s.ID, nil)
	}
	for i, p := range d.StaffProfiles {
		fl.node("StaffProfile", p.ID, p)
		fl.rel(at("staff_profiles", i, "organisation"), RelExpects, p.ID, p.Organisation, nil)
		for j, o := range p.Organs {
			fl.rel(fmt.Sprintf("staff_profiles[%d].organs[%d]", i, j), RelExpects, p.ID, o, nil)
		}
	}
	for i, r := range d.Rules {
		fl.node("Rule", r.ID, r)
		fl.rel(at("rules", i, "applies_to"), RelAppliesTo, r.ID, r.AppliesTo, nil)
	}
	for i, r := range d.Relations {
		fl.rel(fmt.Sprintf("relations[%d]", i), RelType(r.Kind), r.From, r.To, scalarProps(reflect.ValueOf(r)))
	}
}

// scalarProps collects a struct's stored properties: scalar fields that are not references,
// the validity bounds, and the source as source_document/source_section/source_illustrative.
// Empty values are left out, so that absent and empty read back the same.
func scalarProps(v reflect.Value) map[string]any {
	props := map[string]any{}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		fv := v.Field(i)
		switch {
		case name == "-" || f.Tag.Get("ref") != "" || name == "id":
		case opts == "inline":
			for k, val := range scalarProps(fv) {
				props[k] = val
			}
		case f.Type == sourceType:
			for k, val := range sourceProps(fv.Interface().(graph.Source)) {
				props[k] = val
			}
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct && f.Type != datePtrType:
			// Neo4j properties cannot nest: a window or a deadline becomes
			// <name without _window>_<field> (due_window → due_from, due_to, due_text;
			// deadline → deadline_offset_days, deadline_day_of_year, deadline_text).
			if !fv.IsNil() {
				prefix := strings.TrimSuffix(name, "_window")
				for k, val := range scalarProps(fv.Elem()) {
					props[prefix+"_"+k] = val
				}
			}
		case f.Type == conditionsType:
			for k, val := range conditionProps(fv.Interface().([]graph.Condition)) {
				props[k] = val
			}
		case f.Type == triggersType:
			var by, texts []string
			for _, t := range fv.Interface().([]graph.Trigger) {
				by, texts = append(by, t.By), append(texts, t.Text)
			}
			if len(texts) > 0 {
				props["trigger_by"], props["trigger_texts"] = by, texts
			}
		default:
			if val, ok := scalar(fv); ok {
				props[name] = val
			}
		}
	}
	return props
}

var (
	datePtrType    = reflect.TypeOf((*graph.Date)(nil))
	conditionsType = reflect.TypeOf([]graph.Condition(nil))
	triggersType   = reflect.TypeOf([]graph.Trigger(nil))
)

// conditionProps stores conditions as three lists of the same length (Neo4j lists hold no
// maps): condition_kinds, condition_refs and condition_texts, "" where a part is absent.
func conditionProps(cs []graph.Condition) map[string]any {
	if len(cs) == 0 {
		return nil
	}
	var kinds, refs, texts []string
	for _, c := range cs {
		kinds, refs, texts = append(kinds, c.Kind), append(refs, c.Ref), append(texts, c.Text)
	}
	return map[string]any{"condition_kinds": kinds, "condition_refs": refs, "condition_texts": texts}
}

// sourceProps stores a source as source_document, source_section, source_basis (always set
// when there is a source, so that queries need not know the default), source_quote,
// source_reasoning, and source_illustrative (true for basis illustrative; older queries read
// it).
func sourceProps(s graph.Source) map[string]any {
	props := map[string]any{}
	if b := s.EffectiveBasis(); b != "" {
		props["source_basis"] = b
	}
	if s.IsIllustrative() {
		props["source_illustrative"] = true
	}
	for k, v := range map[string]string{"source_document": s.Document, "source_section": s.Section,
		"source_quote": s.Quote, "source_reasoning": s.Reasoning} {
		if v != "" {
			props[k] = v
		}
	}
	return props
}

func scalar(v reflect.Value) (any, bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		// A pointer field was given explicitly: keep its value even when it is false or 0.
		val, _ := scalar(v.Elem())
		return val, val != nil
	case reflect.String:
		return v.String(), v.String() != ""
	case reflect.Bool:
		return v.Bool(), v.Bool()
	case reflect.Int:
		return v.Int(), true
	case reflect.Float64:
		return v.Float(), true
	case reflect.Struct:
		if d, ok := v.Interface().(graph.Date); ok {
			return d, true
		}
	case reflect.Slice:
		// A list of words that refers to nothing (a staff profile's functions) is a property;
		// lists of references and of structs (holders) become relationships.
		if v.Type().Elem().Kind() == reflect.String && v.Len() > 0 {
			list := make([]string, v.Len())
			for i := range list {
				list[i] = v.Index(i).String()
			}
			return list, true
		}
	}
	return nil, false
}

// searchProps stores what name search compares: an item's name, title, abbreviation or
// scope as graph.SearchText (search_text) and without diacritics (search_folded), so that the
// queries need no string functions on every node and a TEXT index can find parts of words;
// and each name on its own (search_names), for exact matches.
func searchProps(props map[string]any) {
	var names []string
	for _, k := range []string{"name", "title", "short_name", "scope"} {
		if v, ok := props[k].(string); ok && v != "" {
			names = append(names, graph.SearchText(v))
		}
	}
	if len(names) == 0 {
		return
	}
	text := strings.Join(names, " ")
	props["search_text"], props["search_folded"], props["search_names"] = text, graph.FoldDiacritics(text), names
}
