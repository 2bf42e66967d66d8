// Export, step 1b: the datasets that declare items the given datasets refer to (the other
// end of a relationship they declare), so that an export of one organisation is complete
// enough to import into an empty database. Run until it adds nothing.
// Index: item_dataset.
// Parameters: $datasets (list of strings). Columns: dataset (one row per other dataset, sorted).
MATCH (n:Item)-[r]-(m:Item)
WHERE n.dataset IN $datasets AND r.dataset IN $datasets AND NOT m.dataset IN $datasets
RETURN DISTINCT m.dataset AS dataset
ORDER BY dataset
