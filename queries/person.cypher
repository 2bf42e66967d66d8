// Person: one person and the seats they hold on a date, directly or ex officio (a seat held
// because of another seat the person holds), with each seat's organ; and every seat they
// have held directly, on any day (their history).
// Index: person_id (unique seek).
// Parameters: $id (string), $at (date).
// Columns: person (map), seats (list of {id, title, kind, organ_id, organ, via_id, via_title,
//          valid_from, valid_to}), history (list of {id, title, kind, organ_id, organ,
//          valid_from, valid_to}, earliest first).
MATCH (p:Person {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS]->(direct:Post)
  WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
  OPTIONAL MATCH chain = (seat:Post)-[:EX_OFFICIO*0..3]->(direct)
  WITH h, direct, seat, chain
  WHERE seat IS NOT NULL
    AND (seat.valid_from IS NULL OR seat.valid_from <= $at) AND (seat.valid_to IS NULL OR seat.valid_to >= $at)
  OPTIONAL MATCH (seat)-[:SEAT_OF]->(o:Organ)
  WITH DISTINCT seat, o, CASE WHEN seat = direct THEN NULL ELSE direct END AS via, h
  ORDER BY o.name, seat.title, seat.id
  RETURN collect(seat {.id, .title, .kind, organ_id: o.id, organ: o.name, via_id: via.id, via_title: via.title,
                       valid_from: h.valid_from, valid_to: h.valid_to}) AS seats
}
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS]->(post:Post)
  OPTIONAL MATCH (post)-[:SEAT_OF]->(o:Organ)
  WITH h, post, o
  WHERE post IS NOT NULL
  ORDER BY h.valid_from, o.name, post.title
  RETURN collect(post {.id, .title, .kind, organ_id: o.id, organ: o.name, valid_from: h.valid_from, valid_to: h.valid_to}) AS history
}
RETURN properties(p) AS person, seats, history
