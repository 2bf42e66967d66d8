// Audit: one page of the audit trail, newest first (ties, which one transaction time cannot
// have twice in practice, by id). Index: audit_entry_at (the page is read in index order;
// the IS NOT NULL lets the planner use it).
// Parameters: $offset, $limit (the page).
// Columns: total (entries in all), page (the entries of the page, each a map of its
//          properties, see audit_record.cypher).
CALL () {
  MATCH (e:AuditEntry)
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:AuditEntry)
  WHERE e.at IS NOT NULL
  WITH e
  ORDER BY e.at DESC, e.id DESC
  SKIP $offset
  LIMIT $limit
  RETURN collect(e {.*}) AS page
}
RETURN total, page
