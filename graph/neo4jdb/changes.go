package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// Changes lists what started or ended in an organisation after q.From up to q.To, by date.
func (db *DB) Changes(ctx context.Context, q graph.ChangesQuery) (graph.List[graph.Change], error) {
	if err := q.Validate(); err != nil {
		return graph.List[graph.Change]{}, err
	}
	if err := db.requireOrganisation(ctx, q.Organisation); err != nil {
		return graph.List[graph.Change]{}, err
	}
	params := map[string]any{"relationTypes": relationTypes, "organisation": q.Organisation, "from": dateParam(q.From), "to": dateParam(q.To)}
	return readTx(ctx, db, "changes", func(tx neo4j.ManagedTransaction) (graph.List[graph.Change], error) {
		return collectPage(ctx, tx, "changes.cypher", params, q.Page, func(rec *neo4j.Record) (graph.Change, error) {
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
