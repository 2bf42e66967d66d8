// Export, step 3: every relationship the given datasets declare, with the kinds of both
// ends, which may belong to other datasets. A relationship a dataset declares touches an item
// of that dataset (validation ensures it), so they are found from the datasets' items.
// Index: item_dataset.
// Parameters: $datasets (list of strings).
// Columns: type, from, to (item ids), from_label, to_label, props.
MATCH (n:Item)-[r]-(:Item)
WHERE n.dataset IN $datasets AND r.dataset IN $datasets
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN type(r) AS type, a.id AS from, b.id AS to,
       [l IN labels(a) WHERE l <> 'Item'][0] AS from_label,
       [l IN labels(b) WHERE l <> 'Item'][0] AS to_label,
       properties(r) AS props
ORDER BY type, from, to
