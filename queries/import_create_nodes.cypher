// Import, write: create items. The kind label is dynamic (Cypher 5.26) and comes from the
// model's closed list of kinds, never from file content. Index: none (creates only; the
// item_id constraint checks uniqueness).
// Parameters: $rows (list of {label, props}). Columns: none.
UNWIND $rows AS row
CREATE (n:Item:$(row.label))
SET n = row.props
