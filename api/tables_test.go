package api

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/styrgraf/styrgraf/graph/sheets"
)

// The basis words a table must use, written out here rather than taken from the code.
var wantBasis = map[string]string{"stated": "angivet", "inferred": "slutsats", "illustrative": "illustrativt", "generated": "genererat", "": "okänt"}

// The statuses a table must say, by question, in Swedish.
var wantStatus = map[string]map[string]string{
	"missing-follow-ups": {"due": "ska göras i år", "overdue": "försenad", "not_recorded": "okänt (ej registrerat)", "open": "pågår", "unknown": "okänt om det återrapporterats"},
	"calendar":           {"done": "genomfört", "upcoming": "kommande", "not_recorded": "inte registrerat", "overdue": "försenat"},
	"oversight-coverage": {"covered": "under uppsikt", "not_covered": "saknar uppsikt", "unknown": "okänt (ej registrerat)"},
}

// obj walks decoded JSON: obj(v, "a", "b") is v["a"]["b"], "" where absent.
func str(v any, keys ...string) string {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func list(v any, key string) []any {
	m, _ := v.(map[string]any)
	l, _ := m[key].([]any)
	return l
}

// expectedRows reads, from a JSON answer, what each table row must say in some of its
// columns (header → value), in the order the rows come.
var expectedRows = map[string]func(a any) []map[string]string{
	"who-decides": func(a any) (out []map[string]string) {
		for _, d := range list(a, "items") {
			out = append(out, map[string]string{"Mandat": str(d, "mandate", "id"), "Innehavare": str(d, "holder", "name"),
				"Grund": wantBasis[str(d, "mandate", "source", "basis")], "Citat": str(d, "mandate", "source", "quote"), "Resonemang": str(d, "mandate", "source", "reasoning")})
		}
		return out
	},
	"escalation": func(a any) (out []map[string]string) {
		for _, ch := range list(a, "items") {
			for _, s := range list(ch, "steps") {
				out = append(out, map[string]string{"Id": str(s, "id"), "Grund": wantBasis[str(s, "source", "basis")], "Dokument": str(s, "source", "document")})
			}
		}
		return out
	},
	"missing-follow-ups": func(a any) (out []map[string]string) {
		for _, m := range list(a, "missing") {
			out = append(out, map[string]string{"Skyldighet eller uppdrag": str(m, "duty", "id"), "Senast": str(m, "period_end"), "Status": wantStatus["missing-follow-ups"][str(m, "status")], "Grund": wantBasis[str(m, "source", "basis")]})
		}
		for _, k := range []string{"overdue_assignments", "past_due_status_unknown"} {
			for _, o := range list(a, k) {
				out = append(out, map[string]string{"Skyldighet eller uppdrag": str(o, "assignment", "name"), "Senast": str(o, "due"), "Status": wantStatus["missing-follow-ups"][str(o, "status")], "Grund": wantBasis[str(o, "source", "basis")]})
			}
		}
		return out
	},
	"calendar": func(a any) (out []map[string]string) {
		for _, e := range list(a, "entries") {
			out = append(out, map[string]string{"Avser (id)": str(e, "subject", "id"), "Senast": str(e, "due"), "Status": wantStatus["calendar"][str(e, "status")], "Grund": wantBasis[str(e, "basis")]})
		}
		for _, d := range list(a, "undated") {
			out = append(out, map[string]string{"Vad": str(d, "id"), "Grund": wantBasis[str(d, "source", "basis")]})
		}
		return out
	},
	"oversight-coverage": func(a any) (out []map[string]string) {
		for _, r := range list(a, "items") {
			out = append(out, map[string]string{"Organ (id)": str(r, "organ", "id"), "Status": wantStatus["oversight-coverage"][str(r, "status")], "Grund": wantBasis[str(r, "basis")]})
		}
		return out
	},
	"staff-functions": func(a any) (out []map[string]string) {
		for _, r := range list(a, "items") {
			out = append(out, map[string]string{"Förvaltning (id)": str(r, "forvaltning", "id"), "Totalt (FTE)": str(r, "total"), "Grund": wantBasis[str(r, "basis")]})
		}
		return out
	},
	"seats": func(a any) (out []map[string]string) {
		for _, k := range []string{"vacant", "ex_officio_vacant"} {
			for _, s := range list(a, k) {
				out = append(out, map[string]string{"Plats (id)": str(s, "id"), "Bedömning": "fynd"})
			}
		}
		for _, w := range list(a, "without_chair") {
			if len(list(w, "chair_posts")) == 0 {
				out = append(out, map[string]string{"Organ (id)": str(w, "organ", "id"), "Bedömning": "fynd"})
			}
			for _, c := range list(w, "chair_posts") {
				out = append(out, map[string]string{"Plats (id)": str(c, "id"), "Organ (id)": str(w, "organ", "id")})
			}
		}
		for _, h := range list(a, "many_seats") {
			for _, s := range list(h, "seats") {
				out = append(out, map[string]string{"Person (id)": str(h, "person", "id"), "Plats (id)": str(s, "id")})
			}
		}
		for _, s := range list(a, "holders_not_recorded") {
			out = append(out, map[string]string{"Plats (id)": str(s, "id"), "Bedömning": "okänt"})
		}
		return out
	},
	"changes": func(a any) (out []map[string]string) {
		for _, c := range list(a, "items") {
			out = append(out, map[string]string{"Id": str(c, "id"), "Datum": str(c, "date"), "Vad": str(c, "what")})
		}
		return out
	},
}

// Every question route answers the same answer as CSV and as XLSX (by suffix and by Accept):
// the rows, in order, say what the JSON answer says, provenance included.
func TestQuestionTables(t *testing.T) {
	s, _ := testServer(t, false)
	for _, tc := range []struct{ question, path string }{
		{"who-decides", "/api/v1/questions/who-decides?topic=stabsfunktioner&organisation=region-halland"},
		{"escalation", "/api/v1/organs/vgr-sr-ortopedi/escalation"},
		{"missing-follow-ups", "/api/v1/questions/missing-follow-ups?organisation=region-halland&year=2026"},
		{"calendar", "/api/v1/questions/calendar?organisation=region-halland&year=2027"},
		{"oversight-coverage", "/api/v1/questions/oversight-coverage?organisation=region-halland"},
		{"staff-functions", "/api/v1/questions/staff-functions?organisation=region-halland"},
		{"seats", "/api/v1/questions/seats?organisation=region-halland&at=2021-10-28"},
		{"changes", "/api/v1/questions/changes?organisation=region-halland&from=2021-10-01&to=2021-11-30&limit=5"},
	} {
		t.Run(tc.question, func(t *testing.T) {
			resp := request(t, s, "GET", tc.path, readerToken, nil)
			var answer any
			if err := json.Unmarshal([]byte(body(t, resp)), &answer); err != nil || resp.StatusCode != 200 {
				t.Fatalf("GET %s = %d, %v", tc.path, resp.StatusCode, err)
			}
			want := expectedRows[tc.question](answer)
			if len(want) == 0 {
				t.Fatalf("%s: the example answer has no rows; the test would prove nothing", tc.path)
			}
			route, query, _ := strings.Cut(tc.path, "?")
			for _, v := range []struct {
				name, path, accept, ctype string
			}{
				{"suffix csv", route + ".csv?" + query, "", "text/csv"},
				{"suffix xlsx", route + ".xlsx?" + query, "", mimeXLSX},
				{"accept csv", tc.path, "text/csv", "text/csv"},
				{"accept xlsx", tc.path, mimeXLSX + ", application/json;q=0.5", mimeXLSX},
			} {
				var header []string
				if v.accept != "" {
					header = []string{"Accept", v.accept}
				}
				resp := request(t, s, "GET", v.path, readerToken, nil, header...)
				b := []byte(body(t, resp))
				if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), v.ctype) {
					t.Fatalf("%s: GET %s = %d %s, want 200 %s:\n%.300s", v.name, v.path, resp.StatusCode, resp.Header.Get("Content-Type"), v.ctype, b)
				}
				if !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment; filename=") {
					t.Errorf("%s: Content-Disposition %q", v.name, resp.Header.Get("Content-Disposition"))
				}
				if again := request(t, s, "GET", v.path, readerToken, nil, append(header, "If-None-Match", resp.Header.Get("ETag"))...); again.StatusCode != 304 {
					t.Errorf("%s: the same table again with its ETag = %d, want 304", v.name, again.StatusCode)
				}
				var rows [][]string
				if v.ctype == mimeXLSX {
					rows = readXLSX(t, b)
				} else {
					if !bytes.HasPrefix(b, []byte("\uFEFF")) {
						t.Errorf("%s: CSV without a byte order mark", v.name)
					}
					var err error
					if rows, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll(); err != nil {
						t.Fatalf("%s: %v", v.name, err)
					}
				}
				compareTable(t, v.name, rows, want)
			}
		})
	}
}

// readXLSX parses a one-sheet workbook back with excelize, checks the layout a report needs
// (title, provenance line, bold frozen header with an autofilter) and returns the header and
// the rows.
func readXLSX(t *testing.T, b []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < sheets.HeaderRow || len(rows[0]) == 0 || !strings.HasPrefix(rows[0][0], sheet) || !strings.HasPrefix(rows[1][0], "Ur styrgraf: /api/v1/") {
		t.Fatalf("title and provenance lines missing: %q", rows[:min(len(rows), 2)])
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != sheets.HeaderRow {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	styleID, _ := f.GetCellStyle(sheet, fmt.Sprintf("A%d", sheets.HeaderRow))
	if style, err := f.GetStyle(styleID); err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header not bold: %v", err)
	}
	filtered := false
	for _, dn := range f.GetDefinedName() {
		filtered = filtered || dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet
	}
	if !filtered {
		t.Errorf("no autofilter")
	}
	// Trailing empty cells are left out by GetRows; pad to the header's width.
	out := rows[sheets.HeaderRow-1:]
	for i := range out {
		for len(out[i]) < len(out[0]) {
			out[i] = append(out[i], "")
		}
	}
	return out
}

func compareTable(t *testing.T, name string, rows [][]string, want []map[string]string) {
	t.Helper()
	if len(rows) == 0 {
		t.Fatalf("%s: no header", name)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if got := len(rows) - 1; got != len(want) {
		t.Fatalf("%s: %d rows, want %d (as the JSON answer)", name, got, len(want))
	}
	for i, w := range want {
		for h, v := range w {
			c, ok := col[h]
			if !ok {
				t.Fatalf("%s: no column %q in %q", name, h, rows[0])
			}
			got := rows[i+1][c]
			if h == "Totalt (FTE)" { // a number, however it is formatted
				g, _ := strconv.ParseFloat(got, 64)
				wf, _ := strconv.ParseFloat(v, 64)
				if g == wf {
					continue
				}
			}
			if got != v {
				t.Errorf("%s: row %d, %s = %q, want %q", name, i+1, h, got, v)
			}
		}
	}
}
