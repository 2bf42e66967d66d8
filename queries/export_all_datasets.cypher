// Export, step 1 for everything: every dataset that declares an item.
// Index: item_dataset (an index scan, not a label scan).
// Parameters: none. Columns: dataset (one row per dataset, sorted).
MATCH (n:Item)
WHERE n.dataset IS NOT NULL
RETURN DISTINCT n.dataset AS dataset
ORDER BY dataset
