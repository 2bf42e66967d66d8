package neo4jdb

import (
	"cmp"
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// whoDecidesKinds are the items what a user types is matched against for who-decides.
var whoDecidesKinds = []string{"Mandate", "Topic"}

// relatedKinds are what who-decides offers instead when no mandate matches.
var relatedKinds = []string{"Organ", "Topic"}

// maxRelated bounds the related organs and topics of an answer without mandates.
const maxRelated = 10

// WhoDecides finds the mandates about a topic or matching free text, as of q.At, optionally
// within one organisation, best match first, then direct matches before topic matches, then
// shorter delegation paths. When no mandate matches, the answer lists the organs and topics
// that do, or says that nothing matched at all.
func (db *DB) WhoDecides(ctx context.Context, q graph.WhoDecidesQuery) (graph.WhoDecidesAnswer, error) {
	if err := q.Validate(); err != nil {
		return graph.WhoDecidesAnswer{}, err
	}
	var org any
	if q.Organisation != "" {
		if err := db.requireOrganisation(ctx, q.Organisation); err != nil {
			return graph.WhoDecidesAnswer{}, err
		}
		org = q.Organisation
	}
	return readTx(ctx, db, "who_decides", func(tx neo4j.ManagedTransaction) (graph.WhoDecidesAnswer, error) {
		a := graph.WhoDecidesAnswer{Organisation: q.Organisation}
		// For one organisation, what was typed is matched among its own mandates and their
		// topics: a common word matches in every organisation of the country.
		var within []string
		if q.Organisation != "" {
			rec, err := single(ctx, tx, "organisation_mandates.cypher", map[string]any{"organisation": q.Organisation})
			if err != nil {
				return a, err
			}
			if within, err = stringList(rec, "ids"); err != nil {
				return a, err
			}
		}
		matches, err := matchNames(ctx, tx, q.Topic, whoDecidesKinds, within)
		if err != nil {
			return a, err
		}
		params := map[string]any{"matches": matchParams(matches), "topic": q.Topic, "organisation": org, "at": dateParam(q.At),
			"minBasisRank": int64(graph.BasisRank(q.MinBasis))}
		if a.List, err = collectPage(ctx, tx, "who_decides.cypher", params, q.Page, readDecision); err != nil || a.Total > 0 {
			return a, err
		}
		related, err := search(ctx, tx, q.Topic, relatedKinds, q.Organisation, graph.Page{Limit: maxRelated})
		a.Related, a.NothingMatched = related.Items, related.Total == 0
		return a, err
	})
}

func readDecision(rec *neo4j.Record) (graph.Decision, error) {
	var d graph.Decision
	m, err := get[map[string]any](rec, "mandate")
	if err != nil {
		return d, err
	}
	d.Mandate = mandateRef(m)
	rank, err := get[int64](rec, "rank")
	if err != nil {
		return d, err
	}
	d.Match = matchClass(rank)
	if d.Direct, err = get[bool](rec, "direct"); err != nil {
		return d, err
	}
	h, err := get[map[string]any](rec, "holder")
	if err != nil {
		return d, err
	}
	d.Holder = graph.Ref{ID: str(h, "id"), Kind: str(h, "kind"), Name: str(h, "name")}
	d.Mandate.Holder = d.Holder.Name
	if d.Organ, err = get[string](rec, "organ"); err != nil {
		return d, err
	}
	people, err := get[[]any](rec, "people")
	if err != nil {
		return d, err
	}
	if d.People = refs(people, "Person"); d.People == nil {
		d.People = []graph.Ref{} // a list in JSON, also when nobody holds the seat
	}
	path, err := get[[]any](rec, "path")
	if err != nil {
		return d, err
	}
	for _, step := range maps(path) {
		d.Path = append(d.Path, mandateRef(step))
	}
	return d, nil
}

func mandateRef(m map[string]any) graph.MandateRef {
	return graph.MandateRef{ID: str(m, "id"), Scope: str(m, "scope"), Level: str(m, "level"),
		Status: cmp.Or(str(m, "status"), graph.MandateInForce), Holder: str(m, "holder"),
		Conditions: conditionRefs(m["conditions"]), Source: sourceRef(m)}
}

// requireOrganisation returns ENOTFOUND unless the organisation exists.
func (db *DB) requireOrganisation(ctx context.Context, id string) error {
	found, err := readTx(ctx, db, "organisation_exists", func(tx neo4j.ManagedTransaction) (bool, error) {
		ids, err := collect(ctx, tx, "organisation_exists.cypher", map[string]any{"id": id}, func(*neo4j.Record) (bool, error) { return true, nil })
		return len(ids) > 0, err
	})
	if err == nil && !found {
		err = graph.Errorf(graph.ENOTFOUND, "no organisation has id %q", id)
	}
	return err
}
