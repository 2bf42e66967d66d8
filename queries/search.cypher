// Search: organs, seats, people, topics and organisations by name (full text, Swedish
// analyzer: case, å/ä/ö and inflections handled), with kind and organisation.
// Index: search_sv (full text).
// Parameters: $q (Lucene query, escaped by the caller), $offset and $limit (integers: the page).
// Columns: total (every hit), page (the asked hits, each a map of id, kind, name,
// organisation (name of the owning organisation, if any) and score), best first.
CALL db.index.fulltext.queryNodes('search_sv', $q) YIELD node, score
WHERE node:Organ OR node:Post OR node:Person OR node:Topic OR node:Organisation
OPTIONAL MATCH (node)-[:SEAT_OF]->(seatOrgan:Organ)
WITH node, score, coalesce(seatOrgan, node) AS owner
OPTIONAL MATCH (owner)-[:BELONGS_TO {primary: true}]->(org:Organisation)
WITH node.id AS id, [l IN labels(node) WHERE l <> 'Item'][0] AS kind,
     coalesce(node.name, node.title) AS name, org.name AS organisation, score
ORDER BY score DESC, name, id
WITH collect({id: id, kind: kind, name: name, organisation: organisation, score: score}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS page
