package dataset

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Unflatten is Flatten backwards: it turns stored nodes and relationships into datasets, one
// per dataset id, such that flattening them again gives the same nodes and relationships.
// It is how an export reads the graph (graph/neo4jdb) before writing another format.
//
// labels gives the kind of items at the ends of relationships that g does not hold (an
// export of one organisation may point at items of other datasets); g's own nodes need not
// be in it. A node of an unknown kind, or a relationship whose declaring item is not in g,
// is an EINVALID error naming it: the graph holds something the dataset format cannot say.
func Unflatten(g Graph, labels map[string]string) ([]graph.Dataset, error) {
	u := unflattener{items: map[string]*item{}, labels: map[string]string{}, datasets: map[string]*graph.Dataset{}}
	for id, l := range labels {
		u.labels[id] = l
	}
	for _, n := range g.Nodes {
		u.labels[n.ID] = n.Label
	}
	for _, n := range g.Nodes {
		u.node(n)
	}
	rels := append([]Rel(nil), g.Rels...)
	// Lists built from relationships (spans, topics, holders) come out in one order
	// whatever order the store returned them in.
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].Key < rels[j].Key })
	for _, r := range rels {
		u.rel(r)
	}
	if len(u.problems) > 0 {
		return nil, graph.Errorf(graph.EINVALID, "the graph holds what the dataset format cannot say: %s", strings.Join(u.problems, "; "))
	}
	return u.result(), nil
}

// kinds maps a node label to the Dataset field that lists items of that kind.
var kinds = map[string]string{
	"Organisation": "Organisations", "Organ": "Organs", "Process": "Processes",
	"ReportingRule": "ReportingRules", "Post": "Posts", "Person": "People", "Topic": "Topics",
	"Mandate": "Mandates", "Document": "Documents", "Coverage": "Coverage",
	"Assignment": "Assignments", "Meeting": "Meetings", "Duty": "Duties",
	"DutyRecord": "DutyRecords", "StaffFunction": "StaffFunctions",
	"StaffProfile": "StaffProfiles", "Rule": "Rules",
}

type item struct {
	id, label, dataset string
	v                  reflect.Value // addressable struct
}

type unflattener struct {
	items    map[string]*item
	order    []*item
	labels   map[string]string
	datasets map[string]*graph.Dataset
	problems []string
}

func (u *unflattener) problem(format string, args ...any) {
	u.problems = append(u.problems, fmt.Sprintf(format, args...))
}

func (u *unflattener) dataset(id string) *graph.Dataset {
	d, ok := u.datasets[id]
	if !ok {
		d = &graph.Dataset{ID: id}
		u.datasets[id] = d
	}
	return d
}

func (u *unflattener) node(n Node) {
	field, ok := kinds[n.Label]
	if !ok {
		u.problem("item %s is of unknown kind %s", n.ID, n.Label)
		return
	}
	u.dataset(n.Dataset)
	list, _ := reflect.TypeOf(graph.Dataset{}).FieldByName(field)
	v := reflect.New(list.Type.Elem()).Elem()
	if err := setProps(v, n.Props); err != nil {
		u.problem("item %s: %v", n.ID, err)
		return
	}
	setString(v, "id", n.ID)
	it := &item{id: n.ID, label: n.Label, dataset: n.Dataset, v: v}
	u.items[n.ID] = it
	u.order = append(u.order, it)
}

// rel puts a relationship back into the field that produced it, on the item that declares
// it (see Flatten), or makes it a relation of its dataset.
func (u *unflattener) rel(r Rel) {
	set := func(owner, field, value string) {
		it, ok := u.items[owner]
		if !ok {
			u.problem("%s %s→%s: item %s is not in the export", r.Type, r.From, r.To, owner)
			return
		}
		f := fieldByYAML(it.v, field)
		if !f.IsValid() {
			u.problem("%s %s→%s: a %s has no field %s", r.Type, r.From, r.To, it.label, field)
			return
		}
		if f.Kind() == reflect.Slice {
			f.Set(reflect.Append(f, reflect.ValueOf(value)))
		} else {
			f.SetString(value)
		}
	}
	// byLabel picks the field by the kind of item the relationship points to.
	byLabel := func(fields map[string]string) {
		field, ok := fields[u.labels[r.To]]
		if !ok {
			u.problem("%s %s→%s: unexpected kind %q at the end", r.Type, r.From, r.To, u.labels[r.To])
			return
		}
		set(r.From, field, r.To)
	}
	switch r.Type {
	case RelBelongsTo:
		if primary, _ := r.Props["primary"].(bool); primary {
			set(r.From, "organisation", r.To)
		} else {
			set(r.From, "spans", r.To)
		}
	case RelPartOf:
		set(r.From, "part_of", r.To)
	case RelInProcess:
		set(r.From, "process", r.To)
	case RelOwns:
		set(r.To, "owner", r.From)
	case RelRuleOf:
		set(r.From, "organisation", r.To)
	case RelRuleReportsTo:
		set(r.From, "to", r.To)
	case RelSeatOf:
		set(r.From, "organ", r.To)
	case RelExOfficio:
		set(r.From, "ex_officio", r.To)
	case RelHolds:
		it, ok := u.items[r.To]
		if !ok || it.label != "Post" {
			u.problem("HOLDS %s→%s: post %s is not in the export", r.From, r.To, r.To)
			return
		}
		var h graph.Holding
		if err := setProps(reflect.ValueOf(&h).Elem(), r.Props); err != nil {
			u.problem("HOLDS %s→%s: %v", r.From, r.To, err)
			return
		}
		h.Person = r.From
		f := fieldByYAML(it.v, "holders")
		f.Set(reflect.Append(f, reflect.ValueOf(h)))
	case RelHasMandate:
		set(r.To, "holder", r.From)
	case RelDelegatedFrom:
		set(r.From, "delegated_from", r.To)
	case RelAbout:
		set(r.From, "topics", r.To)
	case RelIssuedBy:
		set(r.From, "issued_by", r.To)
	case RelSentTo:
		set(r.From, "sent_to", r.To)
	case RelCovers:
		byLabel(map[string]string{"Organisation": "organisation", "Organ": "organ"})
	case RelAssigns:
		set(r.To, "given_by", r.From)
	case RelAssignedTo:
		set(r.From, "given_to", r.To)
	case RelReportsBackTo:
		set(r.From, "report_to", r.To)
	case RelCollaborateWith:
		set(r.From, "collaborate_with", r.To)
	case RelMeetingOf:
		set(r.From, "organ", r.To)
	case RelDutyOf:
		set(r.From, "subject", r.To)
	case RelResponsibleFor:
		set(r.To, "by", r.From)
	case RelFulfils:
		set(r.From, "duty", r.To)
	case RelForMeeting:
		set(r.From, "meeting", r.To)
	case RelPerformedBy:
		set(r.From, "by", r.To)
	case RelRecordedIn:
		set(r.From, "document", r.To)
	case RelHasStaffFunction:
		set(r.To, "organ", r.From)
	case RelExpects:
		byLabel(map[string]string{"Organisation": "organisation", "Organ": "organs"})
	case RelAppliesTo:
		set(r.From, "applies_to", r.To)
	default:
		kind, _ := r.Props["kind"].(string)
		if !graph.InVocabulary("relation_kind", kind) || RelType(kind) != r.Type {
			u.problem("relationship %s %s→%s is of no kind the dataset format knows", r.Type, r.From, r.To)
			return
		}
		rel := graph.Relation{From: r.From, To: r.To}
		if err := setProps(reflect.ValueOf(&rel).Elem(), r.Props); err != nil {
			u.problem("%s %s→%s: %v", r.Type, r.From, r.To, err)
			return
		}
		d := u.dataset(r.Dataset)
		d.Relations = append(d.Relations, rel)
	}
}

func (u *unflattener) result() []graph.Dataset {
	sort.SliceStable(u.order, func(i, j int) bool { return u.order[i].id < u.order[j].id })
	for _, it := range u.order {
		d := reflect.ValueOf(u.datasets[it.dataset]).Elem()
		list := d.FieldByName(kinds[it.label])
		list.Set(reflect.Append(list, it.v))
	}
	ids := make([]string, 0, len(u.datasets))
	for id := range u.datasets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]graph.Dataset, len(ids))
	for i, id := range ids {
		d := u.datasets[id]
		sort.SliceStable(d.Relations, func(a, b int) bool {
			ka := RelKey(d.Relations[a].Kind, d.Relations[a].From, d.Relations[a].To, dateString(d.Relations[a].ValidFrom))
			kb := RelKey(d.Relations[b].Kind, d.Relations[b].From, d.Relations[b].To, dateString(d.Relations[b].ValidFrom))
			return ka < kb
		})
		out[i] = *d
	}
	return out
}

func dateString(d *graph.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// fieldByYAML finds a struct field by its YAML name, looking into inlined structs.
func fieldByYAML(v reflect.Value, name string) reflect.Value {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		n, opts, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if opts == "inline" {
			if f := fieldByYAML(v.Field(i), name); f.IsValid() {
				return f
			}
			continue
		}
		if n == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

func setString(v reflect.Value, name, value string) {
	if f := fieldByYAML(v, name); f.IsValid() && f.Kind() == reflect.String {
		f.SetString(value)
	}
}

// setProps is scalarProps backwards: it fills a struct's stored fields from properties.
// Derived properties (search_*, dataset, follow_up, source_illustrative) have no field and
// are passed over; defaults that Flatten filled in come back as explicit values, which
// flatten to the same properties.
func setProps(v reflect.Value, props map[string]any) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		fv := v.Field(i)
		switch {
		case name == "-" || f.Tag.Get("ref") != "" || name == "id":
		case opts == "inline":
			if err := setProps(fv, props); err != nil {
				return err
			}
		case f.Type == sourceType:
			fv.Set(reflect.ValueOf(sourceFromProps(props)))
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct && f.Type != datePtrType:
			prefix := strings.TrimSuffix(name, "_window") + "_"
			sub := map[string]any{}
			for k, val := range props {
				if rest, ok := strings.CutPrefix(k, prefix); ok {
					sub[rest] = val
				}
			}
			elem := reflect.New(f.Type.Elem())
			if err := setProps(elem.Elem(), sub); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if !elem.Elem().IsZero() {
				fv.Set(elem)
			}
		case f.Type == conditionsType:
			ks, refs, texts := stringList(props["condition_kinds"]), stringList(props["condition_refs"]), stringList(props["condition_texts"])
			var cs []graph.Condition
			for j, k := range ks {
				c := graph.Condition{Kind: k}
				if j < len(refs) {
					c.Ref = refs[j]
				}
				if j < len(texts) {
					c.Text = texts[j]
				}
				cs = append(cs, c)
			}
			fv.Set(reflect.ValueOf(cs))
		case f.Type == triggersType:
			by, texts := stringList(props["trigger_by"]), stringList(props["trigger_texts"])
			var ts []graph.Trigger
			for j, text := range texts {
				tr := graph.Trigger{Text: text}
				if j < len(by) {
					tr.By = by[j]
				}
				ts = append(ts, tr)
			}
			fv.Set(reflect.ValueOf(ts))
		default:
			if val, ok := props[name]; ok && val != nil {
				if err := setScalar(fv, val); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
		}
	}
	return nil
}

func stringList(v any) []string {
	switch v := v.(type) {
	case []string:
		return v
	case []any:
		out := make([]string, len(v))
		for i, e := range v {
			out[i], _ = e.(string)
		}
		return out
	}
	return nil
}

func setScalar(fv reflect.Value, val any) error {
	switch fv.Kind() {
	case reflect.Pointer:
		elem := reflect.New(fv.Type().Elem())
		if err := setScalar(elem.Elem(), val); err != nil {
			return err
		}
		fv.Set(elem)
		return nil
	case reflect.String:
		if s, ok := val.(string); ok {
			fv.SetString(s)
			return nil
		}
	case reflect.Bool:
		if b, ok := val.(bool); ok {
			fv.SetBool(b)
			return nil
		}
	case reflect.Int:
		switch n := val.(type) {
		case int64:
			fv.SetInt(n)
			return nil
		case int:
			fv.SetInt(int64(n))
			return nil
		}
	case reflect.Float64:
		switch n := val.(type) {
		case float64:
			fv.SetFloat(n)
			return nil
		case int64:
			fv.SetFloat(float64(n))
			return nil
		}
	case reflect.Struct:
		if d, ok := val.(graph.Date); ok && fv.Type() == reflect.TypeOf(graph.Date{}) {
			fv.Set(reflect.ValueOf(d))
			return nil
		}
	case reflect.Slice:
		if fv.Type().Elem().Kind() == reflect.String {
			if list := stringList(val); list != nil {
				fv.Set(reflect.ValueOf(list))
				return nil
			}
		}
	}
	return fmt.Errorf("a stored %T does not fit a %s", val, fv.Type())
}

// sourceFromProps is sourceProps backwards. An inferred source that cites a document and
// gives no reasoning was written without a basis (which counts as inferred), and is given
// back so, since an explicit basis: inferred must give its reasoning.
func sourceFromProps(props map[string]any) graph.Source {
	str := func(k string) string { s, _ := props[k].(string); return s }
	s := graph.Source{Document: str("source_document"), Section: str("source_section"), Basis: str("source_basis"),
		Quote: str("source_quote"), Reasoning: str("source_reasoning")}
	if s.Basis == graph.BasisInferred && s.Reasoning == "" && s.Document != "" {
		s.Basis = ""
	}
	return s
}
