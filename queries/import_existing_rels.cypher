// Import, step 2: the relationships the datasets declared last time. Every relationship a
// dataset declares touches at least one item of that dataset (validation ensures it), so they
// are found from the dataset's items. Index: item_dataset.
// Parameters: $datasets (list of strings).
// Columns: key, type, from, to (item ids), props.
MATCH (n:Item)-[r]-(:Item)
WHERE n.dataset IN $datasets AND r.dataset IN $datasets
WITH DISTINCT r
RETURN r.key AS key, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
