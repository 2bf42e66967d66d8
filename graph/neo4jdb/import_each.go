package neo4jdb

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

// foreignCheckBatch is how many ids one read of the pre-flight check sends.
var foreignCheckBatch = 20000

// ImportEach writes a run of datasets checked together (dataset.LoadDatasets) one
// transaction per dataset, each all or nothing with its own audit entry, so that neither
// Neo4j nor styrgraf ever holds more than one dataset's changes: a whole country does not fit
// one transaction in a small heap. Datasets go in the run's order (a collaboration file
// after the organisations whose organs it refers to); datasets that refer to each other in a
// cycle share one transaction. Before anything is written, every id is checked against the
// datasets outside the run, so that a conflict refuses the whole run. A run that stops
// part-way leaves the datasets before the failing one imported and the rest untouched;
// running it again converges to the same graph, since importing a dataset as it stands
// changes nothing.
func (db *DB) ImportEach(ctx context.Context, run *dataset.Run, opts graph.ImportOptions) (graph.BulkResult, error) {
	total := run.Len()
	res := graph.BulkResult{DryRun: opts.DryRun, Datasets: total}
	if err := opts.Validate(); err != nil {
		return res, err
	}
	if err := db.checkForeignIDs(ctx, run.ItemIDs(), run.DatasetIDs()); err != nil {
		return res, err
	}
	progress := opts.Progress
	opts.Progress = nil // per batch within a dataset would drown the per-dataset progress
	// The next group is read and flattened while this one is written: reading a file is
	// styrgraf's work and writing it Neo4j's, so the two overlap; at most two groups are
	// held at once.
	groups := run.Groups()
	type next struct {
		g   dataset.Graph
		err error
	}
	prepare := func(group []int) <-chan next {
		out := make(chan next, 1)
		go func() {
			part := make([]graph.Dataset, len(group))
			for i, k := range group {
				d, err := run.Dataset(k)
				if err != nil {
					out <- next{err: err}
					return
				}
				part[i] = d
			}
			out <- next{g: dataset.FlattenDatasets(part)}
		}()
		return out
	}
	var ahead <-chan next
	if len(groups) > 0 {
		ahead = prepare(groups[0])
	}
	done := 0
	for gi, group := range groups {
		ids := make([]string, len(group))
		for i, k := range group {
			ids[i] = run.DatasetIDs()[k]
		}
		failed := func(err error) error {
			return fmt.Errorf("dataset %s (%d of %d; the %d before it are imported, and importing the same files again continues from here): %w",
				strings.Join(ids, ", "), done+1, total, done, err)
		}
		this := <-ahead
		if this.err != nil {
			return res, failed(this.err)
		}
		if gi+1 < len(groups) {
			ahead = prepare(groups[gi+1])
		}
		r, err := db.importGraph(ctx, this.g, ids, opts)
		if err != nil {
			return res, failed(err)
		}
		res.Add(r)
		done += len(group)
		if progress != nil {
			progress("datasets", done, total)
		}
	}
	return res, nil
}

// checkForeignIDs refuses the run when a dataset outside it already declares one of its
// ids: found before anything is written, not at the dataset it concerns.
func (db *DB) checkForeignIDs(ctx context.Context, ids, run []string) error {
	for start := 0; start < len(ids); start += foreignCheckBatch {
		batch := ids[start:min(start+foreignCheckBatch, len(ids))]
		foreign, err := readTx(ctx, db, "import_foreign_ids", func(tx neo4j.ManagedTransaction) ([]string, error) {
			return collect(ctx, tx, "import_foreign_ids.cypher", map[string]any{"ids": batch, "datasets": run},
				func(rec *neo4j.Record) (string, error) {
					id, _, err := neo4j.GetRecordValue[string](rec, "id")
					if err != nil {
						return "", err
					}
					ds, _, err := neo4j.GetRecordValue[string](rec, "dataset")
					return fmt.Sprintf("%s (declared by dataset %s)", id, ds), err
				})
		})
		if err != nil {
			return err
		}
		if len(foreign) > 0 {
			return graph.Errorf(graph.ECONFLICT, "ids already declared by other files: %s; import those files together or rename; nothing was written", strings.Join(foreign, ", "))
		}
	}
	return nil
}
