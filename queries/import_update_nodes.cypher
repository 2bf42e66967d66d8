// Import, write: replace the properties of existing items. Index: item_id.
// Parameters: $rows (list of {id, props}). Columns: none.
UNWIND $rows AS row
MATCH (n:Item {id: row.id})
SET n = row.props
