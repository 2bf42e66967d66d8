// Snapshot: every relationship with its ends and properties. Index: none — scans everything
// by design; not for request paths.
// Parameters: none. Columns: type, from, to, props.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
