package popolo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Detect reports whether a file is Popolo JSON: a .json name and a top-level object with
// persons, organizations or memberships.
func Detect(name string, content []byte) bool {
	if !strings.EqualFold(filepath.Ext(name), ".json") {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(content, &top) != nil {
		return false
	}
	for _, k := range []string{"persons", "organizations", "memberships"} {
		if _, ok := top[k]; ok {
			return true
		}
	}
	return false
}

// Read maps a Popolo document to datasets and says what it mapped and dropped. Items with
// styrgraf's extension fields come back as they were exported, in their datasets; items
// without them (a file written by others) go into one dataset named after the file, each
// with a source that cites the file, never as documented fact. Unknown fields never fail a
// read: they are counted as dropped. A file that is not JSON, or whose lists are not lists
// of objects, is an EINVALID error naming the file and the field.
func Read(name string, content []byte) ([]graph.Dataset, graph.Conversion, error) {
	r := reader{name: name, conv: graph.Conversion{File: name, Format: FormatName, Mapped: map[string]int{}},
		datasets: map[string]*graph.Dataset{}, dropped: map[string]*graph.Dropped{}, ids: map[string]string{}, taken: map[string]string{},
		kinds: map[string]string{}, posts: map[string]string{}, holders: map[string][]graph.Holding{}}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(content, &top); err != nil {
		return nil, r.conv, graph.Errorf(graph.EINVALID, "%s: not a JSON object: %v", name, err)
	}
	lists := map[string][]map[string]any{}
	for k, raw := range top {
		switch k {
		case "persons", "organizations", "posts", "memberships", "events":
			var items []map[string]any
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if err := dec.Decode(&items); err != nil {
				return nil, r.conv, graph.Errorf(graph.EINVALID, "%s: %s: want a list of objects: %v", name, k, err)
			}
			lists[k] = items
		case "styrgraf":
			var ext Extension
			if err := json.Unmarshal(raw, &ext); err != nil {
				return nil, r.conv, graph.Errorf(graph.EINVALID, "%s: styrgraf: %v", name, err)
			}
			if ext.Version != ExtensionVersion {
				return nil, r.conv, graph.Errorf(graph.EINVALID, "%s: styrgraf.version: want %d, got %d", name, ExtensionVersion, ext.Version)
			}
			for i, m := range ext.Datasets {
				var d graph.Dataset
				if err := fromMap(m, &d); err != nil || d.ID == "" {
					return nil, r.conv, graph.Errorf(graph.EINVALID, "%s: styrgraf.datasets[%d]: not a dataset (%v)", name, i, err)
				}
				*r.dataset(d.ID) = d
			}
		default:
			r.drop(k, 1, "Popolo-delen har ingen motsvarighet i styrgraf")
		}
	}
	r.events(lists["events"])
	for i, p := range lists["persons"] {
		r.wrap("persons", i, func() error { return r.person(p) })
	}
	// Organisations before organs, so that an organ's parent is known whatever the order.
	orgs := lists["organizations"]
	sort.SliceStable(orgs, func(i, j int) bool { return rank(orgs[i]) < rank(orgs[j]) })
	for i, o := range orgs {
		r.wrap("organizations", i, func() error { return r.organization(o, orgs) })
	}
	for i, p := range lists["posts"] {
		r.wrap("posts", i, func() error { return r.post(p) })
	}
	for i, m := range lists["memberships"] {
		r.wrap("memberships", i, func() error { return r.membership(m) })
	}
	if len(r.errs) > 0 {
		return nil, r.conv, graph.Errorf(graph.EINVALID, "%s: %s", name, strings.Join(r.errs, "; "))
	}
	return r.result(), r.finish(), nil
}

type reader struct {
	name     string
	conv     graph.Conversion
	datasets map[string]*graph.Dataset
	dropped  map[string]*graph.Dropped
	errs     []string
	// ids maps a Popolo id to the styrgraf id it became; kinds says what it became
	// (person, organisation, organ, post) or why not (party).
	ids     map[string]string
	taken   map[string]string // styrgraf id → the Popolo id it was made from
	kinds   map[string]string
	posts   map[string]string // exported posts: id → dataset
	holders map[string][]graph.Holding
	periods map[string][2]string // legislative period id → start and end date
	foreign *graph.Dataset       // the dataset of items without extension
	doc     string               // the document that cites the file, for foreign items
}

// rank orders organizations: those that become organisations first, then organs by depth.
func rank(o map[string]any) int {
	if ext, ok := o["styrgraf"].(map[string]any); ok {
		if ext[extType] == "organisation" {
			return 0
		}
		return 1
	}
	if str(o, "parent_id") == "" {
		return 0
	}
	return 1
}

func (r *reader) wrap(list string, i int, fn func() error) {
	if err := fn(); err != nil {
		r.errs = append(r.errs, fmt.Sprintf("%s[%d]: %v", list, i, err))
	}
}

func (r *reader) dataset(id string) *graph.Dataset {
	d, ok := r.datasets[id]
	if !ok {
		d = &graph.Dataset{ID: id}
		r.datasets[id] = d
	}
	return d
}

func (r *reader) drop(what string, n int, why string) {
	d, ok := r.dropped[what]
	if !ok {
		d = &graph.Dropped{What: what, Why: why}
		r.dropped[what] = d
	}
	d.Count += n
}

// unknownFields counts the fields of an item that were not mapped.
func (r *reader) unknownFields(list string, item map[string]any, known ...string) {
	for k := range item {
		if k == "styrgraf" || containsString(known, k) {
			continue
		}
		r.drop(list+"."+k, 1, "fältet har ingen motsvarighet i styrgraf")
	}
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// ext returns an item's styrgraf extension and the dataset it names, if it has one.
func ext(item map[string]any) (map[string]any, string) {
	m, ok := item["styrgraf"].(map[string]any)
	if !ok {
		return nil, ""
	}
	ds, _ := m[extDataset].(string)
	if ds == "" {
		return nil, ""
	}
	return m, ds
}

func (r *reader) events(events []map[string]any) {
	r.periods = map[string][2]string{}
	for _, e := range events {
		id := str(e, "id")
		if id == "" {
			continue
		}
		r.periods[id] = [2]string{str(e, "start_date"), str(e, "end_date")}
	}
	if len(events) > 0 {
		r.conv.Mapped["events (för medlemskapens datum)"] = len(events)
	}
}

func (r *reader) person(p map[string]any) error {
	id, name := str(p, "id"), str(p, "name")
	if e, ds := ext(p); e != nil {
		var person graph.Person
		if err := fromMap(e, &person); err != nil {
			return err
		}
		person.ID, person.Name, person.Email = id, name, str(p, "email")
		d := r.dataset(ds)
		d.People = append(d.People, person)
		r.mapped("persons", id, id, "person")
		return nil
	}
	if name == "" {
		name = strings.TrimSpace(str(p, "given_name") + " " + str(p, "family_name"))
	}
	if id == "" || name == "" {
		r.drop("persons (utan id eller namn)", 1, "en person behöver id och namn")
		return nil
	}
	sid, ok := r.newID(id)
	if !ok {
		return nil
	}
	r.unknownFields("persons", p, "id", "name", "email", "given_name", "family_name")
	f := r.foreignDataset()
	f.People = append(f.People, graph.Person{ID: sid, Name: name, Email: str(p, "email"), Source: r.source("personen " + id)})
	r.mapped("persons", id, sid, "person")
	return nil
}

func (r *reader) organization(o map[string]any, all []map[string]any) error {
	id, name, class := str(o, "id"), str(o, "name"), str(o, "classification")
	if e, ds := ext(o); e != nil {
		d := r.dataset(ds)
		from, to, err := validity(str(o, "founding_date"), str(o, "dissolution_date"))
		if err != nil {
			return err
		}
		if e[extType] == "organisation" {
			var org graph.Organisation
			if err := fromMap(e, &org); err != nil {
				return err
			}
			org.ID, org.Name, org.Kind, org.ValidFrom, org.ValidTo = id, name, class, from, to
			d.Organisations = append(d.Organisations, org)
			r.mapped("organisations", id, id, "organisation")
			return nil
		}
		var organ graph.Organ
		if err := fromMap(e, &organ); err != nil {
			return err
		}
		organ.ID, organ.Name, organ.Kind, organ.ValidFrom, organ.ValidTo = id, name, class, from, to
		organ.ShortName = ""
		if on, ok := o["other_names"].([]any); ok {
			for _, n := range on {
				if m, ok := n.(map[string]any); ok && str(m, "note") == NoteAbbreviation {
					organ.ShortName = str(m, "name")
				}
			}
		}
		organ.PartOf = ""
		if parent := str(o, "parent_id"); parent != "" && parent != organ.Organisation {
			organ.PartOf = parent
		}
		d.Organs = append(d.Organs, organ)
		r.mapped("organs", id, id, "organ")
		return nil
	}
	return r.foreignOrganization(o, id, name, class, all)
}

// foreignOrganization maps an organization of a file written by others. A legislature or
// council becomes an organ of kind fullmaktige (the elected assembly) belonging to an
// organisation of kind other under the same name, since such a file does not say which
// huvudman it is; a region or kommun becomes an organisation; an organization classified
// with one of styrgraf's organ kinds becomes that organ; a committee under a mapped organ
// becomes an utskott. Parties and other classifications are dropped.
func (r *reader) foreignOrganization(o map[string]any, id, name, class string, all []map[string]any) error {
	if id == "" || name == "" {
		r.drop("organizations (utan id eller namn)", 1, "en organisation behöver id och namn")
		return nil
	}
	from, to, bad := r.dates(str(o, "founding_date"), str(o, "dissolution_date"))
	if bad != "" {
		r.drop("organizations."+bad, 1, "inget fullständigt datum (ÅÅÅÅ-MM-DD); okänt")
	}
	known := []string{"id", "name", "classification", "parent_id", "founding_date", "dissolution_date"}
	parent := str(o, "parent_id")
	switch {
	case class == "party":
		r.kinds[id] = "party"
		r.drop("organizations (classification party)", 1, "styrgraf registrerar inte partier")
		return nil
	case class == "region" || class == "kommun":
		sid, ok := r.newID(id)
		if !ok {
			return nil
		}
		r.unknownFields("organizations", o, known...)
		f := r.foreignDataset()
		f.Organisations = append(f.Organisations, graph.Organisation{ID: sid, Name: name, Kind: class,
			Source: r.source("organisationen " + id), Validity: graph.Validity{ValidFrom: from, ValidTo: to}})
		r.mapped("organisations", id, sid, "organisation")
		return nil
	}
	kind := ""
	switch {
	case class == "legislature" || class == "council":
		kind = "fullmaktige"
	case class == "committee" && parent != "" && r.kinds[parent] == "organ":
		kind = "utskott"
	case graph.InVocabulary("organ_kind", class):
		kind = class
	default:
		r.drop(fmt.Sprintf("organizations (classification %q)", class), 1, "klassificeringen har ingen motsvarighet bland styrgrafs organslag")
		return nil
	}
	sid, ok := r.newID(id)
	if !ok {
		return nil
	}
	r.unknownFields("organizations", o, known...)
	f := r.foreignDataset()
	organ := graph.Organ{ID: sid, Name: name, Kind: kind, Source: r.source("organisationen " + id),
		Validity: graph.Validity{ValidFrom: from, ValidTo: to}}
	switch r.kinds[parent] {
	case "organisation":
		organ.Organisation = r.ids[parent]
	case "organ":
		organ.PartOf = r.ids[parent]
		organ.Organisation = r.organisationOf(organ.PartOf)
	default:
		if parent != "" {
			r.drop("organizations.parent_id (okänd förälder)", 1, "föräldern finns inte i filen eller mappades inte")
		}
		// The file does not say whose the assembly is: an organisation of kind other, under
		// the assembly's name, stands for that unknown huvudman.
		org := graph.Organisation{ID: sid + "-huvudman", Name: name, Kind: graph.OrganisationKindOther,
			Source: r.source("organisationen " + id + " (huvudmannen anges inte i filen)")}
		f.Organisations = append(f.Organisations, org)
		r.conv.Mapped["organisations (huvudman av slag other)"]++
		organ.Organisation = org.ID
	}
	f.Organs = append(f.Organs, organ)
	r.mapped("organs", id, sid, "organ")
	return nil
}

func (r *reader) organisationOf(organ string) string {
	for _, o := range r.foreign.Organs {
		if o.ID == organ {
			return o.Organisation
		}
	}
	return ""
}

func (r *reader) post(p map[string]any) error {
	id := str(p, "id")
	from, to, err := validity(str(p, "start_date"), str(p, "end_date"))
	if e, ds := ext(p); e != nil {
		if err != nil {
			return err
		}
		var post graph.Post
		if err := fromMap(e, &post); err != nil {
			return err
		}
		post.ID, post.Title, post.Kind, post.Organ, post.ValidFrom, post.ValidTo = id, str(p, "label"), str(p, "role"), str(p, "organization_id"), from, to
		post.Holders = nil
		d := r.dataset(ds)
		d.Posts = append(d.Posts, post)
		r.posts[id] = ds
		r.mapped("posts", id, id, "post")
		return nil
	}
	org := str(p, "organization_id")
	if r.kinds[org] != "organ" {
		r.drop("posts (organisation som inte mappades)", 1, "posten hör till en organisation som inte blev ett organ")
		return nil
	}
	from, to, bad := r.dates(str(p, "start_date"), str(p, "end_date"))
	if bad != "" {
		r.drop("posts."+bad, 1, "inget fullständigt datum (ÅÅÅÅ-MM-DD); okänt")
	}
	sid, ok := r.newID(id)
	if !ok {
		return nil
	}
	r.unknownFields("posts", p, "id", "label", "role", "organization_id", "start_date", "end_date")
	title := cmpOr(str(p, "label"), str(p, "role"), "Post")
	f := r.foreignDataset()
	f.Posts = append(f.Posts, graph.Post{ID: sid, Title: title, Kind: postKind(str(p, "role")), Organ: r.ids[org],
		Source: r.source("posten " + id), Validity: graph.Validity{ValidFrom: from, ValidTo: to}})
	r.kinds[id] = "post"
	r.mapped("posts", id, sid, "post")
	return nil
}

func (r *reader) membership(m map[string]any) error {
	person, post := str(m, "person_id"), str(m, "post_id")
	if _, ok := r.posts[post]; ok {
		// A holding of an exported post: the post came back with its extension.
		e, _ := m["styrgraf"].(map[string]any)
		from, to, err := validity(str(m, "start_date"), str(m, "end_date"))
		if err != nil {
			return err
		}
		var h graph.Holding
		if e != nil {
			if err := fromMap(e, &h); err != nil {
				return err
			}
		}
		h.Person, h.ValidFrom, h.ValidTo = person, from, to
		r.holders[post] = append(r.holders[post], h)
		r.conv.Mapped["memberships"]++
		return nil
	}
	return r.foreignMembership(m, person, post)
}

// foreignMembership maps a membership of a file written by others to a holding: of its
// post, or, without one, of a post for its role in its organ (one per organ and role, with
// no limit on holders, since the file does not say how many seats there are). Without
// dates of its own it takes its legislative period's.
func (r *reader) foreignMembership(m map[string]any, person, post string) error {
	org := str(m, "organization_id")
	switch {
	case r.kinds[person] != "person":
		r.drop("memberships (okänd person)", 1, "personen finns inte i filen eller mappades inte")
		return nil
	case post != "" && r.kinds[post] != "post":
		r.drop("memberships (post som inte mappades)", 1, "posten finns inte i filen eller mappades inte")
		return nil
	case post == "" && r.kinds[org] == "party":
		r.drop("memberships (i partier)", 1, "styrgraf registrerar inte partitillhörighet")
		return nil
	case post == "" && r.kinds[org] != "organ":
		r.drop("memberships (organisation som inte mappades)", 1, "organisationen blev inget organ")
		return nil
	}
	start, end := str(m, "start_date"), str(m, "end_date")
	period := str(m, "legislative_period_id")
	if p, ok := r.periods[period]; ok {
		if start == "" {
			start = p[0]
		}
		if end == "" {
			end = p[1]
		}
	}
	from, to, bad := r.dates(start, end)
	if bad != "" {
		r.drop("memberships."+bad, 1, "inget fullständigt datum (ÅÅÅÅ-MM-DD); okänt")
	}
	r.unknownFields("memberships", m, "id", "person_id", "post_id", "organization_id", "role", "start_date", "end_date", "legislative_period_id")
	f := r.foreignDataset()
	var target *graph.Post
	if post != "" {
		target = r.foreignPost(r.ids[post])
	} else {
		role := cmpOr(str(m, "role"), "member")
		organ := r.ids[org]
		pid := organ + "-" + slug(role)
		if target = r.foreignPost(pid); target == nil {
			unlimited := 0
			f.Posts = append(f.Posts, graph.Post{ID: pid, Title: role, Kind: postKind(role), Organ: organ, MaxHolders: &unlimited,
				Source: r.source("medlemskapen med rollen " + role + " i " + org)})
			r.conv.Mapped["posts (en per organ och roll)"]++
			target = &f.Posts[len(f.Posts)-1]
		}
	}
	h := graph.Holding{Person: r.ids[person], Source: r.source("medlemskapet " + cmpOr(str(m, "id"), person+" i "+org)),
		Validity: graph.Validity{ValidFrom: from, ValidTo: to}}
	for _, old := range target.Holders {
		if old.Person == h.Person && date(old.ValidFrom) == date(h.ValidFrom) {
			r.drop("memberships (dubbletter)", 1, "samma person, post och startdag finns redan")
			return nil
		}
	}
	target.Holders = append(target.Holders, h)
	r.conv.Mapped["memberships"]++
	return nil
}

func (r *reader) foreignPost(id string) *graph.Post {
	for i := range r.foreign.Posts {
		if r.foreign.Posts[i].ID == id {
			return &r.foreign.Posts[i]
		}
	}
	return nil
}

// postKind maps a Popolo role to a post kind: styrgraf's own values as they are, a few
// common English roles, and member for anything else (a membership is at least that).
func postKind(role string) string {
	role = strings.ToLower(strings.TrimSpace(role))
	if graph.InVocabulary("post_kind", role) {
		return role
	}
	switch role {
	case "chairman", "chairperson", "chairwoman", "president", "speaker":
		return "chair"
	case "vice-chair", "vice chair", "deputy chair", "vice president", "deputy speaker":
		return "vice_chair"
	}
	return "member"
}

func (r *reader) mapped(kind, popoloID, id, what string) {
	r.conv.Mapped[kind]++
	r.ids[popoloID] = id
	r.kinds[popoloID] = what
}

// foreignDataset is the dataset of a file written by others, named after the file, with
// the document that every item's source cites.
func (r *reader) foreignDataset() *graph.Dataset {
	if r.foreign != nil {
		return r.foreign
	}
	base := strings.TrimSuffix(filepath.Base(r.name), filepath.Ext(r.name))
	id := "popolo-" + slug(base)
	r.foreign = r.dataset(id)
	r.foreign.Description = "Importerat ur Popolo-filen " + filepath.Base(r.name)
	r.doc = id + "-fil"
	r.foreign.Documents = append(r.foreign.Documents, graph.Document{ID: r.doc, Title: "Popolo-filen " + filepath.Base(r.name),
		Kind: "riktlinje", File: filepath.Base(r.name)})
	return r.foreign
}

// source is what a foreign item rests on: the file, as inferred (the file says so; no
// document of the organisation has been checked), with the Popolo item it came from.
func (r *reader) source(item string) graph.Source {
	r.foreignDataset()
	return graph.Source{Document: r.doc, Basis: graph.BasisInferred,
		Reasoning: "Importerat ur Popolo-filen " + filepath.Base(r.name) + ": " + item + ". Uppgiften är filens; den är inte prövad mot organisationens egna dokument."}
}

// newID makes a styrgraf id for a Popolo id: the file's dataset id and the id as a slug.
func (r *reader) newID(popoloID string) (string, bool) {
	id := r.foreignDataset().ID + "-" + slug(popoloID)
	if p, ok := r.taken[id]; ok && p != popoloID {
		r.drop("ids (krockar som slug)", 1, "två id i filen blir samma id i styrgraf")
		return "", false
	}
	r.taken[id] = popoloID
	return id, true
}

// dates parses a start and end day; a date that is not a whole day (a year alone) is left
// out and named, since a precise day would be invented.
func (r *reader) dates(start, end string) (from, to *graph.Date, bad string) {
	var bads []string
	parse := func(field, s string) *graph.Date {
		if s == "" {
			return nil
		}
		d, err := graph.ParseDate(s)
		if err != nil {
			bads = append(bads, field)
			return nil
		}
		return &d
	}
	from, to = parse("start_date", start), parse("end_date", end)
	return from, to, strings.Join(bads, ",")
}

func validity(start, end string) (from, to *graph.Date, err error) {
	for _, p := range []struct {
		s   string
		dst **graph.Date
	}{{start, &from}, {end, &to}} {
		if p.s == "" {
			continue
		}
		d, err := graph.ParseDate(p.s)
		if err != nil {
			return nil, nil, err
		}
		*p.dst = &d
	}
	return from, to, nil
}

func (r *reader) finish() graph.Conversion {
	keys := make([]string, 0, len(r.dropped))
	for k := range r.dropped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	r.conv.Dropped = []graph.Dropped{}
	for _, k := range keys {
		r.conv.Dropped = append(r.conv.Dropped, *r.dropped[k])
	}
	return r.conv
}

func (r *reader) result() []graph.Dataset {
	ids := make([]string, 0, len(r.datasets))
	for id := range r.datasets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]graph.Dataset, len(ids))
	for i, id := range ids {
		d := r.datasets[id]
		for j := range d.Posts {
			if hs, ok := r.holders[d.Posts[j].ID]; ok && r.posts[d.Posts[j].ID] == id {
				d.Posts[j].Holders = hs
			}
		}
		out[i] = *d
	}
	return out
}

// fromMap decodes a JSON map into a model value.
func fromMap(m map[string]any, v any) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func str(m map[string]any, k string) string {
	switch v := m[k].(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	}
	return ""
}

func cmpOr(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// slug makes an id part: lower-case a-z and digits, other runs as one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(graph.FoldDiacritics(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
