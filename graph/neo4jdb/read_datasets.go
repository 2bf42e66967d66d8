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
		// Within a question's deadline, as import checks availability: a Neo4j that is away
		// answers 503 as quickly as a question, whatever the export's own time limit.
		if err := db.requireOrganisation(ctx, q.Organisation); err != nil {
			return nil, err
		}
	} else if _, err := readTx(ctx, db, "available", func(tx neo4j.ManagedTransaction) ([]int64, error) {
		return collect(ctx, tx, "available.cypher", nil, func(rec *neo4j.Record) (int64, error) { return get[int64](rec, "ok") })
	}); err != nil {
		return nil, err
	}
	r, err := readTxWithin(ctx, db, "read_datasets", db.importTimeout, func(tx neo4j.ManagedTransaction) (read, error) {
		file, params := "export_all_datasets.cypher", map[string]any(nil)
		if q.Organisation != "" {
			file, params = "export_datasets.cypher", map[string]any{"organisation": q.Organisation}
		}
		ids, err := collect(ctx, tx, file, params, datasetID)
		if err != nil {
			return read{}, err
		}
		// Add the datasets those refer to, by relationship or by property, until none is
		// missing: each round adds at least one dataset, so this ends.
		for {
			more, err := collect(ctx, tx, "export_referenced_datasets.cypher", map[string]any{"datasets": ids}, datasetID)
			if err != nil {
				return read{}, err
			}
			if len(more) > 0 {
				ids = append(ids, more...)
				continue
			}
			out, err := readGraph(ctx, tx, ids)
			if err != nil {
				return out, err
			}
			missing := missingRefs(out.g)
			if len(missing) == 0 {
				return out, nil
			}
			more, err = collect(ctx, tx, "export_datasets_of_ids.cypher", map[string]any{"ids": missing}, datasetID)
			if err != nil {
				return read{}, err
			}
			if len(more) == 0 {
				return out, nil // cited ids that no dataset declares: Unflatten's datasets will say so on import
			}
			ids = append(ids, more...)
		}
	})
	if err != nil {
		return nil, err
	}
	return dataset.Unflatten(r.g, r.labels)
}

type read struct {
	g      dataset.Graph
	labels map[string]string
}

func datasetID(rec *neo4j.Record) (any, error) { return get[string](rec, "dataset") }

// readGraph reads the nodes and relationships of the datasets.
func readGraph(ctx context.Context, tx neo4j.ManagedTransaction, ids []any) (read, error) {
	out := read{labels: map[string]string{}}
	p := map[string]any{"datasets": ids}
	var err error
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
}

// missingRefs lists the ids the graph's items and relationships cite by property (source
// documents, condition and trigger references) that it does not hold.
func missingRefs(g dataset.Graph) []any {
	have := map[string]bool{}
	for _, n := range g.Nodes {
		have[n.ID] = true
	}
	seen := map[string]bool{}
	var out []any
	cite := func(props map[string]any) {
		refs := []string{}
		if d, ok := props["source_document"].(string); ok {
			refs = append(refs, d)
		}
		for _, k := range []string{"condition_refs", "trigger_by"} {
			if l, ok := props[k].([]string); ok {
				refs = append(refs, l...)
			}
		}
		for _, id := range refs {
			if id != "" && !have[id] && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	for _, n := range g.Nodes {
		cite(n.Props)
	}
	for _, r := range g.Rels {
		cite(r.Props)
	}
	return out
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
