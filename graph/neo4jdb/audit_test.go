package neo4jdb_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// auditTrail reads the whole audit trail, newest first.
func auditTrail(t *testing.T, db *neo4jdb.DB) []graph.AuditEntry {
	t.Helper()
	entries, err := graph.All(func(p graph.Page) (graph.List[graph.AuditEntry], error) {
		return db.AuditEntries(context.Background(), graph.AuditQuery{Page: p})
	})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// importAs runs the import pipeline every caller uses, as by.
func importAs(t *testing.T, db *neo4jdb.DB, by graph.Actor, dry bool, paths ...string) (graph.ImportResult, error) {
	t.Helper()
	files, err := dataset.ReadFiles(paths...)
	if err != nil {
		t.Fatal(err)
	}
	im := dataset.Importer{Store: db}
	return im.Import(context.Background(), files, graph.ImportOptions{By: by, DryRun: dry})
}

// An audit entry exists if and only if its change does. Each way an import can end is
// tried in turn on the same graph, and after each the whole graph (audit trail included:
// the snapshot's hash covers it) and the trail are compared with what came before.
func TestAuditEntryIfAndOnlyIfTheChange(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	anna := graph.Actor{Name: "hr-anna", Via: graph.ViaAPI}
	unchanged := func(what string, before neo4jdb.Snapshot, trail int) {
		t.Helper()
		if after := neo4jdbtest.Snapshot(t, db); after != before {
			t.Errorf("%s changed the graph: %+v, was %+v", what, after, before)
		}
		if got := len(auditTrail(t, db)); got != trail {
			t.Errorf("%s: %d audit entries, want %d", what, got, trail)
		}
	}

	// A first import: the change and its entry.
	start := time.Now()
	res, err := importAs(t, db, anna, false, validFile)
	if err != nil {
		t.Fatal(err)
	}
	s1 := neo4jdbtest.Snapshot(t, db)
	if s1.Nodes != 10 || s1.Audit != 1 {
		t.Fatalf("after the first import: %d items and %d audit entries, want 10 and 1", s1.Nodes, s1.Audit)
	}
	trail := auditTrail(t, db)
	if len(trail) != 1 {
		t.Fatalf("audit trail = %+v, want one entry", trail)
	}
	e := trail[0]
	// valid.yaml: 10 items and 11 relationships (see TestImportTwiceChangesNothing).
	if e.By != anna || !slices.Equal(e.Datasets, []string{"test-region"}) || e.Nodes.Added != 10 || e.Rels.Added != 11 ||
		e.Nodes.Changed+e.Nodes.Removed+e.Rels.Changed+e.Rels.Removed+e.IDsOmitted != 0 {
		t.Errorf("entry = %+v, want hr-anna via api adding 10 items and 11 relationships of test-region", e)
	}
	if !slices.Equal(e.Nodes.IDs.Added, res.Nodes.Added) || !slices.Equal(e.Rels.IDs.Added, res.Rels.Added) || !slices.Contains(e.Rels.IDs.Added, "REPORTS_TO|test-rs|test-rf") {
		t.Errorf("entry lists %v and %v, want the import's %v and %v", e.Nodes.IDs.Added, e.Rels.IDs.Added, res.Nodes.Added, res.Rels.Added)
	}
	if e.Nodes.IDs.Changed == nil || len(e.Nodes.IDs.Changed) != 0 {
		t.Errorf("no item changed, yet the list is %#v (want an empty list)", e.Nodes.IDs.Changed)
	}
	// Neo4j's clock, on this machine: within the call, give or take a second.
	if e.At.Before(start.Add(-time.Second)) || e.At.After(time.Now().Add(time.Second)) || e.At.Location() != time.UTC || len(e.ID) != 32 {
		t.Errorf("entry at %s (called at %s), id %q", e.At, start, e.ID)
	}

	// The same files again change nothing, and leave no entry.
	if res, err := importAs(t, db, anna, false, validFile); err != nil || !res.Unchanged() {
		t.Fatalf("re-import = %+v, %v", res, err)
	}
	unchanged("an import that changes nothing", s1, 1)

	renamed := variant(t, "name: Bo Exempel", "name: Bo Ändrad")
	// A dry run of a change writes nothing.
	if res, err := importAs(t, db, anna, true, renamed); err != nil || !slices.Equal(res.Nodes.Changed, []string{"bo"}) {
		t.Fatalf("dry run = %+v, %v", res, err)
	}
	unchanged("a dry run", s1, 1)

	// A write that does not say who makes it is refused before anything.
	if _, err := importAs(t, db, graph.Actor{}, false, renamed); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("import without an actor = %v, want EINVALID", err)
	}
	unchanged("an import without an actor", s1, 1)

	// Refused by the store: ids of another dataset.
	if _, err := importAs(t, db, anna, false, variant(t, "dataset: test-region", "dataset: another-file")); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("conflicting import = %v, want ECONFLICT", err)
	}
	unchanged("a refused import", s1, 1)

	// Failing after writes: Neo4j rejects a row of a late batch.
	g, datasets := mustLoad(t, renamed)
	g.Nodes = append(g.Nodes, dataset.Node{Label: "Topic", ID: "broken", Dataset: datasets[0],
		Props: map[string]any{"id": "broken", "dataset": datasets[0], "name": map[string]any{"not": "storable"}}})
	restoreBatch := neo4jdb.SetImportBatchSize(1)
	_, err = db.ImportGraph(context.Background(), g, datasets, graph.ImportOptions{By: anna})
	restoreBatch()
	if err == nil {
		t.Fatal("import of an unstorable value succeeded")
	}
	unchanged("an import failing after writes", s1, 1)

	// The change applied, then the entry refused (its id collides with the first entry's):
	// the change must go with it.
	restoreIDs := neo4jdb.SetAuditIDs(func() string { return e.ID })
	_, err = importAs(t, db, anna, false, renamed)
	restoreIDs()
	if graph.ErrorCode(err) != graph.ECONFLICT {
		t.Fatalf("import whose audit entry cannot be written = %v, want the constraint's ECONFLICT", err)
	}
	unchanged("an import whose audit entry failed", s1, 1)
	if p, err := db.Person(context.Background(), "bo", graph.MustDate("2026-01-01")); err != nil || p.Name != "Bo Exempel" {
		t.Errorf("bo = %q, %v; the rename must have been rolled back", p.Name, err)
	}

	// A change by someone else on the command line: a second entry, listed first.
	sven := graph.Actor{Name: "sven", Via: graph.ViaCLI}
	if _, err := importAs(t, db, sven, false, renamed); err != nil {
		t.Fatal(err)
	}
	s2 := neo4jdbtest.Snapshot(t, db)
	if s2.Hash == s1.Hash || s2.Audit != 2 || s2.Nodes != 10 {
		t.Errorf("after the rename: %+v, want a changed graph of 10 items with 2 audit entries", s2)
	}
	trail = auditTrail(t, db)
	if len(trail) != 2 || trail[0].By != sven || trail[1].ID != e.ID || !slices.Equal(trail[0].Nodes.IDs.Changed, []string{"bo"}) ||
		trail[0].Nodes.Changed != 1 || trail[0].Nodes.Added+trail[0].Rels.Added+trail[0].Rels.Changed+trail[0].Rels.Removed != 0 {
		t.Errorf("trail = %+v, want sven's change of bo first, then hr-anna's import", trail)
	}
	if trail[0].At.Before(trail[1].At) {
		t.Errorf("the newer entry (%s) is dated before the older (%s)", trail[0].At, trail[1].At)
	}
}

// The trail pages like every list: limit, the next offset, and the total.
func TestAuditEntriesPage(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	for i, name := range []string{"Bo Ett", "Bo Två", "Bo Tre"} {
		path := validFile
		if i > 0 {
			path = variant(t, "name: Bo Exempel", "name: "+name)
		}
		if _, err := importAs(t, db, graph.Actor{Name: "user" + string(rune('a'+i)), Via: graph.ViaCLI}, false, path); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for offset := 0; offset < 3; offset++ {
		l, err := db.AuditEntries(context.Background(), graph.AuditQuery{Page: graph.Page{Offset: offset, Limit: 1}})
		if err != nil || l.Total != 3 || len(l.Items) != 1 {
			t.Fatalf("page at %d = %+v, %v", offset, l, err)
		}
		got = append(got, l.Items[0].By.Name)
	}
	if strings.Join(got, ",") != "userc,userb,usera" {
		t.Errorf("pages gave %v, want newest first", got)
	}
	if _, err := db.AuditEntries(context.Background(), graph.AuditQuery{Page: graph.Page{Limit: 5000}}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("limit 5000 = %v, want EINVALID", err)
	}
}
