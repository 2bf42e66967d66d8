package dataset_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/dataset/generate"
)

// writeFiles writes name → content into a new directory and returns its path.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestStreamedCheckIsCheck: LoadDatasets, which checks one file at a time and keeps only an
// index between its passes, accepts exactly what Load accepts, refuses with the same
// messages, and hands over the same datasets.
func TestStreamedCheckIsCheck(t *testing.T) {
	org := "organisations: [{id: k, name: K, kind: kommun, source: illustrative}]\n"
	generated := t.TempDir()
	if err := generate.Generate(3, 7, func(f generate.File) error {
		b, err := f.YAML()
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(generated, f.Name), b, 0o644)
	}); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"examples":  {"../../examples"},
		"valid":     {"testdata/valid.yaml"},
		"errors":    {"testdata/errors.yaml"},
		"tiers":     {"testdata/tiers.yaml"},
		"generated": {generated},
		"id declared in two files": {writeFiles(t, map[string]string{
			"a.yaml": "dataset: a\n" + org,
			"b.yaml": "dataset: b\n" + org,
		})},
		"relationship stated in two files": {writeFiles(t, map[string]string{
			"a.yaml": "dataset: a\n" + org + `organs:
  - {id: x, name: X, kind: namnd, organisation: k, source: illustrative}
  - {id: y, name: Y, kind: namnd, organisation: k, source: illustrative}
relations: [{kind: reports_to, from: x, to: y, source: illustrative}]
`,
			"b.yaml": "dataset: b\nrelations: [{kind: reports_to, from: x, to: y, source: illustrative}]\n",
		})},
		"part_of cycle across files": {writeFiles(t, map[string]string{
			"a.yaml": "dataset: a\n" + org + "organs: [{id: x, name: X, kind: namnd, organisation: k, part_of: y, source: illustrative}]\n",
			"b.yaml": "dataset: b\norgans: [{id: y, name: Y, kind: namnd, organisation: k, part_of: x, source: illustrative}]\n",
		})},
		"dataset: x":            {writeFiles(t, map[string]string{"a.yaml": "dataset: x"})},
		"dataset id not a slug": {writeFiles(t, map[string]string{"a.yaml": "dataset: A00"})},
		"unknown reference":     {writeFiles(t, map[string]string{"a.yaml": "dataset: a\norgans: [{id: x, name: X, kind: namnd, organisation: nowhere, source: illustrative}]\n"})},
	}
	accepted := map[string]bool{"examples": true, "valid": true, "generated": true, "dataset: x": true}
	for name, paths := range cases {
		t.Run(name, func(t *testing.T) {
			files, loadErr := dataset.Load(paths...)
			if (loadErr == nil) != accepted[name] {
				t.Fatalf("Load: %v; the case is wrong", loadErr)
			}
			run, err := dataset.LoadDatasets(paths...)
			if (err == nil) != (loadErr == nil) {
				t.Fatalf("LoadDatasets: %v; Load: %v", err, loadErr)
			}
			if err != nil {
				if got, want := graph.ErrorMessage(err), graph.ErrorMessage(loadErr); got != want {
					t.Errorf("LoadDatasets refused with\n%s\nLoad with\n%s", got, want)
				}
				return
			}
			if got, want := run.DatasetIDs(), dataset.DatasetIDs(files); !slices.Equal(got, want) {
				t.Errorf("dataset ids %v, want %v", got, want)
			}
			// The run's item ids are those of the nodes the import writes.
			var want []string
			for _, n := range dataset.Flatten(files).Nodes {
				want = append(want, n.ID)
			}
			slices.Sort(want)
			if got := run.ItemIDs(); !slices.Equal(got, want) {
				t.Errorf("%d item ids, want %d", len(got), len(want))
			}
			written := 0
			for _, group := range run.Groups() {
				for _, i := range group {
					d, err := run.Dataset(i)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(d, files[i].Data) {
						t.Errorf("dataset %d read differently from Load's", i)
					}
					written++
				}
			}
			if written != run.Len() {
				t.Errorf("groups hold %d datasets, the run %d", written, run.Len())
			}
		})
	}
}

// TestRunRefusesChangedFile: a file changed between the check and the write is refused, not
// written unchecked.
func TestRunRefusesChangedFile(t *testing.T) {
	a := "dataset: a\norganisations: [{id: k, name: K, kind: kommun, source: illustrative}]\n"
	dir := writeFiles(t, map[string]string{"a.yaml": a})
	run, err := dataset.LoadDatasets(dir)
	if err != nil {
		t.Fatal(err)
	}
	changed := a + "organs: [{id: x, name: X, kind: namnd, organisation: nowhere, source: illustrative}]\n"
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := run.Dataset(0); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("changed file: %v, want a conflict", err)
	}
}

// TestRunOrder: a dataset comes after those it refers to, and datasets referring to each
// other in a cycle share one group (one transaction).
func TestRunOrder(t *testing.T) {
	org := func(id string) graph.Organisation {
		return graph.Organisation{ID: id, Name: id, Kind: "kommun", Source: graph.Source{Basis: graph.BasisIllustrative}}
	}
	organ := func(id, org string) graph.Organ {
		return graph.Organ{ID: id, Name: id, Kind: "namnd", Organisation: org, Source: graph.Source{Basis: graph.BasisIllustrative}}
	}
	run := dataset.NewRun([]graph.Dataset{
		// 0 refers to 1: written after it.
		{ID: "samverkan", Organs: []graph.Organ{organ("gn", "kommun-a")}},
		{ID: "a", Organisations: []graph.Organisation{org("kommun-a")}},
		// 2 and 3 refer to each other.
		{ID: "c", Organisations: []graph.Organisation{org("kommun-c")}, Organs: []graph.Organ{organ("c-n", "kommun-d")}},
		{ID: "d", Organisations: []graph.Organisation{org("kommun-d")}, Organs: []graph.Organ{organ("d-n", "kommun-c")}},
	})
	if want := [][]int{{1}, {0}, {2, 3}}; !reflect.DeepEqual(run.Groups(), want) {
		t.Errorf("groups %v, want %v", run.Groups(), want)
	}
	if want := []string{"c-n", "d-n", "gn", "kommun-a", "kommun-c", "kommun-d"}; !slices.Equal(run.ItemIDs(), want) {
		t.Errorf("item ids %v, want %v", run.ItemIDs(), want)
	}
	if d, err := run.Dataset(1); err != nil || d.ID != "a" {
		t.Errorf("dataset 1: %v, %v", d.ID, err)
	}
}
