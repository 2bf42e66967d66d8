package neo4jdb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Snapshot summarises the whole graph: counts and a hash over every node and relationship
// with all their properties, independent of internal ids and order. Two graphs with equal
// snapshots hold the same content, audit trail included.
type Snapshot struct {
	Nodes int // nodes other than audit entries: the governance graph
	Rels  int
	Audit int // audit entries
	Hash  string
	// Content is the hash without the audit trail: equal for two graphs that hold the same
	// governance content however they were imported (an export re-imported elsewhere).
	Content string
}

// TakeSnapshot reads the whole graph. It scans everything; use it in tests and tools, not
// on request paths.
func (db *DB) TakeSnapshot(ctx context.Context) (Snapshot, error) {
	return readTx(ctx, db, "snapshot", func(tx neo4j.ManagedTransaction) (Snapshot, error) {
		audit := 0
		content := sha256.New()
		var contentLines []string
		nodes, err := collect(ctx, tx, "snapshot_nodes.cypher", nil, func(rec *neo4j.Record) (string, error) {
			line := canonical(rec.Values)
			if labels, _ := rec.Get("labels"); slices.Contains(asList(labels), any("AuditEntry")) {
				audit++
			} else {
				contentLines = append(contentLines, line)
			}
			return line, nil
		})
		if err != nil {
			return Snapshot{}, err
		}
		rels, err := collect(ctx, tx, "snapshot_rels.cypher", nil, func(rec *neo4j.Record) (string, error) {
			return canonical(rec.Values), nil
		})
		if err != nil {
			return Snapshot{}, err
		}
		sort.Strings(nodes)
		sort.Strings(rels)
		h := sha256.New()
		for _, l := range append(nodes, rels...) {
			fmt.Fprintln(h, l)
		}
		// Audit entries have no relationships, so every relationship is content.
		sort.Strings(contentLines)
		for _, l := range append(contentLines, rels...) {
			fmt.Fprintln(content, l)
		}
		return Snapshot{Nodes: len(nodes) - audit, Rels: len(rels), Audit: audit, Hash: hex.EncodeToString(h.Sum(nil)),
			Content: hex.EncodeToString(content.Sum(nil))}, nil
	})
}

// canonical renders values with map keys sorted, so equal content renders equally.
func canonical(v any) string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%q:%s", k, canonical(v[k]))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = canonical(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return fmt.Sprintf("%#v", v)
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
