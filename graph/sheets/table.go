// Package sheets turns styrgraf's answers into tables (CSV and XLSX) and reads people, seats,
// holdings and stabsfunktioner from spreadsheets into the dataset model, so that the one
// import pipeline checks and writes them. It knows nothing of HTTP or Neo4j.
package sheets

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/styrgraf/styrgraf/graph"
)

// Table is an answer as rows under Swedish column headers. Cells hold string, int, float64,
// bool, graph.Date, *graph.Date or nil (empty).
type Table struct {
	Name    string // the sheet's name (at most 31 characters) and the file's
	Title   string // the first line of a sheet: what the table answers
	Note    string // the second line: where it comes from (provenance of the table as a whole)
	Columns []string
	Rows    [][]any
}

// Layout of a written sheet: the title on row 1, the note on row 2, the header on HeaderRow
// (frozen, with an autofilter) and the rows below it.
const (
	TitleRow  = 1
	NoteRow   = 2
	HeaderRow = 3
)

// Cell renders one cell as text, as CSV writes it: dates YYYY-MM-DD, numbers without
// trailing zeros, booleans ja/nej.
func Cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		if v {
			return "ja"
		}
		return "nej"
	case graph.Date:
		return v.String()
	case *graph.Date:
		if v == nil {
			return ""
		}
		return v.String()
	}
	return fmt.Sprint(v)
}

// WriteCSV writes the table as RFC 4180 CSV (comma, CRLF) in UTF-8 with a byte order mark,
// so that Excel shows å, ä and ö: the header line, then the rows. Title and note are left
// out: a CSV file is for programs, which want the header first.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	for _, row := range t.Rows {
		for i := range rec {
			rec[i] = ""
			if i < len(row) {
				rec[i] = csvCell(row[i])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell is Cell, with text that a spreadsheet would run as a formula (a name or quote
// from a document beginning with =, +, -, @ or a control character) kept as text by a
// leading apostrophe, as spreadsheet programs read it. Numbers and dates are left alone:
// only text can carry a formula someone wrote. XLSX needs none of this, its cells are typed.
func csvCell(v any) string {
	c := Cell(v)
	if _, text := v.(string); text && c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}

// WriteXLSX writes the tables as the sheets of one workbook, each with its title and note,
// a bold frozen header row with an autofilter, dates as dates and column widths that fit
// the content.
func WriteXLSX(w io.Writer, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := addSheets(f, tables); err != nil {
		return err
	}
	return f.Write(w)
}

func addSheets(f *excelize.File, tables []Table) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, t := range tables {
		name := SheetName(t.Name)
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, name, t, st); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	return nil
}

// SheetName fits a name to Excel's limit of 31 characters.
func SheetName(name string) string {
	if name == "" {
		return "Blad1"
	}
	for utf8.RuneCountInString(name) > 31 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}

type styles struct{ title, header, date, number int }

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	dateFmt := "yyyy-mm-dd"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.number, excelize.Style{NumFmt: 2}}, // 0.00: FTE and the like
	} {
		if *s.id, err = f.NewStyle(&s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

func writeSheet(f *excelize.File, sheet string, t Table, st styles) error {
	set := func(col, row int, v any) error {
		ref, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(sheet, ref, v)
	}
	if err := set(1, TitleRow, t.Title); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}
	if err := set(1, NoteRow, t.Note); err != nil {
		return err
	}
	widths := make([]int, len(t.Columns))
	for c, h := range t.Columns {
		widths[c] = utf8.RuneCountInString(h)
		if err := set(c+1, HeaderRow, h); err != nil {
			return err
		}
	}
	for r, row := range t.Rows {
		for c, v := range row {
			if c >= len(t.Columns) {
				break
			}
			widths[c] = max(widths[c], utf8.RuneCountInString(Cell(v)))
			style := 0
			switch d := v.(type) {
			case *graph.Date:
				if d == nil {
					continue
				}
				v, style = d.Time, st.date
			case graph.Date:
				if d.IsZero() {
					continue
				}
				v, style = d.Time, st.date
			case float64:
				style = st.number
			case bool:
				v = Cell(d)
			case nil:
				continue
			}
			if err := set(c+1, HeaderRow+1+r, v); err != nil {
				return err
			}
			if style != 0 {
				ref, _ := excelize.CoordinatesToCellName(c+1, HeaderRow+1+r)
				if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
					return err
				}
			}
		}
	}
	if len(t.Columns) == 0 {
		return nil
	}
	first, _ := excelize.CoordinatesToCellName(1, HeaderRow)
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), HeaderRow)
	if err := f.SetCellStyle(sheet, first, last, st.header); err != nil {
		return err
	}
	for c, w := range widths {
		name, _ := excelize.ColumnNumberToName(c + 1)
		// Wide enough for most content, never so wide that a long quote hides the rest.
		if err := f.SetColWidth(sheet, name, name, float64(min(max(w, 8), 60)+2)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: HeaderRow, TopLeftCell: fmt.Sprintf("A%d", HeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.Columns), HeaderRow+max(len(t.Rows), 1))
	return f.AutoFilter(sheet, first+":"+end, nil)
}

// dateOf converts a date cell read raw from a sheet (Excel's serial day number) or as text.
func dateOf(s string) (graph.Date, error) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil {
			return graph.Date{}, fmt.Errorf("%q is not a date", s)
		}
		return graph.ParseDate(t.Format(time.DateOnly))
	}
	return graph.ParseDate(s)
}
