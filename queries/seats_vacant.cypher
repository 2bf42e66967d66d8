// Vacant seats of an organisation on $at. A seat is a Post valid on $at that is SEAT_OF an
// organ valid on $at which BELONGS_TO the organisation (as huvudman or spanned), every
// relationship valid on $at. A seat is held ex officio when it has a valid EX_OFFICIO
// relationship to a post valid on $at; its source is the post at the end of that chain,
// followed at most 3 steps through valid relationships and posts. A seat is held when someone
// has a valid HOLDS to it or to a post on its chain. Returns the seats nobody holds: those
// not held ex officio (vacant), and those held ex officio whose source is vacant. Each says
// whether nobody holding it is a finding: recorded is true when a complete Coverage {what:
// 'holders'} covers, on $at, the organ whose post decides it (the seat's organ, or the source
// post's organ for an ex officio seat), an organ that organ is part of, or an organisation
// it belongs to. Elsewhere the holders are not recorded and the seat is not known to be vacant.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $organisation (string, id), $at (date).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at), name (the organisation's name),
//          vacant (list, unordered, of {id, title, kind, max_holders, organ_id, organ,
//                  recorded}),
//          ex_officio (list, unordered, of {id, title, kind, organ_id, organ, source_id,
//                      source_title, source_kind, source_organ_id, source_organ, recorded}).
MATCH (o:Organisation {id: $organisation})
CALL (o) {
  MATCH (o)<-[b:BELONGS_TO]-(organ:Organ)<-[s:SEAT_OF]-(seat:Post)
  WHERE (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
    AND (organ.valid_from IS NULL OR organ.valid_from <= $at) AND (organ.valid_to IS NULL OR organ.valid_to >= $at)
    AND (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to >= $at)
    AND (seat.valid_from IS NULL OR seat.valid_from <= $at) AND (seat.valid_to IS NULL OR seat.valid_to >= $at)
  WITH DISTINCT organ, seat
  CALL (seat) {
    // The seat itself (0 steps) and each post up its ex officio chain, with how many hold it.
    OPTIONAL MATCH chain = (seat)-[:EX_OFFICIO*0..3]->(q:Post)
    WHERE all(r IN relationships(chain) WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
      AND all(n IN nodes(chain) WHERE (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at))
    OPTIONAL MATCH (q)<-[h:HOLDS]-(:Person)
    WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
    WITH length(chain) AS steps, q, count(h) AS holdings
    ORDER BY steps DESC, q.id
    RETURN max(steps) AS steps, sum(holdings) AS holdings, head(collect(q)) AS source
  }
  WITH organ, seat, steps, source WHERE holdings = 0
  OPTIONAL MATCH (source)-[:SEAT_OF]->(sourceOrgan:Organ) WHERE steps > 0
  WITH organ, seat, steps, source, head(collect(sourceOrgan)) AS sourceOrgan
  // Coverage is looked up once per organ that decides, not once per seat.
  WITH coalesce(sourceOrgan, organ) AS decides, collect({organ: organ, seat: seat, steps: steps, source: source, sourceOrgan: sourceOrgan}) AS seats
  CALL (decides) {
    OPTIONAL MATCH (decides)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'holders', complete: true})
    WHERE (c.from IS NULL OR c.from <= $at) AND (c.to IS NULL OR c.to >= $at)
    RETURN count(c) > 0 AS recorded
  }
  UNWIND seats AS s
  WITH s.organ AS organ, s.seat AS seat, s.steps AS steps, s.source AS source, s.sourceOrgan AS sourceOrgan, recorded
  // Without grouping keys the aggregation returns one row even when nothing matched.
  RETURN collect(CASE WHEN steps = 0 THEN
           {id: seat.id, title: seat.title, kind: seat.kind, max_holders: seat.max_holders,
            organ_id: organ.id, organ: organ.name, recorded: recorded} END) AS vacant,
         collect(CASE WHEN steps > 0 THEN
           {id: seat.id, title: seat.title, kind: seat.kind, organ_id: organ.id, organ: organ.name,
            source_id: source.id, source_title: source.title, source_kind: source.kind,
            source_organ_id: sourceOrgan.id, source_organ: sourceOrgan.name, recorded: recorded} END) AS ex_officio
}
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, vacant, ex_officio
