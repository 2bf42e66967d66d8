// Staff functions (stabsfunktioner, RSAU §398): for every förvaltning (Organ of kind
// forvaltning) that belongs to the organisation on $at, as its huvudman or as one of the
// organisations it spans:
//   - the staff profiles that apply to it on $at: those that EXPECT it (they list it), and
//     those that EXPECT an organisation it belongs to on $at and list no organs, whose
//     organ_kind is its kind;
//   - its functions: those the profiles expect and those recorded for it (StaffFunction
//     items valid on $at), each once with its FTE (the sum over its items; 0 when none is
//     recorded), the Swedish name the dataset gives it (its own items', else any of the
//     organisation's förvaltningar's, else null: the vocabulary's term is added by the
//     caller), and whether it is expected; ordered by the staff_function vocabulary
//     ($functions order), then the dataset's own by slug;
//   - the gaps: expected functions with no capacity (none recorded, or 0 FTE), only where a
//     profile applies AND the dataset declares its stabsfunktioner complete (a Coverage
//     {what: 'staff_functions'} of the förvaltning, an organ it is part of, or its
//     organisation, on $at). Without a profile nothing is expected, so nothing is missing;
//     without coverage a function with no capacity recorded is not known to be missing.
// An item or relationship holds on $at when valid_from/valid_to (inclusive, either open) cover
// it.
// Index: organisation_id (unique seek for the start), document_id (a profile's document);
//        from there only relationships.
// Parameters: $organisation (string, id), $at (date), $functions (list of strings: the
//             staff_function vocabulary, in the order the answer lists them),
//             $minBasisRank (integer: only figures, profiles and coverage whose source basis
//             ranks at least this: stated 3, inferred 2, illustrative 1, none 0),
//             $offset and $limit (integers: the page of förvaltningar).
// Columns: one row if the organisation exists, none otherwise:
//          found (bool: the organisation is valid on $at),
//          name (the organisation's name),
//          total (how many förvaltningar), rows (the asked page, by name then id, of {id, name,
//                functions: list of {function, name (string or null), fte, expected (bool)},
//                total (sum of the FTE recorded), gaps (list of strings in functions order,
//                empty unless a profile applies and recorded), recorded (bool),
//                profiles: list of {id, name, functions, source_document, source_title,
//                source_section, source_basis, source_quote, source_reasoning} by name then id,
//                bases (the source basis of each StaffFunction counted, "" for none),
//                coverage_bases (of each coverage that makes the records complete)}).
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
      AND CASE s.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
    // collect skips nulls: the first name any of the function's items gives.
    WITH s.function AS function, sum(coalesce(s.fte, 0.0)) AS fte, collect(s.name)[0] AS name,
         collect(coalesce(s.source_basis, '')) AS bases
    RETURN collect({function: function, fte: toFloat(fte), name: name}) AS present,
           reduce(acc = [], b IN collect(bases) | acc + b) AS bases
  }
  CALL (f) {
    CALL (f) {
      MATCH (p:StaffProfile)-[:EXPECTS]->(f)
      RETURN p
      UNION
      // A profile that lists organs applies to those only, whatever its organ_kind.
      MATCH (f)-[b:BELONGS_TO]->(:Organisation)<-[:EXPECTS]-(p:StaffProfile)
      WHERE p.organ_kind = f.kind AND NOT EXISTS { (p)-[:EXPECTS]->(:Organ) }
        AND (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
      RETURN p
    }
    WITH p
    WHERE (p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to >= $at)
      AND CASE p.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
    OPTIONAL MATCH (d:Document {id: p.source_document})
    WITH p, d
    ORDER BY p.name, p.id
    RETURN collect({id: p.id, name: p.name, functions: coalesce(p.functions, []),
                    source_document: p.source_document, source_title: d.title, source_section: p.source_section,
                    source_basis: p.source_basis, source_quote: p.source_quote, source_reasoning: p.source_reasoning}) AS profiles
  }
  CALL (f) {
    OPTIONAL MATCH (f)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'staff_functions', complete: true})
    WHERE (c.from IS NULL OR c.from <= $at) AND (c.to IS NULL OR c.to >= $at)
      AND CASE c.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
    RETURN count(c) > 0 AS recorded, collect(coalesce(c.source_basis, '')) AS coverage_bases
  }
  // The expected functions, each once, in the order the profiles give them.
  WITH f, present, bases, profiles, recorded, coverage_bases,
       reduce(acc = [], fn IN reduce(all = [], p IN profiles | all + p.functions) |
              CASE WHEN fn IN acc THEN acc ELSE acc + fn END) AS expected
  CALL (present, expected) {
    UNWIND expected + [e IN present WHERE NOT e.function IN expected | e.function] AS fn
    WITH fn, [i IN range(0, size($functions) - 1) WHERE $functions[i] = fn][0] AS rank,
         [e IN present WHERE e.function = fn][0] AS e
    ORDER BY coalesce(rank, size($functions)), fn
    // Without grouping keys the aggregation returns one row even for no functions.
    RETURN collect({function: fn, name: e.name, fte: coalesce(e.fte, 0.0), expected: fn IN expected}) AS functions
  }
  WITH f, functions, bases, profiles, recorded, coverage_bases
  ORDER BY f.name, f.id
  RETURN collect({id: f.id, name: f.name, functions: functions, bases: bases, recorded: recorded,
                  profiles: profiles, coverage_bases: coverage_bases,
                  total: reduce(t = 0.0, e IN functions | t + e.fte),
                  gaps: CASE WHEN recorded AND size(profiles) > 0
                             THEN [e IN functions WHERE e.expected AND e.fte <= 0 | e.function] ELSE [] END}) AS rows
}
// A function of the dataset's own that a förvaltning is expected to have but records
// nothing of is named as another förvaltning of the organisation names it.
WITH o, rows, reduce(acc = [], r IN rows | acc + [e IN r.functions WHERE e.name IS NOT NULL | e]) AS named
RETURN (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS found,
       o.name AS name, size(rows) AS total,
       [r IN rows[$offset..$offset + $limit] |
        r {.*, functions: [e IN r.functions | e {.*, name: coalesce(e.name, [n IN named WHERE n.function = e.function | n.name][0])}]}] AS rows
