// Organs of an organisation without a chair on $at: organs valid on $at that BELONG_TO the
// organisation (as huvudman or spanned) through a valid relationship and that have no chair
// post (a Post of kind chair valid on $at, SEAT_OF the organ through a valid relationship),
// or whose chair posts nobody holds on $at, directly or ex officio (HOLDS on a post up to 3
// valid EX_OFFICIO steps away, every post on the way valid). Administrative organs
// (förvaltning, avdelning: category administrative) are left out: a chef leads them, not an
// ordförande. Each organ says whether its lack of a chair is a finding: recorded is true when
// a complete Coverage {what: 'holders'} (which records the seats and their holders) covers
// the organ (itself, an organ it is part of, or an organisation it belongs to) on $at.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $organisation (string, id), $at (date).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at), name (the organisation's name),
//          organs (list, unordered, of {id, name, kind, chairs: list of {id, title, kind}, empty
//                  when the organ has no chair post, recorded}).
MATCH (o:Organisation {id: $organisation})
CALL (o) {
  MATCH (o)<-[b:BELONGS_TO]-(organ:Organ)
  WHERE (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
    AND (organ.valid_from IS NULL OR organ.valid_from <= $at) AND (organ.valid_to IS NULL OR organ.valid_to >= $at)
    AND coalesce(organ.category, '') <> 'administrative'
  WITH DISTINCT organ
  CALL (organ) {
    OPTIONAL MATCH (organ)<-[s:SEAT_OF]-(chair:Post {kind: 'chair'})
    WHERE (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to >= $at)
      AND (chair.valid_from IS NULL OR chair.valid_from <= $at) AND (chair.valid_to IS NULL OR chair.valid_to >= $at)
    // The chain is checked once, then only the holdings of its posts.
    OPTIONAL MATCH chain = (chair)-[:EX_OFFICIO*0..3]->(q:Post)
    WHERE all(r IN relationships(chain) WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
      AND all(n IN nodes(chain) WHERE (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at))
    OPTIONAL MATCH (q)<-[h:HOLDS]-(p:Person)
    WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
      AND (p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to >= $at)
    WITH chair, count(h) AS holdings
    RETURN collect(chair {.id, .title, .kind}) AS chairs, sum(holdings) AS holdings
  }
  WITH organ, chairs WHERE holdings = 0
  CALL (organ) {
    OPTIONAL MATCH (organ)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'holders', complete: true})
    WHERE (c.from IS NULL OR c.from <= $at) AND (c.to IS NULL OR c.to >= $at)
    RETURN count(c) > 0 AS recorded
  }
  // Without grouping keys the aggregation returns one row even when nothing matched.
  RETURN collect({id: organ.id, name: organ.name, kind: organ.kind, chairs: chairs, recorded: recorded}) AS organs
}
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, organs
