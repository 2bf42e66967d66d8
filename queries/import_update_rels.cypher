// Import, write: replace the properties of existing relationships. Index: item_id.
// Parameters: $rows (list of {from, to, key, props}). Columns: none.
UNWIND $rows AS row
MATCH (:Item {id: row.from})-[r]->(:Item {id: row.to})
WHERE r.key = row.key
SET r = row.props
