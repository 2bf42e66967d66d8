// Import, check: ids the files declare that already belong to another dataset (another file
// declares them). Index: item_id (hinted: with few ids a seek is always right, and
// fresh statistics sometimes tempted the planner into scanning the dataset index).
// Parameters: $ids (list of strings), $datasets (list of strings).
// Columns: id, dataset (the dataset that declares it).
// The ids as one IN list, not UNWIND and a MATCH per id: a seek per value of the list is the
// only plan the hint allows for IN, where per-row MATCH was at times planned as a scan of
// the id index.
MATCH (n:Item)
USING INDEX n:Item(id)
WHERE n.id IN $ids AND NOT n.dataset IN $datasets
RETURN n.id AS id, n.dataset AS dataset
ORDER BY id
LIMIT 20
