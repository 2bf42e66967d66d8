package neo4jdb_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

const validFile = "../dataset/testdata/valid.yaml"

// mustLoad reads and checks dataset files and flattens them, for tests that hand the store a
// graph no file could produce (db.ImportGraph); other tests import through
// neo4jdbtest.MustImport.
func mustLoad(t *testing.T, paths ...string) (dataset.Graph, []string) {
	t.Helper()
	files, err := dataset.Load(paths...)
	if err != nil {
		t.Fatal(err)
	}
	return dataset.Flatten(files), dataset.DatasetIDs(files)
}

// sameLines compares answers rendered one per line, showing both in full when they differ.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s =\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// variant writes a copy of valid.yaml with replacements applied and returns its path.
func variant(t *testing.T, replacements ...string) string {
	t.Helper()
	b, err := os.ReadFile(validFile)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(replacements); i += 2 {
		if !strings.Contains(s, replacements[i]) {
			t.Fatalf("valid.yaml does not contain %q", replacements[i])
		}
		s = strings.Replace(s, replacements[i], replacements[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), "variant.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportTwiceChangesNothing(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	first := neo4jdbtest.MustImport(t, db, validFile)
	// valid.yaml declares 10 items: 1 organisation, 1 document, 3 organs, 2 posts, 2 people,
	// 1 mandate; and 12 relationships: 3 BELONGS_TO, 1 PART_OF, 2 SEAT_OF, 1 EX_OFFICIO,
	// 2 HOLDS, 1 HAS_MANDATE, 1 REPORTS_TO (the mandate's source is a property).
	if len(first.Nodes.Added) != 10 || len(first.Rels.Added) != 11 {
		t.Fatalf("first import added %d items and %d relationships, want 10 and 11: %+v", len(first.Nodes.Added), len(first.Rels.Added), first)
	}
	before := neo4jdbtest.Snapshot(t, db)
	if before.Nodes != 10 || before.Rels != 11 || before.Audit != 1 {
		t.Fatalf("graph holds %d nodes, %d relationships and %d audit entries, want 10, 11 and 1", before.Nodes, before.Rels, before.Audit)
	}
	second := neo4jdbtest.MustImport(t, db, validFile)
	if !second.Unchanged() {
		t.Fatalf("second import changed things: %+v", second)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatalf("graph changed on re-import: %+v != %+v", after, before)
	}
}

func TestImportRemovesWhatTheFileNoLongerSays(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
	// Drop the person bo (and the holding), rename an organ, drop the REPORTS_TO relation.
	changed := variant(t,
		"      - person: bo\n        valid_from: 2023-01-01\n", "",
		"  - id: bo\n    name: Bo Exempel\n    placeholder: true\n", "",
		"name: Regionstyrelsens arbetsutskott", "name: Arbetsutskottet",
		"relations:\n  - kind: reports_to\n    from: test-rs\n    to: test-rf\n", "",
	)
	res := neo4jdbtest.MustImport(t, db, changed)
	if !slices.Equal(res.Nodes.Removed, []string{"bo"}) || !slices.Equal(res.Nodes.Changed, []string{"test-rsau"}) || len(res.Nodes.Added) != 0 {
		t.Errorf("items: %+v, want bo removed and test-rsau changed", res.Nodes)
	}
	if !slices.Equal(res.Rels.Removed, []string{"HOLDS|bo|test-rs-chair|2023-01-01", "REPORTS_TO|test-rs|test-rf"}) {
		t.Errorf("relationships removed = %v", res.Rels.Removed)
	}
	if s := neo4jdbtest.Snapshot(t, db); s.Nodes != 9 || s.Rels != 9 {
		t.Errorf("graph holds %d nodes and %d relationships, want 9 and 9", s.Nodes, s.Rels)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	before := neo4jdbtest.Snapshot(t, db)
	g, datasets := mustLoad(t, validFile)
	res, err := db.ImportGraph(context.Background(), g, datasets, graph.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.DryRun || len(res.Nodes.Added) != 10 {
		t.Errorf("dry run result %+v, want 10 items to add", res)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatalf("dry run wrote: %+v != %+v", after, before)
	}
}

// TestFailedImportLeavesGraphAsBefore makes the database refuse a row in a late batch, after
// earlier batches were written in the same transaction: nothing of it may remain.
func TestFailedImportLeavesGraphAsBefore(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
	before := neo4jdbtest.Snapshot(t, db)

	g, datasets := mustLoad(t, variant(t, "name: Bo Exempel", "name: Bo Ändrad"))
	// A valid new item is written first; then a map, which is not a storable property value,
	// makes Neo4j reject the next row.
	g.Nodes = append(g.Nodes, dataset.Node{Label: "Topic", ID: "fine", Dataset: datasets[0],
		Props: map[string]any{"id": "fine", "dataset": datasets[0], "name": "Fine"}})
	g.Nodes = append(g.Nodes, dataset.Node{Label: "Topic", ID: "broken", Dataset: datasets[0],
		Props: map[string]any{"id": "broken", "dataset": datasets[0], "name": map[string]any{"not": "storable"}}})
	var steps int
	defer neo4jdb.SetImportBatchSize(1)()
	_, err := db.ImportGraph(context.Background(), g, datasets, graph.ImportOptions{By: neo4jdbtest.By, Progress: func(string, int, int) { steps++ }})
	if err == nil {
		t.Fatal("import of an unstorable value succeeded")
	}
	if steps == 0 {
		t.Fatal("the failure came before any write, so this test proves nothing")
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatalf("failed import left changes: %+v != %+v", after, before)
	}
}

func TestImportRefusesIdsOfAnotherDataset(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, validFile)
	before := neo4jdbtest.Snapshot(t, db)
	other := variant(t, "dataset: test-region", "dataset: another-file")
	g, datasets := mustLoad(t, other)
	_, err := db.ImportGraph(context.Background(), g, datasets, graph.ImportOptions{By: neo4jdbtest.By})
	if graph.ErrorCode(err) != graph.ECONFLICT || !strings.Contains(graph.ErrorMessage(err), "test-rs (declared by dataset test-region)") {
		t.Fatalf("Import = %v, want a conflict naming test-rs", err)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Fatalf("refused import changed the graph")
	}
}

// writeFile writes content to a file of that name in a fresh folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Dataset B relates its organ to A's organ x. Re-importing A with x turned into a post would
// replace x, and with it B's relationship: that must be refused, naming B's relation, and
// leave the graph as it was (it used to succeed and silently drop B's relation).
func TestImportRefusesKindChangeOtherFilesReferTo(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	a := writeFile(t, "a.yaml", `dataset: a
organisations:
  - {id: a-org, name: Organisation A, kind: region}
organs:
  - {id: a-rs, name: Styrelsen, kind: styrelse, organisation: a-org}
  - {id: x, name: Organ X, kind: namnd, organisation: a-org}
`)
	b := writeFile(t, "b.yaml", `dataset: b
organs:
  - {id: y, name: Organ Y, kind: arbetsgrupp, organisation: a-org}
relations:
  - {kind: reports_to, from: y, to: x}
`)
	neo4jdbtest.MustImport(t, db, a, b)
	before := neo4jdbtest.Snapshot(t, db)

	aPost := writeFile(t, "a.yaml", `dataset: a
organisations:
  - {id: a-org, name: Organisation A, kind: region}
organs:
  - {id: a-rs, name: Styrelsen, kind: styrelse, organisation: a-org}
posts:
  - {id: x, title: Post X, kind: member, organ: a-rs}
`)
	files, err := dataset.ReadFiles(aPost)
	if err != nil {
		t.Fatal(err)
	}
	im := dataset.Importer{Store: db}
	_, err = im.Import(context.Background(), files, graph.ImportOptions{By: neo4jdbtest.By})
	if graph.ErrorCode(err) != graph.ECONFLICT || !strings.Contains(graph.ErrorMessage(err), "x (REPORTS_TO y, declared by dataset b)") {
		t.Fatalf("re-import of A with x as a post = %v, want a conflict naming B's reports_to", err)
	}
	if after := neo4jdbtest.Snapshot(t, db); after != before {
		t.Errorf("a refused import changed the graph: %+v != %+v", after, before)
	}
	// Imported together with B, which no longer refers to x, the change goes through.
	bAlone := writeFile(t, "b.yaml", `dataset: b
organs:
  - {id: y, name: Organ Y, kind: arbetsgrupp, organisation: a-org}
`)
	files, err = dataset.ReadFiles(aPost, bAlone)
	if err != nil {
		t.Fatal(err)
	}
	res, err := im.Import(context.Background(), files, graph.ImportOptions{By: neo4jdbtest.By})
	if err != nil || !slices.Contains(res.Nodes.Changed, "x") {
		t.Errorf("A and B together = %+v, %v; want x changed", res, err)
	}
}

// A relation's properties change: the import says so, the graph has the new value, and
// importing again changes nothing (the update statement had never run in a test).
func TestImportUpdatesRelationshipProperties(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	file := func(description string) string {
		return writeFile(t, "u.yaml", `dataset: u
organisations:
  - {id: u-org, name: Organisation U, kind: region}
organs:
  - {id: u-rs, name: Styrelsen, kind: styrelse, organisation: u-org}
  - {id: u-n, name: Nämnden, kind: namnd, organisation: u-org}
relations:
  - {kind: oversees, from: u-rs, to: u-n, description: "`+description+`"}
`)
	}
	neo4jdbtest.MustImport(t, db, file("före"))
	res := neo4jdbtest.MustImport(t, db, file("efter"))
	if want := []string{"OVERSEES|u-rs|u-n"}; !slices.Equal(res.Rels.Changed, want) || len(res.Rels.Added)+len(res.Rels.Removed)+len(res.Nodes.Changed) != 0 {
		t.Errorf("changed description: %+v, want only %v changed", res, want)
	}
	d, err := db.OrganDetail(context.Background(), "u-rs", graph.MustDate("2026-01-01"))
	if err != nil || len(d.Out) != 1 || d.Out[0].Description != "efter" {
		t.Errorf("relation after the update = %+v, %v; want description efter", d.Out, err)
	}
	if again := neo4jdbtest.MustImport(t, db, file("efter")); !again.Unchanged() {
		t.Errorf("importing again changed %+v", again)
	}
}
