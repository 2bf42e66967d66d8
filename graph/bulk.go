package graph

// ImportCounts counts what an import added, changed and removed.
type ImportCounts struct {
	Added   int `json:"added"`
	Changed int `json:"changed"`
	Removed int `json:"removed"`
}

// BulkResult sums what an import of one transaction per dataset did, without the ids: a
// whole country's ids would cost more memory than the import itself.
type BulkResult struct {
	DryRun   bool         `json:"dry_run"`
	Datasets int          `json:"datasets"` // datasets in the run
	Changed  int          `json:"changed"`  // datasets whose transaction changed the graph (or, dry, would)
	Nodes    ImportCounts `json:"nodes"`
	Rels     ImportCounts `json:"relationships"`
}

// Add counts one transaction's result.
func (b *BulkResult) Add(r ImportResult) {
	if !r.Unchanged() {
		b.Changed++
	}
	for _, c := range []struct {
		to   *ImportCounts
		from ImportChanges
	}{{&b.Nodes, r.Nodes}, {&b.Rels, r.Rels}} {
		c.to.Added += len(c.from.Added)
		c.to.Changed += len(c.from.Changed)
		c.to.Removed += len(c.from.Removed)
	}
}
