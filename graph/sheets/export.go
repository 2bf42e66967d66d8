package sheets

import (
	"cmp"
	"context"
	"io"
	"slices"

	"github.com/styrgraf/styrgraf/graph"
)

// Export is an organisation's seat lists and stabsfunktioner as of a date, as the services
// answer them: what the XLSX export holds.
type Export struct {
	Organisation string // id
	Name         string // the organisation's name
	At           graph.Date
	Organs       []graph.SubtreeOrgan
	People       []graph.PersonDetail
	Staff        []graph.StaffFunctionRow
}

// Collect asks the services for an organisation's organs with their seats, the people who
// hold them and the stabsfunktioner, as of at.
func Collect(ctx context.Context, dir graph.Directory, q graph.Questions, organisation string, at graph.Date) (Export, error) {
	e := Export{Organisation: organisation, At: at}
	g, err := dir.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: organisation, At: at})
	if err != nil {
		return e, err
	}
	e.Name, e.Organs = g.Name, g.Organs
	// The organ's own answer has each seat's source, which the organisation graph leaves out.
	for i, o := range e.Organs {
		d, err := dir.OrganDetail(ctx, o.ID, at)
		if err != nil {
			return e, err
		}
		e.Organs[i].Seats = d.Seats
	}
	seen := map[string]bool{}
	for _, o := range g.Organs {
		for _, s := range o.Seats {
			if s.ExOfficio != nil {
				continue // its holders are the source seat's
			}
			for _, h := range s.Holders {
				if seen[h.ID] {
					continue
				}
				seen[h.ID] = true
				p, err := dir.Person(ctx, h.ID, at)
				if err != nil {
					return e, err
				}
				e.People = append(e.People, p)
			}
		}
	}
	slices.SortFunc(e.People, func(a, b graph.PersonDetail) int { return cmp.Compare(a.ID, b.ID) })
	e.Staff, err = graph.All(func(p graph.Page) (graph.List[graph.StaffFunctionRow], error) {
		return q.StaffFunctions(ctx, graph.OrganisationQuery{Organisation: organisation, At: at, Page: p})
	})
	return e, err
}

// Tables are the export's sheets: Platser, Innehav and Personer in the import layout (so
// that the workbook can be edited and imported again), and the stabsfunktioner matrix.
// A seat's provenance is its source's; a holding's and a person's source are not part of
// the answers exported, so their basis is okänt, except that a holding of an illustrative
// seat is illustrative (nothing resting on made-up data is more than made up).
func (e Export) Tables(note string) []Table {
	subject := e.Name
	if subject == "" {
		subject = e.Organisation
	}
	layout := func(sheet string) Table {
		l, _ := layoutOf(sheet)
		return Table{Name: sheet, Title: Title(sheet, subject, e.At), Note: note, Columns: l.Headers()}
	}
	seats, holdings, people := layout(SheetSeats), layout(SheetHoldings), layout(SheetPeople)
	byID := map[string]graph.PersonDetail{}
	for _, p := range e.People {
		byID[p.ID] = p
		people.Rows = append(people.Rows, withSource(row(p.ID, p.Name, p.Email, p.Placeholder), sourceCells(graph.SourceRef{})))
	}
	for _, o := range e.Organs {
		for _, s := range o.Seats {
			var exOfficio any
			if s.ExOfficio != nil {
				exOfficio = s.ExOfficio.ID
			}
			src := sourceCells(s.Source)
			if s.Source.Basis == graph.BasisInferred && s.Source.Reasoning == "" {
				src[0] = nil // a document cited without a basis: inferred by default, as the file says it
			}
			seats.Rows = append(seats.Rows, withSource(row(s.ID, s.Title, s.Kind, o.ID, o.Name, s.MaxHolders, exOfficio, nil, nil), src))
			if s.ExOfficio != nil {
				continue
			}
			for _, h := range s.Holders {
				from, to := holdingPeriod(byID[h.ID], s.ID, e.At)
				src := graph.SourceRef{}
				// A holding of a made-up seat is made up too (the dataset check insists).
				if b := s.Source.Basis; b == graph.BasisIllustrative || b == graph.BasisGenerated {
					src.Basis = b
				}
				holdings.Rows = append(holdings.Rows, withSource(row(s.ID, s.Title, h.ID, h.Name, from, to), sourceCells(src)))
			}
		}
	}
	matrix := StaffFunctionMatrix(e.Staff)
	matrix.Name, matrix.Title, matrix.Note = "Stabsfunktionsmatris", Title("Stabsfunktioner", subject, e.At), note
	return []Table{seats, holdings, people, matrix}
}

// holdingPeriod is the period of the person's direct holding of the seat that covers at.
func holdingPeriod(p graph.PersonDetail, seat string, at graph.Date) (from, to *graph.Date) {
	for _, h := range p.History {
		if h.ID != seat || h.Via != nil {
			continue
		}
		if (h.ValidFrom == nil || !h.ValidFrom.After(at.Time)) && (h.ValidTo == nil || !h.ValidTo.Before(at.Time)) {
			return h.ValidFrom, h.ValidTo
		}
	}
	return nil, nil
}

// WriteExport writes the export as one workbook.
func WriteExport(w io.Writer, e Export, note string) error {
	return WriteXLSX(w, e.Tables(note)...)
}
