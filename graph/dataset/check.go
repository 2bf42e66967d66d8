package dataset

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// ItemCount is how many items (nodes once imported) a dataset declares: the elements of
// its lists that have an id.
func ItemCount(d graph.Dataset) int {
	n := 0
	eachListElement(&File{Data: d}, func(_, _ int, el reflect.Value) {
		if el.FieldByName("ID").IsValid() {
			n++
		}
	})
	return n
}

// eachElement calls fn for every element of every list of the file (organs[3], relations[0],
// …), in file order, with its field path.
func eachElement(f *File, fn func(path string, el reflect.Value)) {
	eachListElement(f, func(list, elem int, el reflect.Value) {
		fn(elementPath(list, elem), el)
	})
}

// eachListElement is eachElement with the element's place as numbers: the list (a field of
// graph.Dataset) and the index in it.
func eachListElement(f *File, fn func(list, elem int, el reflect.Value)) {
	v := reflect.ValueOf(f.Data)
	for i, l := range lists {
		if l.key == "" {
			continue
		}
		elems := v.Field(i)
		for j := 0; j < elems.Len(); j++ {
			fn(i, j, elems.Index(j))
		}
	}
}

// lists describes each field of graph.Dataset by field index: for a list, its YAML key and
// its elements' Go type name (= Neo4j label, e.g. Organ); empty for a field that is not a
// list.
var lists = func() []struct{ key, label string } {
	t := reflect.TypeFor[graph.Dataset]()
	out := make([]struct{ key, label string }, t.NumField())
	for i := range out {
		if f := t.Field(i); f.Type.Kind() == reflect.Slice {
			out[i].key, _, _ = strings.Cut(f.Tag.Get("yaml"), ",")
			out[i].label = f.Type.Elem().Name()
		}
	}
	return out
}()

func elementPath(list, elem int) string { return fmt.Sprintf("%s[%d]", lists[list].key, elem) }

// Check finds the problems that need all files together: duplicate ids and dataset ids,
// references to ids that do not exist (or are of the wrong kind), validity periods that end
// before they start, cycles in part_of, seats held by more people at once than they allow,
// rules of the model (ex officio seats have no holders of their own, a once-duty has a due
// date, a coverage names one organisation or organ), and provenance: a stated source gives
// its section and quote, an explicit inference its reasoning, and whatever refers to an
// illustrative item is illustrative too.
//
// It goes over the files twice: once to index what a file may refer to in the others, once
// to check each file against that index. A run too large to hold in memory is checked the
// same way, one file at a time (see LoadDatasets).
func Check(files []*File) Problems {
	c := newChecker()
	for _, f := range files {
		c.index(f)
	}
	for i, f := range files {
		c.check(i, f)
	}
	return c.finish()
}

// entry is what the index keeps of an item: little, as a whole country's items are indexed
// at once.
type entry struct {
	file   int32
	elem   int32
	list   uint8 // where in its file: elementPath(list, elem); its list says its kind
	madeUp bool  // its source is illustrative or generated
}

// label is the item's Go type name = Neo4j label, e.g. Organ: that of its list's elements.
func (e entry) label() string { return lists[e.list].label }

type at struct{ file, elem int32 }

type ruleAt struct {
	rule graph.ReportingRule
	file int32
}

// organAt is what the tiers check needs of an organ.
type organAt struct {
	id, tier, organisation, process string
	at
}

type checker struct {
	// files by index. In a streamed check (LoadDatasets) they hold only a name: the problems
	// found then are not shown, the run is read again the ordinary way to report them.
	files     []*File
	streamed  bool
	ids       map[string]entry // every id: where it is first declared
	datasets  map[string]int32
	processes map[string]graph.Process
	parent    map[string]string // part_of, for cycles
	partOfAt  map[string]at
	organs    []organAt
	rules     []ruleAt
	reports   map[[2]string]bool
	rels      map[[2]uint64]at // each relationship's key, hashed (see relations)
	needs     []map[int32]bool // file i refers to items declared in file j: j is written first

	// Problems, kept apart by check so that they come out in the same order however the
	// files are gone over.
	datasetProblems, idProblems, fileProblems, ownRelProblems, dupRelProblems Problems
	problems                                                                  *Problems
}

func newChecker() *checker {
	return &checker{
		ids:       map[string]entry{},
		datasets:  map[string]int32{},
		processes: map[string]graph.Process{},
		parent:    map[string]string{},
		partOfAt:  map[string]at{},
		reports:   map[[2]string]bool{},
		rels:      map[[2]uint64]at{},
	}
}

// index is the first pass over a file: what the others may refer to, and the problems that
// the first occurrence decides (duplicate ids).
func (c *checker) index(f *File) {
	fi := int32(len(c.files))
	c.files = append(c.files, f)
	c.needs = append(c.needs, nil)
	c.problems = &c.datasetProblems
	if s := f.Data.ID; s != "" {
		if !validID(s) {
			c.add(f, "dataset", "dataset %q must be a slug: lower-case letters a-z, digits and '-'", s)
		}
		if first, dup := c.datasets[s]; dup {
			c.add(f, "dataset", "dataset %q is already used by %s; each file needs its own", s, c.files[first].Name)
		} else {
			c.datasets[s] = fi
		}
	}
	c.problems = &c.idProblems
	eachListElement(f, func(list, elem int, el reflect.Value) {
		idv := el.FieldByName("ID")
		if !idv.IsValid() {
			return
		}
		id := idv.String()
		path := elementPath(list, elem) + ".id"
		switch {
		case id == "":
			return // reported as a missing required field
		case !validID(id):
			c.add(f, path, "id %q must be a slug: lower-case letters a-z, digits and '-'", id)
		}
		if prev, dup := c.ids[id]; dup {
			pf := c.files[prev.file]
			line, _ := pf.Position(elementPath(int(prev.list), int(prev.elem)) + ".id")
			c.add(f, path, "duplicate id %q (first used by a %s at %s:%d)", id, prev.label(), pf.Name, line)
			return
		}
		e := entry{file: fi, list: uint8(list), elem: int32(elem)}
		if src := el.FieldByName("Source"); src.IsValid() {
			e.madeUp = src.Interface().(graph.Source).IsMadeUp()
		}
		c.ids[id] = e
		if p, ok := el.Interface().(graph.Process); ok {
			c.processes[id] = p
		}
	})
	for i, o := range f.Data.Organs {
		if o.ID != "" && o.PartOf != "" {
			c.parent[o.ID] = o.PartOf
			c.partOfAt[o.ID] = at{fi, int32(i)}
		}
		c.organs = append(c.organs, organAt{o.ID, o.Tier, o.Organisation, o.Process, at{fi, int32(i)}})
	}
	for _, r := range f.Data.ReportingRules {
		c.rules = append(c.rules, ruleAt{r, fi})
	}
	for _, r := range f.Data.Relations {
		if r.Kind == graph.RelReportsTo {
			c.reports[[2]string{r.From, r.To}] = true
		}
	}
}

// check is the second pass over a file, the i-th given to index: everything checked
// against the index.
func (c *checker) check(i int, f *File) {
	c.problems = &c.fileProblems
	walk(reflect.ValueOf(f.Data), "", func(path string, field reflect.StructField, v reflect.Value) {
		c.field(f, path, field, v)
	})
	c.items(f)
	c.conditions(f)
	c.sources(f)
	c.illustrative(f)
	c.relations(int32(i), f)
}

// finish runs the checks of the whole run and returns every problem found.
func (c *checker) finish() Problems {
	var out Problems
	out = append(out, c.datasetProblems...)
	out = append(out, c.idProblems...)
	out = append(out, c.fileProblems...)
	var rest Problems
	c.problems = &rest
	c.cycles()
	out = append(out, rest...)
	out = append(out, c.ownRelProblems...)
	out = append(out, c.dupRelProblems...)
	rest = nil
	c.tiers()
	return append(out, rest...)
}

// relations reports relationships stated twice, and relations that involve no item of their
// own file (import replaces a file's relations by finding them through its own items). It
// also notes which files this one refers to, for the order of import.
func (c *checker) relations(fi int32, f *File) {
	c.problems = &c.ownRelProblems
	own := map[string]bool{}
	eachListElement(f, func(_, _ int, el reflect.Value) {
		if id := el.FieldByName("ID"); id.IsValid() {
			own[id.String()] = true
		}
	})
	for i, r := range f.Data.Relations {
		if r.From != "" && r.To != "" && !own[r.From] && !own[r.To] {
			c.add(f, fmt.Sprintf("relations[%d]", i), "relation %s → %s involves no item of this file; state it in the file of %s or %s", r.From, r.To, r.From, r.To)
		}
	}
	// Each relationship is remembered by a 128-bit hash of its key and where it stood: a
	// whole country's relationships with their properties would not fit in memory at once.
	c.problems = &c.dupRelProblems
	for ri, r := range Flatten([]*File{f}).Rels {
		for _, end := range [2]string{r.From, r.To} {
			if e, ok := c.ids[end]; ok && !own[end] && e.file != fi {
				if c.needs[fi] == nil {
					c.needs[fi] = map[int32]bool{}
				}
				c.needs[fi][e.file] = true
			}
		}
		h := [2]uint64{maphash.String(relSeeds[0], r.Key), maphash.String(relSeeds[1], r.Key)}
		first, dup := c.rels[h]
		if !dup {
			c.rels[h] = at{fi, int32(ri)}
			continue
		}
		if c.streamed {
			// The first file is not at hand; the run is read again to say where.
			c.add(r.file, r.path, "%s %s → %s is stated twice", r.Type, r.From, r.To)
			continue
		}
		// Only on a duplicate: flatten the first file again for the first statement's
		// place, and compare keys, so that a hash collision is never reported.
		fr := Flatten([]*File{c.files[first.file]}).Rels[first.elem]
		if fr.Key != r.Key {
			continue
		}
		line, _ := fr.file.Position(fr.path)
		c.add(r.file, r.path, "%s %s → %s is stated twice (also at %s:%d)", r.Type, r.From, r.To, fr.file.Name, line)
	}
}

var relSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func (c *checker) add(f *File, path, format string, args ...any) {
	if f.locate != nil {
		p := f.locate(path)
		p.Message = fmt.Sprintf(format, args...)
		*c.problems = append(*c.problems, p)
		return
	}
	line, col := f.Position(path)
	// A missing field has no position: point at the nearest enclosing value that has one.
	for p := path; line == 0 && strings.ContainsAny(p, ".["); {
		p = p[:strings.LastIndexAny(p, ".[")]
		line, col = f.Position(p)
	}
	*c.problems = append(*c.problems, Problem{File: f.Name, Line: line, Column: col, Path: path, Message: fmt.Sprintf(format, args...)})
}

// validSlug accepts vocabulary values: lower-case letters, digits, - and _.
func validSlug(s string) bool {
	return validID(strings.ReplaceAll(s, "_", "-"))
}

func validID(id string) bool {
	for i, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0) {
			return false
		}
	}
	return id != ""
}

// field checks one struct field wherever it occurs: references and validity.
func (c *checker) field(f *File, path string, field reflect.StructField, v reflect.Value) {
	if ref := field.Tag.Get("ref"); ref != "" {
		var ids []string
		switch v.Kind() {
		case reflect.String:
			ids = []string{v.String()}
		case reflect.Slice:
			ids = v.Interface().([]string)
		}
		for i, id := range ids {
			p := path
			if v.Kind() == reflect.Slice {
				p = fmt.Sprintf("%s[%d]", path, i)
			}
			c.ref(f, p, id, strings.Split(ref, "|"))
		}
	}
	if validity, ok := v.Interface().(graph.Validity); ok && validity.ValidFrom != nil && validity.ValidTo != nil &&
		validity.ValidFrom.After(validity.ValidTo.Time) {
		c.add(f, join(path, "valid_to"), "valid_to %s is before valid_from %s", validity.ValidTo, validity.ValidFrom)
	}
}

func (c *checker) ref(f *File, path, id string, labels []string) {
	if id == "" {
		return
	}
	it, ok := c.ids[id]
	if !ok {
		c.add(f, path, "no %s has id %q", strings.Join(labels, " or "), id)
		return
	}
	for _, l := range labels {
		if it.label() == l {
			return
		}
	}
	c.add(f, path, "%q is a %s; want %s", id, it.label(), strings.Join(labels, " or "))
}

// items checks rules within single items.
func (c *checker) items(f *File) {
	for i, p := range f.Data.Posts {
		path := fmt.Sprintf("posts[%d]", i)
		if p.ExOfficio != "" && len(p.Holders) > 0 {
			c.add(f, path+".holders", "an ex officio post is held by whoever holds %s; it lists no holders of its own", p.ExOfficio)
		}
		if p.ExOfficio == p.ID && p.ID != "" {
			c.add(f, path+".ex_officio", "a post cannot be held ex officio by itself")
		}
		c.overlaps(f, path, p)
	}
	for i, d := range f.Data.Duties {
		c.duty(f, fmt.Sprintf("duties[%d]", i), d)
	}
	for i, sf := range f.Data.StaffFunctions {
		path := fmt.Sprintf("staff_functions[%d]", i)
		switch {
		case sf.Function != "" && !validSlug(sf.Function):
			c.add(f, path+".function", "function %q is not a slug (lower-case letters, digits, - and _)", sf.Function)
		case sf.Function != "" && sf.Name == "" && !graph.InVocabulary("staff_function", sf.Function):
			c.add(f, path+".name", "function %q is not in the staff_function vocabulary; give its name", sf.Function)
		}
	}
	for i, p := range f.Data.StaffProfiles {
		path := fmt.Sprintf("staff_profiles[%d]", i)
		if len(p.Organs) == 0 && (p.Organisation == "" || p.OrganKind == "") {
			c.add(f, path, "a staff profile applies to organs, or to an organ_kind in an organisation: give organs, or organisation and organ_kind")
		}
		for j, fn := range p.Functions {
			if !validSlug(fn) {
				c.add(f, fmt.Sprintf("%s.functions[%d]", path, j), "function %q is not a slug (lower-case letters, digits, - and _)", fn)
			}
		}
	}
	for i, a := range f.Data.Assignments {
		path := fmt.Sprintf("assignments[%d]", i)
		if a.Given != nil && a.Due != nil && a.Due.Before(a.Given.Time) {
			c.add(f, path+".due", "due %s is before given %s", a.Due, a.Given)
		}
		if a.Due != nil && a.DueWindow != nil {
			c.add(f, path+".due_window", "give due (a day) or due_window (a period), not both")
		}
		if w := a.DueWindow; w != nil && w.From != nil && w.To != nil && w.To.Before(w.From.Time) {
			c.add(f, path+".due_window.to", "to %s is before from %s", w.To, w.From)
		}
		if a.Status == graph.StatusOpen && a.Reported != nil {
			c.add(f, path+".status", "status open, but reported %s", a.Reported)
		}
	}
	for i, cv := range f.Data.Coverage {
		path := fmt.Sprintf("coverage[%d]", i)
		switch {
		case cv.Organisation == "" && cv.Organ == "":
			c.add(f, path, "a coverage needs an organisation or an organ: what it covers")
		case cv.Organisation != "" && cv.Organ != "":
			c.add(f, path+".organ", "a coverage covers an organisation or an organ, not both")
		}
		if cv.From != nil && cv.To != nil && cv.To.Before(cv.From.Time) {
			c.add(f, path+".to", "to %s is before from %s", cv.To, cv.From)
		}
	}
}

// duty checks that a duty's deadline fits its period.
func (c *checker) duty(f *File, path string, d graph.Duty) {
	dl := d.Deadline
	if d.Per != graph.PerMeeting && dl != nil && dl.OffsetDays != nil {
		c.add(f, path+".deadline.offset_days", "offset_days counts from a meeting; it needs per meeting, not per %s", d.Per)
	}
	if dl != nil && dl.OffsetDays != nil && (*dl.OffsetDays < -graph.MaxMeetingOffset || *dl.OffsetDays > graph.MaxMeetingOffset) {
		c.add(f, path+".deadline.offset_days", "offset_days %d is more than %d days from the meeting, further than any calendar looks", *dl.OffsetDays, graph.MaxMeetingOffset)
	}
	if dl != nil && dl.DayOfYear != "" {
		if err := graph.ParseDayOfYear(dl.DayOfYear); err != nil {
			c.add(f, path+".deadline.day_of_year", "%v", err)
		} else if d.Per != graph.PerYear {
			c.add(f, path+".deadline.day_of_year", "day_of_year is a day each year; it needs per year, not per %s", d.Per)
		}
	}
	switch {
	case d.Per == graph.PerOnce && d.Due == nil:
		c.add(f, path+".per", "per once needs a due date")
	case d.Per != graph.PerOnce && d.Due != nil && d.Per != "":
		c.add(f, path+".due", "due is the last day of a once-duty; per %s has no single due day", d.Per)
	}
	if d.Per == graph.PerOnEvent && len(d.Triggers) == 0 && len(d.Conditions) == 0 {
		c.add(f, path+".triggers", "per on_event needs the event: give triggers or conditions")
	}
}

// conditions checks that each condition names whom it needs, or says in words what it is.
func (c *checker) conditions(f *File) {
	walk(reflect.ValueOf(f.Data), "", func(list string, field reflect.StructField, v reflect.Value) {
		conds, ok := v.Interface().([]graph.Condition)
		if !ok {
			return
		}
		for i, cond := range conds {
			c.condition(f, fmt.Sprintf("%s[%d]", list, i), cond)
		}
	})
}

func (c *checker) condition(f *File, path string, cond graph.Condition) {
	if cond.Kind == "" {
		return // the schema reports the missing kind
	}
	switch {
	case graph.ConditionNeedsRef(cond.Kind) && cond.Ref == "":
		c.add(f, path+".ref", "a condition of kind %s names whose: give ref", cond.Kind)
	case !graph.ConditionNeedsRef(cond.Kind) && cond.Ref != "":
		c.add(f, path+".ref", "a condition of kind %s names no one; put the words in text", cond.Kind)
	case !graph.ConditionNeedsRef(cond.Kind) && cond.Kind != graph.CondWhenNeeded && cond.Text == "":
		c.add(f, path+".text", "a condition of kind %s needs its words in text", cond.Kind)
	}
}

// sources checks each source on its own: a stated source shows where and how the document
// says it, an explicit inference says how it follows.
func (c *checker) sources(f *File) {
	walk(reflect.ValueOf(f.Data), "", func(path string, field reflect.StructField, v reflect.Value) {
		if field.Type != sourceType {
			return
		}
		s := v.Interface().(graph.Source)
		switch s.Basis {
		case graph.BasisStated:
			if s.Section == "" {
				c.add(f, join(path, "basis"), "a stated source needs the section that states it")
			}
			if s.Quote == "" {
				c.add(f, join(path, "basis"), "a stated source needs a quote: the document's words, verbatim")
			}
		case graph.BasisInferred:
			if s.Reasoning == "" {
				c.add(f, join(path, "basis"), "basis inferred needs the reasoning: the stated facts it rests on and how it follows")
			}
		}
	})
}

// illustrative reports items, holdings and relations that build on an illustrative item
// (refer to it, or cite an illustrative document) without being illustrative themselves:
// nothing resting on made-up data can be more than made up. One problem per item.
func (c *checker) illustrative(f *File) {
	isIllustrative := func(id string) bool {
		return c.ids[id].madeUp
	}
	check := func(path string, el reflect.Value, implicit string) {
		src := el.FieldByName("Source")
		if !src.IsValid() {
			return
		}
		s := src.Interface().(graph.Source)
		if s.IsMadeUp() {
			return
		}
		// Generated data is made up as illustrative data is: the same rule holds for both.
		const fix = "whatever refers to an illustrative item is illustrative too: mark this source illustrative"
		if implicit != "" && isIllustrative(implicit) {
			c.add(f, path, "belongs to %s, which is illustrative; %s", implicit, fix)
			return
		}
		for _, yf := range yamlFields(el.Type()) {
			if yf.field.Tag.Get("ref") == "" {
				continue
			}
			fv := el.FieldByIndex(yf.field.Index)
			var ids []string
			switch fv.Kind() {
			case reflect.String:
				ids = []string{fv.String()}
			case reflect.Slice:
				ids = fv.Interface().([]string)
			}
			for k, id := range ids {
				if !isIllustrative(id) {
					continue
				}
				p := join(path, yf.name)
				if fv.Kind() == reflect.Slice {
					p = fmt.Sprintf("%s[%d]", p, k)
				}
				c.add(f, p, "refers to %s, which is illustrative; %s", id, fix)
				return
			}
		}
		if s.Document != "" && isIllustrative(s.Document) {
			c.add(f, join(path, "source.document"), "cites %s, an illustrative document; %s", s.Document, fix)
		}
	}
	eachElement(f, func(path string, el reflect.Value) {
		check(path, el, "")
		if holders := el.FieldByName("Holders"); holders.IsValid() {
			post := el.FieldByName("ID").String()
			for k := 0; k < holders.Len(); k++ {
				check(fmt.Sprintf("%s.holders[%d]", path, k), holders.Index(k), post)
			}
		}
	})
}

// overlaps reports a holding that makes more people hold the post at once than it allows.
func (c *checker) overlaps(f *File, path string, p graph.Post) {
	capacity := p.Capacity()
	if capacity == 0 {
		return
	}
	for i, h := range p.Holders {
		// Holdings that share a day with h and started no later (earlier index breaks ties):
		// if more than capacity, h is the one too many.
		n := 1
		var other graph.Holding
		for j, o := range p.Holders {
			if j < i && o.Overlaps(h.Validity) {
				n++
				other = o
			}
		}
		if n > capacity {
			c.add(f, fmt.Sprintf("%s.holders[%d]", path, i),
				"post %s allows %d holder(s) at once, but %s and %s hold it at the same time",
				p.ID, capacity, other.Person, h.Person)
		}
	}
}

// cycles reports each cycle in part_of once, at the organ of the cycle that comes first.
func (c *checker) cycles() {
	ids := make([]string, 0, len(c.parent))
	for id := range c.parent {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	reported := map[string]bool{}
	for _, start := range ids {
		seen := map[string]int{}
		var chain []string
		for id := start; id != ""; id = c.parent[id] {
			if at, loop := seen[id]; loop {
				cycle := chain[at:]
				if !reported[cycle[0]] {
					for _, m := range cycle {
						reported[m] = true
					}
					l := c.partOfAt[start]
					c.add(c.files[l.file], fmt.Sprintf("organs[%d].part_of", l.elem), "part_of forms a cycle: %s → %s", strings.Join(cycle, " → "), id)
				}
				break
			}
			if reported[id] {
				break
			}
			seen[id] = len(chain)
			chain = append(chain, id)
		}
	}
}

// walk calls fn for every struct field below v (including v's own fields), with its path.
func walk(v reflect.Value, path string, fn func(path string, field reflect.StructField, v reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		if t == dateType {
			return
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "-" {
				continue
			}
			p := join(path, name)
			if opts == "inline" {
				p = path
			}
			fn(p, f, v.Field(i))
			walk(v.Field(i), p, fn)
		}
	}
}
