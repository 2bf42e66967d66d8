// Export, step 2: every item of the given datasets, with its kind and stored properties.
// Audit entries are not items and never exported. Index: item_dataset.
// Parameters: $datasets (list of strings).
// Columns: id, label (the item's kind), props (all properties).
MATCH (n:Item)
WHERE n.dataset IN $datasets
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Item'][0] AS label, properties(n) AS props
ORDER BY id
