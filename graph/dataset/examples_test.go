package dataset

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// seedFiles maps the example data's document ids to the prefix of the file that holds the
// document's text in the shared seeds folder.
var seedFiles = map[string]string{
	"cgh-arbetsordning":               "000_",
	"rh-rsau-2021-398":                "001_",
	"rh-rsau-2021-398-beslutsforslag": "001_",
	"rh-regiondirektorens-uppdrag":    "002_",
	"vgr-koncernovergripande-grupper": "003_",
	"hh-lagesrapport-samverkan":       "004_",
}

// normalise collapses every run of white space to one space: the seeds break lines where
// the documents did, quotes are written on one line.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }

// seedsDir finds shared/seeds by walking up from the working directory: in a checkout the
// repository sits beside the shared folder.
func seedsDir(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		candidate := filepath.Join(dir, "shared", "seeds")
		if info, err := os.Stat(candidate); err == nil && info.IsDir() {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// exampleSource is one source in the example files, with where it stands.
type exampleSource struct {
	at     string // file:line field path
	source graph.Source
}

func exampleSources(files []*File) []exampleSource {
	var out []exampleSource
	for _, f := range files {
		walk(reflect.ValueOf(f.Data), "", func(path string, field reflect.StructField, v reflect.Value) {
			if field.Type != sourceType {
				return
			}
			line, _ := f.Position(path)
			out = append(out, exampleSource{at: f.Name + ":" + strconv.Itoa(line) + ": " + path, source: v.Interface().(graph.Source)})
		})
	}
	return out
}

func loadExamples(t *testing.T) []*File {
	files, err := Load("../../examples")
	if err != nil {
		t.Fatalf("the examples do not validate:\n%v", err)
	}
	return files
}

// TestExamplesNothingStatedRestsOnIllustrativeData: no item, holding or relation that refers
// to an illustrative item (or cites an illustrative document) claims to be stated or
// inferred. Check enforces this too; the test keeps the examples honest even if the check
// changes.
func TestExamplesNothingStatedRestsOnIllustrativeData(t *testing.T) {
	files := loadExamples(t)
	items := map[string]reflect.Value{} // the first item of each id
	for _, f := range files {
		eachElement(f, func(_ string, el reflect.Value) {
			if id := el.FieldByName("ID"); id.IsValid() {
				if _, dup := items[id.String()]; !dup {
					items[id.String()] = el
				}
			}
		})
	}
	illustrative := func(id string) bool {
		it, ok := items[id]
		if !ok {
			return false
		}
		s := it.FieldByName("Source")
		return s.IsValid() && s.Interface().(graph.Source).IsIllustrative()
	}
	var n int
	var visit func(f *File, path string, v reflect.Value, parent string)
	visit = func(f *File, path string, v reflect.Value, parent string) {
		src := v.FieldByName("Source")
		if !src.IsValid() {
			return
		}
		s := src.Interface().(graph.Source)
		refs := []string{s.Document, parent}
		for _, yf := range yamlFields(v.Type()) {
			if yf.field.Tag.Get("ref") == "" {
				continue
			}
			switch fv := v.FieldByIndex(yf.field.Index); fv.Kind() {
			case reflect.String:
				refs = append(refs, fv.String())
			case reflect.Slice:
				refs = append(refs, fv.Interface().([]string)...)
			}
		}
		for _, r := range refs {
			if r != "" && illustrative(r) {
				n++
				if !s.IsIllustrative() {
					line, _ := f.Position(path)
					t.Errorf("%s:%d: %s refers to illustrative %s but its basis is %q", f.Name, line, path, r, s.EffectiveBasis())
				}
				break
			}
		}
		if holders := v.FieldByName("Holders"); holders.IsValid() {
			for k := 0; k < holders.Len(); k++ {
				visit(f, path+".holders["+strconv.Itoa(k)+"]", holders.Index(k), v.FieldByName("ID").String())
			}
		}
	}
	for _, f := range files {
		v := reflect.ValueOf(f.Data)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Kind() != reflect.Slice {
				continue
			}
			key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
			for j := 0; j < v.Field(i).Len(); j++ {
				visit(f, key+"["+strconv.Itoa(j)+"]", v.Field(i).Index(j), "")
			}
		}
	}
	if n == 0 {
		t.Error("no example refers to an illustrative item; the test checks nothing")
	}
}

// TestExamplesQuotesAreVerbatim: every stated source quotes its document, and every quote
// (whatever the basis) is found word for word in the cited document's text.
func TestExamplesQuotesAreVerbatim(t *testing.T) {
	files := loadExamples(t)
	dir := seedsDir(t)
	if dir == "" {
		t.Skip("no shared/seeds folder above the working directory: the source documents' texts are not available here, so quotes cannot be checked")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for id, prefix := range seedFiles {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				texts[id] = normalise(string(b))
			}
		}
		if texts[id] == "" {
			t.Fatalf("no seed file %s* for document %s in %s", prefix, id, dir)
		}
	}
	stated := 0
	for _, s := range exampleSources(files) {
		if s.source.Basis == graph.BasisStated {
			stated++
			if s.source.Quote == "" || s.source.Section == "" {
				t.Errorf("%s: stated without quote or section", s.at)
			}
		}
		if s.source.Quote == "" {
			continue
		}
		text, ok := texts[s.source.Document]
		if !ok {
			t.Errorf("%s: quotes %s, a document with no seed text", s.at, s.source.Document)
			continue
		}
		if !strings.Contains(text, normalise(s.source.Quote)) {
			t.Errorf("%s: quote not found verbatim in %s: %q", s.at, s.source.Document, s.source.Quote)
		}
	}
	if stated == 0 {
		t.Error("no stated source in the examples; the test checks nothing")
	}
}
