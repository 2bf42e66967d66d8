package graph

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date (ISO 8601, YYYY-MM-DD) with no time of day or zone: governance
// decisions take effect on days, not instants.
type Date struct{ time.Time }

// MinYear is the earliest year a date may have. Go's zero time, 0001-01-01, means "no date"
// (IsZero, String ""), so a date that early would be stored and then read back as absent;
// nothing styrgraf describes is that old.
const MinYear = 1000

// ParseDate parses YYYY-MM-DD, years MinYear to 9999.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	if t.Year() < MinYear {
		return Date{}, fmt.Errorf("%q is too early: a date needs a year from %d", s, MinYear)
	}
	return Date{t}, nil
}

// MustDate is ParseDate for literals in code and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalJSON writes the date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) {
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Validity is when an item holds. A nil bound is open: no From means "always has", no To
// means "still does". Both bounds are inclusive days.
type Validity struct {
	ValidFrom *Date `yaml:"valid_from,omitempty" json:"valid_from,omitempty" doc:"first day it holds (inclusive); empty: since always"`
	ValidTo   *Date `yaml:"valid_to,omitempty" json:"valid_to,omitempty" doc:"last day it holds (inclusive); empty: still holds"`
}

// Overlaps reports whether two validities share a day.
func (v Validity) Overlaps(o Validity) bool {
	startsBeforeOtherEnds := v.ValidFrom == nil || o.ValidTo == nil || !v.ValidFrom.After(o.ValidTo.Time)
	otherStartsBeforeEnds := o.ValidFrom == nil || v.ValidTo == nil || !o.ValidFrom.After(v.ValidTo.Time)
	return startsBeforeOtherEnds && otherStartsBeforeEnds
}

// Source is where a fact comes from, and on what basis the dataset asserts it:
//   - stated: the document says so; Section and a verbatim Quote show where and how.
//   - inferred: the fact follows from stated ones; Reasoning names them and says how.
//   - illustrative: made-up example data. With a document and section it says that the
//     document states this kind of fact while the instance is invented (an example nämnd that
//     a reglemente's rule would cover).
//   - generated: written by a program (styrgraf generate) to give realistic shape and size for
//     tests and benchmarks; it describes no real organisation, whatever names it carries.
//
// In YAML a source is either the word illustrative or a mapping {document, section, basis,
// quote, reasoning}. A source that cites a document but gives no basis counts as inferred:
// without a quote nothing shows that the document states the fact itself. An explicit basis:
// inferred must give its reasoning.
type Source struct {
	Document  string `yaml:"document,omitempty" json:"document,omitempty" ref:"Document" doc:"id of the document the fact comes from"`
	Section   string `yaml:"section,omitempty" json:"section,omitempty" doc:"section, paragraph (§) or heading within the document"`
	Basis     string `yaml:"basis,omitempty" json:"basis,omitempty" enum:"basis" doc:"stated | inferred | illustrative | generated; empty with a document: inferred"`
	Quote     string `yaml:"quote,omitempty" json:"quote,omitempty" doc:"for basis stated: the document's words, verbatim (line breaks and spacing may differ)"`
	Reasoning string `yaml:"reasoning,omitempty" json:"reasoning,omitempty" doc:"for basis inferred: how the fact follows, naming the stated facts it rests on"`
}

// Provenance bases: the values of the basis vocabulary.
const (
	BasisStated       = "stated"
	BasisInferred     = "inferred"
	BasisIllustrative = "illustrative"
	BasisGenerated    = "generated"
)

// SourceGenerated is the YAML word for facts a program made up (styrgraf generate).
const SourceGenerated = BasisGenerated

// SourceIllustrative is the YAML word for facts no document states.
const SourceIllustrative = BasisIllustrative

// EffectiveBasis is the basis the source asserts: its Basis, else inferred when it cites a
// document, else empty (no source given).
func (s Source) EffectiveBasis() string {
	switch {
	case s.Basis != "":
		return s.Basis
	case s.Document != "":
		return BasisInferred
	}
	return ""
}

// IsIllustrative reports whether the fact is made-up example data.
func (s Source) IsIllustrative() bool { return s.Basis == BasisIllustrative }

// IsMadeUp reports whether no document stands behind the fact: illustrative or generated.
func (s Source) IsMadeUp() bool { return s.Basis == BasisIllustrative || s.Basis == BasisGenerated }

func (s Source) String() string {
	if s.IsMadeUp() && s.Document == "" {
		return s.Basis
	}
	out := s.Document
	if s.Section != "" {
		out += " " + s.Section
	}
	if s.IsMadeUp() {
		out += " (" + s.Basis + ")"
	}
	return out
}

// Organisation is a huvudman: a region or a kommun (kind other for one whose kind an
// imported file does not give). Every organ belongs to one.
type Organisation struct {
	ID       string `yaml:"id" json:"id" required:"true" doc:"stable slug, unique in the whole dataset"`
	Name     string `yaml:"name" json:"name" required:"true"`
	Kind     string `yaml:"kind" json:"kind" required:"true" enum:"organisation_kind"`
	Source   Source `yaml:"source,omitempty" json:"source,omitempty"`
	Validity `yaml:",inline"`
}

// Organ is any body that decides, prepares, administers or collaborates: fullmäktige,
// styrelse, nämnd, utskott, förvaltning, bolag, stiftelse, chefsgrupp, samordningsråd…
type Organ struct {
	ID           string   `yaml:"id" json:"id" required:"true" doc:"stable slug, unique in the whole dataset"`
	Name         string   `yaml:"name" json:"name" required:"true" doc:"Swedish name as the organisation writes it"`
	ShortName    string   `yaml:"short_name,omitempty" json:"short_name,omitempty" doc:"abbreviation, e.g. CGH, RSAU"`
	Kind         string   `yaml:"kind" json:"kind" required:"true" enum:"organ_kind"`
	Category     string   `yaml:"category,omitempty" json:"category,omitempty" enum:"organ_category" doc:"defaults from kind"`
	Organisation string   `yaml:"organisation" json:"organisation" required:"true" ref:"Organisation" doc:"the huvudman the organ belongs to"`
	Spans        []string `yaml:"spans,omitempty" json:"spans,omitempty" ref:"Organisation" doc:"further organisations a joint organ belongs to"`
	PartOf       string   `yaml:"part_of,omitempty" json:"part_of,omitempty" ref:"Organ" doc:"the organ this one is a part of, or organised under (utskott of a styrelse, avdelning of a förvaltning, strategisk grupp under its chefsgrupp, beredande grupp under its koncernledning)"`
	Process      string   `yaml:"process,omitempty" json:"process,omitempty" ref:"Process" doc:"the process the organ works in (huvudprocess or stödjande process)"`
	Tier         string   `yaml:"tier,omitempty" json:"tier,omitempty" enum:"organ_tier" doc:"management | main_process | support_process: which kind of group it is, for the reporting rules"`
	Statutory    bool     `yaml:"statutory,omitempty" json:"statutory,omitempty" doc:"required by law (e.g. fullmäktige, läkemedelskommitté)"`
	Decides      *bool    `yaml:"decides,omitempty" json:"decides,omitempty" doc:"true: takes decisions; false: only prepares/coordinates; empty: defaults from kind"`
	Description  string   `yaml:"description,omitempty" json:"description,omitempty"`
	Source       Source   `yaml:"source,omitempty" json:"source,omitempty"`
	Validity     `yaml:",inline"`
}

// Post is a seat: a chair, a member's seat, a director's post. A post may be held ex officio:
// whoever holds the source post holds this one ("the chair of CGH is the regiondirektör").
type Post struct {
	ID          string      `yaml:"id" json:"id" required:"true"`
	Title       string      `yaml:"title" json:"title" required:"true" doc:"Swedish title, e.g. Ordförande, Regiondirektör"`
	Kind        string      `yaml:"kind" json:"kind" required:"true" enum:"post_kind"`
	Organ       string      `yaml:"organ" json:"organ" required:"true" ref:"Organ" doc:"the organ the seat belongs to"`
	MaxHolders  *int        `yaml:"max_holders,omitempty" json:"max_holders,omitempty" doc:"how many may hold it at once; default 1, 0 for no limit"`
	ExOfficio   string      `yaml:"ex_officio,omitempty" json:"ex_officio,omitempty" ref:"Post" doc:"held by whoever holds this post"`
	Holders     []Holding   `yaml:"holders,omitempty" json:"holders,omitempty"`
	Conditions  []Condition `yaml:"conditions,omitempty" json:"conditions,omitempty" doc:"when the seat may be filled (ersättare only for särskilda skäl, after the chair agrees)"`
	Description string      `yaml:"description,omitempty" json:"description,omitempty"`
	Source      Source      `yaml:"source,omitempty" json:"source,omitempty"`
	Validity    `yaml:",inline"`
}

// Capacity is how many people may hold the post at once (0: no limit).
func (p Post) Capacity() int {
	if p.MaxHolders == nil {
		return 1
	}
	return *p.MaxHolders
}

// Holding is a person in a post for a period.
type Holding struct {
	Person   string `yaml:"person" json:"person" required:"true" ref:"Person"`
	Source   Source `yaml:"source,omitempty" json:"source,omitempty"`
	Validity `yaml:",inline"`
}

// Person is someone who holds posts. Never a personnummer.
type Person struct {
	ID          string `yaml:"id" json:"id" required:"true"`
	Name        string `yaml:"name" json:"name" required:"true"`
	Email       string `yaml:"email,omitempty" json:"email,omitempty"`
	Placeholder bool   `yaml:"placeholder,omitempty" json:"placeholder,omitempty" doc:"not a real person: stands for an unnamed holder"`
	Source      Source `yaml:"source,omitempty" json:"source,omitempty"`
}

// Topic is what a mandate or assignment is about, for "who decides X?".
type Topic struct {
	ID          string `yaml:"id" json:"id" required:"true"`
	Name        string `yaml:"name" json:"name" required:"true"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Mandate is a power to decide (beslutsmandat), held by an organ or a post. A delegated
// mandate names the mandate it derives from (delegation).
type Mandate struct {
	ID            string      `yaml:"id" json:"id" required:"true"`
	Holder        string      `yaml:"holder" json:"holder" required:"true" ref:"Organ|Post" doc:"organ or post holding the mandate"`
	Scope         string      `yaml:"scope" json:"scope" required:"true" doc:"what may be decided, in the document's words"`
	Level         string      `yaml:"level" json:"level" required:"true" enum:"mandate_level"`
	Topics        []string    `yaml:"topics,omitempty" json:"topics,omitempty" ref:"Topic"`
	DelegatedFrom string      `yaml:"delegated_from,omitempty" json:"delegated_from,omitempty" ref:"Mandate" doc:"the mandate this one is delegated from"`
	Status        string      `yaml:"status,omitempty" json:"status,omitempty" enum:"mandate_status" doc:"in_force (default) | potential (ska kunna bli beslutande) | planned | repealed"`
	Conditions    []Condition `yaml:"conditions,omitempty" json:"conditions,omitempty" doc:"what the power depends on (after a position taken by, only on an event)"`
	Source        Source      `yaml:"source,omitempty" json:"source,omitempty"`
	Validity      `yaml:",inline"`
}

// Document is a source: arbetsordning, reglemente, delegationsordning, uppdragshandling,
// beslut (with diarienummer and §), instruktion…
type Document struct {
	ID           string   `yaml:"id" json:"id" required:"true"`
	Title        string   `yaml:"title" json:"title" required:"true"`
	Kind         string   `yaml:"kind" json:"kind" required:"true" enum:"document_kind"`
	Date         *Date    `yaml:"date,omitempty" json:"date,omitempty" doc:"date of decision or issue"`
	Diarienummer string   `yaml:"diarienummer,omitempty" json:"diarienummer,omitempty"`
	Paragraph    string   `yaml:"paragraph,omitempty" json:"paragraph,omitempty" doc:"§ of a protokoll, e.g. §398"`
	IssuedBy     string   `yaml:"issued_by,omitempty" json:"issued_by,omitempty" ref:"Organ|Post" doc:"organ or post that decided or issued it"`
	File         string   `yaml:"file,omitempty" json:"file,omitempty" doc:"where the text is kept"`
	SentTo       []string `yaml:"sent_to,omitempty" json:"sent_to,omitempty" ref:"Organ|Post|Organisation" doc:"expedieras till / delges"`
	Source       Source   `yaml:"source,omitempty" json:"source,omitempty" doc:"for an illustrative document: source: illustrative"`
}

// Rule is a working rule that a document lays down for an organ or a post and that is not a
// relation, mandate or duty: notice periods, meeting days, minutes, theme days…
type Rule struct {
	ID        string `yaml:"id" json:"id" required:"true"`
	AppliesTo string `yaml:"applies_to" json:"applies_to" required:"true" ref:"Organ|Post|Organisation"`
	Kind      string `yaml:"kind" json:"kind" required:"true" enum:"rule_kind"`
	Text      string `yaml:"text" json:"text" required:"true" doc:"the rule, in the document's words"`
	Source    Source `yaml:"source,omitempty" json:"source,omitempty"`
	Validity  `yaml:",inline"`
}

// Assignment is an uppdrag: given by one organ to another, to report back by a date.
type Assignment struct {
	ID              string   `yaml:"id" json:"id" required:"true"`
	Title           string   `yaml:"title" json:"title" required:"true"`
	GivenBy         string   `yaml:"given_by" json:"given_by" required:"true" ref:"Organ|Post"`
	GivenTo         string   `yaml:"given_to" json:"given_to" required:"true" ref:"Organ|Post"`
	ReportTo        string   `yaml:"report_to,omitempty" json:"report_to,omitempty" ref:"Organ|Post" doc:"who the result is reported back to"`
	CollaborateWith []string `yaml:"collaborate_with,omitempty" json:"collaborate_with,omitempty" ref:"Organ|Post"`
	Given           *Date    `yaml:"given,omitempty" json:"given,omitempty"`
	Due             *Date    `yaml:"due,omitempty" json:"due,omitempty" doc:"last day to report back"`
	DueWindow       *Window  `yaml:"due_window,omitempty" json:"due_window,omitempty" doc:"when the report is due, if the source gives a period rather than a day (senare delen av 2022); instead of due"`
	Status          string   `yaml:"status,omitempty" json:"status,omitempty" enum:"assignment_status" doc:"open | reported | unknown; default reported if reported is given, else unknown. Only an open assignment can be overdue"`
	Reported        *Date    `yaml:"reported,omitempty" json:"reported,omitempty" doc:"day it was reported back, if it has been"`
	Topics          []string `yaml:"topics,omitempty" json:"topics,omitempty" ref:"Topic"`
	Description     string   `yaml:"description,omitempty" json:"description,omitempty"`
	Source          Source   `yaml:"source,omitempty" json:"source,omitempty"`
}

// Assignment statuses: only an open assignment past its due date is overdue; unknown says
// that the sources do not tell whether it was reported.
const (
	StatusOpen     = "open"
	StatusReported = "reported"
	StatusUnknown  = "unknown"
)

// EffectiveStatus is the status given, else reported when a report date is known, else
// unknown.
func (a Assignment) EffectiveStatus() string {
	switch {
	case a.Status != "":
		return a.Status
	case a.Reported != nil:
		return StatusReported
	}
	return StatusUnknown
}

// Window is a period given by its bounds (inclusive days) and, when the source words it
// loosely, its words ("senare delen av 2022").
type Window struct {
	From *Date  `yaml:"from,omitempty" json:"from,omitempty" doc:"first day (inclusive)"`
	To   *Date  `yaml:"to,omitempty" json:"to,omitempty" doc:"last day (inclusive)"`
	Text string `yaml:"text,omitempty" json:"text,omitempty" doc:"the period in the source's words"`
}

// Coverage declares what a dataset records completely, so that an absence can be told
// apart from a gap in the data. Within a declared, complete coverage an absence is a finding
// (a vacant seat, an organ under no uppsikt, a missing follow-up); outside it, or where the
// coverage is declared not complete, the answer is okänt (not recorded).
type Coverage struct {
	ID           string `yaml:"id" json:"id" required:"true"`
	What         string `yaml:"what" json:"what" required:"true" enum:"coverage_kind"`
	Organisation string `yaml:"organisation,omitempty" json:"organisation,omitempty" ref:"Organisation" doc:"every organ that belongs to this organisation (give organisation or organ)"`
	Organ        string `yaml:"organ,omitempty" json:"organ,omitempty" ref:"Organ" doc:"this organ, its seats and the organs that are part of it (give organisation or organ)"`
	Complete     *bool  `yaml:"complete,omitempty" json:"complete,omitempty" doc:"true (default): every instance in the period is recorded; false: declared as not covered"`
	From         *Date  `yaml:"from,omitempty" json:"from,omitempty" doc:"first day covered (inclusive); empty: since always"`
	To           *Date  `yaml:"to,omitempty" json:"to,omitempty" doc:"last day covered (inclusive); empty: still covered"`
	Description  string `yaml:"description,omitempty" json:"description,omitempty"`
	Source       Source `yaml:"source,omitempty" json:"source,omitempty"`
}

// IsComplete reports whether the coverage declares complete records (the default).
func (c Coverage) IsComplete() bool { return c.Complete == nil || *c.Complete }

// StaffFunction is a stabsfunktion of a förvaltning with its capacity.
type StaffFunction struct {
	ID       string   `yaml:"id" json:"id" required:"true"`
	Organ    string   `yaml:"organ" json:"organ" required:"true" ref:"Organ" doc:"the förvaltning"`
	Function string   `yaml:"function" json:"function" required:"true" doc:"a slug: one of the staff_function vocabulary, or a function of the dataset's own (give its name)"`
	Name     string   `yaml:"name,omitempty" json:"name,omitempty" doc:"Swedish name, for a function outside the staff_function vocabulary"`
	FTE      *float64 `yaml:"fte" json:"fte" required:"true" doc:"capacity in full-time equivalents (årsarbetare)"`
	Source   Source   `yaml:"source,omitempty" json:"source,omitempty"`
	Validity `yaml:",inline"`
}

// Relation is a directed relation between two items, of one of RelationKinds.
type Relation struct {
	Kind        string      `yaml:"kind" json:"kind" required:"true" enum:"relation_kind"`
	From        string      `yaml:"from" json:"from" required:"true" ref:"Organ|Post|Organisation"`
	To          string      `yaml:"to" json:"to" required:"true" ref:"Organ|Post|Organisation"`
	Description string      `yaml:"description,omitempty" json:"description,omitempty" doc:"what the relation means here, in the document's words"`
	Conditions  []Condition `yaml:"conditions,omitempty" json:"conditions,omitempty" doc:"when or on what terms the relation applies (after consulting, exception only)"`
	Source      Source      `yaml:"source,omitempty" json:"source,omitempty"`
	Validity    `yaml:",inline"`
}

// Dataset is the content of one dataset file. ID names the file's share of the graph:
// importing the file replaces everything previously imported under the same id.
type Dataset struct {
	ID             string          `yaml:"dataset" json:"dataset" required:"true" doc:"id of this dataset file, unique per file; import replaces what this dataset declared before"`
	Description    string          `yaml:"description,omitempty" json:"description,omitempty"`
	Coverage       []Coverage      `yaml:"coverage,omitempty" json:"coverage,omitempty" doc:"what this file records completely, and for which period"`
	Organisations  []Organisation  `yaml:"organisations,omitempty" json:"organisations,omitempty"`
	Documents      []Document      `yaml:"documents,omitempty" json:"documents,omitempty"`
	Topics         []Topic         `yaml:"topics,omitempty" json:"topics,omitempty"`
	People         []Person        `yaml:"people,omitempty" json:"people,omitempty"`
	Organs         []Organ         `yaml:"organs,omitempty" json:"organs,omitempty"`
	Posts          []Post          `yaml:"posts,omitempty" json:"posts,omitempty"`
	Mandates       []Mandate       `yaml:"mandates,omitempty" json:"mandates,omitempty"`
	Processes      []Process       `yaml:"processes,omitempty" json:"processes,omitempty"`
	ReportingRules []ReportingRule `yaml:"reporting_rules,omitempty" json:"reporting_rules,omitempty" doc:"who groups of a tier must report to; validation checks the reports_to relations against them"`
	Assignments    []Assignment    `yaml:"assignments,omitempty" json:"assignments,omitempty"`
	Meetings       []Meeting       `yaml:"meetings,omitempty" json:"meetings,omitempty"`
	Duties         []Duty          `yaml:"duties,omitempty" json:"duties,omitempty"`
	DutyRecords    []DutyRecord    `yaml:"duty_records,omitempty" json:"duty_records,omitempty" doc:"duties carried out: a follow-up made, a kallelse sent, a plan adopted"`
	StaffFunctions []StaffFunction `yaml:"staff_functions,omitempty" json:"staff_functions,omitempty"`
	StaffProfiles  []StaffProfile  `yaml:"staff_profiles,omitempty" json:"staff_profiles,omitempty" doc:"which stabsfunktioner a kind of förvaltning is expected to have"`
	Rules          []Rule          `yaml:"rules,omitempty" json:"rules,omitempty"`
	Relations      []Relation      `yaml:"relations,omitempty" json:"relations,omitempty"`
}

// Node is a stored item seen generically: its kind, properties and relationships. Detail
// views and fact checks use it where a typed answer would add nothing.
type Node struct {
	ID    string         `json:"id"`
	Label string         `json:"kind"`
	Props map[string]any `json:"properties"`
	Out   []Edge         `json:"out"`
	In    []Edge         `json:"in"`
}

// Edge is a relationship seen from one end: its type and the item at the other end.
type Edge struct {
	Type  string         `json:"type"`
	ID    string         `json:"id"`
	Label string         `json:"kind"`
	Props map[string]any `json:"properties,omitempty"`
}

// Targets lists the ids at the other end of the node's outgoing relationships of type typ.
func (n Node) Targets(typ string) []string { return ids(n.Out, typ) }

// Sources lists the ids at the other end of the node's incoming relationships of type typ.
func (n Node) Sources(typ string) []string { return ids(n.In, typ) }

func ids(edges []Edge, typ string) []string {
	var out []string
	for _, e := range edges {
		if e.Type == typ {
			out = append(out, e.ID)
		}
	}
	return out
}
