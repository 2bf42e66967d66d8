// Organ subtree: an organ and its parts (PART_OF, incoming) down to $depth levels as of a
// date, each with its seats and holders, plus every relation between organs and seats of
// the subtree. What org diagrams draw.
// Index: organ_id (unique seek).
// Parameters: $relationTypes (list of strings: the relationship types of the relation_kind
//             vocabulary, from Go), $id (string), $at (date), $depth (integer, 0 = the organ alone; at most 10).
// Columns: organs (list of {id, name, short_name, kind, category, organisation, level,
//          parent, seats: list of {id, title, kind, ex_officio, holders}}),
//          edges (list of {type, from, to}).
MATCH (root:Organ {id: $id})
WHERE (root.valid_from IS NULL OR root.valid_from <= $at) AND (root.valid_to IS NULL OR root.valid_to >= $at)
MATCH path = (root)<-[:PART_OF*0..10]-(o:Organ)
WHERE length(path) <= $depth
  AND all(n IN nodes(path) WHERE (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at))
WITH o, min(length(path)) AS level
// One parent (valid on the date) and one primary organisation per organ, so that no organ
// is listed twice.
CALL (o) {
  OPTIONAL MATCH (o)-[:PART_OF]->(p:Organ)
  WHERE (p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to >= $at)
  RETURN p AS parent ORDER BY p.id LIMIT 1
}
CALL (o) {
  OPTIONAL MATCH (o)-[:BELONGS_TO {primary: true}]->(g:Organisation)
  RETURN g AS org LIMIT 1
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:SEAT_OF]-(post:Post)
  WHERE (post.valid_from IS NULL OR post.valid_from <= $at) AND (post.valid_to IS NULL OR post.valid_to >= $at)
  CALL (post) {
    OPTIONAL MATCH (post)-[:EX_OFFICIO*0..3]->(:Post)<-[h:HOLDS]-(p:Person)
    WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
    RETURN collect(DISTINCT p {.id, .name}) AS holders
  }
  OPTIONAL MATCH (post)-[:EX_OFFICIO]->(src:Post)
  WITH post, holders, src ORDER BY post.kind, post.title, post.id
  RETURN collect(CASE WHEN post IS NULL THEN NULL ELSE
    post {.id, .title, .kind, .max_holders, ex_officio: src.id, ex_officio_title: src.title, holders: holders} END) AS seats
}
WITH collect(o {.id, .name, .short_name, .kind, .category, organisation: org.name, level: level,
                parent: parent.id, seats: seats}) AS organs, collect(o) AS nodes
CALL (nodes) {
  UNWIND nodes AS o
  OPTIONAL MATCH (o)<-[:SEAT_OF]-(post:Post)
  WITH nodes, collect(o) + collect(post) AS members
  UNWIND members AS a
  MATCH (a)-[r]->(b:Item)
  WHERE b IN members
    AND type(r) IN $relationTypes + ['PART_OF', 'EX_OFFICIO']
    AND (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at)
  WITH DISTINCT type(r) AS type, a.id AS from, b.id AS to
  ORDER BY type, from, to
  RETURN collect({type: type, from: from, to: to}) AS edges
}
RETURN organs, edges
