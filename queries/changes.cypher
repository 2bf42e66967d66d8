// What changed: for an organisation, everything that started or ended between two dates:
// organs, seats, mandates and stabsfunktioner of its organs, people taking or leaving seats,
// and relations of its organs and seats. "Started" means valid_from in ($from, $to];
// "ended" means valid_to (the last valid day) in [$from, $to).
// Index: organisation_id (unique seek), then expansion from the organisation's organs.
// Parameters: $relationTypes (list of strings: the relationship types of the relation_kind
//             vocabulary, from Go), $organisation (string), $from (date), $to (date), $offset and $limit (the page).
// Columns: total (every change), page (the asked changes, each a map of date, change
//          ('started' | 'ended'), what (item kind or relationship type), id (item id, or
//          "from>to" for a relationship), name, detail), by date.
MATCH (o:Organisation {id: $organisation})
CALL (o) {
  MATCH (o)<-[:BELONGS_TO]-(n:Organ) RETURN n
  UNION
  MATCH (o)<-[:BELONGS_TO]-(:Organ)<-[:SEAT_OF]-(n:Post) RETURN n
  UNION
  MATCH (o)<-[:BELONGS_TO]-(:Organ)-[:HAS_MANDATE]->(n:Mandate) RETURN n
  UNION
  MATCH (o)<-[:BELONGS_TO]-(:Organ)<-[:SEAT_OF]-(:Post)-[:HAS_MANDATE]->(n:Mandate) RETURN n
  UNION
  MATCH (o)<-[:BELONGS_TO]-(:Organ)-[:HAS_STAFF_FUNCTION]->(n:StaffFunction) RETURN n
}
WITH collect(n) AS items
CALL (items) {
  UNWIND items AS n
  WITH n, [l IN labels(n) WHERE l <> 'Item'][0] AS what, coalesce(n.name, n.title, n.scope, n.function) AS name
  UNWIND [['started', n.valid_from], ['ended', n.valid_to]] AS ch
  WITH n, what, name, ch[0] AS change, ch[1] AS date
  WHERE (change = 'started' AND date > $from AND date <= $to) OR (change = 'ended' AND date >= $from AND date < $to)
  RETURN date, change, what, n.id AS id, name, '' AS detail
  UNION ALL
  UNWIND items AS n
  MATCH (n:Post)<-[h:HOLDS]-(p:Person)
  UNWIND [['started', h.valid_from], ['ended', h.valid_to]] AS ch
  WITH n, h, p, ch[0] AS change, ch[1] AS date
  WHERE (change = 'started' AND date > $from AND date <= $to) OR (change = 'ended' AND date >= $from AND date < $to)
  RETURN date, change, 'HOLDS' AS what, p.id + '>' + n.id AS id, p.name + ' → ' + n.title AS name, '' AS detail
  UNION ALL
  UNWIND items AS n
  MATCH (n)-[r]-(m:Item)
  WHERE type(r) IN $relationTypes
  WITH DISTINCT r
  UNWIND [['started', r.valid_from], ['ended', r.valid_to]] AS ch
  WITH r, ch[0] AS change, ch[1] AS date
  WHERE (change = 'started' AND date > $from AND date <= $to) OR (change = 'ended' AND date >= $from AND date < $to)
  WITH r, change, date, startNode(r) AS a, endNode(r) AS b
  RETURN date, change, type(r) AS what, a.id + '>' + b.id AS id,
         coalesce(a.name, a.title) + ' → ' + coalesce(b.name, b.title) AS name, coalesce(r.description, '') AS detail
}
WITH date, change, what, id, name, detail
ORDER BY date, change DESC, what, id
WITH collect({date: date, change: change, what: what, id: id, name: name, detail: detail}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS page
