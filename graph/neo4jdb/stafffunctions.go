package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// StaffFunctions maps the stabsfunktioner of every förvaltning of an organisation as of at:
// the functions the staff profiles that apply expect and those recorded, with FTE and Swedish
// names, the total, the profiles and the gaps, one row per förvaltning sorted by name (then
// id). An organisation that does not exist on at is ENOTFOUND.
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
			a.rows.Items = append(a.rows.Items, staffFunctionRow(m))
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

// staffFunctionRow reads one row of staff_functions.cypher.
func staffFunctionRow(m map[string]any) graph.StaffFunctionRow {
	row := graph.StaffFunctionRow{
		Forvaltning: graph.Ref{ID: str(m, "id"), Kind: "Organ", Name: str(m, "name")},
		Functions:   []graph.StaffFunctionFTE{},
		Total:       num(m, "total"),
		Profiles:    []graph.StaffProfileRef{},
		Gaps:        strs(m["gaps"]),
	}
	row.Recorded, _ = m["recorded"].(bool)
	for _, f := range maps(m["functions"]) {
		expected, _ := f["expected"].(bool)
		fn := str(f, "function")
		row.Functions = append(row.Functions, graph.StaffFunctionFTE{Function: fn, Name: graph.StaffFunctionName(fn, str(f, "name")),
			FTE: num(f, "fte"), Expected: expected})
	}
	for _, p := range maps(m["profiles"]) {
		row.Profiles = append(row.Profiles, graph.StaffProfileRef{Ref: graph.Ref{ID: str(p, "id"), Kind: "StaffProfile", Name: str(p, "name")},
			Functions: strs(p["functions"]), Source: sourceRef(p)})
	}
	row.Status = graph.StaffGapStatus(len(row.Profiles), row.Recorded)
	b := bases(m["bases"])
	if row.Status == graph.StaffGapsKnown {
		// A gap, or its absence, rests on the profiles and on the declaration that the records
		// are complete (any one such coverage suffices: the strongest counts).
		for _, p := range row.Profiles {
			b = append(b, p.Source.Basis)
		}
		b = append(b, strongestBasis(bases(m["coverage_bases"])))
	}
	if len(b) > 0 {
		row.Basis = graph.WeakestBasis(b...)
	}
	return row
}

// strongestBasis is the best founded of the given bases ("" for none).
func strongestBasis(bs []string) string {
	best := ""
	for _, b := range bs {
		if graph.BasisRank(b) > graph.BasisRank(best) {
			best = b
		}
	}
	return best
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
