package popolo_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/popolo"
)

const nigeria = "testdata/nigeria-house-ep-popolo-v1.0.json"

func examples(t *testing.T) []*dataset.File {
	t.Helper()
	files, err := dataset.Load("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestExamplesRoundTrip: the examples written as Popolo and read back flatten to the same
// nodes and relationships, with nothing dropped.
func TestExamplesRoundTrip(t *testing.T) {
	files := examples(t)
	var buf bytes.Buffer
	if err := popolo.Write(&buf, dataset.Datasets(files)); err != nil {
		t.Fatal(err)
	}
	if !popolo.Detect("export.json", buf.Bytes()) {
		t.Fatal("the export is not detected as Popolo")
	}
	got, conv, err := popolo.Read("export.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(conv.Dropped) > 0 {
		t.Errorf("reading styrgraf's own export dropped %+v", conv.Dropped)
	}
	want := dataset.Flatten(files)
	if a, b := dataset.Canonical(want), dataset.Canonical(dataset.FlattenDatasets(got)); a != b {
		t.Errorf("the Popolo round trip changed the graph:\n%s", diff(a, b))
	}
	if conv.Mapped["persons"] == 0 || conv.Mapped["organs"] == 0 || conv.Mapped["memberships"] == 0 {
		t.Errorf("mapped %v", conv.Mapped)
	}
}

// TestExportIsPopolo: the core fields say what Popolo consumers read: CGH is an
// organization classified chefsgrupp with its abbreviation, its chair post is a post of
// it, and every membership names a person and a post that exist.
func TestExportIsPopolo(t *testing.T) {
	f, err := popolo.FromDatasets(dataset.Datasets(examples(t)))
	if err != nil {
		t.Fatal(err)
	}
	orgs := map[string]popolo.Organization{}
	for _, o := range f.Organizations {
		orgs[o.ID] = o
	}
	cgh, ok := orgs["cgh"]
	if !ok {
		t.Fatal("no organization cgh")
	}
	if cgh.Classification != "chefsgrupp" || cgh.ParentID == "" || len(cgh.OtherNames) == 0 || cgh.OtherNames[0].Name != "CGH" {
		t.Errorf("cgh: %+v", cgh)
	}
	if _, ok := orgs[cgh.ParentID]; !ok {
		t.Errorf("cgh's parent %q is not an organization of the export", cgh.ParentID)
	}
	persons, posts := map[string]bool{}, map[string]bool{}
	for _, p := range f.Persons {
		persons[p.ID] = true
	}
	for _, p := range f.Posts {
		posts[p.ID] = true
		if _, ok := orgs[p.OrganizationID]; !ok {
			t.Errorf("post %s: organization %q not exported", p.ID, p.OrganizationID)
		}
	}
	for _, m := range f.Memberships {
		if !persons[m.PersonID] || !posts[m.PostID] {
			t.Errorf("membership %s refers to %s/%s", m.ID, m.PersonID, m.PostID)
		}
		if m.OnBehalfOfID != "" {
			t.Errorf("membership %s claims a party", m.ID)
		}
	}
	if len(f.Memberships) == 0 {
		t.Error("no memberships")
	}
	// Every item carries its provenance in the extension.
	b, _ := json.Marshal(f)
	if !strings.Contains(string(b), `"basis":"stated"`) || !strings.Contains(string(b), `"quote":`) {
		t.Error("the export lost the sources' basis and quotes")
	}
}

// TestReadThirdParty: a genuine EveryPolitician file maps to one dataset that checks, with
// the legislature as an organ, the persons, and a membership post holding them; parties,
// areas and person details are reported dropped.
func TestReadThirdParty(t *testing.T) {
	content, err := os.ReadFile(nigeria)
	if err != nil {
		t.Fatal(err)
	}
	if !popolo.Detect(nigeria, content) {
		t.Fatal("not detected")
	}
	datasets, conv, err := popolo.Read(nigeria, content)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("mapped %v", conv.Mapped)
	for _, d := range conv.Dropped {
		t.Logf("dropped %4d %s: %s", d.Count, d.What, d.Why)
	}
	if len(datasets) != 1 {
		t.Fatalf("%d datasets", len(datasets))
	}
	d := datasets[0]
	if len(d.People) != 370 || conv.Mapped["persons"] != 370 {
		t.Errorf("%d people, want the file's 370", len(d.People))
	}
	if conv.Mapped["memberships"] != 370 {
		t.Errorf("%d memberships mapped, want 370", conv.Mapped["memberships"])
	}
	if len(d.Organs) != 1 || d.Organs[0].Kind != "fullmaktige" || len(d.Organisations) != 1 || d.Organisations[0].Kind != graph.OrganisationKindOther {
		t.Errorf("organs %+v, organisations %+v", d.Organs, d.Organisations)
	}
	dropped := map[string]int{}
	for _, x := range conv.Dropped {
		dropped[x.What] = x.Count
	}
	for what, n := range map[string]int{"organizations (classification party)": 5, "memberships.on_behalf_of_id": 370,
		"memberships.area_id": 370, "areas": 1, "persons.birth_date": 132} {
		if dropped[what] != n {
			t.Errorf("dropped %q: %d, want %d", what, dropped[what], n)
		}
	}
	for _, p := range d.Posts {
		for _, h := range p.Holders {
			if h.ValidFrom == nil || h.ValidFrom.String() != "2015-06-09" {
				t.Fatalf("holding %+v does not start with its legislative period", h)
			}
			if h.Source.Document == "" || h.Source.Basis != graph.BasisInferred || h.Source.Reasoning == "" {
				t.Fatalf("holding %+v does not cite the file", h)
			}
		}
	}
	files := []*dataset.File{{Name: nigeria, Data: d}}
	if ps := dataset.Check(files); len(ps) > 0 {
		t.Errorf("the mapped dataset does not check: %v", ps)
	}
}

// TestReadToleratesUnknown: unknown fields and lists never fail a read; bad JSON does.
func TestReadToleratesUnknown(t *testing.T) {
	in := `{"persons":[{"id":"p1","name":"A B","shoe_size":44},{"id":"P1","name":"Same Slug"}],"organizations":[{"id":"c","name":"Council","classification":"council","colour":"red"}],
	 "memberships":[{"person_id":"p1","organization_id":"c","start_date":"2019","whatever":{}}],"gizmos":[1]}`
	ds, conv, err := popolo.Read("x.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, d := range conv.Dropped {
		got[d.What] = d.Count
	}
	for _, want := range []string{"persons.shoe_size", "organizations.colour", "memberships.whatever", "gizmos", "memberships.start_date", "ids (krockar som slug)"} {
		if got[want] != 1 {
			t.Errorf("dropped %q: %d, want 1 (%v)", want, got[want], got)
		}
	}
	if len(ds) != 1 || len(ds[0].Posts) != 1 || len(ds[0].Posts[0].Holders) != 1 || ds[0].Posts[0].Holders[0].ValidFrom != nil {
		t.Errorf("a year alone must leave the start unknown: %+v", ds)
	}
	if _, _, err := popolo.Read("x.json", []byte(`{"persons": 3}`)); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), "persons") {
		t.Errorf("persons not a list: %v", err)
	}
	if popolo.Detect("x.yaml", []byte(in)) || popolo.Detect("x.json", []byte(`{"dataset":"x"}`)) {
		t.Error("detected what is not Popolo")
	}
}

func diff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "want " + la[i] + "\ngot  " + lb[i]
		}
	}
	return "different lengths"
}
