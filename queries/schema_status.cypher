// Schema status: how many of the named constraints/indexes exist and are ONLINE.
// A uniqueness constraint's backing index carries the constraint's name, so SHOW INDEXES
// covers both.
// Parameters: $names (list of strings, from queries.SchemaNames).
// Columns: online (integer).
SHOW INDEXES YIELD name, state
WHERE name IN $names AND state = 'ONLINE'
RETURN count(*) AS online
