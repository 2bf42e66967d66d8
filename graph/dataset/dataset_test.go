package dataset

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

func load(t *testing.T, paths ...string) ([]*File, Problems) {
	t.Helper()
	var files []*File
	var problems Problems
	for _, p := range paths {
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		f, ps := Parse(p, fh)
		fh.Close()
		files = append(files, f)
		problems = append(problems, ps...)
	}
	return files, append(problems, Check(files)...)
}

func TestValidFile(t *testing.T) {
	files, problems := load(t, "testdata/valid.yaml")
	if len(problems) > 0 {
		t.Fatalf("problems in a valid file:\n%v", problems)
	}
	d := files[0].Data
	if len(d.Organs) != 3 || d.Organs[2].PartOf != "test-rs" {
		t.Errorf("organs not read: %+v", d.Organs)
	}
	if got := d.Posts[0].Holders[1].ValidFrom.String(); got != "2023-01-01" {
		t.Errorf("holder valid_from = %q", got)
	}
	if !d.Mandates[0].Source.IsIllustrative() || d.Organs[1].Source.Section != "1 §" {
		t.Errorf("sources not read: %+v %+v", d.Mandates[0].Source, d.Organs[1].Source)
	}
	if line, col := files[0].Position("organs[2].part_of"); line != 26 || col != 14 {
		t.Errorf("position of organs[2].part_of = %d:%d, want 26:14", line, col)
	}
}

// TestEveryKindOfError checks that one file with one error of each kind yields exactly those
// errors, at the lines written here by hand.
func TestEveryKindOfError(t *testing.T) {
	_, problems := load(t, "testdata/valid.yaml", "testdata/errors.yaml")
	want := []string{
		"testdata/errors.yaml:6:19: organs[0].organisation: no Organisation has id \"no-such-org\"",
		"testdata/errors.yaml:7:5: organs[0].colour: unknown field \"colour\"",
		"testdata/errors.yaml:8:9: organs[1].id: duplicate id \"err-a\" (first used by a Organ at testdata/errors.yaml:3)",
		"testdata/errors.yaml:10:11: organs[1].kind: \"nämnd\" is not a known value",
		"testdata/errors.yaml:16:14: organs[2].part_of: part_of forms a cycle: err-b → err-c → err-b",
		"testdata/errors.yaml:18:15: organs[2].valid_to: valid_to 2023-12-31 is before valid_from 2024-01-01",
		"testdata/errors.yaml:32:9: posts[0].holders[1]: post err-chair allows 1 holder(s) at once, but anna and bo hold it at the same time",
		"testdata/errors.yaml:35:5: mandates[0].holder: required field \"holder\" is missing",
		"testdata/errors.yaml:39:13: mandates[1].holder: \"anna\" is a Person; want Organ or Post",
		"testdata/errors.yaml:45:11: people[0].name: want a string, got a list",
		"testdata/errors.yaml:50:48: documents[0].source.basis: a stated source needs the section that states it",
		"testdata/errors.yaml:50:48: documents[0].source.basis: a stated source needs a quote",
		"testdata/errors.yaml:54:64: documents[1].source.basis: basis inferred needs the reasoning",
		"testdata/errors.yaml:62:17: rules[0].applies_to: refers to err-ill-org, which is illustrative",
		"testdata/errors.yaml:72:17: assignments[0].due_window: give due (a day) or due_window (a period), not both",
		"testdata/errors.yaml:72:40: assignments[0].due_window.to: to 2022-07-01 is before from 2022-12-31",
		"testdata/errors.yaml:73:13: assignments[0].status: status open, but reported 2022-11-30",
		"testdata/errors.yaml:76:5: coverage[0]: a coverage needs an organisation or an organ",
		"testdata/errors.yaml:79:9: coverage[0].to: to 2023-12-31 is before from 2024-01-01",
		"testdata/errors.yaml:85:13: duties[0].source.document: a source needs a document",
		"testdata/errors.yaml:90:53: duties[1].deadline.offset_days: offset_days counts from a meeting; it needs per meeting, not per year",
		`testdata/errors.yaml:90:29: duties[1].deadline.day_of_year: "--02-30" is not a day of the year`,
		"testdata/errors.yaml:92:9: duties[1].conditions[0].ref: a condition of kind after_consulting names whose: give ref",
		"testdata/errors.yaml:93:9: duties[1].conditions[1].text: a condition of kind requires_reason needs its words in text",
		`testdata/errors.yaml:95:5: staff_functions[0].name: function "lonekontor" is not in the staff_function vocabulary; give its name`,
		"testdata/errors.yaml:97:5: staff_profiles[0]: a staff profile applies to organs, or to an organ_kind in an organisation",
		`testdata/errors.yaml:97:64: staff_profiles[0].functions[1]: function "IT" is not a slug`,
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing problem %s", w)
		}
	}
}

func TestFlattenKeepsExplicitFalseAndDefaults(t *testing.T) {
	files, problems := load(t, "testdata/valid.yaml")
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	no := false
	files[0].Data.Organs[0].Decides = &no
	props := map[string]map[string]any{}
	for _, n := range Flatten(files).Nodes {
		props[n.ID] = n.Props
	}
	if got := props["test-rf"]["decides"]; got != false {
		t.Errorf("explicit decides: false stored as %v", got)
	}
	if got := props["test-rs"]["decides"]; got != true {
		t.Errorf("default decides of a styrelse = %v, want true", got)
	}
	if got := props["test-rsau"]["category"]; got != "political" {
		t.Errorf("default category of an utskott = %v", got)
	}
}

// TestFlattenProvenanceAndCoverage checks that the new provenance fields, an assignment's
// status and due window, and coverage declarations reach the stored properties.
func TestFlattenProvenanceAndCoverage(t *testing.T) {
	const content = `dataset: test-trust
organisations:
  - id: t-region
    name: Testregionen
    kind: region
    source: {document: t-doc, section: "1 §", basis: stated, quote: "Testregionen finns"}
documents:
  - id: t-doc
    title: Beslut
    kind: beslut
organs:
  - id: t-rs
    name: Regionstyrelsen
    kind: styrelse
    organisation: t-region
    source: {document: t-doc, section: "2 §"}
  - id: t-au
    name: Arbetsutskottet
    kind: utskott
    organisation: t-region
    source: {basis: inferred, reasoning: "KL 6 kap. 36 § låter styrelsen ha utskott"}
assignments:
  - id: t-uppdrag
    title: Kartläggning
    given_by: t-au
    given_to: t-rs
    due_window: {from: 2022-07-01, to: 2022-12-31, text: senare delen av 2022}
coverage:
  - id: t-holders
    what: holders
    organisation: t-region
    from: 2020-01-01
  - id: t-oversight
    what: oversight
    organ: t-rs
    complete: false
`
	f, problems := Parse("trust.yaml", strings.NewReader(content))
	problems = append(problems, Check([]*File{f})...)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	g := Flatten([]*File{f})
	props := map[string]map[string]any{}
	for _, n := range g.Nodes {
		props[n.ID] = n.Props
	}
	for id, want := range map[string]map[string]any{
		"t-region":    {"source_basis": "stated", "source_quote": "Testregionen finns", "source_section": "1 §"},
		"t-rs":        {"source_basis": "inferred", "source_document": "t-doc"},
		"t-au":        {"source_basis": "inferred", "source_reasoning": "KL 6 kap. 36 § låter styrelsen ha utskott"},
		"t-uppdrag":   {"status": "unknown", "due_text": "senare delen av 2022", "due_from": graph.MustDate("2022-07-01"), "due_to": graph.MustDate("2022-12-31")},
		"t-holders":   {"what": "holders", "complete": true, "from": graph.MustDate("2020-01-01")},
		"t-oversight": {"what": "oversight", "complete": false},
	} {
		for k, v := range want {
			if got := props[id][k]; got != v {
				t.Errorf("%s.%s = %v, want %v", id, k, got, v)
			}
		}
	}
	covers := map[string]string{}
	for _, r := range g.Rels {
		if r.Type == RelCovers {
			covers[r.From] = r.To
		}
	}
	if covers["t-holders"] != "t-region" || covers["t-oversight"] != "t-rs" {
		t.Errorf("COVERS relationships = %v", covers)
	}
}

func TestReportingRulesAreCheckedAgainstRelations(t *testing.T) {
	_, problems := load(t, "testdata/tiers.yaml")
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	slices.Sort(got)
	want := []string{
		// t-rad-ok reports to its process owner: no problem. t-rad-saknas does not.
		"testdata/tiers.yaml:10:103: organs[4].tier: reporting rule t-regel-huvud (testdata/tiers.yaml:19): a tier main_process group reports to t-kl-a, but no reports_to relation from t-rad-saknas states it",
		// A support-process group reports to every management organ and the RD; t-kl-b is missing.
		"testdata/tiers.yaml:11:90: organs[5].tier: reporting rule t-regel-stod (testdata/tiers.yaml:20): a tier support_process group reports to t-kl-b, but no reports_to relation from t-fg states it",
		"testdata/tiers.yaml:12:99: organs[6].tier: tier main_process does not fit process t-sp, a support process (tier support_process)",
		// Its main_process tier sends it to its process owner, and a support process has none.
		"testdata/tiers.yaml:12:122: organs[6].process: reporting rule t-regel-huvud sends tier main_process groups to their process owner; process t-sp names no owner",
	}
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFlattenStaffProfiles: a profile's expected functions reach the graph as a list (the
// staff-functions question reads them there), and it EXPECTS its organisation and organs.
func TestFlattenStaffProfiles(t *testing.T) {
	const content = `dataset: test-staff
organisations:
  - {id: s-region, name: Regionen, kind: region}
organs:
  - {id: s-kontoret, name: Kontoret, kind: forvaltning, organisation: s-region}
staff_functions:
  - {id: s-lon, organ: s-kontoret, function: lonekontor, name: Lönekontor, fte: 2}
staff_profiles:
  - {id: s-drift, name: Driftförvaltning, organisation: s-region, organ_kind: forvaltning, functions: [hr, lonekontor]}
  - {id: s-kontor, name: Styrelsens förvaltning, organs: [s-kontoret], functions: [uppsikt_internkontroll]}
`
	f, problems := Parse("staff.yaml", strings.NewReader(content))
	problems = append(problems, Check([]*File{f})...)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	g := Flatten([]*File{f})
	props := map[string]map[string]any{}
	for _, n := range g.Nodes {
		props[n.ID] = n.Props
	}
	if got, _ := props["s-drift"]["functions"].([]string); !slices.Equal(got, []string{"hr", "lonekontor"}) || props["s-drift"]["organ_kind"] != "forvaltning" {
		t.Errorf("profile s-drift stored as %v", props["s-drift"])
	}
	if got, _ := props["s-kontor"]["functions"].([]string); !slices.Equal(got, []string{"uppsikt_internkontroll"}) {
		t.Errorf("profile s-kontor stored as %v", props["s-kontor"])
	}
	if props["s-lon"]["function"] != "lonekontor" || props["s-lon"]["name"] != "Lönekontor" {
		t.Errorf("staff function s-lon stored as %v", props["s-lon"])
	}
	var expects []string
	for _, r := range g.Rels {
		if r.Type == RelExpects {
			expects = append(expects, r.From+">"+r.To)
		}
	}
	slices.Sort(expects)
	if want := []string{"s-drift>s-region", "s-kontor>s-kontoret"}; !slices.Equal(expects, want) {
		t.Errorf("EXPECTS relationships = %v, want %v", expects, want)
	}
}

// Values that once passed the checks and reached the graph wrongly (found by FuzzParse and
// the contract test) are problems, each at its field.
func TestHostileValuesAreProblems(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"null\n", "1:1: : the file holds no dataset"},
		{"dataset: x\norganisations:\n  -\n", "3:4: organisations[0]: empty list item"},
		{"dataset: x\npeople:\n  - {id: ~, name: P}\n", "3:10: people[0].id: required field \"id\" is empty"},
		{"dataset: x\norganisations:\n  - {id: o, name: O, kind: region, valid_from: 0999-12-31}\n", "valid_from: \"0999-12-31\" is too early"},
		{"dataset: x\norganisations: [{id: o, name: O, kind: region}]\norgans: [{id: g, name: G, kind: styrelse, organisation: o}]\n" +
			"duties: [{id: d, subject: g, action: send_notice, per: meeting, deadline: {offset_days: -93}, source: illustrative}]\n",
			"duties[0].deadline.offset_days: offset_days -93 is more than 92 days from the meeting"},
	} {
		f, problems := Parse("h.yaml", strings.NewReader(tc.yaml))
		if f != nil {
			problems = append(problems, Check([]*File{f})...)
		}
		var got []string
		for _, p := range problems {
			got = append(got, p.String())
		}
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tc.want) }) {
			t.Errorf("%q: problems %q, want one with %q", tc.yaml, got, tc.want)
		}
	}
}
