package sheets_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

var sample = sheets.Table{Name: "Prov", Title: "Prov – titel", Note: "Ur styrgraf: test",
	Columns: []string{"Datum", "Slut", "FTE", "Ja", "Antal", "Text"},
	Rows: [][]any{
		{graph.MustDate("2021-10-28"), (*graph.Date)(nil), 1.5, true, 3, "Regionstyrelsen, \"RS\""},
		{nil, ptr(graph.MustDate("2022-01-01")), 0.0, false, 0, "å\nä"},
	}}

func ptr[T any](v T) *T { return &v }

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := sheets.WriteCSV(&buf, sample); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFDatum,Slut,FTE,Ja,Antal,Text\r\n2021-10-28,,1.5,ja,3,\"Regionstyrelsen, \"\"RS\"\"\"\r\n,2022-01-01,0,nej,0,\"å\r\nä\"\r\n" // line breaks in a field too are CRLF
	if buf.String() != want {
		t.Errorf("CSV:\n%q\nwant\n%q", buf.String(), want)
	}
}

// Text a spreadsheet would run as a formula stays text in CSV; numbers keep their sign.
func TestWriteCSVFormulaText(t *testing.T) {
	table := sheets.Table{Columns: []string{"Namn", "Antal"}, Rows: [][]any{
		{`=HYPERLINK("http://x","klicka")`, -2},
		{"+46 35 13 48 00", 1.5},
		{"-punkt", 0},
		{"@SUM(A1)", 0},
		{"Regionstyrelsen", -1},
	}}
	var buf bytes.Buffer
	if err := sheets.WriteCSV(&buf, table); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFNamn,Antal\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"klicka\"\")\",-2\r\n'+46 35 13 48 00,1.5\r\n'-punkt,0\r\n'@SUM(A1),0\r\nRegionstyrelsen,-1\r\n"
	if buf.String() != want {
		t.Errorf("CSV:\n%q\nwant\n%q", buf.String(), want)
	}
}

// Dates are date cells (numbers shown as dates), numbers numbers, and columns as wide as
// their content rather than as a date's Go spelling.
func TestWriteXLSXCells(t *testing.T) {
	var buf bytes.Buffer
	if err := sheets.WriteXLSX(&buf, sample); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	shown, _ := f.GetCellValue("Prov", "A4")
	raw, _ := f.GetCellValue("Prov", "A4", excelize.Options{RawCellValue: true})
	if shown != "2021-10-28" || raw != "44497" {
		t.Errorf("date cell shows %q, holds %q; want 2021-10-28 held as day 44497", shown, raw)
	}
	if v, _ := f.GetCellValue("Prov", "B4"); v != "" {
		t.Errorf("nil date written as %q", v)
	}
	if ct, _ := f.GetCellType("Prov", "C4"); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
		t.Errorf("FTE cell type %v", ct)
	}
	if v, _ := f.GetCellValue("Prov", "C4", excelize.Options{RawCellValue: true}); v != "1.5" {
		t.Errorf("FTE %q", v)
	}
	if w, _ := f.GetColWidth("Prov", "A"); w > 14 {
		t.Errorf("date column %v wide", w)
	}
	if title, _ := f.GetCellValue("Prov", "A1"); !strings.HasPrefix(title, "Prov") {
		t.Errorf("title %q", title)
	}
}
