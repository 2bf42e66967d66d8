// Import, write: create relationships. The type is dynamic (Cypher 5.26) and comes from the
// model's closed list of relation kinds. Index: item_id.
// Parameters: $rows (list of {type, from, to, props}). Columns: none.
UNWIND $rows AS row
MATCH (a:Item {id: row.from})
MATCH (b:Item {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
