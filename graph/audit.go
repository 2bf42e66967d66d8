package graph

import (
	"context"
	"time"
)

// The audit trail: every import that changes the graph leaves one AuditEntry, written in
// the same transaction as the change, so that an entry exists if and only if its change
// does. Dry runs write nothing and leave none; an import that finds the graph already as
// the files say changes nothing and leaves none either (serve -import re-imports the same
// files at every start, which would otherwise bury the real changes).

// AuditTrail lists the audit trail.
type AuditTrail interface {
	AuditEntries(ctx context.Context, q AuditQuery) (List[AuditEntry], error)
}

// AuditQuery asks for one page of the audit trail, newest first.
type AuditQuery struct {
	Page
}

// Validate checks the query.
func (q *AuditQuery) Validate() error { return q.Page.Validate() }

// AuditEntry is one write: who, when, which datasets, how many items and relationships it
// added, changed and removed, and which (at most MaxAuditIDs of each list).
type AuditEntry struct {
	ID       string       `json:"id"`
	At       time.Time    `json:"at"`
	By       Actor        `json:"by"`
	Datasets []string     `json:"datasets"`
	Nodes    AuditChanges `json:"nodes"`
	Rels     AuditChanges `json:"relationships"`
	// IDsOmitted is how many ids the lists leave out, over all six of them.
	IDsOmitted int `json:"ids_omitted"`
}

// AuditChanges counts what was added, changed and removed, and lists the ids (for
// relationships: keys), each list cut at MaxAuditIDs.
type AuditChanges struct {
	Added   int           `json:"added"`
	Changed int           `json:"changed"`
	Removed int           `json:"removed"`
	IDs     ImportChanges `json:"ids"`
}

// MaxAuditIDs bounds each list of ids in an audit entry: a first import of a whole region
// adds thousands of items, which the counts say; the ids matter for the small changes
// made later, which fit whole.
const MaxAuditIDs = 200

// NewAuditEntry is the entry of an import by by that had result res; the store gives it
// its id and time when it writes it.
func NewAuditEntry(by Actor, res ImportResult) AuditEntry {
	e := AuditEntry{By: by, Datasets: res.Datasets}
	e.Nodes, e.IDsOmitted = auditChanges(res.Nodes, e.IDsOmitted)
	e.Rels, e.IDsOmitted = auditChanges(res.Rels, e.IDsOmitted)
	return e
}

func auditChanges(c ImportChanges, omitted int) (AuditChanges, int) {
	capped := func(ids []string) []string {
		if len(ids) > MaxAuditIDs {
			omitted += len(ids) - MaxAuditIDs
			ids = ids[:MaxAuditIDs]
		}
		return append([]string{}, ids...)
	}
	return AuditChanges{Added: len(c.Added), Changed: len(c.Changed), Removed: len(c.Removed),
		IDs: ImportChanges{Added: capped(c.Added), Changed: capped(c.Changed), Removed: capped(c.Removed)}}, omitted
}
