// Import, write: delete relationships. Index: item_id.
// Parameters: $rows (list of {from, to, key}). Columns: none.
UNWIND $rows AS row
MATCH (:Item {id: row.from})-[r]->(:Item {id: row.to})
WHERE r.key = row.key
DELETE r
