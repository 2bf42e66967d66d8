package sheets_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

// workbook builds an XLSX file: sheet name → rows (the first row the header).
func workbook(t *testing.T, sheetsRows map[string][][]any, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheetsRows[name] {
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, ref, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func organsFile(t *testing.T) graph.DatasetFile {
	t.Helper()
	b, err := os.ReadFile("../dataset/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return graph.DatasetFile{Name: "valid.yaml", Content: b}
}

func problemsOf(t *testing.T, err error) graph.Problems {
	t.Helper()
	var ps graph.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	return ps
}

// hasProblem reports whether a problem stands at file, row, column and header and its
// message contains msg.
func hasProblem(ps graph.Problems, file string, row, col int, header, msg string) bool {
	for _, p := range ps {
		if p.File == file && p.Line == row && p.Column == col && p.Path == header && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

// Every mistake is reported at its sheet, row and column, whether the sheet reader finds it
// (a bad date, an unknown seat type or basis, a holding without its seat) or the dataset
// check does later, with the other files of the import (an organ that does not exist, a
// stated source without quote); nothing else goes wrong silently.
func TestProblemsNameSheetRowAndColumn(t *testing.T) {
	seats := [][]any{
		{"Id", "Titel", "Typ", "Organ (id)", "Till", "Grund", "Dokument", "Avsnitt"},
		{"hr-rs-ledamot", "Ledamot", "member", "test-rs"},
		{"hr-nope-ledamot", "Ledamot", "boss", "no-such-organ", "2020-13-01"},
		nil, // an empty row is skipped, and row numbers stay those of the sheet
		{"hr-rs-sekr", "Sekreterare", "secretary", "test-rs", nil, "angivet", "test-reglemente", "2 §"},
	}
	holdings := [][]any{
		{"Person (id)", "Plats (id)", "Från"},
		{"hr-anna", "hr-rs-ledamot", "2021-01-01"},
		{"hr-anna", "no-such-seat", "2021-01-01"},
		{"no-such-person", "hr-rs-ledamot", "2022-01-01"},
	}
	people := [][]any{
		{"Id", "Namn", "Grund", "Namm"},
		{"hr-anna", "Anna Andersson", "säkert"},
		{"hr-bo", nil},
	}
	staff := [][]any{
		{"Id", "Förvaltning (id)", "Funktion", "FTE"},
		{"hr-sf-1", "test-rs", "hr", "en halv"},
	}
	xlsx := workbook(t, map[string][][]any{"Platser": seats, "Innehav": holdings, "Personer": people, "Stabsfunktioner": staff},
		"Innehav", "Platser", "Personer", "Stabsfunktioner")
	_, err := dataset.ParseFiles([]graph.DatasetFile{organsFile(t), {Name: "hr-2026.xlsx", Content: xlsx}})
	ps := problemsOf(t, err)
	for _, w := range []struct {
		sheet       string
		row, col    int
		header, msg string
	}{
		{"Platser", 3, 3, "Typ", `"boss" is not a seat type`},
		{"Platser", 3, 4, "Organ (id)", `no Organ has id "no-such-organ"`},
		{"Platser", 3, 5, "Till", `"2020-13-01" is not a date`},
		{"Platser", 5, 6, "Grund", "a stated source needs a quote"}, // the dataset check's, at the row's basis
		{"Innehav", 3, 2, "Plats (id)", `no seat "no-such-seat"`},
		{"Innehav", 4, 1, "Person (id)", `no Person has id "no-such-person"`},
		{"Personer", 1, 4, "Namm", `unknown column "Namm"`},
		{"Personer", 2, 3, "Grund", `"säkert" is not a basis`},
		{"Personer", 3, 2, "Namn", "required"},
		{"Stabsfunktioner", 2, 4, "FTE", `want a number`},
	} {
		if !hasProblem(ps, "hr-2026.xlsx ["+w.sheet+"]", w.row, w.col, w.header, w.msg) {
			t.Errorf("no problem at %s row %d column %d (%s) saying %q; got:\n%s", w.sheet, w.row, w.col, w.header, w.msg, ps)
		}
	}
	for _, p := range ps {
		if p.Line == 0 || !strings.HasPrefix(p.File, "hr-2026.xlsx [") && p.File != "valid.yaml" {
			t.Errorf("a problem without sheet and row: %s", p)
		}
	}
}

// A CSV file is one sheet, recognised by its header row; Excel's semicolon CSV and decimal
// commas are read too, and its problems name the file, line and column.
func TestCSV(t *testing.T) {
	csv := "\uFEFFId;Förvaltning (id);Funktion;FTE;Grund\r\nhr-sf-1;test-rs;hr;1,5;illustrativt\r\nhr-sf-2;test-rs;ekonomi_budget;x;\r\n"
	_, err := dataset.ParseFiles([]graph.DatasetFile{organsFile(t), {Name: "Stabsfunktioner HR.csv", Content: []byte(csv)}})
	ps := problemsOf(t, err)
	if len(ps) != 1 || !hasProblem(ps, "Stabsfunktioner HR.csv", 3, 4, "FTE", "want a number") {
		t.Fatalf("problems:\n%s", ps)
	}
	good := strings.Replace(csv, ";x;", ";2;", 1)
	files, err := dataset.ParseFiles([]graph.DatasetFile{organsFile(t), {Name: "Stabsfunktioner HR.csv", Content: []byte(good)}})
	if err != nil {
		t.Fatal(err)
	}
	d := files[1].Data
	if d.ID != "stabsfunktioner-hr" || len(d.StaffFunctions) != 2 || *d.StaffFunctions[0].FTE != 1.5 || d.StaffFunctions[0].Source.Basis != graph.BasisIllustrative ||
		d.StaffFunctions[1].Source != (graph.Source{}) {
		t.Errorf("read %+v", d)
	}
	_, err = dataset.ParseFiles([]graph.DatasetFile{{Name: "x.csv", Content: []byte("a,b\n1,2\n")}})
	if ps := problemsOf(t, err); !hasProblem(ps, "x.csv", 1, 1, "", "no header row of a known sheet") {
		t.Errorf("unknown CSV: %s", ps)
	}
}

// A row without provenance is okänt (no source), never given a document; okänt together
// with a named source is refused.
func TestProvenanceIsNeverInvented(t *testing.T) {
	people := [][]any{
		{"Id", "Namn", "Grund", "Dokument", "Resonemang"},
		{"hr-anna", "Anna"},
		{"hr-bo", "Bo", "okänt", "test-reglemente"},
		{"hr-cilla", "Cilla", "slutsats", "test-reglemente", "står som sekreterare i protokollen"},
	}
	b := workbook(t, map[string][][]any{"Personer": people}, "Personer")
	d, _, ps := sheets.Read("hr.xlsx", b)
	if len(ps) != 1 || !hasProblem(ps, "hr.xlsx [Personer]", 3, 3, "Grund", "okänt says there is no source") {
		t.Errorf("problems: %s", ps)
	}
	if d.People[0].Source != (graph.Source{}) || d.People[0].Source.EffectiveBasis() != "" {
		t.Errorf("a row without provenance got %+v", d.People[0].Source)
	}
	if s := d.People[2].Source; s.Basis != graph.BasisInferred || s.Document != "test-reglemente" || s.Reasoning == "" {
		t.Errorf("slutsats read as %+v", s)
	}
}

// The template holds instructions and every importable sheet with its headers; as it is, it
// imports as an empty dataset.
func TestTemplate(t *testing.T) {
	var buf bytes.Buffer
	if err := sheets.Template(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := strings.Join(f.GetSheetList(), ",")
	if got != "Anvisningar,Personer,Platser,Innehav,Stabsfunktioner" {
		t.Errorf("sheets %s", got)
	}
	for _, l := range sheets.Layouts {
		rows, _ := f.GetRows(l.Sheet)
		if len(rows) < sheets.HeaderRow || strings.Join(rows[sheets.HeaderRow-1], "|") != strings.Join(l.Headers(), "|") {
			t.Errorf("%s: header %q", l.Sheet, rows)
		}
	}
	d, _, ps := sheets.Read("mall.xlsx", buf.Bytes())
	if len(ps) != 0 || d.ID != "mall" || len(d.People)+len(d.Posts)+len(d.StaffFunctions) != 0 {
		t.Errorf("template read as %+v, %s", d, ps)
	}
}
