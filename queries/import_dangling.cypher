// Import, check: relationships declared by other scopes that would lose an end if these
// items were removed. Index: item_id.
// Parameters: $ids (ids to remove), $scopes (scopes being imported).
// Columns: id, type, other (id of the other end), scope (scope declaring the relationship).
UNWIND $ids AS id
MATCH (n:Item {id: id})-[r]-(m:Item)
WHERE NOT r.scope IN $scopes
RETURN id, type(r) AS type, m.id AS other, r.scope AS scope
ORDER BY id, type, other
LIMIT 20
