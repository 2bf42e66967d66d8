// The seats of an organisation on $at, in one walk: vacant seats, organs without a chair,
// and people who hold many seats. A seat is a Post valid on $at that is SEAT_OF an organ
// valid on $at which BELONGS_TO the organisation (as huvudman or spanned), every
// relationship valid on $at. A seat's chain is the seat itself (0 steps) and each post up
// its ex officio chain (at most 3 valid EX_OFFICIO steps, every post on the way valid); a
// person holds the seat through ("via") a post of the chain they have a valid HOLDS to. The
// chain and its holdings are read once and serve all three answers: most holdings are of
// other mandate periods, and reading them once per answer tripled the cost.
// - Vacant: seats nobody holds (a HOLDS valid on $at to a post of the chain, whoever holds
//   it): those not held ex officio (vacant), and those held ex officio whose source (the
//   post at the end of the longest chain, the lowest id among equals) is vacant.
// - Without chair: organs, except administrative ones (förvaltning, avdelning: category
//   administrative; a chef leads them, not an ordförande), that have no chair post (a seat
//   of kind chair), or whose chair posts no person valid on $at holds.
// - Many seats: people valid on $at holding at least $minSeats seats, each through the
//   nearest post of its chain they hold.
// Whether a vacancy or a missing chair is a finding: recorded is true when a complete
// Coverage {what: 'holders'} covers, on $at, the organ whose post decides it (the seat's
// organ, or the source post's organ for an ex officio seat; the organ for a missing chair),
// an organ that organ is part of, or an organisation it belongs to. Elsewhere the holders
// are not recorded and nothing is known to be missing.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $organisation (string, id), $at (date), $minSeats (integer ≥ 1).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at), name (the organisation's name),
//          vacant (list, unordered, of {id, title, kind, max_holders, organ_id, organ,
//                  recorded}),
//          ex_officio (list, unordered, of {id, title, kind, organ_id, organ, source_id,
//                      source_title, source_kind, source_organ_id, source_organ, recorded}),
//          organs (without a chair: list, unordered, of {id, name, kind, chairs: list of {id,
//                  title, kind}, empty when the organ has no chair post, recorded}),
//          people (list, unordered, of {id, name, seats: list, unordered, of {id, title, kind,
//                  organ_id, organ, via_id, via_title, via_kind, via_organ_id, via_organ}});
//                  via_* are null for a seat held directly.
MATCH (o:Organisation {id: $organisation})
CALL (o) {
  MATCH (o)<-[b:BELONGS_TO]-(organ:Organ)
  WHERE (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
    AND (organ.valid_from IS NULL OR organ.valid_from <= $at) AND (organ.valid_to IS NULL OR organ.valid_to >= $at)
  WITH DISTINCT organ
  OPTIONAL MATCH (organ)<-[s:SEAT_OF]-(seat:Post)
  WHERE (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to >= $at)
    AND (seat.valid_from IS NULL OR seat.valid_from <= $at) AND (seat.valid_to IS NULL OR seat.valid_to >= $at)
  WITH DISTINCT organ, seat
  OPTIONAL MATCH chain = (seat)-[:EX_OFFICIO*0..3]->(q:Post)
  WHERE all(r IN relationships(chain) WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
    AND all(n IN nodes(chain) WHERE (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at))
  OPTIONAL MATCH (q)<-[h:HOLDS]-(p:Person)
  WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
  // One row per organ, seat and post of its chain (an organ without seats: one row, no seat).
  WITH organ, seat, q, length(chain) AS steps, count(h) AS holdings,
       collect(CASE WHEN (p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to >= $at) THEN p END) AS people
  RETURN collect({organ: organ, seat: seat, q: q, steps: steps, holdings: holdings, people: people}) AS links
}
CALL (links) {
  UNWIND links AS l
  WITH l.organ AS organ, l.seat AS seat, l.q AS q, l.steps AS steps, l.holdings AS holdings
  WHERE seat IS NOT NULL
  ORDER BY steps DESC, q.id
  WITH organ, seat, max(steps) AS steps, sum(holdings) AS holdings, head(collect(q)) AS source
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
CALL (links) {
  UNWIND links AS l
  WITH l WHERE coalesce(l.organ.category, '') <> 'administrative'
  WITH l.organ AS organ, l.seat AS seat, CASE WHEN l.seat.kind = 'chair' THEN size(l.people) ELSE 0 END AS held
  WITH organ, seat, sum(held) AS held
  WITH organ, collect(CASE WHEN seat.kind = 'chair' THEN seat {.id, .title, .kind} END) AS chairs, sum(held) AS holdings
  WHERE holdings = 0
  CALL (organ) {
    OPTIONAL MATCH (organ)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'holders', complete: true})
    WHERE (c.from IS NULL OR c.from <= $at) AND (c.to IS NULL OR c.to >= $at)
    RETURN count(c) > 0 AS recorded
  }
  RETURN collect({id: organ.id, name: organ.name, kind: organ.kind, chairs: chairs, recorded: recorded}) AS organs
}
CALL (links) {
  UNWIND links AS l
  UNWIND l.people AS p
  // One row per person and seat; the nearest post they hold on the chain is the one it is held through.
  WITH p, l.organ AS organ, l.seat AS seat, l.q AS via, l.steps AS steps
  ORDER BY steps
  WITH p, organ, seat, head(collect(via)) AS via
  OPTIONAL MATCH (via)-[:SEAT_OF]->(viaOrgan:Organ) WHERE via <> seat
  WITH p, organ, seat, via, head(collect(viaOrgan)) AS viaOrgan
  WITH p, collect({id: seat.id, title: seat.title, kind: seat.kind, organ_id: organ.id, organ: organ.name,
                   via_id: CASE WHEN via <> seat THEN via.id END, via_title: CASE WHEN via <> seat THEN via.title END,
                   via_kind: CASE WHEN via <> seat THEN via.kind END,
                   via_organ_id: viaOrgan.id, via_organ: viaOrgan.name}) AS seats
  WHERE size(seats) >= $minSeats
  RETURN collect({id: p.id, name: p.name, seats: seats}) AS people
}
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, vacant, ex_officio, organs, people
