// Organ detail: one organ as of a date with everything a detail page or report shows: its
// organisations, what it is part of and its parts, its seats with holders (directly or ex
// officio), relations in and out with their conditions, mandates, duties, rules and stabsfunktioner.
// Only items and relationships valid on $at take part.
// Index: organ_id (unique seek); document_id for source titles.
// Parameters: $relationTypes (list of strings: the relationship types of the relation_kind
//             vocabulary, from Go), $id (string), $at (date).
// Columns: organ (map of its properties), valid (bool), organisations, process (zero or
//          one), part_of, parts, seats, out, in, mandates, duties, rules, staff (lists of
//          maps). Conditions are read from their parallel lists (condition_kinds, _refs,
//          _texts) into maps {kind, ref, ref_name, text}; a duty's triggers likewise.
MATCH (o:Organ {id: $id})
CALL (o) {
  OPTIONAL MATCH (o)-[b:BELONGS_TO]->(org:Organisation)
  RETURN collect(org {.id, .name, primary: b.primary}) AS organisations
}
CALL (o) {
  OPTIONAL MATCH (o)-[:IN_PROCESS]->(p:Process)
  RETURN collect(p {.id, .name, .kind}) AS process
}
CALL (o) {
  OPTIONAL MATCH (o)-[:PART_OF]->(parent:Organ)
  RETURN collect(parent {.id, .name, .kind}) AS part_of
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:PART_OF]-(part:Organ)
  WHERE (part.valid_from IS NULL OR part.valid_from <= $at) AND (part.valid_to IS NULL OR part.valid_to >= $at)
  WITH part ORDER BY part.name
  RETURN collect(part {.id, .name, .kind}) AS parts
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:SEAT_OF]-(post:Post)
  WHERE (post.valid_from IS NULL OR post.valid_from <= $at) AND (post.valid_to IS NULL OR post.valid_to >= $at)
  CALL (post) {
    OPTIONAL MATCH (post)-[:EX_OFFICIO*0..3]->(:Post)<-[h:HOLDS]-(p:Person)
    WHERE (h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to >= $at)
    RETURN collect(DISTINCT p {.id, .name}) AS holders
  }
  OPTIONAL MATCH (post)-[:EX_OFFICIO]->(src:Post)
  WITH post, holders, src ORDER BY post.kind, post.title, post.id
  RETURN collect(CASE WHEN post IS NULL THEN NULL ELSE
    post {.id, .title, .kind, .max_holders, .source_document, .source_section, .source_basis, .source_quote, .source_reasoning,
          ex_officio: src.id, ex_officio_title: src.title, holders: holders,
          conditions: [i IN range(0, size(coalesce(post.condition_kinds, [])) - 1) | {kind: post.condition_kinds[i], ref: post.condition_refs[i], text: post.condition_texts[i], ref_name: head(COLLECT { MATCH (x:Item {id: post.condition_refs[i]}) RETURN coalesce(x.name, x.title) })}]} END) AS seats
}
CALL (o) {
  OPTIONAL MATCH (o)-[r]->(m:Item)
  WHERE type(r) IN $relationTypes
    AND (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at)
  OPTIONAL MATCH (d:Document {id: r.source_document})
  WITH r, m, d ORDER BY type(r), m.id
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE
    {type: type(r), id: m.id, kind: [l IN labels(m) WHERE l <> 'Item'][0], name: coalesce(m.name, m.title),
     description: r.description, source_document: r.source_document, source_section: r.source_section, source_basis: r.source_basis, source_quote: r.source_quote, source_reasoning: r.source_reasoning,
     source_title: d.title,
     conditions: [i IN range(0, size(coalesce(r.condition_kinds, [])) - 1) | {kind: r.condition_kinds[i], ref: r.condition_refs[i], text: r.condition_texts[i], ref_name: head(COLLECT { MATCH (x:Item {id: r.condition_refs[i]}) RETURN coalesce(x.name, x.title) })}]} END) AS out
}
CALL (o) {
  OPTIONAL MATCH (o)<-[r]-(m:Item)
  WHERE type(r) IN $relationTypes
    AND (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at)
  OPTIONAL MATCH (d:Document {id: r.source_document})
  WITH r, m, d ORDER BY type(r), m.id
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE
    {type: type(r), id: m.id, kind: [l IN labels(m) WHERE l <> 'Item'][0], name: coalesce(m.name, m.title),
     description: r.description, source_document: r.source_document, source_section: r.source_section, source_basis: r.source_basis, source_quote: r.source_quote, source_reasoning: r.source_reasoning,
     source_title: d.title,
     conditions: [i IN range(0, size(coalesce(r.condition_kinds, [])) - 1) | {kind: r.condition_kinds[i], ref: r.condition_refs[i], text: r.condition_texts[i], ref_name: head(COLLECT { MATCH (x:Item {id: r.condition_refs[i]}) RETURN coalesce(x.name, x.title) })}]} END) AS in
}
CALL (o) {
  OPTIONAL MATCH (o)-[:HAS_MANDATE]->(m:Mandate)
  WHERE (m.valid_from IS NULL OR m.valid_from <= $at) AND (m.valid_to IS NULL OR m.valid_to >= $at)
  OPTIONAL MATCH (d:Document {id: m.source_document})
  WITH m, d ORDER BY m.id
  RETURN collect(CASE WHEN m IS NULL THEN NULL ELSE
    m {.id, .scope, .level, .status, .source_document, .source_section, .source_basis, .source_quote, .source_reasoning, source_title: d.title,
      conditions: [i IN range(0, size(coalesce(m.condition_kinds, [])) - 1) | {kind: m.condition_kinds[i], ref: m.condition_refs[i], text: m.condition_texts[i], ref_name: head(COLLECT { MATCH (x:Item {id: m.condition_refs[i]}) RETURN coalesce(x.name, x.title) })}]} END) AS mandates
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:DUTY_OF]-(duty:Duty)
  WHERE (duty.valid_from IS NULL OR duty.valid_from <= $at) AND (duty.valid_to IS NULL OR duty.valid_to >= $at)
  OPTIONAL MATCH (duty)<-[:RESPONSIBLE_FOR]-(by:Item)
  WITH duty, by ORDER BY duty.id
  RETURN collect(duty {.id, .action, .per, .description, .due, .deadline_offset_days, .deadline_day_of_year, .deadline_text,
    .source_document, .source_section, .source_basis, .source_quote, .source_reasoning,
    by_id: by.id, by_kind: [l IN labels(by) WHERE l <> 'Item'][0], by_name: coalesce(by.name, by.title),
    triggers: [i IN range(0, size(coalesce(duty.trigger_texts, [])) - 1) |
      {text: duty.trigger_texts[i], ref: duty.trigger_by[i], ref_name: head(COLLECT { MATCH (x:Item {id: duty.trigger_by[i]}) RETURN coalesce(x.name, x.title) })}],
    conditions: [i IN range(0, size(coalesce(duty.condition_kinds, [])) - 1) |
      {kind: duty.condition_kinds[i], ref: duty.condition_refs[i], text: duty.condition_texts[i], ref_name: head(COLLECT { MATCH (x:Item {id: duty.condition_refs[i]}) RETURN coalesce(x.name, x.title) })}]}) AS duties
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:APPLIES_TO]-(rule:Rule)
  WHERE (rule.valid_from IS NULL OR rule.valid_from <= $at) AND (rule.valid_to IS NULL OR rule.valid_to >= $at)
  WITH rule ORDER BY rule.id
  RETURN collect(rule {.id, .kind, .text, .source_document, .source_section, .source_basis, .source_quote, .source_reasoning}) AS rules
}
CALL (o) {
  OPTIONAL MATCH (o)-[:HAS_STAFF_FUNCTION]->(sf:StaffFunction)
  WHERE (sf.valid_from IS NULL OR sf.valid_from <= $at) AND (sf.valid_to IS NULL OR sf.valid_to >= $at)
  WITH sf ORDER BY sf.function
  RETURN collect(sf {.id, .function, .fte}) AS staff
}
RETURN properties(o) AS organ,
       (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at) AS valid,
       organisations, process, part_of, parts, seats, out, in, mandates, duties, rules, staff
