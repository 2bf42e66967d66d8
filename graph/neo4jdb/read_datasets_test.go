package neo4jdb_test

import (
	"context"
	"slices"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// TestReadDatasetsGivesBackTheExamples: the examples imported and read back are the
// examples: flattened, the same nodes and relationships as the files; imported into an empty
// database, the same graph (counts and content hash, the audit trail aside).
func TestReadDatasetsGivesBackTheExamples(t *testing.T) {
	ctx := context.Background()
	db := importExamples(t)
	files, err := dataset.Load(examples)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.ReadDatasets(ctx, graph.ExportQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if want := dataset.DatasetIDs(files); len(got) != len(want) {
		t.Fatalf("read %d datasets, want %d (%v)", len(got), len(want), want)
	}
	if a, b := dataset.Canonical(dataset.Flatten(files)), dataset.Canonical(dataset.FlattenDatasets(got)); a != b {
		t.Fatalf("the datasets read back flatten differently from the files")
	}
	before := neo4jdbtest.Snapshot(t, db)

	empty := neo4jdbtest.MustOpen(t)
	if _, err := empty.ImportDatasets(ctx, got, graph.ImportOptions{By: neo4jdbtest.By}); err != nil {
		t.Fatal(err)
	}
	after := neo4jdbtest.Snapshot(t, empty)
	if before.Nodes != after.Nodes || before.Rels != after.Rels || before.Content != after.Content {
		t.Errorf("re-imported graph differs: %+v, want %+v", after, before)
	}
	if before.Nodes < 100 || before.Rels < 100 {
		t.Errorf("the examples are larger than %d items and %d relationships", before.Nodes, before.Rels)
	}
}

func TestReadDatasetsOfOneOrganisation(t *testing.T) {
	ctx := context.Background()
	db := importExamples(t)
	got, err := db.ReadDatasets(ctx, graph.ExportQuery{Organisation: "horby-kommun"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range got {
		ids = append(ids, d.ID)
	}
	if len(ids) == 0 || ids[0] != "horby-hoor" && !slices.Contains(ids, "horby-hoor") || slices.Contains(ids, "vgr") {
		t.Errorf("datasets of horby-kommun: %v, want horby-hoor and what it refers to, not vgr", ids)
	}
	// Complete: the export checks on its own, as an import into an empty database would.
	var files []*dataset.File
	for _, d := range got {
		files = append(files, &dataset.File{Name: d.ID, Data: d})
	}
	if ps := dataset.Check(files); len(ps) > 0 {
		t.Errorf("the export of horby-kommun does not check on its own: %v", ps)
	}
	got, err = db.ReadDatasets(ctx, graph.ExportQuery{Organisation: "region-halland"})
	if err != nil {
		t.Fatal(err)
	}
	ids = nil
	for _, d := range got {
		ids = append(ids, d.ID)
	}
	if !slices.Contains(ids, "region-halland") || slices.Contains(ids, "vgr") || slices.Contains(ids, "horby-hoor") {
		t.Errorf("datasets of region-halland: %v", ids)
	}
	if _, err := db.ReadDatasets(ctx, graph.ExportQuery{Organisation: "ingen-sadan"}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v, want not found", err)
	}
}
