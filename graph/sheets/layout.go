package sheets

import (
	"io"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// The spreadsheet layout for HR: people, seats, who holds them, and stabsfunktioner with
// FTE. Each sheet (or CSV file) is one list; each row one item; the Swedish headers below
// name the columns, in any order. Every sheet ends in the provenance columns: a row says on
// what basis it is asserted, and a row that says nothing is asserted on no source (okänt),
// never on a document it does not name.

// kind of a column's values, for reading and for the instructions.
type kind int

const (
	text kind = iota
	date
	number
	whole
	yesNo
)

// Field is one column of a sheet.
type Field struct {
	Header   string
	Key      string // the dataset field it fills (as in the YAML format); "" for columns only read by people
	Required bool
	kind     kind
	Help     string // in Swedish, for the template's instructions
}

// Layout is one sheet: its name and columns.
type Layout struct {
	Sheet  string
	Help   string
	Fields []Field
}

// The provenance columns of an importable sheet. Dokumenttitel is for people to read; the
// document is named by its id.
var sourceFields = []Field{
	{Header: "Grund", Key: "source.basis", Help: "angivet (står i dokumentet: ange Dokument, Avsnitt och Citat), slutsats (ange Dokument och Resonemang), illustrativt (påhittat exempel) eller tomt/okänt (ingen källa)"},
	{Header: "Dokument", Key: "source.document", Help: "id för dokumentet uppgiften kommer ur (ett dokument som finns i en datasetfil)"},
	{Header: "Dokumenttitel", Help: "läses inte vid import"},
	{Header: "Avsnitt", Key: "source.section", Help: "avsnitt, paragraf eller rubrik i dokumentet"},
	{Header: "Citat", Key: "source.quote", Help: "för angivet: dokumentets ord, ordagrant"},
	{Header: "Resonemang", Key: "source.reasoning", Help: "för slutsats: vilka uttryckliga uppgifter den bygger på och hur"},
}

// Sheet names.
const (
	SheetPeople   = "Personer"
	SheetSeats    = "Platser"
	SheetHoldings = "Innehav"
	SheetStaff    = "Stabsfunktioner"
)

// Layouts are the importable sheets, in the order a workbook holds them.
var Layouts = []Layout{
	{Sheet: SheetPeople, Help: "personer som innehar platser (aldrig personnummer)", Fields: []Field{
		{Header: "Id", Key: "id", Required: true, Help: "stabilt id: små bokstäver a-z, siffror och -"},
		{Header: "Namn", Key: "name", Required: true},
		{Header: "E-post", Key: "email"},
		{Header: "Platshållare", Key: "placeholder", kind: yesNo, Help: "ja: ingen verklig person, står för en onämnd innehavare"},
	}},
	{Sheet: SheetSeats, Help: "platser (poster) i organ: ordförande, ledamot, direktör …", Fields: []Field{
		{Header: "Id", Key: "id", Required: true, Help: "stabilt id för platsen"},
		{Header: "Titel", Key: "title", Required: true, Help: "t.ex. Ordförande, Regiondirektör"},
		{Header: "Typ", Key: "kind", Required: true, Help: "en av: " + vocabHelp("post_kind")},
		{Header: "Organ (id)", Key: "organ", Required: true, Help: "id för organet platsen hör till"},
		{Header: "Organ", Help: "läses inte vid import"},
		{Header: "Max antal innehavare", Key: "max_holders", kind: whole, Help: "hur många som kan inneha platsen samtidigt; tomt: 1, 0: obegränsat"},
		{Header: "Ex officio (plats-id)", Key: "ex_officio", Help: "platsen innehas av den som innehar denna plats; då anges inga innehavare"},
		{Header: "Från", Key: "valid_from", kind: date, Help: "första dag platsen finns (ÅÅÅÅ-MM-DD)"},
		{Header: "Till", Key: "valid_to", kind: date, Help: "sista dag platsen finns"},
	}},
	{Sheet: SheetHoldings, Help: "vem som innehar vilken plats och när; platsen ska stå på bladet Platser i samma arbetsbok", Fields: []Field{
		{Header: "Plats (id)", Key: "post", Required: true},
		{Header: "Plats", Help: "läses inte vid import"},
		{Header: "Person (id)", Key: "person", Required: true, Help: "id på bladet Personer eller i en datasetfil"},
		{Header: "Person", Help: "läses inte vid import"},
		{Header: "Från", Key: "valid_from", kind: date, Help: "första dag personen innehar platsen"},
		{Header: "Till", Key: "valid_to", kind: date, Help: "sista dag"},
	}},
	{Sheet: SheetStaff, Help: "stabsfunktioner per förvaltning med kapacitet i årsarbetare (FTE)", Fields: []Field{
		{Header: "Id", Key: "id", Required: true},
		{Header: "Förvaltning (id)", Key: "organ", Required: true},
		{Header: "Funktion", Key: "function", Required: true, Help: "en av: " + vocabHelp("staff_function") + "; eller ett eget id (ange då Namn)"},
		{Header: "Namn", Key: "name", Help: "namn på en egen funktion"},
		{Header: "FTE", Key: "fte", Required: true, kind: number, Help: "årsarbetare, t.ex. 1,5"},
		{Header: "Från", Key: "valid_from", kind: date},
		{Header: "Till", Key: "valid_to", kind: date},
	}},
}

func init() {
	for i := range Layouts {
		Layouts[i].Fields = append(Layouts[i].Fields, sourceFields...)
	}
}

func vocabHelp(name string) string {
	var out []string
	for _, t := range graph.Vocabularies[name] {
		out = append(out, t.Value+" ("+t.Swedish+")")
	}
	return strings.Join(out, ", ")
}

// Headers are a layout's column headers.
func (l Layout) Headers() []string {
	out := make([]string, len(l.Fields))
	for i, f := range l.Fields {
		out[i] = f.Header
	}
	return out
}

func layoutOf(sheet string) (Layout, bool) {
	for _, l := range Layouts {
		if strings.EqualFold(strings.TrimSpace(sheet), l.Sheet) {
			return l, true
		}
	}
	return Layout{}, false
}

// Template is the empty workbook to fill in: instructions first, then each sheet with its
// headers.
func Template(w io.Writer) error {
	help := Table{Name: "Anvisningar", Title: "styrgraf: mall för personer, platser, innehav och stabsfunktioner",
		Note:    "Fyll i bladen och importera arbetsboken (styrgraf import FIL.xlsx, eller POST /api/v1/import). Datasetets id är filens namn. Rader på detta blad läses inte.",
		Columns: []string{"Blad", "Kolumn", "Krävs", "Förklaring"}}
	tables := []Table{help}
	for _, l := range Layouts {
		tables[0].Rows = append(tables[0].Rows, row(l.Sheet, nil, nil, l.Help))
		for _, f := range l.Fields {
			tables[0].Rows = append(tables[0].Rows, row(l.Sheet, f.Header, f.Required, f.Help))
		}
		tables = append(tables, Table{Name: l.Sheet, Title: l.Sheet + ": " + l.Help, Note: "En rad per post. Kolumnerna får stå i valfri ordning.", Columns: l.Headers()})
	}
	return WriteXLSX(w, tables...)
}
