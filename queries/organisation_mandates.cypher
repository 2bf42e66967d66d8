// The mandates an organisation's organs and seats hold, and the topics they are about: the
// only items who-decides for one organisation can answer with, so the items it matches what
// was typed among (match_names.cypher's $within) instead of the whole country's. Every
// validity: the question filters by date afterwards.
// A holder is the organisation's when it is an organ that BELONGS_TO it, or a post that is
// SEAT_OF such an organ: the holders who_decides.cypher keeps for an organisation.
// Index: organisation_id (unique seek); from there only relationships.
// Parameters: $organisation (string).
// Columns: ids (list of the mandates' and topics' ids, each once; empty for an unknown
//          organisation or one without mandates: the collect makes one row of none).
MATCH (:Organisation {id: $organisation})<-[:BELONGS_TO]-(organ:Organ)
CALL (organ) {
  RETURN organ AS h
  UNION
  MATCH (organ)<-[:SEAT_OF]-(h:Post)
  RETURN h
}
MATCH (h)-[:HAS_MANDATE]->(m:Mandate)
WITH DISTINCT m
OPTIONAL MATCH (m)-[:ABOUT]->(t:Topic)
WITH collect(DISTINCT m.id) AS mandates, collect(DISTINCT t.id) AS topics
RETURN mandates + [t IN topics WHERE NOT t IN mandates] AS ids
