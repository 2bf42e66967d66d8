// Import, check: relationships declared by other datasets that would lose an end if these
// items were removed. Index: item_id (hinted: with few ids a seek is always right, and
// fresh statistics sometimes tempted the planner into scanning the dataset index).
// Parameters: $ids (ids to remove), $datasets (datasets being imported).
// Columns: id, type, other (id of the other end), dataset (dataset declaring the relationship).
UNWIND $ids AS id
MATCH (n:Item {id: id})-[r]-(m:Item)
USING INDEX n:Item(id)
WHERE NOT r.dataset IN $datasets
RETURN id, type(r) AS type, m.id AS other, r.dataset AS dataset
ORDER BY id, type, other
LIMIT 20
