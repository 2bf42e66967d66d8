package neo4jdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

var _ graph.AuditTrail = (*DB)(nil)

// newAuditID names an audit entry. A variable so that a test can make two entries collide.
var newAuditID = func() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the system's randomness is broken; nothing is safe then
	}
	return hex.EncodeToString(b)
}

// auditLists are the six id lists of an entry, in the order of their properties.
var auditLists = []struct{ what, change string }{
	{"items", "added"}, {"items", "changed"}, {"items", "removed"},
	{"rels", "added"}, {"rels", "changed"}, {"rels", "removed"},
}

// recordAudit writes the entry of an import in the import's own transaction, so that the
// entry is committed with the change or not at all.
func recordAudit(ctx context.Context, tx neo4j.ManagedTransaction, id string, e graph.AuditEntry) error {
	props := map[string]any{"id": id, "by_name": e.By.Name, "by_via": e.By.Via, "datasets": e.Datasets, "ids_omitted": int64(e.IDsOmitted)}
	for _, l := range auditLists {
		c, ids := auditPart(&e, l.what, l.change)
		props[l.what+"_"+l.change] = int64(*c)
		props[l.what+"_"+l.change+"_ids"] = *ids
	}
	res, err := tx.Run(ctx, queries.Text("audit_record.cypher"), map[string]any{"entry": props})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("recording the audit entry: %w", err)
	}
	return nil
}

// auditPart points at one count and its id list of an entry.
func auditPart(e *graph.AuditEntry, what, change string) (*int, *[]string) {
	c := &e.Nodes
	if what == "rels" {
		c = &e.Rels
	}
	switch change {
	case "added":
		return &c.Added, &c.IDs.Added
	case "changed":
		return &c.Changed, &c.IDs.Changed
	}
	return &c.Removed, &c.IDs.Removed
}

// AuditEntries implements graph.AuditTrail: one page of the audit trail, newest first.
func (db *DB) AuditEntries(ctx context.Context, q graph.AuditQuery) (graph.List[graph.AuditEntry], error) {
	if err := q.Validate(); err != nil {
		return graph.List[graph.AuditEntry]{}, err
	}
	return readTx(ctx, db, "audit_entries", func(tx neo4j.ManagedTransaction) (graph.List[graph.AuditEntry], error) {
		return collectPage(ctx, tx, "audit_entries.cypher", map[string]any{}, q.Page, readAuditEntry)
	})
}

func readAuditEntry(rec *neo4j.Record) (graph.AuditEntry, error) {
	var e graph.AuditEntry
	var err error
	if e.ID, err = get[string](rec, "id"); err != nil {
		return e, err
	}
	if e.At, err = get[time.Time](rec, "at"); err != nil {
		return e, err
	}
	e.At = e.At.UTC()
	if e.By.Name, err = get[string](rec, "by_name"); err != nil {
		return e, err
	}
	if e.By.Via, err = get[string](rec, "by_via"); err != nil {
		return e, err
	}
	if e.Datasets, err = stringList(rec, "datasets"); err != nil {
		return e, err
	}
	omitted, err := get[int64](rec, "ids_omitted")
	if err != nil {
		return e, err
	}
	e.IDsOmitted = int(omitted)
	for _, l := range auditLists {
		c, ids := auditPart(&e, l.what, l.change)
		n, err := get[int64](rec, l.what+"_"+l.change)
		if err != nil {
			return e, err
		}
		*c = int(n)
		if *ids, err = stringList(rec, l.what+"_"+l.change+"_ids"); err != nil {
			return e, err
		}
	}
	return e, nil
}

// stringList reads a list of strings; an empty list is stored as such, and read as one.
func stringList(rec *neo4j.Record, key string) ([]string, error) {
	list, err := get[[]any](rec, key)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(list))
	for i, v := range list {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("column %s: item %d is %T, not a string", key, i, v)
		}
		out[i] = s
	}
	return out, nil
}
