// Import, check: relationships declared by other datasets that would lose an end if these
// items were removed. Index: item_id.
// Parameters: $ids (ids to remove), $datasets (datasets being imported).
// Columns: id, type, other (id of the other end), dataset (dataset declaring the relationship).
UNWIND $ids AS id
MATCH (n:Item {id: id})-[r]-(m:Item)
WHERE NOT r.dataset IN $datasets
RETURN id, type(r) AS type, m.id AS other, r.dataset AS dataset
ORDER BY id, type, other
LIMIT 20
