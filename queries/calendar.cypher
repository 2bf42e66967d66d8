// Governance calendar (årshjul): what an organisation's calendar is built from. The duties
// of its organs (those that BELONG_TO it, primary or spanning, on some day of the year) and
// of the uppdrag those organs, or seats in them, give; for each duty its subject's meetings
// in [$meetingsFrom, $meetingsTo] (the year widened by the largest offset a per-meeting
// deadline may have) and the records that carried it out; and the uppdrag given by those
// organs whose last due day (due, or the end of due_window) falls in the year. Go
// (graph.BuildCalendar) places the occurrences in the year and judges their status.
// Validity: the organisation, organ, BELONGS_TO and duty must hold on some day of the year.
// Index: organisation_id (unique seek); document_id (unique seek) for source titles.
// Parameters: $organisation (string), $yearStart, $yearEnd, $meetingsFrom, $meetingsTo (date),
//             $minBasisRank (integer: only duties and uppdrag whose source basis ranks at least
//             this: stated 3, inferred 2, illustrative 1, none 0).
// Columns: id, name (of the organisation; no row when it does not hold in the year),
//          duties (list of {id, action, per, description, due, deadline_offset_days,
//          deadline_day_of_year, deadline_text, by_id, by_kind, by_name, triggers, conditions,
//          subject_id, subject_kind, subject_name, meetings (list of {id, date, kind, status,
//          source_*}), records (list of {date, meeting}), source_*}),
//          assignments (list of {id, title, given_by_*, given_to_*, due, due_text, status,
//          reported, source_*}).
MATCH (org:Organisation {id: $organisation})
WHERE (org.valid_from IS NULL OR org.valid_from <= $yearEnd) AND (org.valid_to IS NULL OR org.valid_to >= $yearStart)
CALL (org) {
  OPTIONAL MATCH (org)<-[b:BELONGS_TO]-(organ:Organ)
  WHERE all(x IN [b, organ] WHERE (x.valid_from IS NULL OR x.valid_from <= $yearEnd) AND (x.valid_to IS NULL OR x.valid_to >= $yearStart))
  RETURN collect(DISTINCT organ) AS organs
}
CALL (organs) {
  UNWIND organs AS organ
  CALL (organ) {
    MATCH (duty:Duty)-[:DUTY_OF]->(organ)
    RETURN duty, organ AS subject
    UNION
    MATCH (organ)<-[:SEAT_OF*0..1]-(:Item)-[:ASSIGNS]->(a:Assignment)<-[:DUTY_OF]-(duty:Duty)
    RETURN duty, a AS subject
  }
  WITH DISTINCT duty, subject
  WHERE (duty.valid_from IS NULL OR duty.valid_from <= $yearEnd) AND (duty.valid_to IS NULL OR duty.valid_to >= $yearStart)
    AND CASE duty.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
  CALL (subject) {
    OPTIONAL MATCH (subject)<-[:MEETING_OF]-(m:Meeting)
    WHERE $meetingsFrom <= m.date <= $meetingsTo
    OPTIONAL MATCH (md:Document {id: m.source_document})
    WITH m, md ORDER BY m.date
    RETURN collect(m {.id, .date, .kind, .status, .source_document, .source_section, .source_basis, .source_quote,
                      .source_reasoning, source_title: md.title}) AS meetings
  }
  CALL (duty) {
    OPTIONAL MATCH (r:DutyRecord)-[:FULFILS]->(duty)
    OPTIONAL MATCH (r)-[:FOR_MEETING]->(rm:Meeting)
    RETURN collect(r {.date, meeting: rm.id}) AS records
  }
  OPTIONAL MATCH (duty)<-[:RESPONSIBLE_FOR]-(by:Item)
  OPTIONAL MATCH (doc:Document {id: duty.source_document})
  RETURN collect(duty {.id, .action, .per, .description, .due, .deadline_offset_days, .deadline_day_of_year, .deadline_text,
    .source_document, .source_section, .source_basis, .source_quote, .source_reasoning, source_title: doc.title,
    by_id: by.id, by_kind: [l IN labels(by) WHERE l <> 'Item'][0], by_name: coalesce(by.name, by.title),
    triggers: [i IN range(0, size(coalesce(duty.trigger_texts, [])) - 1) |
      {text: duty.trigger_texts[i], ref: duty.trigger_by[i], ref_name: head(COLLECT { MATCH (x:Item {id: duty.trigger_by[i]}) RETURN coalesce(x.name, x.title) })}],
    conditions: [i IN range(0, size(coalesce(duty.condition_kinds, [])) - 1) |
      {kind: duty.condition_kinds[i], ref: duty.condition_refs[i], text: duty.condition_texts[i], ref_name: head(COLLECT { MATCH (x:Item {id: duty.condition_refs[i]}) RETURN coalesce(x.name, x.title) })}],
    subject_id: subject.id, subject_kind: [l IN labels(subject) WHERE l <> 'Item'][0], subject_name: coalesce(subject.name, subject.title),
    meetings: meetings, records: records}) AS duties
}
CALL (organs) {
  UNWIND organs AS organ
  MATCH (organ)<-[:SEAT_OF*0..1]-(giver:Item)-[:ASSIGNS]->(a:Assignment)
  WHERE $yearStart <= coalesce(a.due, a.due_to) <= $yearEnd
    AND CASE a.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
  WITH DISTINCT a, giver
  OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(to:Item)
  OPTIONAL MATCH (doc:Document {id: a.source_document})
  RETURN collect(a {.id, .title, .given, .status, .reported, due: coalesce(a.due, a.due_to), due_text: a.due_text,
    given_by_id: giver.id, given_by_kind: [l IN labels(giver) WHERE l <> 'Item'][0], given_by_name: coalesce(giver.name, giver.title),
    given_to_id: to.id, given_to_kind: [l IN labels(to) WHERE l <> 'Item'][0], given_to_name: coalesce(to.name, to.title),
    .source_document, .source_section, .source_basis, .source_quote, .source_reasoning, source_title: doc.title}) AS assignments
}
RETURN org.id AS id, org.name AS name, duties, assignments
