package neo4jdb

import (
	"cmp"
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// Seats reports on the seats of an organisation as of at: vacant
// seats, ex officio seats whose source seat is vacant, organs without a chair, and the people
// who hold at least minSeats seats (counting seats held ex officio through a post they hold).
// One query (seats.cypher) answers all of it, walking the seats once. An organisation
// that does not exist on at is ENOTFOUND.
func (db *DB) Seats(ctx context.Context, q graph.SeatsQuery) (graph.SeatsReport, error) {
	if err := q.Validate(); err != nil {
		return graph.SeatsReport{}, err
	}
	organisation, at, minSeats := q.Organisation, q.At, q.MinSeats
	type answer struct {
		found  bool
		report graph.SeatsReport
	}
	params := map[string]any{"organisation": organisation, "at": dateParam(at), "minSeats": int64(minSeats)}
	a, err := readTx(ctx, db, "seats", func(tx neo4j.ManagedTransaction) (answer, error) {
		a := answer{report: graph.SeatsReport{
			Vacant: []graph.VacantSeat{}, ExOfficioVacant: []graph.ExOfficioVacancy{},
			WithoutChair: []graph.OrganWithoutChair{}, ManySeats: []graph.SeatHolder{}, HoldersNotRecorded: []graph.SeatRef{},
		}}
		r := &a.report
		// One row when the organisation exists, none otherwise.
		rec, err := single(ctx, tx, "seats.cypher", params)
		if err != nil || rec == nil {
			return a, err
		}
		if a.found, err = get[bool](rec, "found"); err != nil || !a.found {
			return a, err
		}
		name, err := get[string](rec, "name")
		if err != nil {
			return a, err
		}
		r.Organisation = graph.Ref{ID: organisation, Kind: "Organisation", Name: name}
		list, err := get[[]any](rec, "vacant")
		if err != nil {
			return a, err
		}
		for _, m := range maps(list) {
			if recorded, _ := m["recorded"].(bool); !recorded {
				r.HoldersNotRecorded = append(r.HoldersNotRecorded, seatRef(m, ""))
				continue
			}
			r.Vacant = append(r.Vacant, graph.VacantSeat{SeatRef: seatRef(m, ""), MaxHolders: int(num(m, "max_holders"))})
		}
		if list, err = get[[]any](rec, "ex_officio"); err != nil {
			return a, err
		}
		for _, m := range maps(list) {
			if recorded, _ := m["recorded"].(bool); !recorded {
				r.HoldersNotRecorded = append(r.HoldersNotRecorded, seatRef(m, ""))
				continue
			}
			r.ExOfficioVacant = append(r.ExOfficioVacant, graph.ExOfficioVacancy{SeatRef: seatRef(m, ""), Source: seatRef(m, "source_")})
		}

		if list, err = get[[]any](rec, "organs"); err != nil {
			return a, err
		}
		for _, m := range maps(list) {
			organ := graph.OrganWithoutChair{Organ: graph.Ref{ID: str(m, "id"), Kind: "Organ", Name: str(m, "name")}, OrganKind: str(m, "kind")}
			for _, c := range maps(m["chairs"]) {
				organ.ChairPosts = append(organ.ChairPosts, graph.SeatRef{ID: str(c, "id"), Title: str(c, "title"), Kind: str(c, "kind"), Organ: organ.Organ})
			}
			// Outside holders coverage neither an unheld chair (listed as not recorded by the
			// vacancy query) nor a missing chair post is a finding: the seats may simply not be
			// in the dataset.
			if recorded, _ := m["recorded"].(bool); !recorded {
				continue
			}
			r.WithoutChair = append(r.WithoutChair, organ)
		}

		if list, err = get[[]any](rec, "people"); err != nil {
			return a, err
		}
		for _, m := range maps(list) {
			h := graph.SeatHolder{Person: graph.Ref{ID: str(m, "id"), Kind: "Person", Name: str(m, "name")}}
			for _, s := range maps(m["seats"]) {
				held := graph.HeldSeat{SeatRef: seatRef(s, "")}
				if str(s, "via_id") != "" {
					via := seatRef(s, "via_")
					held.Via = &via
				}
				h.Seats = append(h.Seats, held)
			}
			r.ManySeats = append(r.ManySeats, h)
		}
		return a, nil
	})
	if err != nil {
		return graph.SeatsReport{}, err
	}
	if !a.found {
		return graph.SeatsReport{}, graph.Errorf(graph.ENOTFOUND, "no organisation %q on %s", organisation, at)
	}
	sortSeatsReport(&a.report)
	return a.report, nil
}

// single runs a query that returns at most one row and returns that row, or nil.
func single(ctx context.Context, tx neo4j.ManagedTransaction, file string, params map[string]any) (*neo4j.Record, error) {
	res, err := tx.Run(ctx, queries.Text(file), params)
	if err != nil {
		return nil, err
	}
	if !res.Next(ctx) {
		return nil, res.Err()
	}
	rec := res.Record()
	if res.Next(ctx) {
		return nil, graph.Errorf(graph.EINTERNAL, "%s returned more than one row", file)
	}
	return rec, res.Err()
}

// seat reads a seat from a map whose keys carry prefix: {prefix}id, title, kind, organ_id, organ.
func seatRef(m map[string]any, prefix string) graph.SeatRef {
	return graph.SeatRef{
		ID: str(m, prefix+"id"), Title: str(m, prefix+"title"), Kind: str(m, prefix+"kind"),
		Organ: graph.Ref{ID: str(m, prefix+"organ_id"), Kind: "Organ", Name: str(m, prefix+"organ")},
	}
}

// compareSeats orders seats by organ name, title and id (organ id breaks ties of equal
// names).
func compareSeats(a, b graph.SeatRef) int {
	return cmp.Or(cmp.Compare(a.Organ.Name, b.Organ.Name), cmp.Compare(a.Organ.ID, b.Organ.ID),
		cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
}

func sortSeatsReport(r *graph.SeatsReport) {
	slices.SortFunc(r.Vacant, func(a, b graph.VacantSeat) int { return compareSeats(a.SeatRef, b.SeatRef) })
	slices.SortFunc(r.ExOfficioVacant, func(a, b graph.ExOfficioVacancy) int { return compareSeats(a.SeatRef, b.SeatRef) })
	slices.SortFunc(r.HoldersNotRecorded, compareSeats)
	slices.SortFunc(r.WithoutChair, func(a, b graph.OrganWithoutChair) int {
		return cmp.Or(cmp.Compare(a.Organ.Name, b.Organ.Name), cmp.Compare(a.Organ.ID, b.Organ.ID))
	})
	for _, o := range r.WithoutChair {
		slices.SortFunc(o.ChairPosts, compareSeats)
	}
	for _, h := range r.ManySeats {
		slices.SortFunc(h.Seats, func(a, b graph.HeldSeat) int { return compareSeats(a.SeatRef, b.SeatRef) })
	}
	slices.SortFunc(r.ManySeats, func(a, b graph.SeatHolder) int {
		return cmp.Or(cmp.Compare(len(b.Seats), len(a.Seats)), cmp.Compare(a.Person.Name, b.Person.Name), cmp.Compare(a.Person.ID, b.Person.ID))
	})
}
