// Import, write: delete items (with any relationship left on them). Index: item_id.
// Parameters: $ids (list of strings). Columns: none.
UNWIND $ids AS id
MATCH (n:Item {id: id})
DETACH DELETE n
