package neo4jdb

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// OrganisationGraph returns every organ that belongs to an organisation on at (as its
// huvudman or through spans) with levels, parents, seats and the relations among them: what
// an organisation's org diagram draws. Root is the organisation's id; organs come by level,
// then name, then id. An organisation that does not exist on at is ENOTFOUND; one with more
// than maxOrgans organs is ETOOLARGE (maxOrgans 0: no limit).
func (db *DB) OrganisationGraph(ctx context.Context, q graph.OrganisationGraphQuery) (graph.Subtree, error) {
	if err := q.Validate(); err != nil {
		return graph.Subtree{}, err
	}
	organisation, at, maxOrgans := q.Organisation, q.At, q.MaxOrgans
	limit := int64(maxOrgans)
	if maxOrgans == 0 {
		limit = 1<<62 - 1
	}
	type answer struct {
		found bool
		total int64
		tree  graph.Subtree
	}
	params := map[string]any{"relationTypes": relationTypes, "organisation": organisation, "at": dateParam(at), "maxOrgans": limit}
	a, err := readTx(ctx, db, "organisation_graph", func(tx neo4j.ManagedTransaction) (answer, error) {
		a := answer{tree: graph.Subtree{Root: organisation, Organs: []graph.SubtreeOrgan{}, Edges: []graph.EdgeRef{}}}
		_, err := collect(ctx, tx, "organisation_graph.cypher", params, func(rec *neo4j.Record) (struct{}, error) {
			var err error
			if a.found, err = get[bool](rec, "found"); err != nil {
				return struct{}{}, err
			}
			if a.total, err = get[int64](rec, "total"); err != nil {
				return struct{}{}, err
			}
			if err := readTree(rec, &a.tree); err != nil {
				return struct{}{}, err
			}
			name, _ := rec.Get("name")
			a.tree.Name, _ = name.(string)
			return struct{}{}, readSources(rec, &a.tree)
		})
		return a, err
	})
	if err != nil {
		return graph.Subtree{}, err
	}
	if !a.found {
		return graph.Subtree{}, graph.Errorf(graph.ENOTFOUND, "no organisation %q on %s", organisation, at)
	}
	if maxOrgans > 0 && a.total > int64(maxOrgans) {
		return graph.Subtree{}, graph.Errorf(graph.ETOOLARGE,
			"organisation %q has %d organs on %s, more than the %d a diagram can draw; draw one organ's subtree with a lower depth instead, or choose another date",
			organisation, a.total, at, maxOrgans)
	}
	slices.SortFunc(a.tree.Organs, graph.CompareOrgans)
	return a.tree, nil
}

// readSources reads the datasets and documents an organisation graph draws from, sorted.
func readSources(rec *neo4j.Record, t *graph.Subtree) error {
	datasets, err := get[[]any](rec, "datasets")
	if err != nil {
		return err
	}
	for _, d := range datasets {
		if s, ok := d.(string); ok {
			t.Datasets = append(t.Datasets, s)
		}
	}
	slices.Sort(t.Datasets)
	documents, err := get[[]any](rec, "documents")
	if err != nil {
		return err
	}
	for _, d := range maps(documents) {
		t.Documents = append(t.Documents, graph.Ref{ID: str(d, "id"), Kind: "Document", Name: str(d, "title")})
	}
	slices.SortFunc(t.Documents, func(a, b graph.Ref) int { return strings.Compare(a.ID, b.ID) })
	return nil
}
