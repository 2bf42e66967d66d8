package generate_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/dataset/generate"
)

func TestOrganisationsAreTheRealList(t *testing.T) {
	kinds := map[string]int{}
	codes := map[string]bool{}
	for _, o := range generate.Organisations() {
		kinds[o.Kind]++
		if codes[o.ID()] {
			t.Errorf("code %s twice", o.ID())
		}
		codes[o.ID()] = true
		want := map[string]int{"region": 2, "kommun": 4}[o.Kind]
		if len(o.Code) != want || strings.Trim(o.Code, "0123456789") != "" {
			t.Errorf("%s %s: want a %d-digit code", o.Kind, o.Code, want)
		}
		if o.Kind == "kommun" && !codes["region-"+o.Lan()] {
			t.Errorf("kommun %s (%s) does not follow its region %s", o.Name, o.Code, o.Lan())
		}
	}
	if kinds["region"] != 21 || kinds["kommun"] != 290 {
		t.Errorf("got %d regions and %d kommuner, want 21 and 290", kinds["region"], kinds["kommun"])
	}
	for _, name := range []string{"kommun-0180", "kommun-1480", "kommun-0980", "region-09", "region-14", "kommun-2584"} {
		if !codes[name] {
			t.Errorf("%s missing", name)
		}
	}
}

// generated parses and checks what Generate writes for the first n organisations.
func generated(t testing.TB, n int, seed uint64) ([]graph.DatasetFile, []*dataset.File) {
	t.Helper()
	files := written(t, n, seed)
	parsed, err := dataset.ParseFiles(files)
	if err != nil {
		t.Fatalf("generated files do not validate: %v", graph.ErrorMessage(err))
	}
	return files, parsed
}

func TestGeneratedFilesValidateWithTheShapeAsked(t *testing.T) {
	_, parsed := generated(t, 4, 7) // Region Stockholm and three of its kommuner
	if len(parsed) != 5 {
		t.Fatalf("got %d files, want 4 organisations and one collaboration file", len(parsed))
	}
	for _, f := range parsed {
		d := f.Data
		for _, o := range d.Organs {
			if o.Source.Basis != graph.BasisGenerated {
				t.Fatalf("%s: organ %s has basis %q, want generated", f.Name, o.ID, o.Source.Basis)
			}
		}
		if strings.HasPrefix(d.ID, "samverkan-") {
			kinds := map[string]int{}
			for _, o := range d.Organs {
				kinds[o.Kind]++
			}
			if kinds["kommunalforbund"] != 1 || kinds["gemensam_namnd"] < 1 || kinds["gemensam_verksamhet"] < 2 {
				t.Errorf("%s: collaborations %v", d.ID, kinds)
			}
			continue
		}
		kinds := map[string]int{}
		collaborative := 0
		for _, o := range d.Organs {
			kinds[o.Kind]++
			if k, _ := graph.OrganKindOf(o.Kind); k.Category == graph.CategoryCollaborative {
				collaborative++
			}
		}
		if kinds["fullmaktige"] != 1 || kinds["styrelse"] != 1 || kinds["utskott"] != 1 || kinds["presidium"] != 1 ||
			kinds["namnd"] < 5 || kinds["bolag"] < 2 || kinds["forvaltning"] < 6 || collaborative < 50 || collaborative > 400 {
			t.Errorf("%s: organs %v, %d collaborative", d.ID, kinds, collaborative)
		}
		if len(d.People) < 100 || len(d.StaffFunctions) == 0 || len(d.Duties) == 0 || len(d.DutyRecords) == 0 {
			t.Errorf("%s: %d people, %d stabsfunktioner, %d duties, %d records", d.ID, len(d.People), len(d.StaffFunctions), len(d.Duties), len(d.DutyRecords))
		}
		// Delegation chains 2–6 deep, holders changing at the period boundaries.
		depth := map[string]int{}
		longest := 0
		for _, m := range d.Mandates {
			depth[m.ID] = depth[m.DelegatedFrom] + 1
			longest = max(longest, depth[m.ID])
		}
		if longest < 2 || longest > 6 {
			t.Errorf("%s: longest delegation chain %d", d.ID, longest)
		}
		starts := map[string]bool{}
		for _, p := range d.Posts {
			for _, h := range p.Holders {
				starts[h.ValidFrom.String()] = true
			}
		}
		for _, day := range []string{"2018-10-15", "2022-10-15", "2026-10-15", "2023-01-01", "2027-01-01"} {
			if !starts[day] {
				t.Errorf("%s: no holder starts on %s", d.ID, day)
			}
		}
	}
}

// written is what Generate writes, unparsed.
func written(t testing.TB, n int, seed uint64) []graph.DatasetFile {
	t.Helper()
	var files []graph.DatasetFile
	err := generate.Generate(n, seed, func(f generate.File) error {
		b, err := f.YAML()
		files = append(files, graph.DatasetFile{Name: f.Name, Content: b})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	a := written(t, 2, 42)
	b := written(t, 2, 42)
	c := written(t, 2, 43)
	for i := range a {
		if !bytes.Equal(a[i].Content, b[i].Content) {
			t.Errorf("%s differs between two runs with one seed", a[i].Name)
		}
	}
	if bytes.Equal(a[1].Content, c[1].Content) {
		t.Errorf("%s is the same for two seeds", a[1].Name)
	}
}
