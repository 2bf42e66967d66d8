package neo4jdb

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/queries"
)

// importBatchSize is how many rows go into one UNWIND statement of an import.
var importBatchSize = 5000

// ImportDatasets implements graph.DatasetStore: it makes the graph hold exactly what the
// datasets say, in one transaction, which also records the import in the audit trail. Items
// and relationships they declare are created or updated, and those the datasets declared
// before but no longer do are removed. Other datasets are not touched; an id declared by
// another dataset, or a removal that would cut another dataset's relationships, is a
// conflict and nothing is written.
func (db *DB) ImportDatasets(ctx context.Context, datasets []graph.Dataset, opts graph.ImportOptions) (graph.ImportResult, error) {
	g := dataset.FlattenDatasets(datasets)
	ids := make([]string, len(datasets))
	for i, d := range datasets {
		ids[i] = d.ID
	}
	return db.importGraph(ctx, g, ids, opts)
}

func (db *DB) importGraph(ctx context.Context, g dataset.Graph, datasets []string, opts graph.ImportOptions) (graph.ImportResult, error) {
	if err := opts.Validate(); err != nil {
		return graph.ImportResult{Datasets: datasets, DryRun: opts.DryRun}, err
	}
	auditID := newAuditID()
	work := func(tx neo4j.ManagedTransaction) (graph.ImportResult, error) {
		p, err := plan(ctx, tx, g, datasets)
		if err != nil || opts.DryRun {
			return p.result, err
		}
		if err := p.apply(ctx, tx, opts); err != nil {
			return p.result, err
		}
		// The audit entry goes in the same transaction: committed with the change, or
		// rolled back with it. An import that changed nothing leaves none (see graph/audit.go).
		if p.result.Unchanged() {
			return p.result, nil
		}
		return p.result, recordAudit(ctx, tx, auditID, graph.NewAuditEntry(opts.By, p.result))
	}
	// An import may run for minutes (ImportTimeout), but it must not wait that long for a
	// Neo4j that is away or still recovering: a question's deadline decides whether it is
	// there at all, so that the import answers 503 (not applied) as quickly as a question.
	if _, err := readTx(ctx, db, "available", func(tx neo4j.ManagedTransaction) ([]int64, error) {
		return collect(ctx, tx, "available.cypher", nil, func(rec *neo4j.Record) (int64, error) { return get[int64](rec, "ok") })
	}); err != nil {
		return graph.ImportResult{Datasets: datasets, DryRun: opts.DryRun}, err
	}
	var res graph.ImportResult
	var err error
	if opts.DryRun {
		res, err = readTxWithin(ctx, db, "import_plan", db.importTimeout, work)
	} else {
		res, err = writeTxWithin(ctx, db, "import", db.importTimeout, work)
		if graph.ErrorCode(err) == graph.EUNAVAILABLE {
			// A connection lost while committing leaves the outcome unknown: the commit may
			// have reached Neo4j. Say so, and what is safe, instead of "not applied".
			err = &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
				Message: "whether the import was applied is unknown (Neo4j went away during it); importing the same files again is safe: it changes only what is not there yet"}
		}
	}
	res.DryRun = opts.DryRun
	return res, err
}

type importPlan struct {
	result                   graph.ImportResult
	createNodes, updateNodes []map[string]any
	deleteNodes              []string
	createRels, updateRels   []map[string]any
	deleteRels               []map[string]any
}

func plan(ctx context.Context, tx neo4j.ManagedTransaction, g dataset.Graph, datasets []string) (importPlan, error) {
	p := importPlan{result: graph.ImportResult{Datasets: datasets}}
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	foreign, err := collect(ctx, tx, "import_foreign_ids.cypher", map[string]any{"ids": ids, "datasets": datasets},
		func(rec *neo4j.Record) (string, error) {
			id, _, err := neo4j.GetRecordValue[string](rec, "id")
			if err != nil {
				return "", err
			}
			ds, _, err := neo4j.GetRecordValue[string](rec, "dataset")
			return fmt.Sprintf("%s (declared by dataset %s)", id, ds), err
		})
	if err != nil {
		return p, err
	}
	if len(foreign) > 0 {
		return p, graph.Errorf(graph.ECONFLICT, "ids already declared by other files: %s; import those files together or rename", strings.Join(foreign, ", "))
	}

	type stored struct {
		label string
		props map[string]any
	}
	existing := map[string]stored{}
	_, err = collect(ctx, tx, "import_existing_nodes.cypher", map[string]any{"datasets": datasets}, func(rec *neo4j.Record) (struct{}, error) {
		id, _, err := neo4j.GetRecordValue[string](rec, "id")
		if err != nil {
			return struct{}{}, err
		}
		label, _, err := neo4j.GetRecordValue[string](rec, "label")
		if err != nil {
			return struct{}{}, err
		}
		props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
		existing[id] = stored{label, props}
		return struct{}{}, err
	})
	if err != nil {
		return p, err
	}
	want := map[string]bool{}
	var rekinded []string // ids whose kind changes: replaced, so their relationships go too
	for _, n := range g.Nodes {
		want[n.ID] = true
		props := params(n.Props)
		old, ok := existing[n.ID]
		switch {
		case !ok:
			p.createNodes = append(p.createNodes, map[string]any{"label": n.Label, "props": props})
			p.result.Nodes.Added = append(p.result.Nodes.Added, n.ID)
		case old.label != n.Label:
			// A different kind under the same id: replace the item.
			p.deleteNodes = append(p.deleteNodes, n.ID)
			p.createNodes = append(p.createNodes, map[string]any{"label": n.Label, "props": props})
			p.result.Nodes.Changed = append(p.result.Nodes.Changed, n.ID)
			rekinded = append(rekinded, n.ID)
		case !sameProps(old.props, props):
			p.updateNodes = append(p.updateNodes, map[string]any{"id": n.ID, "props": props})
			p.result.Nodes.Changed = append(p.result.Nodes.Changed, n.ID)
		}
	}
	var removed []string
	for id := range existing {
		if !want[id] {
			removed = append(removed, id)
		}
	}
	sort.Strings(removed)
	// Removing an item, or replacing it with one of another kind, deletes its relationships:
	// refused while another file declares one of them, which would otherwise vanish silently.
	if doomed := append(slices.Clone(removed), rekinded...); len(doomed) > 0 {
		dangling, err := collect(ctx, tx, "import_dangling.cypher", map[string]any{"ids": doomed, "datasets": datasets},
			func(rec *neo4j.Record) (string, error) {
				vals := make([]string, 4)
				for i, k := range []string{"id", "type", "other", "dataset"} {
					v, _, err := neo4j.GetRecordValue[string](rec, k)
					if err != nil {
						return "", err
					}
					vals[i] = v
				}
				return fmt.Sprintf("%s (%s %s, declared by dataset %s)", vals[0], vals[1], vals[2], vals[3]), nil
			})
		if err != nil {
			return p, err
		}
		if len(dangling) > 0 {
			return p, graph.Errorf(graph.ECONFLICT, "cannot remove items, or change their kind, while other files still refer to them: %s; import those files together", strings.Join(dangling, ", "))
		}
	}
	p.deleteNodes = append(p.deleteNodes, removed...)
	p.result.Nodes.Removed = removed

	type storedRel struct {
		typ, from, to string
		validFrom     any
		props         map[string]any
	}
	existingRels := map[string]storedRel{}
	_, err = collect(ctx, tx, "import_existing_rels.cypher", map[string]any{"datasets": datasets}, func(rec *neo4j.Record) (struct{}, error) {
		var r storedRel
		var err error
		r.typ, _, err = neo4j.GetRecordValue[string](rec, "type")
		if err == nil {
			r.from, _, err = neo4j.GetRecordValue[string](rec, "from")
		}
		if err == nil {
			r.to, _, err = neo4j.GetRecordValue[string](rec, "to")
		}
		if err == nil {
			r.props, _, err = neo4j.GetRecordValue[map[string]any](rec, "props")
		}
		r.validFrom = r.props["valid_from"]
		var validFrom string
		if d := dateValue(r.validFrom); d != nil {
			validFrom = d.String()
		}
		existingRels[dataset.RelKey(r.typ, r.from, r.to, validFrom)] = r
		return struct{}{}, err
	})
	if err != nil {
		return p, err
	}
	replaced := map[string]bool{} // items recreated with a new kind lose their relationships
	for _, n := range p.result.Nodes.Changed {
		if slices.Contains(p.deleteNodes, n) {
			replaced[n] = true
		}
	}
	wantRel := map[string]bool{}
	for _, r := range g.Rels {
		wantRel[r.Key] = true
		props := params(r.Props)
		old, ok := existingRels[r.Key]
		row := map[string]any{"type": r.Type, "from": r.From, "to": r.To, "valid_from": props["valid_from"], "props": props}
		switch {
		case !ok:
			p.createRels = append(p.createRels, row)
			p.result.Rels.Added = append(p.result.Rels.Added, r.Key)
		case replaced[r.From] || replaced[r.To]:
			p.createRels = append(p.createRels, row)
		case !sameProps(old.props, props):
			p.updateRels = append(p.updateRels, row)
			p.result.Rels.Changed = append(p.result.Rels.Changed, r.Key)
		}
	}
	for key, r := range existingRels {
		if !wantRel[key] {
			p.deleteRels = append(p.deleteRels, map[string]any{"type": r.typ, "from": r.from, "to": r.to, "valid_from": r.validFrom})
			p.result.Rels.Removed = append(p.result.Rels.Removed, key)
		}
	}
	sort.Strings(p.result.Rels.Removed)
	return p, nil
}

// apply writes the plan: removals first, so that a changed kind or key never collides.
func (p importPlan) apply(ctx context.Context, tx neo4j.ManagedTransaction, opts graph.ImportOptions) error {
	steps := []struct {
		name  string
		query string
		param string
		rows  any
		n     int
	}{
		{"deleting relationships", "import_delete_rels.cypher", "rows", p.deleteRels, len(p.deleteRels)},
		{"deleting items", "import_delete_nodes.cypher", "ids", p.deleteNodes, len(p.deleteNodes)},
		{"creating items", "import_create_nodes.cypher", "rows", p.createNodes, len(p.createNodes)},
		{"updating items", "import_update_nodes.cypher", "rows", p.updateNodes, len(p.updateNodes)},
		{"creating relationships", "import_create_rels.cypher", "rows", p.createRels, len(p.createRels)},
		{"updating relationships", "import_update_rels.cypher", "rows", p.updateRels, len(p.updateRels)},
	}
	for _, s := range steps {
		rows := reflect.ValueOf(s.rows)
		for start := 0; start < s.n; start += importBatchSize {
			end := min(start+importBatchSize, s.n)
			res, err := tx.Run(ctx, queries.Text(s.query), map[string]any{s.param: rows.Slice(start, end).Interface()})
			if err == nil {
				_, err = res.Consume(ctx)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
			if opts.Progress != nil {
				opts.Progress(s.name, end, s.n)
			}
		}
	}
	return nil
}

// collect runs one query and maps each record.
func collect[T any](ctx context.Context, tx neo4j.ManagedTransaction, file string, params map[string]any, fn func(*neo4j.Record) (T, error)) ([]T, error) {
	res, err := tx.Run(ctx, queries.Text(file), params)
	if err != nil {
		return nil, err
	}
	var out []T
	for res.Next(ctx) {
		v, err := fn(res.Record())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		out = append(out, v)
	}
	return out, res.Err()
}

// params converts dataset property values to driver parameter types.
func params(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		switch v := v.(type) {
		case graph.Date:
			out[k] = neo4j.DateOf(v.Time)
		case []string:
			list := make([]any, len(v))
			for i, s := range v {
				list[i] = s
			}
			out[k] = list
		default:
			out[k] = v
		}
	}
	return out
}

// sameProps compares stored properties with the ones to write.
func sameProps(stored, want map[string]any) bool {
	if len(stored) != len(want) {
		return false
	}
	for k, w := range want {
		s, ok := stored[k]
		if !ok {
			return false
		}
		if sd, ok := s.(dbtype.Date); ok {
			wd, ok := w.(dbtype.Date)
			if !ok || sd.Time() != wd.Time() {
				return false
			}
			continue
		}
		if !reflect.DeepEqual(s, w) {
			return false
		}
	}
	return true
}
