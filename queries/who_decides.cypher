// Who decides: mandates matching a topic or free text, with their holders on a date, the
// people in those seats, and the delegation path back to the original power.
// A mandate matches when its scope matches what was typed (direct) or a topic it is ABOUT
// does (via topic); the matching is match_names.cypher's, run first in the same transaction
// over mandates and topics, and a topic id given exactly matches too.
// Index: item_id (unique seek per match); topic_id (unique seek for an exact topic id);
//        organisation_id for the optional organisation filter.
// Parameters: $matches (list of {id, rank}: mandates and topics from match_names.cypher),
//             $topic (string: the raw input, tried as a topic id), $organisation (string or null),
//             $at (date), $minBasisRank (integer: only mandates whose source basis ranks at least
//             this: stated 3, inferred 2, illustrative 1, none 0), $offset and $limit (the page).
// Columns: total (every answer), page (the asked answers, in-force powers first, then best match first, each a map of:)
//          mandate ({id, scope, level, status, source_document, source_section, source_basis,
//          source_quote, source_reasoning, source_title, conditions}), rank (integer: how the match
//          ranks, see match_names.cypher), direct (bool: the scope itself matched),
//          holder ({id, kind, name}), organ (a post holder's organ name), people (list of
//          {id, name}), path (list of {id, scope, level, status, holder, source_document,
//          source_section, source_basis, source_quote, source_reasoning, source_title,
//          conditions}: the
//          mandate first, then each mandate it is delegated from).
CALL () {
  UNWIND $matches AS mt
  MATCH (node:Item {id: mt.id})
  RETURN node, mt.rank AS rank
  UNION
  MATCH (node:Topic {id: $topic})
  RETURN node, 0 AS rank
}
CALL (node) {
  WITH node AS m
  WHERE m:Mandate
  RETURN m, true AS direct
  UNION
  MATCH (m:Mandate)-[:ABOUT]->(node:Topic)
  RETURN m, false AS direct
}
WITH m, min(rank) AS rank, max(direct) AS direct
WHERE (m.valid_from IS NULL OR m.valid_from <= $at) AND (m.valid_to IS NULL OR m.valid_to >= $at)
  AND CASE m.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
MATCH (h:Item)-[:HAS_MANDATE]->(m)
WHERE (h:Organ OR h:Post)
  AND (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
OPTIONAL MATCH (h:Post)-[:SEAT_OF]->(seatOrgan:Organ)
WITH m, rank, direct, h, seatOrgan, coalesce(seatOrgan, h) AS holderOrgan
WHERE $organisation IS NULL OR EXISTS { (holderOrgan)-[:BELONGS_TO]->(:Organisation {id: $organisation}) }
CALL (h) {
  OPTIONAL MATCH (h:Post)-[:EX_OFFICIO*0..3]->(:Post)<-[held:HOLDS]-(p:Person)
  WHERE (held.valid_from IS NULL OR held.valid_from <= $at) AND (held.valid_to IS NULL OR held.valid_to >= $at)
  RETURN collect(DISTINCT p {.id, .name}) AS people
}
CALL (m) {
  MATCH chain = (m)-[:DELEGATED_FROM*0..10]->(:Mandate)
  // A cycle in the data ends the path where it would come back.
  WHERE all(i IN range(0, length(chain) - 1) WHERE NOT nodes(chain)[i] IN nodes(chain)[i + 1..])
  WITH chain ORDER BY length(chain) DESC LIMIT 1
  UNWIND range(0, length(chain)) AS i
  WITH i, nodes(chain)[i] AS x
  OPTIONAL MATCH (hx:Item)-[:HAS_MANDATE]->(x)
  OPTIONAL MATCH (d:Document {id: x.source_document})
  WITH i, x, d, collect(coalesce(hx.name, hx.title))[0] AS holderName
  ORDER BY i
  RETURN collect(x {.id, .scope, .level, .status, .source_document, .source_section, .source_basis, .source_quote, .source_reasoning,
                    holder: holderName, source_title: d.title, conditions: [k IN range(0, size(coalesce(x.condition_kinds, [])) - 1) | {kind: x.condition_kinds[k], ref: x.condition_refs[k], text: x.condition_texts[k], ref_name: head(COLLECT { MATCH (c:Item {id: x.condition_refs[k]}) RETURN coalesce(c.name, c.title) })}]}) AS path
}
OPTIONAL MATCH (md:Document {id: m.source_document})
WITH m {.id, .scope, .level, .status, .source_document, .source_section, .source_basis, .source_quote, .source_reasoning, source_title: md.title,
         conditions: [i IN range(0, size(coalesce(m.condition_kinds, [])) - 1) | {kind: m.condition_kinds[i], ref: m.condition_refs[i], text: m.condition_texts[i], ref_name: head(COLLECT { MATCH (c:Item {id: m.condition_refs[i]}) RETURN coalesce(c.name, c.title) })}]} AS mandate,
     rank, direct,
     h {.id, kind: [l IN labels(h) WHERE l <> 'Item'][0], name: coalesce(h.name, h.title)} AS holder,
     seatOrgan.name AS organ, people, path
// Powers in force before potential, planned or repealed ones.
ORDER BY CASE mandate.status WHEN 'in_force' THEN 0 ELSE 1 END, rank, direct DESC, size(path), mandate.id, holder.id
WITH collect({mandate: mandate, rank: rank, direct: direct, holder: holder, organ: organ, people: people, path: path}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS page
