// People who hold many seats of an organisation on $at. A seat is a Post valid on $at that is
// SEAT_OF an organ valid on $at which BELONGS_TO the organisation (as huvudman or spanned),
// every relationship valid on $at. A person holds a seat when they have a valid HOLDS to it,
// or to a post up its ex officio chain (at most 3 valid EX_OFFICIO steps, every post on the
// way valid): the seat is then held through ("via") the post they hold.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $organisation (string, id), $at (date), $minSeats (integer ≥ 1).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at), name (the organisation's name),
//          people (list, unordered, of {id, name, seats: list, unordered, of {id, title, kind,
//                  organ_id, organ, via_id, via_title, via_kind, via_organ_id, via_organ}}),
//          only people holding at least $minSeats seats; via_* are null for a seat held
//          directly.
MATCH (o:Organisation {id: $organisation})
CALL (o) {
  MATCH (o)<-[b:BELONGS_TO]-(organ:Organ)<-[s:SEAT_OF]-(seat:Post)
  WHERE (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
    AND (organ.valid_from IS NULL OR organ.valid_from <= $at) AND (organ.valid_to IS NULL OR organ.valid_to >= $at)
    AND (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to >= $at)
    AND (seat.valid_from IS NULL OR seat.valid_from <= $at) AND (seat.valid_to IS NULL OR seat.valid_to >= $at)
  WITH DISTINCT organ, seat
  // The chain is checked once per seat, not once per holding of every post on it: most
  // holdings are of other mandate periods.
  MATCH chain = (seat)-[:EX_OFFICIO*0..3]->(via:Post)
  WHERE all(r IN relationships(chain) WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
    AND all(n IN nodes(chain) WHERE (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at))
  MATCH (via)<-[h:HOLDS]-(p:Person)
  WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
    AND (p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to >= $at)
  // One row per person and seat; the nearest post they hold on the chain is the one it is held through.
  WITH p, organ, seat, via, length(chain) AS steps ORDER BY steps
  WITH p, organ, seat, head(collect(via)) AS via
  OPTIONAL MATCH (via)-[:SEAT_OF]->(viaOrgan:Organ) WHERE via <> seat
  WITH p, organ, seat, via, head(collect(viaOrgan)) AS viaOrgan
  WITH p, collect({id: seat.id, title: seat.title, kind: seat.kind, organ_id: organ.id, organ: organ.name,
                   via_id: CASE WHEN via <> seat THEN via.id END, via_title: CASE WHEN via <> seat THEN via.title END,
                   via_kind: CASE WHEN via <> seat THEN via.kind END,
                   via_organ_id: viaOrgan.id, via_organ: viaOrgan.name}) AS seats
  WHERE size(seats) >= $minSeats
  // Without grouping keys the aggregation returns one row even when nothing matched.
  RETURN collect({id: p.id, name: p.name, seats: seats}) AS people
}
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, people
