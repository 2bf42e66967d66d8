package neo4jdb

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/queries"
)

// QueryProfile is what PROFILE says about one run of a query: total database hits and the
// plan's operators (e.g. NodeUniqueIndexSeek, NodeByLabelScan).
type QueryProfile struct {
	DBHits    int64
	Rows      int64
	Operators []string
	// Scans lists scan operators (AllNodesScan, NodeByLabelScan) that touched the database,
	// with their db hits; a scan branch that the parameters leave unused does not count.
	Scans map[string]int64
}

// Profile runs one of the embedded queries under PROFILE, inside a read transaction that is
// rolled back, and reports its cost. For tests and tuning, not request paths.
func (db *DB) Profile(ctx context.Context, file string, params map[string]any) (QueryProfile, error) {
	return readTx(ctx, db, "profile "+file, func(tx neo4j.ManagedTransaction) (QueryProfile, error) {
		res, err := tx.Run(ctx, "PROFILE "+queries.Text(file), params)
		if err != nil {
			return QueryProfile{}, err
		}
		p := QueryProfile{Scans: map[string]int64{}}
		for res.Next(ctx) {
			p.Rows++
		}
		summary, err := res.Consume(ctx)
		if err != nil {
			return p, err
		}
		seen := map[string]bool{}
		var walk func(neo4j.ProfiledPlan)
		walk = func(pp neo4j.ProfiledPlan) {
			p.DBHits += pp.DbHits()
			// Operators carry a runtime suffix such as "@neo4j"; keep the name.
			op := pp.Operator()
			for i, r := range op {
				if r == '@' {
					op = op[:i]
					break
				}
			}
			seen[op] = true
			if (op == "AllNodesScan" || op == "NodeByLabelScan") && pp.DbHits() > 0 {
				p.Scans[op] += pp.DbHits()
			}
			for _, c := range pp.Children() {
				walk(c)
			}
		}
		if prof := summary.Profile(); prof != nil {
			walk(prof)
		}
		for op := range seen {
			p.Operators = append(p.Operators, op)
		}
		sort.Strings(p.Operators)
		return p, nil
	})
}
