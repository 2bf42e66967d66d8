package sheets

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/styrgraf/styrgraf/graph"
)

// IsSheetFile reports whether a file name is one Read reads (.xlsx, .csv).
func IsSheetFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".csv":
		return true
	}
	return false
}

// cell is where a value stood: sheet (empty for CSV), row and column (1-based, as a
// spreadsheet program shows them) and the column's header.
type cell struct {
	sheet    string
	row, col int
	header   string
}

// Locate maps a dataset field path (people[2].name, posts[0].holders[1].person) to the cell
// it was read from, as a Problem without message. Problems found later, when the dataset is
// checked with the other files of an import, are reported at the cell this way.
type Locate func(path string) graph.Problem

// Read reads a workbook (.xlsx: the sheets Personer, Platser, Innehav and Stabsfunktioner;
// other sheets are not read) or one sheet as CSV (.csv: which one, its header row says) into
// a dataset whose id is the file's name without extension, in lower case with å, ä, ö as a,
// a, o and other characters as '-'. Every problem names the file, the sheet, the row and
// the column.
func Read(name string, content []byte) (graph.Dataset, Locate, graph.Problems) {
	r := &reader{file: name, pos: map[string]cell{}, seatIndex: map[string]int{}}
	r.ds.ID = DatasetID(name)
	r.pos["dataset"] = cell{row: 1, col: 1} // a problem with the dataset id: the file's
	if r.ds.ID == "" {
		r.problem(cell{}, "the file name gives the dataset id; name the file with at least one letter or digit")
	}
	var sheets []sheetRows
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		sheets = r.readXLSX(content)
	case ".csv":
		sheets = r.readCSV(content)
	default:
		r.problem(cell{}, "not a spreadsheet: want .xlsx or .csv")
	}
	// Seats before holdings, whatever order the sheets stand in.
	for _, want := range []string{SheetPeople, SheetSeats, SheetHoldings, SheetStaff} {
		for _, s := range sheets {
			if s.layout.Sheet == want {
				r.sheet(s)
			}
		}
	}
	return r.ds, r.locate, r.problems
}

// DatasetID is the dataset id a spreadsheet's file name gives.
func DatasetID(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	var b strings.Builder
	dash := false
	for _, c := range norm.NFD.String(strings.ToLower(base)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case c >= 0x300 && c <= 0x36f: // combining marks: å → a
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// maxUnzipped bounds what a workbook may unpack to.
const maxUnzipped = 256 << 20

type sheetRows struct {
	layout Layout
	name   string     // "" for CSV
	rows   [][]string // as read
	lines  []int      // the row number each row is shown at
}

type reader struct {
	file      string
	ds        graph.Dataset
	pos       map[string]cell
	seatIndex map[string]int // seat id → index in ds.Posts
	problems  graph.Problems
}

func (r *reader) where(c cell) string {
	if c.sheet == "" {
		return r.file
	}
	return r.file + " [" + c.sheet + "]"
}

func (r *reader) problem(c cell, format string, args ...any) {
	r.problems = append(r.problems, graph.Problem{File: r.where(c), Line: c.row, Column: c.col, Path: c.header, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) locate(path string) graph.Problem {
	for p := path; ; p = p[:strings.LastIndexAny(p, ".[")] {
		if c, ok := r.pos[p]; ok {
			return graph.Problem{File: r.where(c), Line: c.row, Column: c.col, Path: c.header}
		}
		if !strings.ContainsAny(p, ".[") {
			break
		}
	}
	return graph.Problem{File: r.file, Path: path}
}

func (r *reader) readXLSX(content []byte) []sheetRows {
	// Bounded unzipping: a small upload must not unpack into gigabytes (the default limit is
	// 16 GB).
	f, err := excelize.OpenReader(bytes.NewReader(content), excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		r.problem(cell{}, "not a readable XLSX workbook: %v", err)
		return nil
	}
	defer f.Close()
	var out []sheetRows
	for _, name := range f.GetSheetList() {
		l, ok := layoutOf(name)
		if !ok {
			continue
		}
		// Raw values: dates as Excel's day numbers, whatever format the cell shows them in.
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			r.problem(cell{sheet: name}, "reading the sheet: %v", err)
			continue
		}
		lines := make([]int, len(rows))
		for i := range rows {
			lines[i] = i + 1
		}
		out = append(out, sheetRows{layout: l, name: name, rows: rows, lines: lines})
	}
	if len(out) == 0 {
		r.problem(cell{}, "no sheet to read: name the sheets %s", strings.Join(sheetNames(), ", "))
	}
	return out
}

func sheetNames() []string {
	out := make([]string, len(Layouts))
	for i, l := range Layouts {
		out[i] = l.Sheet
	}
	return out
}

func (r *reader) readCSV(content []byte) []sheetRows {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(content, []byte("\uFEFF"))))
	cr.FieldsPerRecord = -1
	if first, _, _ := bytes.Cut(content, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';' // as Excel writes CSV where the decimal mark is a comma
	}
	s := sheetRows{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, col := 1, 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, col = max(pe.Line, 1), max(pe.Column, 1)
			}
			r.problem(cell{row: line, col: col}, "CSV: %v", err)
			return nil
		}
		line, _ := cr.FieldPos(0) // only for a record read: it panics after an error
		s.rows = append(s.rows, rec)
		s.lines = append(s.lines, line)
	}
	// Which sheet the file holds: the layout whose required headers its header row has.
	for _, l := range Layouts {
		if h := headerRow(s.rows, l); h >= 0 {
			s.layout = l
			return []sheetRows{s}
		}
	}
	r.problem(cell{row: 1, col: 1}, "no header row of a known sheet: the file's first row names the columns of one of %s (see the template)", strings.Join(sheetNames(), ", "))
	return nil
}

// headerRow is the index of the first of the first ten rows that has every required header
// of the layout, or -1.
func headerRow(rows [][]string, l Layout) int {
	for i := 0; i < len(rows) && i < 10; i++ {
		have := map[string]bool{}
		for _, c := range rows[i] {
			have[strings.TrimSpace(c)] = true
		}
		ok := true
		for _, f := range l.Fields {
			ok = ok && (!f.Required || have[f.Header])
		}
		if ok {
			return i
		}
	}
	return -1
}

// sheet reads one sheet's rows into the dataset.
func (r *reader) sheet(s sheetRows) {
	l := s.layout
	h := headerRow(s.rows, l)
	if h < 0 {
		var missing []string
		for _, f := range l.Fields {
			if f.Required {
				missing = append(missing, f.Header)
			}
		}
		r.problem(cell{sheet: s.name, row: 1, col: 1}, "no header row: the sheet needs the columns %s (see the template)", strings.Join(missing, ", "))
		return
	}
	fields := map[int]Field{}
	for i, hd := range s.rows[h] {
		hd = strings.TrimSpace(hd)
		if hd == "" {
			continue
		}
		found := false
		for _, f := range l.Fields {
			if f.Header == hd {
				fields[i], found = f, true
			}
		}
		if !found {
			r.problem(cell{sheet: s.name, row: s.lines[h], col: i + 1, header: hd}, "unknown column %q; the sheet %s has the columns %s", hd, l.Sheet, strings.Join(l.Headers(), ", "))
		}
	}
	for i := h + 1; i < len(s.rows); i++ {
		vals := map[string]string{}
		cells := map[string]cell{}
		empty := true
		for c, v := range s.rows[i] {
			f, ok := fields[c]
			if !ok || f.Key == "" {
				continue
			}
			v = strings.TrimSpace(v)
			vals[f.Key] = v
			cells[f.Key] = cell{sheet: s.name, row: s.lines[i], col: c + 1, header: f.Header}
			empty = empty && v == ""
		}
		if empty {
			continue
		}
		rowCell := cell{sheet: s.name, row: s.lines[i], col: 1}
		for _, f := range l.Fields {
			if _, ok := cells[f.Key]; !ok && f.Key != "" {
				cells[f.Key] = rowCell // a column the sheet does not have: point at the row
				for c, ff := range fields {
					if ff.Key == f.Key {
						cells[f.Key] = cell{sheet: s.name, row: s.lines[i], col: c + 1, header: f.Header}
					}
				}
			}
		}
		rw := &rowReader{r: r, vals: vals, cells: cells, row: rowCell}
		for _, f := range l.Fields {
			if f.Required && vals[f.Key] == "" {
				rw.bad(f.Key, "required")
			}
		}
		r.item(l.Sheet, rw)
	}
}

// rowReader reads one row's values, reporting each bad value at its cell.
type rowReader struct {
	r     *reader
	vals  map[string]string
	cells map[string]cell
	row   cell
	ok    bool
}

func (w *rowReader) bad(key, format string, args ...any) {
	c := w.cells[key]
	w.r.problem(c, format, args...)
}

func (w *rowReader) str(key string) string { return w.vals[key] }

func (w *rowReader) date(key string) *graph.Date {
	v := w.vals[key]
	if v == "" {
		return nil
	}
	d, err := dateOf(v)
	if err != nil {
		w.bad(key, "%v", err)
		return nil
	}
	return &d
}

func (w *rowReader) number(key string) *float64 {
	v := w.vals[key]
	if v == "" {
		return nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), ",", "."), 64)
	if err != nil || f < 0 || f != f || f > 1e9 {
		w.bad(key, "want a number ≥ 0 (e.g. 1,5), got %q", v)
		return nil
	}
	return &f
}

func (w *rowReader) whole(key string) *int {
	v := w.vals[key]
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		w.bad(key, "want a whole number ≥ 0, got %q", v)
		return nil
	}
	return &n
}

func (w *rowReader) yes(key string) bool {
	switch strings.ToLower(w.vals[key]) {
	case "", "nej", "n", "false", "0":
		return false
	case "ja", "j", "x", "true", "1":
		return true
	}
	w.bad(key, "want ja or nej, got %q", w.vals[key])
	return false
}

// source reads the provenance columns. A row with none says nothing about its source: its
// basis is unknown, never a document's.
func (w *rowReader) source() graph.Source {
	s := graph.Source{Document: w.str("source.document"), Section: w.str("source.section"),
		Quote: w.str("source.quote"), Reasoning: w.str("source.reasoning")}
	term := w.str("source.basis")
	basis, ok := basisOf(term)
	switch {
	case !ok:
		w.bad("source.basis", "%q is not a basis; want angivet, slutsats, illustrativt, genererat or okänt (or empty)", term)
	case basis == "" && term != "" && s != (graph.Source{}):
		w.bad("source.basis", "okänt says there is no source, but the row names one; give its basis (angivet, slutsats) or leave Dokument, Avsnitt, Citat and Resonemang empty")
	}
	s.Basis = basis
	return s
}

// register records where each value of an item stood, under the item's field path.
func (w *rowReader) register(path string) {
	w.r.pos[path] = w.row
	for key, c := range w.cells {
		w.r.pos[path+"."+key] = c
	}
}

func (r *reader) item(sheet string, w *rowReader) {
	validity := func() graph.Validity {
		return graph.Validity{ValidFrom: w.date("valid_from"), ValidTo: w.date("valid_to")}
	}
	switch sheet {
	case SheetPeople:
		w.register(fmt.Sprintf("people[%d]", len(r.ds.People)))
		r.ds.People = append(r.ds.People, graph.Person{ID: w.str("id"), Name: w.str("name"), Email: w.str("email"),
			Placeholder: w.yes("placeholder"), Source: w.source()})
	case SheetSeats:
		if id := w.str("id"); id != "" {
			if _, dup := r.seatIndex[id]; !dup {
				r.seatIndex[id] = len(r.ds.Posts)
			}
		}
		w.register(fmt.Sprintf("posts[%d]", len(r.ds.Posts)))
		r.ds.Posts = append(r.ds.Posts, graph.Post{ID: w.str("id"), Title: w.str("title"), Kind: w.str("kind"), Organ: w.str("organ"),
			MaxHolders: w.whole("max_holders"), ExOfficio: w.str("ex_officio"), Validity: validity(), Source: w.source()})
		if k := w.str("kind"); k != "" && !graph.InVocabulary("post_kind", k) {
			w.bad("kind", "%q is not a seat type; one of: %s", k, strings.Join(vocabValues("post_kind"), ", "))
		}
	case SheetHoldings:
		seat := w.str("post")
		i, ok := r.seatIndex[seat]
		if !ok {
			if seat != "" {
				w.bad("post", "no seat %q on the sheet %s of this workbook; a holding goes with its seat", seat, SheetSeats)
			}
			return
		}
		p := &r.ds.Posts[i]
		w.register(fmt.Sprintf("posts[%d].holders[%d]", i, len(p.Holders)))
		p.Holders = append(p.Holders, graph.Holding{Person: w.str("person"), Validity: validity(), Source: w.source()})
	case SheetStaff:
		w.register(fmt.Sprintf("staff_functions[%d]", len(r.ds.StaffFunctions)))
		r.ds.StaffFunctions = append(r.ds.StaffFunctions, graph.StaffFunction{ID: w.str("id"), Organ: w.str("organ"),
			Function: w.str("function"), Name: w.str("name"), FTE: w.number("fte"), Validity: validity(), Source: w.source()})
	}
}

func vocabValues(name string) []string {
	var out []string
	for _, t := range graph.Vocabularies[name] {
		out = append(out, t.Value)
	}
	return out
}
