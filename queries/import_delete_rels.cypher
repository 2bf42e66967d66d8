// Import, write: delete relationships, each identified by type, ends and first valid day.
// Index: item_id.
// Parameters: $rows (list of {type, from, to, valid_from}). Columns: none.
UNWIND $rows AS row
MATCH (:Item {id: row.from})-[r:$(row.type)]->(:Item {id: row.to})
WHERE r.valid_from = row.valid_from OR (r.valid_from IS NULL AND row.valid_from IS NULL)
DELETE r
