package neo4jdb

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// collectPage runs a paginated query: one that sorts its whole answer, counts it and returns
// one row with `total` and `page`, the asked slice of rows as maps. Each map is read by fn as
// if it were a record of its own, so row readers are the same as for unpaginated queries.
func collectPage[T any](ctx context.Context, tx neo4j.ManagedTransaction, file string, params map[string]any, p graph.Page,
	fn func(*neo4j.Record) (T, error)) (graph.List[T], error) {
	params["offset"], params["limit"] = int64(p.Offset), int64(p.Limit)
	list := graph.List[T]{Items: []T{}}
	res, err := tx.Run(ctx, queries.Text(file), params)
	if err != nil {
		return list, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return list, err
	}
	total, err := get[int64](rec, "total")
	if err != nil {
		return list, err
	}
	list.Total = int(total)
	rows, err := get[[]any](rec, "page")
	if err != nil {
		return list, err
	}
	for i, row := range rows {
		m, ok := row.(map[string]any)
		if !ok {
			return list, fmt.Errorf("%s: row %d of the page is %T, not a map", file, i, row)
		}
		r := &neo4j.Record{Keys: make([]string, 0, len(m)), Values: make([]any, 0, len(m))}
		for k, v := range m {
			r.Keys, r.Values = append(r.Keys, k), append(r.Values, v)
		}
		item, err := fn(r)
		if err != nil {
			return list, fmt.Errorf("%s: row %d: %w", file, i, err)
		}
		list.Items = append(list.Items, item)
	}
	return list, nil
}
