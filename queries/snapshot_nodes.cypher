// Snapshot: every item with its kind and properties, for comparing whole graphs (tests,
// import idempotence). Index: none — scans everything by design; not for request paths.
// Parameters: none. Columns: id, labels, props.
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
