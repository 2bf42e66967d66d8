// Item: one item by id with its properties and every relationship in and out, for detail
// views and for checking facts. Index: item_id (unique seek).
// Parameters: $id (string).
// Columns: label, props, out (list of {type, id, label, props}), in (same, other end).
MATCH (n:Item {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]->(m:Item)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {type: type(r), id: m.id, label: [l IN labels(m) WHERE l <> 'Item'][0], props: properties(r)} END) AS out
}
CALL (n) {
  OPTIONAL MATCH (n)<-[r]-(m:Item)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {type: type(r), id: m.id, label: [l IN labels(m) WHERE l <> 'Item'][0], props: properties(r)} END) AS in
}
RETURN [l IN labels(n) WHERE l <> 'Item'][0] AS label, properties(n) AS props, out, in
