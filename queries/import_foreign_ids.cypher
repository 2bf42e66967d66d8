// Import, check: ids the files declare that already belong to another scope (another file
// owns them). Index: item_id.
// Parameters: $ids (list of strings), $scopes (list of strings).
// Columns: id, scope (the scope that owns it).
UNWIND $ids AS id
MATCH (n:Item {id: id})
WHERE NOT n.scope IN $scopes
RETURN n.id AS id, n.scope AS scope
ORDER BY id
LIMIT 20
