package neo4jdb

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// OversightCoverage answers "is every nämnd, bolag, stiftelse and joint activity under
// uppsikt?" for an organisation (empty: all organisations) as of at: one row per organ of the
// graph.UppsiktKinds belonging to it and per organisation that organ belongs to, saying
// whether that organisation's styrelse oversees it (directly or through up to three OVERSEES
// relationships). Gaps come first, then rows by organ name. An organisation that does not
// exist or does not hold on at is ENOTFOUND.
func (db *DB) OversightCoverage(ctx context.Context, organisation string, at graph.Date) ([]graph.OversightRow, error) {
	type result struct {
		organisations int64
		rows          []map[string]any
	}
	got, err := readTx(ctx, db, "oversight_coverage", func(tx neo4j.ManagedTransaction) (result, error) {
		var r result
		var err error
		r.organisations, r.rows, err = oneListRow(ctx, tx, "oversight_coverage.cypher", "rows", map[string]any{
			"organisation": organisation, "at": dateParam(at), "kinds": graph.UppsiktKinds,
		})
		return r, err
	})
	if err != nil {
		return nil, err
	}
	if got.organisations == 0 && organisation != "" {
		return nil, graph.Errorf(graph.ENOTFOUND, "no organisation %q on %s", organisation, at)
	}
	out := make([]graph.OversightRow, 0, len(got.rows))
	for _, m := range got.rows {
		covered, _ := m["covered"].(bool)
		row := graph.OversightRow{
			Organ:        graph.Ref{ID: str(m, "organ_id"), Kind: "Organ", Name: str(m, "organ_name")},
			OrganKind:    str(m, "organ_kind"),
			Organisation: graph.Ref{ID: str(m, "organisation_id"), Kind: "Organisation", Name: str(m, "organisation_name")},
			Covered:      covered,
		}
		if id := str(m, "styrelse_id"); id != "" {
			row.Styrelse = &graph.Ref{ID: id, Kind: "Organ", Name: str(m, "styrelse_name")}
		}
		for _, v := range maps(m["via"]) {
			row.Via = append(row.Via, graph.Ref{ID: str(v, "id"), Kind: str(v, "kind"), Name: str(v, "name")})
		}
		if covered {
			row.Source = sourceRef(m)
		}
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Covered != b.Covered:
			return !a.Covered
		case a.Organ.Name != b.Organ.Name:
			return a.Organ.Name < b.Organ.Name
		case a.Organ.ID != b.Organ.ID:
			return a.Organ.ID < b.Organ.ID
		case a.Organisation.Name != b.Organisation.Name:
			return a.Organisation.Name < b.Organisation.Name
		}
		return styrelseID(a) < styrelseID(b)
	})
	return out, nil
}

func styrelseID(r graph.OversightRow) string {
	if r.Styrelse == nil {
		return ""
	}
	return r.Styrelse.ID
}
