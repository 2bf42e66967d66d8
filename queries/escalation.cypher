// Escalation: the part of the graph above an organ or post that escalation chains follow.
// Returns every item reachable upward, each with the upward relationships it actually uses
// on the date: of its valid outgoing EX_OFFICIO, ESCALATES_TO, REPORTS_TO, PREPARES_FOR,
// PART_OF and SEAT_OF relationships only those of the first kind present, in that order
// (a seat held ex officio is its source seat; a group escalates before it reports; a post
// belongs to its organ only when nothing else leads up). Go assembles the chains from these
// edges, which keeps cycles finite and several parents as several chains. A relationship
// from a field of the item (EX_OFFICIO, PART_OF, SEAT_OF) has the item's source; only
// relationships whose source basis ranks at least $minBasisRank are followed (stated 3,
// inferred 2, illustrative 1, none 0), so with 3 a chain ends where the documents stop.
// Index: item_id (unique seek for the start).
// Parameters: $id (string), $at (date), $minBasisRank (integer).
// Columns: id, kind, name, valid (bool: the item exists on $at), organ (a post's organ name),
//          up (list of {type, to, description, conditions (list of {kind, ref, ref_name,
//          text}: an escalation that is the exception says so), source_document,
//          source_section, source_basis, source_quote, source_reasoning, source_title}),
//          holders (list of {id, name}: people holding the post on $at, directly or ex officio).
MATCH (start:Item {id: $id})
WHERE start:Organ OR start:Post
MATCH (start)-[:EX_OFFICIO|ESCALATES_TO|REPORTS_TO|PREPARES_FOR|PART_OF|SEAT_OF*0..12]->(n:Item)
WITH DISTINCT n
CALL (n) {
  OPTIONAL MATCH (n)-[r:EX_OFFICIO|ESCALATES_TO|REPORTS_TO|PREPARES_FOR|PART_OF|SEAT_OF]->(m:Item)
  WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at)
    AND (m.valid_from IS NULL OR m.valid_from <= $at) AND (m.valid_to IS NULL OR m.valid_to >= $at)
  WITH n, r, m, CASE WHEN r.source_basis IS NULL AND type(r) IN ['EX_OFFICIO', 'PART_OF', 'SEAT_OF'] THEN n ELSE r END AS src
  WHERE r IS NULL OR CASE src.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2
                                           WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
  OPTIONAL MATCH (d:Document {id: src.source_document})
  WITH r, m, src, d.title AS title,
       CASE type(r) WHEN 'EX_OFFICIO' THEN 0 WHEN 'ESCALATES_TO' THEN 1 WHEN 'REPORTS_TO' THEN 2
                    WHEN 'PREPARES_FOR' THEN 3 WHEN 'PART_OF' THEN 4 ELSE 5 END AS rank
  WITH collect(CASE WHEN r IS NULL THEN NULL ELSE
         {type: type(r), to: m.id, rank: rank, description: r.description, conditions: [i IN range(0, size(coalesce(r.condition_kinds, [])) - 1) | {kind: r.condition_kinds[i], ref: r.condition_refs[i], text: r.condition_texts[i], ref_name: head(COLLECT { MATCH (c:Item {id: r.condition_refs[i]}) RETURN coalesce(c.name, c.title) })}],
          source_document: src.source_document, source_section: src.source_section, source_basis: src.source_basis,
          source_quote: src.source_quote, source_reasoning: src.source_reasoning, source_title: title} END) AS edges,
       min(rank) AS best
  RETURN [e IN edges WHERE e.rank = best | e {.type, .to, .description, .conditions, .source_document, .source_section, .source_basis, .source_quote, .source_reasoning, .source_title}] AS up
}
CALL (n) {
  OPTIONAL MATCH (n:Post)-[:EX_OFFICIO*0..3]->(:Post)<-[h:HOLDS]-(p:Person)
  WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
  RETURN collect(DISTINCT p {.id, .name}) AS holders
}
OPTIONAL MATCH (n:Post)-[:SEAT_OF]->(organ:Organ)
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Item'][0] AS kind,
       coalesce(n.name, n.title) AS name,
       (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at) AS valid,
       organ.name AS organ, up, holders
