// Import, step 1: the items the datasets being imported declared last time.
// Index: item_dataset.
// Parameters: $datasets (list of strings).
// Columns: id, label (the item's kind), props (all properties).
MATCH (n:Item)
WHERE n.dataset IN $datasets
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Item'][0] AS label, properties(n) AS props
