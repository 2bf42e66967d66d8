// Audit: record one import, in the import's own transaction, so that the entry is committed
// with the change or not at all. The time is the transaction's, from Neo4j's clock: one
// clock for every styrgraf replica. Index: none (creates only; the audit_entry_id
// constraint checks uniqueness).
// Parameters: $entry (map: id, by_name, by_via, datasets, ids_omitted, and for items and
//             rels each of added, changed, removed: the count and the list of ids, _ids).
// Columns: none.
CREATE (e:AuditEntry)
SET e = $entry, e.at = datetime.transaction()
