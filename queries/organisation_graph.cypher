// Organisation graph: every organ that belongs to an organisation on a date (BELONGS_TO,
// primary or as one of the organisations a joint organ spans; organ and relationship valid
// on $at), each with its level (PART_OF hops up to a top organ, counted within the
// organisation: an organ whose parent is not drawn is a top organ, level 0), its parent among
// them, its seats and holders, plus every relation between the organs and seats drawn. What
// an organisation's org diagram draws; the same shape as organ_subtree.cypher.
// When more than $maxOrgans organs belong, only the count is answered (organs and edges
// empty), so that an oversized request costs one expansion.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $relationTypes (list of strings: the relationship types of the relation_kind
//             vocabulary, from Go), $organisation (string, id), $at (date), $maxOrgans (integer).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at), name (string: the organisation's
//          name), total (integer: organs that belong),
//          organs (list of {id, name, short_name, kind, category, organisation, level,
//          parent, seats: list of {id, title, kind, max_holders, ex_officio, ex_officio_title,
//          holders}}), edges (list of {type, from, to}, sorted), datasets (list of strings:
//          the datasets the drawn organs and their seats come from, sorted), documents (list
//          of {id, title}: the documents they cite as their source, sorted by id) — what a
//          diagram's title block names as its sources.
MATCH (org:Organisation {id: $organisation})
CALL (org) {
  MATCH (org)<-[b:BELONGS_TO]-(o:Organ)
  WHERE (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
    AND (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at)
  RETURN collect(DISTINCT o) AS members
}
WITH org, size(members) AS total, CASE WHEN size(members) <= $maxOrgans THEN members ELSE [] END AS drawn
CALL (drawn) {
  UNWIND drawn AS o
  CALL (o, drawn) {
    OPTIONAL MATCH path = (o)-[:PART_OF*1..10]->(:Organ)
    WHERE all(n IN nodes(path) WHERE n IN drawn)
      AND all(r IN relationships(path) WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
    RETURN coalesce(max(length(path)), 0) AS level, head(collect(nodes(path)[1].id)) AS parent
  }
  CALL (o) {
    OPTIONAL MATCH (o)-[:BELONGS_TO {primary: true}]->(primary:Organisation)
    RETURN min(primary.name) AS organisation
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
  RETURN collect(o {.id, .name, .short_name, .kind, .category, organisation: organisation, level: level,
                    parent: parent, seats: seats}) AS organs
}
CALL (drawn) {
  CALL (drawn) {
    UNWIND drawn AS o
    OPTIONAL MATCH (o)<-[:SEAT_OF]-(post:Post)
    WHERE (post.valid_from IS NULL OR post.valid_from <= $at) AND (post.valid_to IS NULL OR post.valid_to >= $at)
    RETURN collect(DISTINCT post) AS posts
  }
  WITH drawn + posts AS members
  UNWIND members AS a
  MATCH (a)-[r]->(b:Item)
  WHERE b IN members
    AND type(r) IN $relationTypes + ['PART_OF', 'EX_OFFICIO']
    AND (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at)
  WITH DISTINCT type(r) AS type, a.id AS from, b.id AS to
  ORDER BY type, from, to
  RETURN collect({type: type, from: from, to: to}) AS edges
}
CALL (drawn) {
  CALL (drawn) {
    UNWIND drawn AS o
    OPTIONAL MATCH (o)<-[:SEAT_OF]-(post:Post)
    WHERE (post.valid_from IS NULL OR post.valid_from <= $at) AND (post.valid_to IS NULL OR post.valid_to >= $at)
    RETURN collect(DISTINCT post) AS posts
  }
  UNWIND drawn + posts AS item
  OPTIONAL MATCH (d:Document {id: item.source_document})
  WITH collect(DISTINCT item.dataset) AS datasets, collect(DISTINCT d {.id, .title}) AS documents
  RETURN datasets, documents
}
RETURN (org.valid_from IS NULL OR org.valid_from <= $at) AND (org.valid_to IS NULL OR org.valid_to >= $at) AS found,
       org.name AS name, total, organs, edges, datasets, documents
