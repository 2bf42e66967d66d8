// Search: organs, seats, people, topics and organisations by name. The matching and its
// order come from match_names.cypher, run first in the same transaction; this query keeps
// the matches of the organisation asked about (if any), names each hit's organisation, and
// counts and pages the whole filtered answer, so a hit filtered out never takes a place in
// the page and total is the real number of matches.
// Index: item_id (unique seek per match), organisation_id for the organisation filter.
// Parameters: $matches (list of {id, rank}, in order), $organisation (string, '' for all),
//             $offset and $limit (integers: the page).
// Columns: total (every match kept), page (the asked hits, in the order of $matches, each a
//          map of id, kind, name, organisation (name of the owning organisation, if any),
//          organ (a seat's organ id) and rank).
UNWIND range(0, size($matches) - 1) AS i
WITH i, $matches[i] AS m
MATCH (node:Item {id: m.id})
OPTIONAL MATCH (node)-[:SEAT_OF]->(seatOrgan:Organ)
WITH i, m, node, seatOrgan, coalesce(seatOrgan, node) AS owner
WHERE $organisation = '' OR owner.id = $organisation
   OR EXISTS { (owner)-[:BELONGS_TO]->(:Organisation {id: $organisation}) }
WITH i, m, node, seatOrgan, owner
ORDER BY i
WITH collect({i: i, m: m, node: node, seatOrgan: seatOrgan, owner: owner}) AS kept
// Only the asked page is described: a common word matches in every organisation.
CALL (kept) {
  UNWIND kept[$offset..$offset + $limit] AS k
  WITH k, k.owner AS owner, k.node AS node
  OPTIONAL MATCH (owner)-[:BELONGS_TO {primary: true}]->(org:Organisation)
  WITH k, node, org
  ORDER BY k.i
  RETURN collect({id: node.id, kind: [l IN labels(node) WHERE l <> 'Item'][0],
                  name: coalesce(node.name, node.title), organisation: org.name, organ: k.seatOrgan.id, rank: k.m.rank}) AS page
}
RETURN size(kept) AS total, page
