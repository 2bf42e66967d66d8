package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// Search finds organs, seats, people, topics and organisations by name, best match first
// (see matchNames), optionally only of some kinds and of one organisation.
func (db *DB) Search(ctx context.Context, q graph.SearchQuery) (graph.List[graph.SearchHit], error) {
	if err := q.Validate(); err != nil {
		return graph.List[graph.SearchHit]{}, err
	}
	if q.Organisation != "" {
		if err := db.requireOrganisation(ctx, q.Organisation); err != nil {
			return graph.List[graph.SearchHit]{}, err
		}
	}
	return readTx(ctx, db, "search", func(tx neo4j.ManagedTransaction) (graph.List[graph.SearchHit], error) {
		return search(ctx, tx, q.Text, q.Kinds, q.Organisation, q.Page)
	})
}

// search runs the matching and the search query in one transaction.
func search(ctx context.Context, tx neo4j.ManagedTransaction, text string, kinds []string, organisation string, p graph.Page) (graph.List[graph.SearchHit], error) {
	matches, err := matchNames(ctx, tx, text, kinds, nil)
	if err != nil {
		return graph.List[graph.SearchHit]{}, err
	}
	params := map[string]any{"matches": matchParams(matches), "organisation": organisation}
	return collectPage(ctx, tx, "search.cypher", params, p, func(rec *neo4j.Record) (graph.SearchHit, error) {
		var h graph.SearchHit
		var err error
		if h.ID, err = get[string](rec, "id"); err != nil {
			return h, err
		}
		if h.Kind, err = get[string](rec, "kind"); err != nil {
			return h, err
		}
		if h.Name, err = get[string](rec, "name"); err != nil {
			return h, err
		}
		if h.Organisation, err = get[string](rec, "organisation"); err != nil {
			return h, err
		}
		if h.Organ, err = get[string](rec, "organ"); err != nil {
			return h, err
		}
		rank, err := get[int64](rec, "rank")
		h.Match = matchClass(rank)
		return h, err
	})
}

// Person returns a person and the seats they hold on at, or ENOTFOUND.
func (db *DB) Person(ctx context.Context, id string, at graph.Date) (graph.PersonDetail, error) {
	params := map[string]any{"id": id, "at": dateParam(at)}
	rows, err := readTx(ctx, db, "person", func(tx neo4j.ManagedTransaction) ([]graph.PersonDetail, error) {
		return collect(ctx, tx, "person.cypher", params, func(rec *neo4j.Record) (graph.PersonDetail, error) {
			var d graph.PersonDetail
			p, err := get[map[string]any](rec, "person")
			if err != nil {
				return d, err
			}
			d.ID, d.Name, d.Email = str(p, "id"), str(p, "name"), str(p, "email")
			d.Placeholder, _ = p["placeholder"].(bool)
			seats, err := get[[]any](rec, "seats")
			if err != nil {
				return d, err
			}
			d.Seats = personSeats(seats)
			history, err := get[[]any](rec, "history")
			d.History = personSeats(history)
			return d, err
		})
	})
	if err != nil {
		return graph.PersonDetail{}, err
	}
	if len(rows) == 0 {
		return graph.PersonDetail{}, graph.Errorf(graph.ENOTFOUND, "no person %q", id)
	}
	return rows[0], nil
}

// Organisations lists the organisations valid on at, by name.
func (db *DB) Organisations(ctx context.Context, at graph.Date) ([]graph.Ref, error) {
	return readTx(ctx, db, "organisations", func(tx neo4j.ManagedTransaction) ([]graph.Ref, error) {
		return collect(ctx, tx, "organisations.cypher", map[string]any{"at": dateParam(at)}, func(rec *neo4j.Record) (graph.Ref, error) {
			r := graph.Ref{Kind: "Organisation"}
			var err error
			if r.ID, err = get[string](rec, "id"); err != nil {
				return r, err
			}
			r.Name, err = get[string](rec, "name")
			return r, err
		})
	})
}

// personSeats reads the seats of a person answer; never nil, so that none is a list in JSON.
func personSeats(list []any) []graph.PersonSeat {
	out := []graph.PersonSeat{}
	for _, s := range maps(list) {
		ps := graph.PersonSeat{ID: str(s, "id"), Title: str(s, "title"), Kind: str(s, "kind"),
			Organ:     graph.Ref{ID: str(s, "organ_id"), Kind: "Organ", Name: str(s, "organ")},
			ValidFrom: dateValue(s["valid_from"]), ValidTo: dateValue(s["valid_to"])}
		if via := str(s, "via_id"); via != "" {
			ps.Via = &graph.Ref{ID: via, Kind: "Post", Name: str(s, "via_title")}
		}
		out = append(out, ps)
	}
	return out
}
