// Staff functions (stabsfunktioner, RSAU §398): for every förvaltning (Organ of kind
// forvaltning) that belongs to the organisation on $at, as its huvudman or as one of the
// organisations it spans, the FTE of each staff function (the sum over its StaffFunction
// items valid on $at), the total and the gaps (functions with no capacity: none recorded,
// or 0 FTE). An item or relationship holds on $at when valid_from/valid_to (inclusive,
// either open) cover it.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $organisation (string, id), $at (date), $functions (list of strings: the
//             staff_function vocabulary, in the order the answer lists them),
//             $offset and $limit (integers: the page of förvaltningar).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at),
//          name (the organisation's name),
//          total (how many förvaltningar), rows (the asked page, by name then id, of {id, name, fte: list of {function, fte} in $functions
//                order, total, gaps: list of strings in $functions order}).
MATCH (o:Organisation {id: $organisation})
CALL (o) {
  // Expand from the organisation and filter on kind afterwards: seeking all förvaltningar
  // through organ_kind would read every organisation's.
  MATCH (o)<-[b:BELONGS_TO]-(organ:Organ)
  WHERE (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
  WITH DISTINCT organ AS f
  WHERE f.kind = 'forvaltning'
    AND (f.valid_from IS NULL OR f.valid_from <= $at) AND (f.valid_to IS NULL OR f.valid_to >= $at)
  CALL (f) {
    MATCH (f)-[h:HAS_STAFF_FUNCTION]->(s:StaffFunction)
    WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
      AND (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to >= $at)
    WITH s.function AS function, sum(coalesce(s.fte, 0.0)) AS fte
    RETURN collect({function: function, fte: fte}) AS present
  }
  WITH f, [fn IN $functions |
           {function: fn, fte: toFloat(reduce(t = 0.0, p IN present | t + CASE WHEN p.function = fn THEN p.fte ELSE 0.0 END))}] AS fte
  ORDER BY f.name, f.id
  // Without grouping keys the aggregation returns one row even when nothing matched.
  RETURN collect({id: f.id, name: f.name, fte: fte,
                  total: reduce(t = 0.0, e IN fte | t + e.fte),
                  gaps: [e IN fte WHERE e.fte <= 0 | e.function]}) AS rows
}
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, size(rows) AS total, rows[$offset..$offset + $limit] AS rows
