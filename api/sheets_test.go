package api

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"mime/multipart"
	"reflect"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

// seatsAndPeople is what an organisation's seat lists say, as the services answer it: every
// seat of its organs with its holders, and every holder with the seats they hold.
type seatsAndPeople struct {
	Seats  map[string]graph.Seat
	Organ  map[string]string // seat → organ
	People map[string]graph.PersonDetail
}

func seatLists(t *testing.T, db *neo4jdb.DB, organisation string, at graph.Date) seatsAndPeople {
	t.Helper()
	ctx := context.Background()
	g, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: organisation, At: at})
	if err != nil {
		t.Fatal(err)
	}
	out := seatsAndPeople{Seats: map[string]graph.Seat{}, Organ: map[string]string{}, People: map[string]graph.PersonDetail{}}
	for _, o := range g.Organs {
		d, err := db.OrganDetail(ctx, o.ID, at)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Seats {
			s.Conditions = nil // not in the layout
			out.Seats[s.ID], out.Organ[s.ID] = s, o.ID
			for _, h := range s.Holders {
				p, err := db.Person(ctx, h.ID, at)
				if err != nil {
					t.Fatal(err)
				}
				p.History = nil // every seat ever held, also in other organisations: not what was exported
				slices.SortFunc(p.Seats, func(a, b graph.PersonSeat) int { return cmp.Compare(a.ID, b.ID) })
				out.People[p.ID] = p
			}
		}
	}
	return out
}

// organsOnly is the examples reduced to what the workbook's seats hang on: organisations,
// organs, processes and documents, and the seats outside the workbook that its seats are
// held ex officio by, with their holders (as another organisation's file would hold them),
// but no other seats or people, nothing that refers to them.
func organsOnly(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	files, err := dataset.Load("../examples")
	if err != nil {
		t.Fatal(err)
	}
	d := graph.Dataset{ID: "organs-only"}
	hr, _, ps := sheets.Read("hr.xlsx", xlsx)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	posts := map[string]graph.Post{}
	people := map[string]graph.Person{}
	for _, f := range files {
		for _, p := range f.Data.Posts {
			p.Conditions = nil
			posts[p.ID] = p
		}
		for _, p := range f.Data.People {
			people[p.ID] = p
		}
	}
	inWorkbook := map[string]bool{} // seats and people the workbook declares
	for _, p := range hr.Posts {
		inWorkbook[p.ID] = true
	}
	for _, p := range hr.People {
		inWorkbook[p.ID] = true
	}
	need := []string{}
	for _, p := range hr.Posts {
		need = append(need, p.ExOfficio)
	}
	for len(need) > 0 {
		id := need[0]
		need = need[1:]
		if id == "" || inWorkbook[id] {
			continue
		}
		inWorkbook[id] = true
		d.Posts = append(d.Posts, posts[id])
		need = append(need, posts[id].ExOfficio)
		for _, h := range posts[id].Holders {
			if !inWorkbook[h.Person] {
				inWorkbook[h.Person] = true
				d.People = append(d.People, people[h.Person])
			}
		}
	}
	for _, f := range files {
		d.Organisations = append(d.Organisations, f.Data.Organisations...)
		d.Organs = append(d.Organs, f.Data.Organs...)
		d.Processes = append(d.Processes, f.Data.Processes...)
		for _, doc := range f.Data.Documents {
			doc.IssuedBy, doc.SentTo = "", nil
			d.Documents = append(d.Documents, doc)
		}
	}
	// JSON is YAML: the dataset's JSON form is a dataset file.
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte(`,"source":{}`), nil)
	return bytes.ReplaceAll(b, []byte(`"source":{"basis":"illustrative"}`), []byte(`"source":"illustrative"`))
}

// The seat lists and people exported as XLSX from the example data, imported into an empty
// graph that holds only the organs, give the same seats, holders and people.
func TestSeatListsRoundTrip(t *testing.T) {
	s, db := testServer(t, false)
	for organisation, day := range map[string]string{"region-halland": "2021-10-28", "horby-kommun": "2018-01-01"} {
		at := graph.MustDate(day)
		t.Run(organisation, func(t *testing.T) {
			neo4jdbtest.MustImport(t, neo4jdbtest.MustOpen(t), "../examples")
			before := seatLists(t, db, organisation, at)
			holders := 0
			for _, seat := range before.Seats {
				holders += len(seat.Holders)
			}
			if len(before.Seats) == 0 || holders == 0 {
				t.Fatalf("the example has %d seats and %d holders on %s; the test would prove nothing", len(before.Seats), holders, at)
			}
			resp := request(t, s, "GET", "/api/v1/organisations/"+organisation+"/sheets.xlsx?at="+at.String(), readerToken, nil)
			xlsx := []byte(body(t, resp))
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != mimeXLSX {
				t.Fatalf("export = %d %s: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), xlsx)
			}
			direct := map[string]bool{} // the people the workbook lists: holders of its seats not held ex officio
			for _, seat := range before.Seats {
				for _, h := range seat.Holders {
					direct[h.ID] = direct[h.ID] || seat.ExOfficio == nil
				}
			}
			directPeople := 0
			for _, d := range direct {
				if d {
					directPeople++
				}
			}
			checkExportLayout(t, xlsx, len(before.Seats), directPeople)

			neo4jdbtest.MustOpen(t) // empty
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			for name, content := range map[string][]byte{"organs-only.yaml": organsOnly(t, xlsx), "platser-" + organisation + ".xlsx": xlsx} {
				fw, _ := mw.CreateFormFile("files", name)
				fw.Write(content)
			}
			mw.Close()
			resp = request(t, s, "POST", "/api/v1/import", editorToken, &buf, "Content-Type", mw.FormDataContentType())
			if got := body(t, resp); resp.StatusCode != 200 {
				t.Fatalf("import = %d %s", resp.StatusCode, got)
			}
			after := seatLists(t, db, organisation, at)
			for id, seat := range before.Seats {
				if !reflect.DeepEqual(after.Seats[id], seat) || after.Organ[id] != before.Organ[id] {
					t.Errorf("seat %s:\n got %+v\nwant %+v", id, after.Seats[id], seat)
				}
			}
			for id, p := range before.People {
				if !reflect.DeepEqual(after.People[id], p) {
					t.Errorf("person %s:\n got %+v\nwant %+v", id, after.People[id], p)
				}
			}
			if len(after.Seats) != len(before.Seats) || len(after.People) != len(before.People) {
				t.Errorf("%d seats and %d people after, %d and %d before", len(after.Seats), len(after.People), len(before.Seats), len(before.People))
			}
		})
	}
}

// checkExportLayout checks the export's sheets: the import layout's headers and one row
// per seat and person, and the stabsfunktioner matrix.
func checkExportLayout(t *testing.T, xlsx []byte, seats, people int) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]int{sheets.SheetSeats: seats, sheets.SheetPeople: people}
	for _, l := range sheets.Layouts[:3] {
		rows, err := f.GetRows(l.Sheet)
		if err != nil || len(rows) < sheets.HeaderRow {
			t.Fatalf("%s: %v %q", l.Sheet, err, rows)
		}
		if !slices.Equal(rows[sheets.HeaderRow-1], l.Headers()) {
			t.Errorf("%s: header %q, want %q", l.Sheet, rows[sheets.HeaderRow-1], l.Headers())
		}
		if n, ok := want[l.Sheet]; ok && len(rows)-sheets.HeaderRow != n {
			t.Errorf("%s: %d rows, want %d", l.Sheet, len(rows)-sheets.HeaderRow, n)
		}
	}
	if _, err := f.GetRows("Stabsfunktionsmatris"); err != nil {
		t.Errorf("no stabsfunktioner matrix: %v", err)
	}
}

// The template downloads, and imports as it is (an empty dataset).
func TestSheetTemplateRoute(t *testing.T) {
	s, _ := testServer(t, false)
	resp := request(t, s, "GET", "/api/v1/sheets/template.xlsx", readerToken, nil)
	b := []byte(body(t, resp))
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != mimeXLSX {
		t.Fatalf("template = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp = request(t, s, "POST", "/api/v1/import?dry_run=true&name=mall.xlsx", editorToken, bytes.NewReader(b), "Content-Type", mimeXLSX)
	var res graph.ImportResult
	if err := json.Unmarshal([]byte(body(t, resp)), &res); err != nil || resp.StatusCode != 200 || !slices.Equal(res.Datasets, []string{"mall"}) {
		t.Errorf("importing the template = %d %+v %v", resp.StatusCode, res, err)
	}
	// An XLSX body with a problem answers 400 naming sheet, row and column.
	bad := workbookWith(t, "Platser", [][]any{{"Id", "Titel", "Typ", "Organ (id)"}, {"x-seat", "Ledamot", "member", "no-such-organ"}})
	resp = request(t, s, "POST", "/api/v1/import?name=hr.xlsx", editorToken, bytes.NewReader(bad), "Content-Type", mimeXLSX)
	p := decodeProblem(t, resp)
	if resp.StatusCode != 400 || len(p.Errors) != 1 || p.Errors[0].File != "hr.xlsx [Platser]" || p.Errors[0].Line != 2 || p.Errors[0].Column != 4 || p.Errors[0].Path != "Organ (id)" {
		t.Errorf("bad workbook = %d %+v", resp.StatusCode, p)
	}
}

func workbookWith(t *testing.T, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(sheet, ref, &r)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
