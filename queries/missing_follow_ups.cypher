// Missing follow-ups ("which groups have had no follow-up this year?"): the follow-up and
// evaluation duties (Duty {follow_up: true}) of an organisation that have no record in the
// period containing a year. Duties without a date (per continuous, on_event, unspecified)
// are never missing: the documents give them no deadline to miss. A duty belongs to the organisation when its
// subject does: an organ that BELONGS_TO it (primary or spanning), or an assignment that such
// an organ, or a post (SEAT_OF) in such an organ, ASSIGNS.
// Validity: the organisation, the duty and its DUTY_OF relationship must hold on some day of
// the year; so must an organ subject and its BELONGS_TO relationship. An assignment belongs to
// the organisation when the giving organ (and post) and its BELONGS_TO relationship held on the
// day the assignment was given (on some day of the year when that day is unknown), so an organ
// dissolved since leaves its assignments' duties behind. Only follow-ups dated on or before $at
// count: later ones have not happened yet as of $at.
// Per period (duty.per):
//   year            missing when no record is dated in [$yearStart, $yearEnd];
//   mandate_period  missing when none is dated in [$periodStart, $periodEnd] (the mandatperiod
//                   that contains $yearStart, computed in Go);
//   once            missing when it has no record at all and its due date is on or before
//                   $yearEnd.
// Index: organisation_id (unique seek) for a named organisation; a label scan of Organisation
// only when $organisation is '' (all organisations); document_id (unique seek) for the sources.
// Parameters: $organisation (string, '' for all), $yearStart, $yearEnd, $periodStart,
//             $periodEnd, $at (date), $minBasisRank (integer: only duties, and coverage
//             declarations, whose source basis ranks at least this: stated 3, inferred 2,
//             illustrative 1, none 0).
// Columns: organisations (int: organisations in scope; 0 for an unknown organisation),
//          missing (list of {subject_id, subject_kind, subject_name, duty_id, action, per,
//          description, due, period_start (null for once), period_end, last_follow_up (the
//          latest follow-up on or before both period_end and $at), recorded (bool: the
//          dataset declares complete follow-up records for the subject over the period, so the
//          absence is a finding), source_document,
//          source_title, source_section, source_basis, source_quote,
//          source_reasoning}), one per duty and subject even
//          when the subject belongs to several organisations in scope.
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
  CALL (organ, memberships) {
    WITH organ, memberships
    WHERE (organ.valid_from IS NULL OR organ.valid_from <= $yearEnd) AND (organ.valid_to IS NULL OR organ.valid_to >= $yearStart)
      AND any(b IN memberships WHERE (b.valid_from IS NULL OR b.valid_from <= $yearEnd) AND (b.valid_to IS NULL OR b.valid_to >= $yearStart))
    MATCH (duty:Duty {follow_up: true})-[f:DUTY_OF]->(organ)
    RETURN duty, f, organ AS subject, organ AS owner
    UNION
    MATCH (organ)<-[:SEAT_OF*0..1]-(giver:Item)-[:ASSIGNS]->(a:Assignment)<-[f:DUTY_OF]-(duty:Duty {follow_up: true})
    WHERE CASE WHEN a.given IS NULL
            THEN all(x IN [organ, giver] WHERE (x.valid_from IS NULL OR x.valid_from <= $yearEnd) AND (x.valid_to IS NULL OR x.valid_to >= $yearStart))
              AND any(b IN memberships WHERE (b.valid_from IS NULL OR b.valid_from <= $yearEnd) AND (b.valid_to IS NULL OR b.valid_to >= $yearStart))
            ELSE all(x IN [organ, giver] WHERE (x.valid_from IS NULL OR x.valid_from <= a.given) AND (x.valid_to IS NULL OR x.valid_to >= a.given))
              AND any(b IN memberships WHERE (b.valid_from IS NULL OR b.valid_from <= a.given) AND (b.valid_to IS NULL OR b.valid_to >= a.given))
          END
    RETURN duty, f, a AS subject, organ AS owner
  }
  WITH DISTINCT duty, f, subject, owner
  WHERE all(x IN [duty, f] WHERE (x.valid_from IS NULL OR x.valid_from <= $yearEnd) AND (x.valid_to IS NULL OR x.valid_to >= $yearStart))
    AND duty.per IN ['year', 'mandate_period', 'once']
    AND (duty.per <> 'once' OR duty.due <= $yearEnd)
    AND CASE duty.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
  WITH duty, subject, owner,
       CASE duty.per WHEN 'year' THEN $yearStart WHEN 'mandate_period' THEN $periodStart END AS periodStart,
       CASE duty.per WHEN 'year' THEN $yearEnd WHEN 'mandate_period' THEN $periodEnd ELSE duty.due END AS periodEnd
  CALL (duty) {
    OPTIONAL MATCH (fu:DutyRecord)-[:FULFILS]->(duty)
    WHERE fu.date <= $at
    RETURN collect(fu.date) AS dates
  }
  WITH duty, subject, owner, periodStart, periodEnd, dates
  WHERE CASE duty.per
          WHEN 'once' THEN size(dates) = 0
          ELSE none(d IN dates WHERE periodStart <= d <= periodEnd)
        END
  // Is the absence a finding? Only where the dataset declares its follow-up records complete
  // for the subject's organ (or an organ or organisation it belongs to) over the period.
  CALL (owner, periodStart, periodEnd) {
    OPTIONAL MATCH (owner)-[:PART_OF|BELONGS_TO*0..6]->(x)<-[:COVERS]-(c:Coverage {what: 'follow_ups', complete: true})
    WHERE (c.from IS NULL OR c.from <= coalesce(periodStart, periodEnd))
      AND (c.to IS NULL OR c.to >= CASE WHEN periodEnd < $at THEN periodEnd ELSE $at END)
      AND CASE c.source_basis WHEN 'stated' THEN 3 WHEN 'inferred' THEN 2 WHEN 'illustrative' THEN 1 WHEN 'generated' THEN 1 ELSE 0 END >= $minBasisRank
    RETURN count(c) > 0 AS recorded
  }
  OPTIONAL MATCH (doc:Document {id: duty.source_document})
  RETURN collect({
    subject_id: subject.id,
    subject_kind: [l IN labels(subject) WHERE l <> 'Item'][0],
    subject_name: coalesce(subject.name, subject.title),
    duty_id: duty.id, action: duty.action, per: duty.per, description: duty.description, due: duty.due,
    period_start: periodStart, period_end: periodEnd, recorded: recorded,
    last_follow_up: reduce(last = null, d IN dates | CASE WHEN d <= periodEnd AND (last IS NULL OR d > last) THEN d ELSE last END),
    source_document: duty.source_document, source_title: doc.title, source_section: duty.source_section, source_basis: duty.source_basis, source_quote: duty.source_quote, source_reasoning: duty.source_reasoning
  }) AS missing
}
RETURN size(orgs) AS organisations, missing
