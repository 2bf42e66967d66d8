package neo4jdb

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// Seats reports on the seats of an organisation as of at (DOMAIN.md question 6): vacant
// seats, ex officio seats whose source seat is vacant, organs without a chair, and the people
// who hold at least minSeats seats (counting seats held ex officio through a post they hold).
// The three queries run in one read transaction, so they see the same graph. An organisation
// that does not exist on at is ENOTFOUND; minSeats below 1 is EINVALID.
func (db *DB) Seats(ctx context.Context, organisation string, at graph.Date, minSeats int) (graph.SeatsReport, error) {
	if minSeats < 1 {
		return graph.SeatsReport{}, graph.Errorf(graph.EINVALID, "minimum number of seats must be at least 1, not %d", minSeats)
	}
	type answer struct {
		found  bool
		report graph.SeatsReport
	}
	params := map[string]any{"organisation": organisation, "at": dateParam(at), "minSeats": int64(minSeats)}
	a, err := readTx(ctx, db, "seats", func(tx neo4j.ManagedTransaction) (answer, error) {
		a := answer{report: graph.SeatsReport{
			Vacant: []graph.VacantSeat{}, ExOfficioVacant: []graph.ExOfficioVacancy{},
			WithoutChair: []graph.OrganWithoutChair{}, ManySeats: []graph.SeatHolder{},
		}}
		r := &a.report
		// Each query returns one row when the organisation exists, none otherwise.
		rec, err := single(ctx, tx, "seats_vacant.cypher", params)
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
			r.Vacant = append(r.Vacant, graph.VacantSeat{SeatRef: seatRef(m, ""), MaxHolders: int(num(m, "max_holders"))})
		}
		if list, err = get[[]any](rec, "ex_officio"); err != nil {
			return a, err
		}
		for _, m := range maps(list) {
			r.ExOfficioVacant = append(r.ExOfficioVacant, graph.ExOfficioVacancy{SeatRef: seatRef(m, ""), Source: seatRef(m, "source_")})
		}

		if rec, err = single(ctx, tx, "seats_without_chair.cypher", params); err != nil || rec == nil {
			return a, err
		}
		if list, err = get[[]any](rec, "organs"); err != nil {
			return a, err
		}
		for _, m := range maps(list) {
			organ := graph.OrganWithoutChair{Organ: graph.Ref{ID: str(m, "id"), Kind: "Organ", Name: str(m, "name")}, OrganKind: str(m, "kind")}
			for _, c := range maps(m["chairs"]) {
				organ.ChairPosts = append(organ.ChairPosts, graph.SeatRef{ID: str(c, "id"), Title: str(c, "title"), Kind: str(c, "kind"), Organ: organ.Organ})
			}
			r.WithoutChair = append(r.WithoutChair, organ)
		}

		if rec, err = single(ctx, tx, "seats_load.cypher", params); err != nil || rec == nil {
			return a, err
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

// seatLess orders seats by organ name, title and id (organ id breaks ties of equal names).
func seatLess(a, b graph.SeatRef) bool {
	if a.Organ.Name != b.Organ.Name {
		return a.Organ.Name < b.Organ.Name
	}
	if a.Organ.ID != b.Organ.ID {
		return a.Organ.ID < b.Organ.ID
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.ID < b.ID
}

func sortSeatsReport(r *graph.SeatsReport) {
	sort.Slice(r.Vacant, func(i, j int) bool { return seatLess(r.Vacant[i].SeatRef, r.Vacant[j].SeatRef) })
	sort.Slice(r.ExOfficioVacant, func(i, j int) bool { return seatLess(r.ExOfficioVacant[i].SeatRef, r.ExOfficioVacant[j].SeatRef) })
	sort.Slice(r.WithoutChair, func(i, j int) bool {
		a, b := r.WithoutChair[i].Organ, r.WithoutChair[j].Organ
		return a.Name < b.Name || a.Name == b.Name && a.ID < b.ID
	})
	for _, o := range r.WithoutChair {
		sort.Slice(o.ChairPosts, func(i, j int) bool { return seatLess(o.ChairPosts[i], o.ChairPosts[j]) })
	}
	for _, h := range r.ManySeats {
		sort.Slice(h.Seats, func(i, j int) bool { return seatLess(h.Seats[i].SeatRef, h.Seats[j].SeatRef) })
	}
	sort.Slice(r.ManySeats, func(i, j int) bool {
		a, b := r.ManySeats[i], r.ManySeats[j]
		if len(a.Seats) != len(b.Seats) {
			return len(a.Seats) > len(b.Seats)
		}
		if a.Person.Name != b.Person.Name {
			return a.Person.Name < b.Person.Name
		}
		return a.Person.ID < b.Person.ID
	})
}
