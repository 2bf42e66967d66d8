// Overdue assignments (the uppdrag side of "which groups have had no follow-up this year?"):
// assignments given by an organ of the organisation (or by a post in such an organ) whose last
// due day (due, or the end of due_window) is before $at and that were not reported back on or
// before $at. Only an assignment whose status is open on $at is overdue; one whose status is
// unknown (the sources do not say whether it was reported) is returned with status 'unknown',
// never as a finding. As in missing_follow_ups.cypher, an assignment
// belongs to the organisation when the giving organ (and post) and its BELONGS_TO relationship
// held on the day it was given (on some day of the year when that day is unknown): an organ
// dissolved since still leaves its unreported assignments overdue. Assignments given after
// $at do not exist yet; an assignment without a due date is never overdue.
// Index: organisation_id (unique seek) for a named organisation; a label scan of Organisation
// only when $organisation is '' (all organisations); document_id (unique seek) for the sources.
// Parameters: $organisation (string, '' for all), $yearStart, $yearEnd (date: the organisation
//             must hold on some day of the year, as in missing_follow_ups.cypher), $at (date),
//             $minBasisRank (integer: only assignments whose source basis ranks at least this).
// Columns: organisations (int: organisations in scope; 0 for an unknown organisation),
//          overdue (list of {id, title, given_by_id, given_by_kind, given_by_name, given_to_id,
//          given_to_kind, given_to_name, report_to_id, report_to_kind, report_to_name, given,
//          due (the last due day), due_text (the source's words for a due window), status
//          ('open' | 'unknown' on $at), source_document, source_title, source_section, source_basis, source_quote,
//          source_reasoning}).
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
WHERE (org.valid_from IS NULL OR org.valid_from <= $yearEnd) AND (org.valid_to IS NULL OR org.valid_to >= $yearStart)
WITH collect(org) AS orgs
CALL (orgs) {
  UNWIND orgs AS org
  MATCH (org)<-[b:BELONGS_TO]-(organ:Organ)
  // One row per organ, however many of the organisations in scope it belongs to.
  WITH organ, collect(b) AS memberships
  MATCH (organ)<-[:SEAT_OF*0..1]-(giver:Item)-[:ASSIGNS]->(a:Assignment)
  WHERE coalesce(a.due, a.due_to) < $at
    AND (a.reported IS NULL OR a.reported > $at)
    AND NOT (a.status = 'reported' AND a.reported IS NULL)
    AND CASE a.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
    AND (a.given IS NULL OR a.given <= $at)
    AND CASE WHEN a.given IS NULL
          THEN all(x IN [organ, giver] WHERE (x.valid_from IS NULL OR x.valid_from <= $yearEnd) AND (x.valid_to IS NULL OR x.valid_to >= $yearStart))
            AND any(b IN memberships WHERE (b.valid_from IS NULL OR b.valid_from <= $yearEnd) AND (b.valid_to IS NULL OR b.valid_to >= $yearStart))
          ELSE all(x IN [organ, giver] WHERE (x.valid_from IS NULL OR x.valid_from <= a.given) AND (x.valid_to IS NULL OR x.valid_to >= a.given))
            AND any(b IN memberships WHERE (b.valid_from IS NULL OR b.valid_from <= a.given) AND (b.valid_to IS NULL OR b.valid_to >= a.given))
        END
  WITH DISTINCT a, giver
  OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(to:Item)
  OPTIONAL MATCH (a)-[:REPORTS_BACK_TO]->(back:Item)
  OPTIONAL MATCH (doc:Document {id: a.source_document})
  RETURN collect({
    id: a.id, title: a.title,
    given_by_id: giver.id, given_by_kind: [l IN labels(giver) WHERE l <> 'Item'][0], given_by_name: coalesce(giver.name, giver.title),
    given_to_id: to.id, given_to_kind: [l IN labels(to) WHERE l <> 'Item'][0], given_to_name: coalesce(to.name, to.title),
    report_to_id: back.id, report_to_kind: [l IN labels(back) WHERE l <> 'Item'][0], report_to_name: coalesce(back.name, back.title),
    given: a.given, due: coalesce(a.due, a.due_to), due_text: a.due_text,
    // Reported after $at means still open on $at.
    status: CASE WHEN a.status = 'open' OR a.status = 'reported' THEN 'open' ELSE 'unknown' END,
    source_document: a.source_document, source_title: doc.title, source_section: a.source_section, source_basis: a.source_basis, source_quote: a.source_quote, source_reasoning: a.source_reasoning
  }) AS overdue
}
RETURN size(orgs) AS organisations, overdue
