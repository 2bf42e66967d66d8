// Import, check: ids the files declare that already belong to another dataset (another file
// declares them). Index: item_id (hinted: with few ids a seek is always right, and
// fresh statistics sometimes tempted the planner into scanning the dataset index).
// Parameters: $ids (list of strings), $datasets (list of strings).
// Columns: id, dataset (the dataset that declares it).
UNWIND $ids AS id
MATCH (n:Item {id: id})
USING INDEX n:Item(id)
WHERE NOT n.dataset IN $datasets
RETURN n.id AS id, n.dataset AS dataset
ORDER BY id
LIMIT 20
