package graph

// ImportOptions tune Import.
type ImportOptions struct {
	// DryRun computes and returns the changes without writing them.
	DryRun bool
	// Progress, if set, is told how far each write step has come.
	Progress func(step string, done, total int)
}

// ImportResult says what an import changed (or, dry, would change).
type ImportResult struct {
	Datasets []string      `json:"datasets"`
	DryRun   bool          `json:"dry_run"`
	Nodes    ImportChanges `json:"nodes"`
	Rels     ImportChanges `json:"relationships"`
}

// ImportChanges lists ids (for relationships: keys) added, changed and removed.
type ImportChanges struct {
	Added   []string `json:"added"`
	Changed []string `json:"changed"`
	Removed []string `json:"removed"`
}

// Unchanged reports whether the import changed nothing.
func (r ImportResult) Unchanged() bool {
	return len(r.Nodes.Added)+len(r.Nodes.Changed)+len(r.Nodes.Removed)+
		len(r.Rels.Added)+len(r.Rels.Changed)+len(r.Rels.Removed) == 0
}
