package graph

import "cmp"

// Answers to the questions styrgraf exists for. Each is computed as of a date: only items
// and relations valid on that day take part.

// Ref names an item in an answer.
type Ref struct {
	ID   string `json:"id"`
	Kind string `json:"kind"` // Organ, Post, Person, Mandate…
	Name string `json:"name"`
}

// SourceRef is a source with its document's title, for citing, and the basis on which the
// dataset asserts the fact: stated (Quote holds the document's words), inferred (Reasoning
// says from what) or illustrative (made-up example data). An empty Basis means the dataset
// gives no source at all.
type SourceRef struct {
	Document      string `json:"document,omitempty"`
	DocumentTitle string `json:"document_title,omitempty"`
	Section       string `json:"section,omitempty"`
	Basis         string `json:"basis,omitempty"`
	Quote         string `json:"quote,omitempty"`
	Reasoning     string `json:"reasoning,omitempty"`
}

// basisRank orders bases from the strongest claim to none.
// Generated data ranks with illustrative: neither rests on a document.
var basisRank = map[string]int{"stated": 3, "inferred": 2, "illustrative": 1, "generated": 1}

// WeakestBasis is the basis of a fact that rests on all of the given ones: a chain is no
// more documented than its least documented link. A missing basis counts as weakest.
func WeakestBasis(bases ...string) string {
	weakest := ""
	for i, b := range bases {
		if i == 0 || basisRank[b] < basisRank[weakest] {
			weakest = b
		}
	}
	return weakest
}

// MeetsBasis reports whether a fact of basis has at least the basis min ("" admits all).
func MeetsBasis(basis, min string) bool {
	return min == "" || basisRank[basis] >= basisRank[min]
}

// EscalationStep is one organ or post on the way up.
type EscalationStep struct {
	Ref
	Organ      string         `json:"organ,omitempty"`      // for a post: the organ it is a seat of
	Via        string         `json:"via,omitempty"`        // relationship type that led here (REPORTS_TO…); empty for the start
	Note       string         `json:"note,omitempty"`       // the relation's description, if the dataset gives one
	Conditions []ConditionRef `json:"conditions,omitempty"` // of the relation that led here (exception_only: escalation is the exception)
	Source     SourceRef      `json:"source,omitempty"`
	Holders    []Ref          `json:"holders,omitempty"` // for a post: who holds it on the date (through ex officio seats too)
}

// EscalationChain is one path from the start to the top. Cycle is set when the path came
// back to a step it had passed; CycleTo names that step.
type EscalationChain struct {
	Steps   []EscalationStep `json:"steps"`
	Cycle   bool             `json:"cycle,omitempty"`
	CycleTo string           `json:"cycle_to,omitempty"`
}

// MandateRef is a mandate in an answer, with its source.
type MandateRef struct {
	ID         string         `json:"id"`
	Scope      string         `json:"scope"`
	Level      string         `json:"level"`
	Status     string         `json:"status"`           // in_force, or potential/planned/repealed: not a power to decide today
	Holder     string         `json:"holder,omitempty"` // name of the organ or post that holds it
	Conditions []ConditionRef `json:"conditions,omitempty"`
	Source     SourceRef      `json:"source"`
}

// Decision answers "who decides X?" once: a mandate, who holds it on the date, and the
// delegation path from it back to the original power (Path[0] is the mandate itself).
type Decision struct {
	Mandate MandateRef   `json:"mandate"`
	Match   string       `json:"match"`  // how what was typed matched the scope or topic: one of MatchClasses
	Direct  bool         `json:"direct"` // the mandate's scope matched, not only its topic
	Holder  Ref          `json:"holder"`
	Organ   string       `json:"organ,omitempty"` // for a post holder: its organ
	People  []Ref        `json:"people"`          // who holds the post on the date
	Path    []MandateRef `json:"delegation_path"`
}

// WhoDecidesAnswer is one page of decisions. When no mandate matches, Related lists the
// organs and topics that do, so that "nobody decides this" is never said of something the
// graph holds; NothingMatched says that nothing at all matched what was typed, within
// Organisation when the question named one.
type WhoDecidesAnswer struct {
	List[Decision]
	Related        []SearchHit `json:"related,omitempty"`
	NothingMatched bool        `json:"nothing_matched"`
	Organisation   string      `json:"organisation,omitempty"`
}

// Change is one thing that started or ended between two dates.
type Change struct {
	Date   Date   `json:"date"`
	Change string `json:"change"` // started | ended (Date is then the last valid day)
	What   string `json:"what"`   // Organ, Post, Mandate, StaffFunction, HOLDS, REPORTS_TO…
	ID     string `json:"id"`     // item id, or "from>to" for a relationship
	Name   string `json:"name"`
	Detail string `json:"detail,omitempty"`
}

// Seat is a post of an organ as of a date, with who holds it.
type Seat struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Kind       string         `json:"kind"`
	MaxHolders int            `json:"max_holders"` // 0: no limit
	ExOfficio  *Ref           `json:"ex_officio,omitempty"`
	Holders    []Ref          `json:"holders"`
	Conditions []ConditionRef `json:"conditions,omitempty"` // when the seat may be filled
	Source     SourceRef      `json:"source"`
}

// Vacant reports whether nobody holds the seat.
func (s Seat) Vacant() bool { return len(s.Holders) == 0 }

// RelationView is a relation of an organ seen from the organ: its type and the other end.
type RelationView struct {
	Type        string         `json:"type"`
	Other       Ref            `json:"other"`
	Description string         `json:"description,omitempty"`
	Conditions  []ConditionRef `json:"conditions,omitempty"`
	Source      SourceRef      `json:"source"`
}

// DutyRef is a duty in an answer: what must be done, how often and by when.
type DutyRef struct {
	ID          string         `json:"id"`
	Action      string         `json:"action"`                // one of the duty_action vocabulary
	Per         string         `json:"per"`                   // one of the duty_period vocabulary
	By          *Ref           `json:"by,omitempty"`          // nil: the documents do not say who
	OffsetDays  *int           `json:"offset_days,omitempty"` // per meeting: days from the meeting
	DayOfYear   string         `json:"day_of_year,omitempty"` // per year: --MM-DD
	Deadline    string         `json:"deadline,omitempty"`    // the deadline in the document's words
	Due         *Date          `json:"due,omitempty"`         // per once
	Description string         `json:"description,omitempty"`
	Triggers    []TriggerRef   `json:"triggers,omitempty"`
	Conditions  []ConditionRef `json:"conditions,omitempty"`
	Source      SourceRef      `json:"source"`
}

// ConditionRef is a condition in an answer: its kind, whom it names and its words.
type ConditionRef struct {
	Kind string `json:"kind"` // one of the condition_kind vocabulary
	Ref  *Ref   `json:"ref,omitempty"`
	Text string `json:"text,omitempty"`
}

// TriggerRef is what may call for a duty besides its period.
type TriggerRef struct {
	By   *Ref   `json:"by,omitempty"`
	Text string `json:"text"`
}

// RuleRef is a working rule in an answer.
type RuleRef struct {
	ID     string    `json:"id"`
	Kind   string    `json:"kind"`
	Text   string    `json:"text"`
	Source SourceRef `json:"source"`
}

// StaffFTE is one stabsfunktion's capacity.
type StaffFTE struct {
	Function string  `json:"function"`
	FTE      float64 `json:"fte"`
}

// OrganDetail is everything about one organ on a date.
type OrganDetail struct {
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	ShortName      string         `json:"short_name,omitempty"`
	Kind           string         `json:"kind"`
	Category       string         `json:"category"`
	Decides        bool           `json:"decides"`
	Statutory      bool           `json:"statutory"`
	Description    string         `json:"description,omitempty"`
	Source         SourceRef      `json:"source"`
	Organisations  []Ref          `json:"organisations"`     // the primary one first
	Tier           string         `json:"tier,omitempty"`    // management | main_process | support_process
	Process        *Ref           `json:"process,omitempty"` // the process it works in
	PartOf         []Ref          `json:"part_of"`
	Parts          []Ref          `json:"parts"`
	Seats          []Seat         `json:"seats"`
	Out            []RelationView `json:"relations_out"`
	In             []RelationView `json:"relations_in"`
	Mandates       []MandateRef   `json:"mandates"`
	Duties         []DutyRef      `json:"duties"`
	Rules          []RuleRef      `json:"rules"`
	StaffFunctions []StaffFTE     `json:"staff_functions"`
}

// SubtreeOrgan is one organ of a subtree with its seats.
type SubtreeOrgan struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	ShortName    string `json:"short_name,omitempty"`
	Kind         string `json:"kind"`
	Category     string `json:"category"`
	Organisation string `json:"organisation"`
	Level        int    `json:"level"`            // 0 for the root
	Parent       string `json:"parent,omitempty"` // the organ it is part of
	Seats        []Seat `json:"seats"`
}

// CompareOrgans is the order organs of a tree are listed and drawn in: by level, then name,
// then id.
func CompareOrgans(a, b SubtreeOrgan) int {
	return cmp.Or(cmp.Compare(a.Level, b.Level), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
}

// EdgeRef is a relationship between two items of an answer.
type EdgeRef struct {
	Type string `json:"type"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Subtree is an organ with its parts down to some depth, their seats and the relations
// between them: what an org diagram draws.
type Subtree struct {
	Root   string         `json:"root"`
	Name   string         `json:"name,omitempty"` // an organisation graph: the organisation's name
	Organs []SubtreeOrgan `json:"organs"`         // by level, then name
	Edges  []EdgeRef      `json:"edges"`
	// An organisation graph names its sources: the datasets its organs and seats come from
	// and the documents they cite (Name is the title), each sorted.
	Datasets  []string `json:"datasets,omitempty"`
	Documents []Ref    `json:"documents,omitempty"`
}

// SearchHit is one thing found by name.
type SearchHit struct {
	ID           string `json:"id"`
	Kind         string `json:"kind"` // Organ, Post, Person, Topic, Organisation
	Name         string `json:"name"`
	Organisation string `json:"organisation,omitempty"`
	Organ        string `json:"organ,omitempty"` // for a seat (Post): the id of its organ
	Match        string `json:"match"`           // why it matched: one of MatchClasses
}

// PersonSeat is a seat a person holds on a date; Via names the post they hold directly when
// the seat is held ex officio.
type PersonSeat struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Organ     Ref    `json:"organ"`
	Via       *Ref   `json:"via,omitempty"`
	ValidFrom *Date  `json:"valid_from,omitempty"`
	ValidTo   *Date  `json:"valid_to,omitempty"`
}

// PersonDetail is a person and their seats on a date.
type PersonDetail struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Email       string       `json:"email,omitempty"`
	Placeholder bool         `json:"placeholder,omitempty"`
	Seats       []PersonSeat `json:"seats"`
	History     []PersonSeat `json:"history"` // every seat held directly, on any day, earliest first
}
