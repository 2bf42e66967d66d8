package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// OversightCoverage answers "is every nämnd, bolag, stiftelse and joint activity under
// uppsikt?" for an organisation (empty: all organisations) as of at: one row per organ of the
// graph.UppsiktKinds belonging to it and per organisation that organ belongs to, saying
// whether that organisation's styrelse oversees it (directly or through up to three OVERSEES
// relationships). Gaps come first, then rows by organ name. An organisation that does not
// exist or does not hold on at is ENOTFOUND.
func (db *DB) OversightCoverage(ctx context.Context, q graph.OrganisationQuery) (graph.List[graph.OversightRow], error) {
	if err := q.Validate(false); err != nil {
		return graph.List[graph.OversightRow]{}, err
	}
	organisation, at := q.Organisation, q.At
	type result struct {
		organisations, total int64
		rows                 []map[string]any
	}
	params := map[string]any{"organisation": organisation, "at": dateParam(at), "kinds": graph.UppsiktKinds,
		"minBasisRank": int64(graph.BasisRank(q.MinBasis)), "offset": int64(q.Offset), "limit": int64(q.Limit)}
	got, err := readTx(ctx, db, "oversight_coverage", func(tx neo4j.ManagedTransaction) (result, error) {
		var r result
		res, err := tx.Run(ctx, queries.Text("oversight_coverage.cypher"), params)
		if err != nil {
			return r, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return r, err
		}
		if r.organisations, err = get[int64](rec, "organisations"); err != nil {
			return r, err
		}
		if r.total, err = get[int64](rec, "total"); err != nil {
			return r, err
		}
		rows, err := get[[]any](rec, "rows")
		r.rows = maps(rows)
		return r, err
	})
	if err != nil {
		return graph.List[graph.OversightRow]{}, err
	}
	if got.organisations == 0 && organisation != "" {
		return graph.List[graph.OversightRow]{}, graph.Errorf(graph.ENOTFOUND, "no organisation %q on %s", organisation, at)
	}
	out := make([]graph.OversightRow, 0, len(got.rows))
	for _, m := range got.rows {
		row := graph.OversightRow{
			Organ:        graph.Ref{ID: str(m, "organ_id"), Kind: "Organ", Name: str(m, "organ_name")},
			OrganKind:    str(m, "organ_kind"),
			Organisation: graph.Ref{ID: str(m, "organisation_id"), Kind: "Organisation", Name: str(m, "organisation_name")},
			Status:       str(m, "status"),
		}
		if id := str(m, "styrelse_id"); id != "" {
			row.Styrelse = &graph.Ref{ID: id, Kind: "Organ", Name: str(m, "styrelse_name")}
		}
		for _, v := range maps(m["via"]) {
			row.Via = append(row.Via, graph.Ref{ID: str(v, "id"), Kind: str(v, "kind"), Name: str(v, "name")})
		}
		switch pathBases := bases(m["path_bases"]); {
		case len(pathBases) > 0:
			// Uppsikt is recorded (possibly on a weaker basis than asked: then unknown).
			row.Source = sourceRef(m)
			row.Basis = graph.WeakestBasis(pathBases...)
		case row.Status == graph.OversightNotCovered:
			row.Basis = str(m, "coverage_basis")
		}
		out = append(out, row)
	}
	return graph.List[graph.OversightRow]{Items: out, Total: int(got.total)}, nil
}
