package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// Changes lists what started or ended in an organisation between from and to.
func (db *DB) Changes(ctx context.Context, organisation string, from, to graph.Date) ([]graph.Change, error) {
	if !from.Before(to.Time) {
		return nil, graph.Errorf(graph.EINVALID, "from (%s) must be before to (%s)", from, to)
	}
	if err := db.requireOrganisation(ctx, organisation); err != nil {
		return nil, err
	}
	params := map[string]any{"organisation": organisation, "from": dateParam(from), "to": dateParam(to)}
	return readTx(ctx, db, "changes", func(tx neo4j.ManagedTransaction) ([]graph.Change, error) {
		return collect(ctx, tx, "changes.cypher", params, func(rec *neo4j.Record) (graph.Change, error) {
			var c graph.Change
			vals := make([]string, 5)
			for i, k := range []string{"change", "what", "id", "name", "detail"} {
				v, err := get[string](rec, k)
				if err != nil {
					return c, err
				}
				vals[i] = v
			}
			c.Change, c.What, c.ID, c.Name, c.Detail = vals[0], vals[1], vals[2], vals[3], vals[4]
			raw, _ := rec.Get("date")
			if d := dateValue(raw); d != nil {
				c.Date = *d
			}
			return c, nil
		})
	})
}
