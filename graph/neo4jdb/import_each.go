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

// ImportEach writes datasets that have been checked together (dataset.LoadDatasets) one
// transaction per dataset, each all or nothing with its own audit entry, so that neither
// Neo4j nor styrgraf ever holds more than one dataset's changes: a whole country does not fit
// one transaction in a small heap. Datasets go in the order of their references (a
// collaboration file after the organisations whose organs it refers to); datasets that refer
// to each other in a cycle share one transaction. Before anything is written, every id is
// checked against the datasets outside the run, so that a conflict refuses the whole run.
// A run that stops part-way leaves the datasets before the failing one imported and the rest
// untouched; running it again converges to the same graph, since importing a dataset as it
// stands changes nothing.
//
// ImportEach consumes datasets: it drops each one once written, to free its memory.
func (db *DB) ImportEach(ctx context.Context, datasets []graph.Dataset, opts graph.ImportOptions) (graph.BulkResult, error) {
	res := graph.BulkResult{DryRun: opts.DryRun, Datasets: len(datasets)}
	if err := opts.Validate(); err != nil {
		return res, err
	}
	groups, owner := importOrder(datasets)
	if err := db.checkForeignIDs(ctx, owner, datasets); err != nil {
		return res, err
	}
	owner = nil
	progress := opts.Progress
	opts.Progress = nil // per batch within a dataset would drown the per-dataset progress
	done := 0
	for _, group := range groups {
		part := make([]graph.Dataset, len(group))
		ids := make([]string, len(group))
		for i, k := range group {
			part[i], ids[i] = datasets[k], datasets[k].ID
			datasets[k] = graph.Dataset{}
		}
		r, err := db.importGraph(ctx, dataset.FlattenDatasets(part), ids, opts)
		if err != nil {
			return res, fmt.Errorf("dataset %s (%d of %d; the %d before it are imported, and importing the same files again continues from here): %w",
				strings.Join(ids, ", "), done+1, len(datasets), done, err)
		}
		res.Add(r)
		done += len(group)
		if progress != nil {
			progress("datasets", done, len(datasets))
		}
	}
	return res, nil
}

// importOrder orders the datasets so that each comes after those it refers to (Kahn's
// algorithm); datasets left in a cycle form one group. It also returns which dataset
// declares each id.
func importOrder(datasets []graph.Dataset) ([][]int, map[string]int) {
	// One flattening per dataset: its items, and the ends of its relationships that it does
	// not declare itself (few: references to other files).
	owner := map[string]int{}
	outside := make([][]string, len(datasets))
	for i, d := range datasets {
		g := dataset.FlattenDatasets([]graph.Dataset{d})
		own := make(map[string]bool, len(g.Nodes))
		for _, n := range g.Nodes {
			owner[n.ID] = i
			own[n.ID] = true
		}
		for _, r := range g.Rels {
			for _, end := range []string{r.From, r.To} {
				if !own[end] {
					outside[i] = append(outside[i], end)
				}
			}
		}
	}
	needs := make([]map[int]bool, len(datasets)) // i needs j written first
	neededBy := make([][]int, len(datasets))
	for i := range datasets {
		needs[i] = map[int]bool{}
		for _, end := range outside[i] {
			if j, ok := owner[end]; ok && j != i && !needs[i][j] {
				needs[i][j] = true
				neededBy[j] = append(neededBy[j], i)
			}
		}
	}
	var groups [][]int
	var ready []int
	for i := range datasets {
		if len(needs[i]) == 0 {
			ready = append(ready, i)
		}
	}
	placed := make([]bool, len(datasets))
	for len(ready) > 0 {
		i := ready[0]
		ready = ready[1:]
		placed[i] = true
		groups = append(groups, []int{i})
		for _, k := range neededBy[i] {
			delete(needs[k], i)
			if len(needs[k]) == 0 {
				ready = append(ready, k)
			}
		}
	}
	var cycle []int
	for i := range datasets {
		if !placed[i] {
			cycle = append(cycle, i)
		}
	}
	if len(cycle) > 0 {
		groups = append(groups, cycle)
	}
	return groups, owner
}

// checkForeignIDs refuses the run when another dataset, outside it, already declares one of
// its ids: found before anything is written, not at the dataset it concerns.
func (db *DB) checkForeignIDs(ctx context.Context, owner map[string]int, datasets []graph.Dataset) error {
	run := make([]string, len(datasets))
	for i, d := range datasets {
		run[i] = d.ID
	}
	ids := make([]string, 0, len(owner))
	for id := range owner {
		ids = append(ids, id)
	}
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
