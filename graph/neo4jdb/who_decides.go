package neo4jdb

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// WhoDecides finds the mandates about a topic or matching free text, as of q.At, optionally
// within one organisation, ranked by relevance, then direct matches before topic matches,
// then shorter delegation paths.
func (db *DB) WhoDecides(ctx context.Context, q graph.WhoDecidesQuery) (graph.List[graph.Decision], error) {
	if err := q.Validate(); err != nil {
		return graph.List[graph.Decision]{}, err
	}
	var org any
	if q.Organisation != "" {
		if err := db.requireOrganisation(ctx, q.Organisation); err != nil {
			return graph.List[graph.Decision]{}, err
		}
		org = q.Organisation
	}
	params := map[string]any{"q": luceneQuery(q.Topic), "topic": q.Topic, "organisation": org, "at": dateParam(q.At),
		"minBasisRank": int64(graph.BasisRank(q.MinBasis))}
	return readTx(ctx, db, "who_decides", func(tx neo4j.ManagedTransaction) (graph.List[graph.Decision], error) {
		return collectPage(ctx, tx, "who_decides.cypher", params, q.Page, func(rec *neo4j.Record) (graph.Decision, error) {
			var d graph.Decision
			m, err := get[map[string]any](rec, "mandate")
			if err != nil {
				return d, err
			}
			d.Mandate = mandateRef(m)
			if d.Score, err = get[float64](rec, "score"); err != nil {
				return d, err
			}
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
		})
	})
}

func mandateRef(m map[string]any) graph.MandateRef {
	return graph.MandateRef{ID: str(m, "id"), Scope: str(m, "scope"), Level: str(m, "level"), Holder: str(m, "holder"), Source: sourceRef(m)}
}

// luceneQuery turns what a person typed into a full-text query: every word must match
// (stemmed), each quoted so that Lucene's operators (OR, *, parentheses…) count as text.
func luceneQuery(text string) string {
	var words []string
	for _, w := range strings.Fields(text) {
		w = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(w)
		words = append(words, `"`+w+`"`)
	}
	return strings.Join(words, " AND ")
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
