// Import, step 1: the items the scopes being imported declared last time.
// Index: item_scope.
// Parameters: $scopes (list of strings).
// Columns: id, label (the item's kind), props (all properties).
MATCH (n:Item)
WHERE n.scope IN $scopes
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Item'][0] AS label, properties(n) AS props
