package neo4jdb

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

var _ graph.DatasetReader = (*DB)(nil)

// ReadDatasets implements graph.DatasetReader: the datasets the query selects, read back
// from the graph in one transaction (dataset.Unflatten turns them into the file model).
func (db *DB) ReadDatasets(ctx context.Context, q graph.ExportQuery) ([]graph.Dataset, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if q.Organisation != "" {
		if err := db.requireOrganisation(ctx, q.Organisation); err != nil {
			return nil, err
		}
	}
	type read struct {
		g      dataset.Graph
		labels map[string]string
	}
	r, err := readTxWithin(ctx, db, "read_datasets", db.importTimeout, func(tx neo4j.ManagedTransaction) (read, error) {
		out := read{labels: map[string]string{}}
		file, params := "export_all_datasets.cypher", map[string]any(nil)
		if q.Organisation != "" {
			file, params = "export_datasets.cypher", map[string]any{"organisation": q.Organisation}
		}
		ids, err := collect(ctx, tx, file, params, func(rec *neo4j.Record) (any, error) { return get[string](rec, "dataset") })
		if err != nil {
			return out, err
		}
		p := map[string]any{"datasets": ids}
		out.g.Nodes, err = collect(ctx, tx, "export_nodes.cypher", p, func(rec *neo4j.Record) (dataset.Node, error) {
			id, err := get[string](rec, "id")
			if err != nil {
				return dataset.Node{}, err
			}
			label, err := get[string](rec, "label")
			if err != nil {
				return dataset.Node{}, err
			}
			props, err := get[map[string]any](rec, "props")
			ds, _ := props["dataset"].(string)
			return dataset.Node{Label: label, ID: id, Dataset: ds, Props: fromStored(props)}, err
		})
		if err != nil {
			return out, err
		}
		out.g.Rels, err = collect(ctx, tx, "export_rels.cypher", p, func(rec *neo4j.Record) (dataset.Rel, error) {
			var vals [5]string
			for i, k := range []string{"type", "from", "to", "from_label", "to_label"} {
				if vals[i], err = get[string](rec, k); err != nil {
					return dataset.Rel{}, err
				}
			}
			props, err := get[map[string]any](rec, "props")
			out.labels[vals[1]], out.labels[vals[2]] = vals[3], vals[4]
			ds, _ := props["dataset"].(string)
			validFrom := ""
			if d := dateValue(props["valid_from"]); d != nil {
				validFrom = d.String()
			}
			return dataset.Rel{Type: vals[0], From: vals[1], To: vals[2], Dataset: ds,
				Key: dataset.RelKey(vals[0], vals[1], vals[2], validFrom), Props: fromStored(props)}, err
		})
		return out, err
	})
	if err != nil {
		return nil, err
	}
	return dataset.Unflatten(r.g, r.labels)
}

// fromStored is params backwards: stored property values as Flatten makes them (dates as
// graph.Date, lists of strings as []string).
func fromStored(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		switch v := v.(type) {
		case dbtype.Date:
			out[k] = graph.Date{Time: v.Time()}
		case []any:
			list := make([]string, len(v))
			for i, e := range v {
				list[i], _ = e.(string)
			}
			out[k] = list
		default:
			out[k] = v
		}
	}
	return out
}
