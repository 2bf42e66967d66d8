// Schema: the constraints and indexes styrgraf relies on. Applied at start-up (styrgraf serve,
// styrgraf import); every statement is idempotent. Readiness (/readyz) checks that each name
// below exists and is ONLINE.
// Parameters: none. Columns: none.

// Every node kind has a stable, human-readable id (a slug) that is unique within its label.
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organ_id IF NOT EXISTS FOR (n:Organ) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mandate_id IF NOT EXISTS FOR (n:Mandate) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assignment_id IF NOT EXISTS FOR (n:Assignment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT duty_id IF NOT EXISTS FOR (n:Duty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT duty_record_id IF NOT EXISTS FOR (n:DutyRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT process_id IF NOT EXISTS FOR (n:Process) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reporting_rule_id IF NOT EXISTS FOR (n:ReportingRule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT staff_function_id IF NOT EXISTS FOR (n:StaffFunction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT staff_profile_id IF NOT EXISTS FOR (n:StaffProfile) REQUIRE n.id IS UNIQUE;

// Lookups by kind (questions filter organs and posts by kind).
CREATE INDEX organ_kind IF NOT EXISTS FOR (n:Organ) ON (n.kind);
CREATE INDEX post_kind IF NOT EXISTS FOR (n:Post) ON (n.kind);

// Name search (see match_names.cypher). Names are stored as search_text (lower case) and
// search_folded (without å/ä/ö/é) at import. A TEXT index (trigrams) finds any part of a word,
// as Swedish compounds need ("kommitté" in "Läkemedelskommittén"); a full-text index with the
// Swedish analyzer finds inflections ("nämnder" for "Nämnden") and, with ~, one typo.
CREATE INDEX organ_name IF NOT EXISTS FOR (n:Organ) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE TEXT INDEX item_search_folded IF NOT EXISTS FOR (n:Item) ON (n.search_folded);
CREATE FULLTEXT INDEX names_sv IF NOT EXISTS
  FOR (n:Organisation|Organ|Post|Person|Topic|Mandate|Assignment|Document)
  ON EACH [n.name, n.title, n.short_name, n.scope]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'swedish'}};
// Typos: the folded words as they are (no stemming), so that ~1 compares whole words.
CREATE FULLTEXT INDEX names_folded IF NOT EXISTS
  FOR (n:Organisation|Organ|Post|Person|Topic|Mandate|Assignment|Document)
  ON EACH [n.search_folded]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};

// Every stored item also carries the label Item: ids are unique across all kinds (references
// in dataset files do not name the kind), and import finds items by id and by the dataset
// (file) that declared them.
CREATE CONSTRAINT item_id IF NOT EXISTS FOR (n:Item) REQUIRE n.id IS UNIQUE;
CREATE INDEX item_dataset IF NOT EXISTS FOR (n:Item) ON (n.dataset);

// The audit trail: one AuditEntry per import that changed the graph (not an Item: imports
// never touch it). Listed newest first.
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
