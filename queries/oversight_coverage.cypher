// Uppsikt coverage ("is every nämnd, bolag, stiftelse and joint activity under uppsikt?";
// kommunallagen 6 kap. 1 §): every organ of a kind in
// $kinds (nämnder, bolag, stiftelser, kommunalförbund, joint activities) that holds on $at and
// belongs (BELONGS_TO, primary or spanning, holding on $at) to the organisation, once for EACH
// organisation it belongs to on $at, with that organisation's styrelse (an organ of kind
// styrelse belonging to it on $at) and the shortest path of 1 to 3 OVERSEES relationships from
// the styrelse to the organ on which every relationship and every organ holds on $at. An
// organisation without a styrelse on $at gives a row with no styrelse; one with several
// styrelser gives a row per styrelse.
// Index: organisation_id (unique seek) for a named organisation; a label scan of Organisation
// only when $organisation is '' (all organisations); organ_kind (seek of the styrelser);
// document_id (unique seek) for the sources.
// Only paths whose OVERSEES relationships all have a source basis ranking at least
// $minBasisRank count (stated 3, inferred 2, illustrative 1, none 0); a path of a weaker basis
// makes the row unknown. Whether the absence of a path is a finding depends on the dataset's
// coverage: a complete Coverage {what: 'oversight'} of the owner organisation, the organ, or
// an organ it is part of, holding on $at, whose own basis ranks at least $minBasisRank.
// Parameters: $organisation (string, '' for all), $at (date), $kinds (list of organ kinds),
//             $minBasisRank (integer), $offset and $limit (integers: the page of rows).
// Columns: organisations (int: organisations in scope; 0 for an unknown organisation),
//          total (int: every row), rows (the asked page: findings of no uppsikt first, then
//          unknown, then covered; within each by organ name, organ id, organisation name and
//          styrelse id; a list of {organ_id, organ_name, organ_kind, organisation_id,
//          organisation_name, styrelse_id, styrelse_name, status ('covered' | 'not_covered':
//          no path inside a declared coverage | 'unknown': no path and no coverage, or a path
//          of a weaker basis than asked),
//          coverage_basis (of the coverage declaration, if any), via (list of {id, kind, name}:
//          organs between styrelse and organ), source_document, source_title, source_section,
//          source_basis, source_quote, source_reasoning (of the OVERSEES relationship reaching the
//          organ), path_bases (the basis of every OVERSEES relationship on the path)}).
CALL () {
  MATCH (org:Organisation {id: $organisation})
  RETURN org
  UNION
  // Every organisation when none is named; written so that the scan runs only then.
  WITH $organisation AS named
  WHERE named = ''
  MATCH (org:Organisation)
  RETURN org
}
WITH org
WHERE (org.valid_from IS NULL OR org.valid_from <= $at) AND (org.valid_to IS NULL OR org.valid_to >= $at)
WITH collect(org) AS orgs
CALL (orgs) {
  UNWIND orgs AS org
  MATCH (org)<-[b:BELONGS_TO]-(organ:Organ)
  WHERE organ.kind IN $kinds
    AND (b.valid_from IS NULL OR b.valid_from <= $at) AND (b.valid_to IS NULL OR b.valid_to >= $at)
    AND (organ.valid_from IS NULL OR organ.valid_from <= $at) AND (organ.valid_to IS NULL OR organ.valid_to >= $at)
  WITH DISTINCT organ
  // Every organisation the organ belongs to, also those outside the scope asked about.
  MATCH (organ)-[ob:BELONGS_TO]->(owner:Organisation)
  WHERE (ob.valid_from IS NULL OR ob.valid_from <= $at) AND (ob.valid_to IS NULL OR ob.valid_to >= $at)
    AND (owner.valid_from IS NULL OR owner.valid_from <= $at) AND (owner.valid_to IS NULL OR owner.valid_to >= $at)
  // Each owner's styrelse is looked up once, not once per organ, and from the styrelser
  // (organ_kind: one per organisation) rather than from the owners, whose hundreds of organs
  // would each be read for their kind.
  WITH owner, collect(DISTINCT organ) AS organs
  WITH collect({owner: owner, organs: organs}) AS groups, collect(owner) AS owners
  CALL (owners) {
    MATCH (styrelse:Organ {kind: 'styrelse'})-[sb:BELONGS_TO]->(owner)
    USING INDEX styrelse:Organ(kind)
    WHERE owner IN owners
      AND (sb.valid_from IS NULL OR sb.valid_from <= $at) AND (sb.valid_to IS NULL OR sb.valid_to >= $at)
      AND (styrelse.valid_from IS NULL OR styrelse.valid_from <= $at) AND (styrelse.valid_to IS NULL OR styrelse.valid_to >= $at)
    RETURN collect(DISTINCT {owner: owner, styrelse: styrelse}) AS styrelser
  }
  UNWIND groups AS g
  WITH g.owner AS owner, g.organs AS organs, [x IN styrelser WHERE x.owner = g.owner | x.styrelse] AS found
  // An owner without a styrelse on $at still gives its rows, with no styrelse.
  UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found END AS styrelse
  UNWIND organs AS organ
  CALL (organ, styrelse) {
    OPTIONAL MATCH p = (styrelse)-[:OVERSEES*1..3]->(organ)
    WHERE all(r IN relationships(p) WHERE (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
      AND all(n IN nodes(p) WHERE (n.valid_from IS NULL OR n.valid_from <= $at) AND (n.valid_to IS NULL OR n.valid_to >= $at))
    WITH p, [n IN nodes(p) | n.id] AS ids,
         all(r IN relationships(p) WHERE CASE r.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2
                                                             WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank) AS meets
    // A path of the asked basis if there is one, else the shortest.
    ORDER BY meets DESC, length(p), ids
    LIMIT 1
    RETURN p, meets
  }
  WITH organ, owner, styrelse, p, meets, last(relationships(p)) AS r
  OPTIONAL MATCH (doc:Document {id: r.source_document})
  CALL (organ, owner) {
    // Expanded from the organ, so no scan of all coverage: the organ, its parents, and the
    // organisation the row is about (not another one a joint organ also belongs to).
    OPTIONAL MATCH (organ)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'oversight', complete: true})
    WHERE (x = owner OR x:Organ)
      AND (c.from IS NULL OR c.from <= $at) AND (c.to IS NULL OR c.to >= $at)
      AND CASE c.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2
                              WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
    RETURN c IS NOT NULL AS declared, c.source_basis AS coverage_basis
    ORDER BY CASE c.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END DESC
    LIMIT 1
  }
  WITH organ, owner, styrelse, p, r, doc, coverage_basis,
       CASE WHEN p IS NOT NULL AND meets THEN 'covered'
            // Uppsikt recorded, but on a weaker basis than asked: not shown, and no gap either.
            WHEN p IS NOT NULL THEN 'unknown'
            WHEN declared THEN 'not_covered' ELSE 'unknown' END AS status
  ORDER BY CASE status WHEN 'not_covered' THEN 0 WHEN 'unknown' THEN 1 ELSE 2 END, organ.name, organ.id, owner.name, styrelse.id
  RETURN collect({
    organ_id: organ.id, organ_name: organ.name, organ_kind: organ.kind,
    organisation_id: owner.id, organisation_name: owner.name,
    styrelse_id: styrelse.id, styrelse_name: styrelse.name,
    status: status, coverage_basis: coverage_basis,
    path_bases: [x IN relationships(p) | x.source_basis],
    via: [n IN nodes(p)[1..-1] | {id: n.id, kind: [l IN labels(n) WHERE l <> 'Item'][0], name: coalesce(n.name, n.title)}],
    source_document: r.source_document, source_title: doc.title, source_section: r.source_section, source_basis: r.source_basis, source_quote: r.source_quote, source_reasoning: r.source_reasoning
  }) AS rows
}
RETURN size(orgs) AS organisations, size(rows) AS total, rows[$offset..$offset + $limit] AS rows
