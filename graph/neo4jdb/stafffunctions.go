package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// StaffFunctions maps the stabsfunktioner of every förvaltning of an organisation as of at:
// the FTE of each function of the staff_function vocabulary, the total and the gaps, one
// row per förvaltning sorted by name (then id). An organisation that does not exist on at is
// ENOTFOUND.
func (db *DB) StaffFunctions(ctx context.Context, q graph.OrganisationQuery) (graph.List[graph.StaffFunctionRow], error) {
	if err := q.Validate(true); err != nil {
		return graph.List[graph.StaffFunctionRow]{}, err
	}
	type answer struct {
		found bool
		rows  graph.List[graph.StaffFunctionRow]
	}
	params := map[string]any{"organisation": q.Organisation, "at": dateParam(q.At), "functions": graph.StaffFunctionValues(),
		"minBasisRank": int64(graph.BasisRank(q.MinBasis)),
		"offset":       int64(q.Offset), "limit": int64(q.Limit)}
	a, err := readTx(ctx, db, "staff_functions", func(tx neo4j.ManagedTransaction) (answer, error) {
		res, err := tx.Run(ctx, queries.Text("staff_functions.cypher"), params)
		if err != nil {
			return answer{}, err
		}
		if !res.Next(ctx) {
			return answer{}, res.Err()
		}
		rec := res.Record()
		a := answer{rows: graph.List[graph.StaffFunctionRow]{Items: []graph.StaffFunctionRow{}}}
		if a.found, err = get[bool](rec, "found"); err != nil {
			return a, err
		}
		total, err := get[int64](rec, "total")
		if err != nil {
			return a, err
		}
		a.rows.Total = int(total)
		rows, err := get[[]any](rec, "rows")
		if err != nil {
			return a, err
		}
		for _, m := range maps(rows) {
			row := graph.StaffFunctionRow{
				Forvaltning: graph.Ref{ID: str(m, "id"), Kind: "Organ", Name: str(m, "name")},
				Total:       num(m, "total"),
				Gaps:        strs(m["gaps"]),
			}
			row.Recorded, _ = m["recorded"].(bool)
			if b := bases(m["bases"]); len(b) > 0 {
				row.Basis = graph.WeakestBasis(b...)
			}
			for _, f := range maps(m["fte"]) {
				row.Functions = append(row.Functions, graph.StaffFunctionFTE{Function: str(f, "function"), FTE: num(f, "fte")})
			}
			a.rows.Items = append(a.rows.Items, row)
		}
		return a, res.Err()
	})
	if err != nil {
		return graph.List[graph.StaffFunctionRow]{}, err
	}
	if !a.found {
		return graph.List[graph.StaffFunctionRow]{}, graph.Errorf(graph.ENOTFOUND, "no organisation %q on %s", q.Organisation, q.At)
	}
	return a.rows, nil
}

// num reads a number from a map a query returned (Cypher integers arrive as int64).
func num(m map[string]any, key string) float64 {
	switch v := m[key].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

// strs reads a list of strings a query returned; never nil, so that an empty list stays a
// list in JSON.
func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
