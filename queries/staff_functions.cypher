// Staff functions (stabsfunktioner, RSAU §398): for every förvaltning (Organ of kind
// forvaltning) that belongs to the organisation on $at, as its huvudman or as one of the
// organisations it spans, the FTE of each staff function (the sum over its StaffFunction
// items valid on $at), the total and the gaps (functions with no capacity: none recorded,
// or 0 FTE) — only where the dataset declares its stabsfunktioner complete (a Coverage
// {what: 'staff_functions'} of the förvaltning, an organ it is part of, or its organisation,
// on $at); elsewhere a function with no capacity recorded is not known to be missing. An
// item or relationship holds on $at when valid_from/valid_to (inclusive, either open) cover
// it.
// Index: organisation_id (unique seek for the start); from there only relationships.
// Parameters: $organisation (string, id), $at (date), $functions (list of strings: the
//             staff_function vocabulary, in the order the answer lists them),
//             $minBasisRank (integer: only figures and coverage whose source basis ranks at
//             least this: stated 3, inferred 2, illustrative 1, none 0),
//             $offset and $limit (integers: the page of förvaltningar).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at),
//          name (the organisation's name),
//          total (how many förvaltningar), rows (the asked page, by name then id, of {id, name, fte: list of {function, fte} in $functions
//                order, total, gaps: list of strings in $functions order, empty when not recorded,
//                recorded (bool), bases (the source basis of each StaffFunction counted)}).
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
      AND CASE s.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 ELSE 0 END >= $minBasisRank
    WITH s.function AS function, sum(coalesce(s.fte, 0.0)) AS fte, collect(s.source_basis) AS bases
    RETURN collect({function: function, fte: fte}) AS present, reduce(acc = [], b IN collect(bases) | acc + b) AS bases
  }
  CALL (f) {
    OPTIONAL MATCH (f)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'staff_functions', complete: true})
    WHERE (c.from IS NULL OR c.from <= $at) AND (c.to IS NULL OR c.to >= $at)
      AND CASE c.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 ELSE 0 END >= $minBasisRank
    RETURN count(c) > 0 AS recorded
  }
  WITH f, bases, recorded, [fn IN $functions |
           {function: fn, fte: toFloat(reduce(t = 0.0, p IN present | t + CASE WHEN p.function = fn THEN p.fte ELSE 0.0 END))}] AS fte
  ORDER BY f.name, f.id
  // Without grouping keys the aggregation returns one row even when nothing matched.
  RETURN collect({id: f.id, name: f.name, fte: fte, bases: bases, recorded: recorded,
                  total: reduce(t = 0.0, e IN fte | t + e.fte),
                  gaps: CASE WHEN recorded THEN [e IN fte WHERE e.fte <= 0 | e.function] ELSE [] END}) AS rows
}
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, size(rows) AS total, rows[$offset..$offset + $limit] AS rows
