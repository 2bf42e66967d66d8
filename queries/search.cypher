// Search: organs, seats, people, topics and organisations by name (full text, Swedish
// analyzer: case, å/ä/ö and inflections handled), with kind and organisation.
// Index: search_sv (full text).
// Parameters: $q (Lucene query, escaped by the caller), $limit (integer).
// Columns: id, kind, name, organisation (name of the owning organisation, if any), score.
CALL db.index.fulltext.queryNodes('search_sv', $q, {limit: $limit}) YIELD node, score
WHERE node:Organ OR node:Post OR node:Person OR node:Topic OR node:Organisation
OPTIONAL MATCH (node)-[:SEAT_OF]->(seatOrgan:Organ)
WITH node, score, coalesce(seatOrgan, node) AS owner
OPTIONAL MATCH (owner)-[:BELONGS_TO {primary: true}]->(org:Organisation)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Item'][0] AS kind,
       coalesce(node.name, node.title) AS name, org.name AS organisation, score
ORDER BY score DESC, name, id
