// Import, step 2: the relationships the datasets declared last time. Every relationship a
// dataset declares touches at least one item of that dataset (validation ensures it), so they
// are found from the dataset's items. Index: item_dataset.
// Parameters: $datasets (list of strings).
// Columns: type, from, to (item ids), valid_from (date or null), props.
MATCH (n:Item)-[r]-(:Item)
WHERE n.dataset IN $datasets AND r.dataset IN $datasets
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, r.valid_from AS valid_from, properties(r) AS props
