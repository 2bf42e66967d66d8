// Export, step 1c: the datasets that declare the given items: those an export's items cite
// by property (a source's document, a condition's or trigger's reference) rather than by
// relationship. Index: item_id (unique).
// Parameters: $ids (list of strings). Columns: dataset (one row per dataset, sorted).
MATCH (n:Item)
WHERE n.id IN $ids
RETURN DISTINCT n.dataset AS dataset
ORDER BY dataset
