package sheets

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// The one place where answers become tables. Each question's rows are listed under Swedish
// headers; every row that rests on a source carries the provenance columns (SourceColumns),
// so that a table shows what the documents state, what is inferred, what is made up, and
// what nobody recorded. Answers in several parts (vacant seats and people with many seats)
// become one table with a Del column, so that CSV and XLSX hold the same single table.

// SourceColumns are the provenance columns, in this order, of every table that has them.
var SourceColumns = []string{"Grund", "Dokument", "Dokumenttitel", "Avsnitt", "Citat", "Resonemang"}

// Basis terms in tables: short Swedish words for the basis vocabulary, and okänt for a fact
// no source founds.
var basisTerms = map[string]string{
	graph.BasisStated:       "angivet",
	graph.BasisInferred:     "slutsats",
	graph.BasisIllustrative: "illustrativt",
	graph.BasisGenerated:    "genererat",
	"":                      "okänt",
}

// BasisNote explains the basis words of the Grund columns, for a table's provenance line.
const BasisNote = "Grund: angivet = står i dokumentet (med citat); slutsats = härlett ur uttryckliga uppgifter (med resonemang); " +
	"illustrativt = påhittat exempel; genererat = skapat av ett program (styrgraf generate); okänt = ingen källa anges."

// BasisTerm is the Swedish word a table uses for a basis.
func BasisTerm(basis string) string {
	if t, ok := basisTerms[basis]; ok {
		return t
	}
	return basis
}

// basisOf reads a basis term back (for imports); ok is false for anything else.
func basisOf(term string) (string, bool) {
	term = strings.ToLower(strings.TrimSpace(term))
	if term == "" {
		return "", true
	}
	for b, t := range basisTerms {
		if term == t || term == b {
			return b, true
		}
	}
	return "", false
}

func sourceCells(s graph.SourceRef) []any {
	return []any{BasisTerm(s.Basis), s.Document, s.DocumentTitle, s.Section, s.Quote, s.Reasoning}
}

func names(refs []graph.Ref) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return strings.Join(out, "; ")
}

func refName(r *graph.Ref) any {
	if r == nil {
		return nil
	}
	return r.Name
}

func row(cells ...any) []any { return cells }

func withSource(cells []any, src []any) []any { return append(cells, src...) }

func columns(cols ...string) []string { return append(cols, SourceColumns...) }

// AnswerTable turns a question's answer into a table. It takes the answers of graph's
// Questions as the services return them (a List for the paged ones).
func AnswerTable(answer any) (Table, error) {
	switch a := answer.(type) {
	case graph.WhoDecidesAnswer:
		return whoDecidesTable(a), nil
	case graph.EscalationAnswer:
		return escalationTable(a), nil
	case graph.FollowUpReport:
		return followUpTable(a), nil
	case graph.Calendar:
		return calendarTable(a), nil
	case graph.List[graph.OversightRow]:
		return oversightTable(a.Items), nil
	case graph.List[graph.StaffFunctionRow]:
		return StaffFunctionMatrix(a.Items), nil
	case graph.SeatsReport:
		return seatsTable(a), nil
	case graph.List[graph.Change]:
		return changesTable(a.Items), nil
	}
	return Table{}, graph.Errorf(graph.EINTERNAL, "no table for %T", answer)
}

func whoDecidesTable(a graph.WhoDecidesAnswer) Table {
	t := Table{Name: "Vem beslutar", Columns: columns("Mandat", "Omfattning", "Nivå", "Status", "Innehavare", "Innehavarens typ",
		"Organ", "Personer", "Delegeringsväg", "Direkt träff", "Träff")}
	for _, d := range a.Items {
		path := make([]string, len(d.Path))
		for i, m := range d.Path {
			path[i] = m.ID
		}
		t.Rows = append(t.Rows, withSource(row(d.Mandate.ID, d.Mandate.Scope, graph.Swedish("mandate_level", d.Mandate.Level),
			graph.Swedish("mandate_status", d.Mandate.Status), d.Holder.Name, d.Holder.Kind, d.Organ, names(d.People),
			strings.Join(path, " → "), d.Direct, d.Match), sourceCells(d.Mandate.Source)))
	}
	return t
}

func escalationTable(a graph.EscalationAnswer) Table {
	t := Table{Name: "Eskalering", Columns: columns("Kedja", "Steg", "Id", "Typ", "Namn", "Organ", "Via", "Anmärkning", "Innehavare", "Cykel till")}
	for i, ch := range a.Items {
		for j, s := range ch.Steps {
			var via any
			if s.Via != "" {
				via = graph.Swedish("relation_kind", strings.ToLower(s.Via))
			}
			var cycle any
			if ch.Cycle && j == len(ch.Steps)-1 {
				cycle = ch.CycleTo
			}
			t.Rows = append(t.Rows, withSource(row(i+1, j+1, s.ID, s.Kind, s.Name, s.Organ, via, s.Note, names(s.Holders), cycle), sourceCells(s.Source)))
		}
	}
	return t
}

func followUpTable(a graph.FollowUpReport) Table {
	t := Table{Name: "Uppföljning", Columns: columns("Del", "Avser", "Avser (id)", "Skyldighet eller uppdrag", "Åtgärd", "Ansvarig",
		"Från", "Senast", "Frist", "Senast utförd", "Status")}
	for _, m := range a.Missing {
		t.Rows = append(t.Rows, withSource(row("Saknad uppföljning", m.Subject.Name, m.Subject.ID, m.Duty.ID, graph.Swedish("duty_action", m.Duty.Action),
			refName(m.Duty.By), m.PeriodStart, m.PeriodEnd, m.Duty.Deadline, m.LastFollowUp, term(followUpTerms, m.Status)), sourceCells(m.Source)))
	}
	for _, p := range []struct {
		name string
		list []graph.OverdueAssignment
	}{{"Försenat uppdrag", a.OverdueAssignments}, {"Passerat, status okänd", a.PastDueUnknown}} {
		for _, o := range p.list {
			t.Rows = append(t.Rows, withSource(row(p.name, o.GivenTo.Name, o.GivenTo.ID, o.Assignment.Name, "återrapportera uppdrag",
				o.GivenBy.Name, o.Given, o.Due, o.DueText, nil, term(followUpTerms, o.Status)), sourceCells(o.Source)))
		}
	}
	return t
}

func calendarTable(a graph.Calendar) Table {
	t := Table{Name: "Årshjul", Columns: columns("Del", "Senast", "Från", "Avser", "Avser (id)", "Vad", "Åtgärd", "Sammanträde", "Frist", "Status", "Utförd")}
	for _, e := range a.Entries {
		what, action, meeting := "", "", ""
		if e.Duty != nil {
			what, action = e.Duty.ID, graph.Swedish("duty_action", e.Duty.Action)
		}
		if e.Assignment != nil {
			what, action = e.Assignment.Name, "återrapportera uppdrag"
		}
		if e.Meeting != nil {
			meeting = e.Meeting.Date.String()
		}
		src := sourceCells(e.Source)
		src[0] = BasisTerm(e.Basis) // the entry's basis: the weakest of its duty's and its meeting's
		t.Rows = append(t.Rows, withSource(row("Daterad", e.Due, e.From, e.Subject.Name, e.Subject.ID, what, action, meeting, e.DueText, term(calendarTerms, e.Status), e.Done), src))
	}
	for _, d := range a.Undated {
		t.Rows = append(t.Rows, withSource(row("Utan datum", nil, nil, d.Subject.Name, d.Subject.ID, d.ID, graph.Swedish("duty_action", d.Action),
			nil, d.Deadline, nil, nil), sourceCells(d.Source)))
	}
	return t
}

func oversightTable(rows []graph.OversightRow) Table {
	t := Table{Name: "Uppsikt", Columns: columns("Organ", "Organ (id)", "Organtyp", "Organisation", "Styrelse", "Status", "Via")}
	for _, r := range rows {
		src := sourceCells(r.Source)
		src[0] = BasisTerm(r.Basis) // the row's basis: the weakest link of the uppsikt path
		t.Rows = append(t.Rows, withSource(row(r.Organ.Name, r.Organ.ID, graph.Swedish("organ_kind", r.OrganKind), r.Organisation.Name,
			refName(r.Styrelse), term(oversightTerms, r.Status), names(r.Via)), src))
	}
	return t
}

// StaffFunctionMatrix is the stabsfunktioner as a matrix: a row per förvaltning, a column
// per function (FTE; empty where the förvaltning neither records nor is expected to have
// it), the total, whether the gaps are known, the gaps and the basis of the row.
func StaffFunctionMatrix(rows []graph.StaffFunctionRow) Table {
	fns := graph.StaffFunctionColumns(rows)
	t := Table{Name: "Stabsfunktioner", Columns: []string{"Förvaltning", "Förvaltning (id)"}}
	for _, f := range fns {
		t.Columns = append(t.Columns, f.Name+" (FTE)")
	}
	t.Columns = append(t.Columns, "Totalt (FTE)", "Luckor kända", "Luckor", "Profiler", "Grund")
	for _, r := range rows {
		cells := row(r.Forvaltning.Name, r.Forvaltning.ID)
		for _, f := range fns {
			if e := r.Of(f.Function); e != nil {
				cells = append(cells, e.FTE)
			} else {
				cells = append(cells, nil)
			}
		}
		profiles := make([]string, len(r.Profiles))
		for i, p := range r.Profiles {
			profiles[i] = p.Name
		}
		cells = append(cells, r.Total, gapTerms[r.Status], strings.Join(r.GapNames(), "; "), strings.Join(profiles, "; "), BasisTerm(r.Basis))
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Statuses in Swedish, as the web pages say them; a status without a term stays as the API
// spells it.
var (
	followUpTerms = map[string]string{graph.StatusDue: "ska göras i år", graph.StatusOverdue: "försenad",
		graph.StatusNotRecorded: "okänt (ej registrerat)", graph.StatusOpen: "pågår", graph.StatusUnknown: "okänt om det återrapporterats"}
	calendarTerms = map[string]string{graph.CalendarDone: "genomfört", graph.CalendarUpcoming: "kommande",
		graph.CalendarNotRecorded: "inte registrerat", graph.CalendarOverdue: "försenat"}
	oversightTerms = map[string]string{graph.OversightCovered: "under uppsikt", graph.OversightNotCovered: "saknar uppsikt",
		graph.OversightUnknown: "okänt (ej registrerat)"}
)

func term(terms map[string]string, code string) string {
	if t, ok := terms[code]; ok {
		return t
	}
	return code
}

var gapTerms = map[string]string{
	graph.StaffGapsKnown:     "ja",
	graph.StaffGapsUnknown:   "okänt (ej fullständigt registrerat)",
	graph.StaffNoExpectation: "ingen förväntan",
}

func seatsTable(a graph.SeatsReport) Table {
	t := Table{Name: "Platser", Columns: []string{"Del", "Bedömning", "Plats", "Plats (id)", "Platstyp", "Organ", "Organ (id)", "Max antal innehavare",
		"Källplats", "Person", "Person (id)"}}
	const finding, unknown = "fynd", "okänt"
	seat := func(part, judged string, s graph.SeatRef) []any {
		return row(part, judged, s.Title, s.ID, graph.Swedish("post_kind", s.Kind), s.Organ.Name, s.Organ.ID)
	}
	for _, v := range a.Vacant {
		t.Rows = append(t.Rows, append(seat("Vakant", finding, v.SeatRef), v.MaxHolders, nil, nil, nil))
	}
	for _, v := range a.ExOfficioVacant {
		t.Rows = append(t.Rows, append(seat("Ex officio, källplatsen vakant", finding, v.SeatRef), nil, v.Source.Title, nil, nil))
	}
	for _, w := range a.WithoutChair {
		if len(w.ChairPosts) == 0 {
			t.Rows = append(t.Rows, row("Utan ordförande", finding, nil, nil, nil, w.Organ.Name, w.Organ.ID, nil, nil, nil, nil))
		}
		for _, c := range w.ChairPosts {
			t.Rows = append(t.Rows, append(seat("Utan ordförande", finding, c), nil, nil, nil, nil))
		}
	}
	for _, h := range a.ManySeats {
		for _, s := range h.Seats {
			var via any
			if s.Via != nil {
				via = s.Via.Title
			}
			t.Rows = append(t.Rows, append(seat("Många platser", finding, s.SeatRef), nil, via, h.Person.Name, h.Person.ID))
		}
	}
	for _, s := range a.HoldersNotRecorded {
		t.Rows = append(t.Rows, append(seat("Innehavare ej registrerade", unknown, s), nil, nil, nil, nil))
	}
	return t
}

func changesTable(rows []graph.Change) Table {
	t := Table{Name: "Förändringar", Columns: []string{"Datum", "Ändring", "Vad", "Id", "Namn", "Detalj"}}
	word := map[string]string{"started": "började", "ended": "upphörde (sista dag)"}
	for _, c := range rows {
		t.Rows = append(t.Rows, row(c.Date, cmp.Or(word[c.Change], c.Change), c.What, c.ID, c.Name, c.Detail))
	}
	return t
}

// Title is a table's title line: what it answers, for what and as of when.
func Title(question, subject string, at graph.Date) string {
	s := question
	if subject != "" {
		s += " – " + subject
	}
	if !at.IsZero() {
		s += fmt.Sprintf(" (per %s)", at)
	}
	return s
}
