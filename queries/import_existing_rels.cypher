// Import, step 2: the relationships the scopes declared last time. Every relationship a
// scope declares touches at least one item of that scope (validation ensures it), so they
// are found from the scope's items. Index: item_scope.
// Parameters: $scopes (list of strings).
// Columns: key, type, from, to (item ids), props.
MATCH (n:Item)-[r]-(:Item)
WHERE n.scope IN $scopes AND r.scope IN $scopes
WITH DISTINCT r
RETURN r.key AS key, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
