package graph

import (
	"fmt"
	"time"
)

// The documents' working rules as data: duties with deadlines, the meetings they hang on,
// the records that close them, conditions, processes and tiers, and the stabsfunktioner a
// förvaltning is expected to have.

// Duty is something an organ or a post must do, and by when: follow up a group, evaluate its
// work, send the kallelse seven days before each meeting, decide next year's meeting plan by
// 30/9, hold a yearly internat, a temadag per mandatperiod.
//
// Per says how often it recurs; Deadline says when each occurrence is due:
//   - meeting: for each meeting of the subject organ, OffsetDays from the meeting day
//     (-7: at the latest seven days before; 7: within a week after); without an offset
//     ("inför varje sammanträde") by the meeting day;
//   - year: by DayOfYear each year ("--09-30"), or by the end of the year when none is given;
//   - mandate_period: by the end of each mandatperiod;
//   - once: by Due;
//   - continuous, on_event, unspecified: no date; the duty is shown, never as missed.
//
// Triggers are requests or events that call for the duty besides its period ("när KRF
// särskilt påkallar det").
type Duty struct {
	ID          string      `yaml:"id" json:"id" required:"true"`
	Subject     string      `yaml:"subject" json:"subject" required:"true" ref:"Organ|Assignment" doc:"the organ or uppdrag the duty concerns"`
	By          string      `yaml:"by,omitempty" json:"by,omitempty" ref:"Organ|Post" doc:"who must do it; empty when the document does not say"`
	Action      string      `yaml:"action" json:"action" required:"true" enum:"duty_action"`
	Per         string      `yaml:"per" json:"per" required:"true" enum:"duty_period" doc:"how often: meeting | year | mandate_period | once | continuous | on_event | unspecified"`
	Deadline    *Deadline   `yaml:"deadline,omitempty" json:"deadline,omitempty" doc:"for per meeting: offset_days (default 0: by the meeting day); for per year: day_of_year"`
	Due         *Date       `yaml:"due,omitempty" json:"due,omitempty" doc:"for per once: the last day"`
	Triggers    []Trigger   `yaml:"triggers,omitempty" json:"triggers,omitempty" doc:"requests or events that call for the duty besides its period"`
	Conditions  []Condition `yaml:"conditions,omitempty" json:"conditions,omitempty"`
	Description string      `yaml:"description,omitempty" json:"description,omitempty"`
	Source      Source      `yaml:"source,omitempty" json:"source,omitempty"`
	Validity    `yaml:",inline"`
}

// Duty periods (the duty_period vocabulary).
const (
	PerMeeting       = "meeting"
	PerYear          = "year"
	PerMandatePeriod = "mandate_period"
	PerOnce          = "once"
	PerContinuous    = "continuous"
	PerOnEvent       = "on_event"
	PerUnspecified   = "unspecified"
)

// Duty actions that are follow-ups: the missing-follow-ups question asks about these.
const (
	ActionFollowUp = "follow_up"
	ActionEvaluate = "evaluate"
)

// IsFollowUp reports whether the duty is an uppföljning or utvärdering.
func (d Duty) IsFollowUp() bool { return d.Action == ActionFollowUp || d.Action == ActionEvaluate }

// Dated reports whether the duty's period gives its occurrences a last day.
func (d Duty) Dated() bool {
	switch d.Per {
	case PerMeeting, PerYear, PerMandatePeriod, PerOnce:
		return true
	}
	return false
}

// MaxMeetingOffset bounds a per-meeting deadline's offset_days: the calendar reads meetings
// this many days outside the year, so that a kallelse due in December for a January meeting
// is in December's calendar; a deadline further from its meeting would never be found.
const MaxMeetingOffset = 92

// Deadline places a duty's occurrences in time; see Duty.
type Deadline struct {
	OffsetDays *int   `yaml:"offset_days,omitempty" json:"offset_days,omitempty" signed:"true" doc:"per meeting: days from the meeting day, negative before (-7: senast sju dagar före)"`
	DayOfYear  string `yaml:"day_of_year,omitempty" json:"day_of_year,omitempty" doc:"per year: the last day each year as --MM-DD (--09-30: senast 30/9)"`
	Text       string `yaml:"text,omitempty" json:"text,omitempty" doc:"the deadline in the document's words"`
}

// DayOfYearIn returns the deadline's day in year y; ok is false without a day_of_year.
func (d *Deadline) DayOfYearIn(y int) (Date, bool) {
	if d == nil || d.DayOfYear == "" {
		return Date{}, false
	}
	t, err := time.Parse("--01-02", d.DayOfYear)
	if err != nil {
		return Date{}, false
	}
	return Date{time.Date(y, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}, true
}

// ParseDayOfYear checks a --MM-DD day.
func ParseDayOfYear(s string) error {
	t, err := time.Parse("--01-02", s)
	if err != nil || t.Format("--01-02") != s {
		return fmt.Errorf("%q is not a day of the year (--MM-DD, e.g. --09-30)", s)
	}
	return nil
}

// Trigger is a request or an event that calls for a duty.
type Trigger struct {
	By   string `yaml:"by,omitempty" json:"by,omitempty" ref:"Organ|Post" doc:"the organ or post that may call for it"`
	Text string `yaml:"text" json:"text" required:"true" doc:"the trigger in the document's words"`
}

// DutyRecord is a duty carried out: a follow-up made, a kallelse sent, a meeting plan
// adopted. It closes the occurrence it falls in (for a per-meeting duty: its meeting's).
type DutyRecord struct {
	ID       string `yaml:"id" json:"id" required:"true"`
	Duty     string `yaml:"duty" json:"duty" required:"true" ref:"Duty"`
	Date     *Date  `yaml:"date" json:"date" required:"true"`
	Meeting  string `yaml:"meeting,omitempty" json:"meeting,omitempty" ref:"Meeting" doc:"for a per-meeting duty: the meeting it was done for"`
	By       string `yaml:"by,omitempty" json:"by,omitempty" ref:"Organ|Post"`
	Document string `yaml:"document,omitempty" json:"document,omitempty" ref:"Document" doc:"where it is recorded"`
	Source   Source `yaml:"source,omitempty" json:"source,omitempty"`
}

// Meeting is a sammanträde of an organ, planned or held; per-meeting duties (kallelse,
// minnesanteckningar) fall due relative to it.
type Meeting struct {
	ID          string `yaml:"id" json:"id" required:"true"`
	Organ       string `yaml:"organ" json:"organ" required:"true" ref:"Organ"`
	Date        *Date  `yaml:"date" json:"date" required:"true"`
	Kind        string `yaml:"kind,omitempty" json:"kind,omitempty" enum:"meeting_kind" doc:"ordinary (default) | retreat (internat) | theme_day (temadag)"`
	Status      string `yaml:"status,omitempty" json:"status,omitempty" enum:"meeting_status" doc:"planned (default) | held | cancelled"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Source      Source `yaml:"source,omitempty" json:"source,omitempty"`
}

// Condition qualifies a relation, a seat, a mandate or a duty: what it needs, or when only
// it applies. Kinds that name someone (approval, consultation, a position taken, a request)
// give Ref; the others give Text.
type Condition struct {
	Kind string `yaml:"kind" json:"kind" required:"true" enum:"condition_kind"`
	Ref  string `yaml:"ref,omitempty" json:"ref,omitempty" ref:"Organ|Post|Organisation" doc:"whose approval, consultation, position or request it needs"`
	Text string `yaml:"text,omitempty" json:"text,omitempty" doc:"the condition in the document's words"`
}

// Condition kinds.
const (
	CondRequiresReason     = "requires_reason"
	CondRequiresApprovalOf = "requires_approval_of"
	CondAfterConsulting    = "after_consulting"
	CondAfterPositionOf    = "after_position_of"
	CondOnRequestOf        = "on_request_of"
	CondOnEvent            = "on_event"
	CondWhenNeeded         = "when_needed"
	CondExceptionOnly      = "exception_only"
)

// ConditionNeedsRef reports whether a condition of the kind names someone.
func ConditionNeedsRef(kind string) bool {
	switch kind {
	case CondRequiresApprovalOf, CondAfterConsulting, CondAfterPositionOf, CondOnRequestOf:
		return true
	}
	return false
}

// Mandate statuses: only an in-force mandate decides today.
const (
	MandateInForce   = "in_force"
	MandatePotential = "potential"
	MandatePlanned   = "planned"
	MandateRepealed  = "repealed"
)

// EffectiveStatus is the status given, else in_force.
func (m Mandate) EffectiveStatus() string {
	if m.Status == "" {
		return MandateInForce
	}
	return m.Status
}

// Process is a process an organisation organises its groups by: a huvudprocess (hälso- och
// sjukvård, regional utveckling…) owned by a koncernledning, or a stödjande process.
type Process struct {
	ID           string `yaml:"id" json:"id" required:"true"`
	Name         string `yaml:"name" json:"name" required:"true"`
	Kind         string `yaml:"kind" json:"kind" required:"true" enum:"process_kind" doc:"main (huvudprocess) | support (stödjande process)"`
	Organisation string `yaml:"organisation" json:"organisation" required:"true" ref:"Organisation"`
	Owner        string `yaml:"owner,omitempty" json:"owner,omitempty" ref:"Organ|Post" doc:"who is responsible for the process (for a huvudprocess: its koncernledning)"`
	Description  string `yaml:"description,omitempty" json:"description,omitempty"`
	Source       Source `yaml:"source,omitempty" json:"source,omitempty"`
}

// Organ tiers (the organ_tier vocabulary).
const (
	TierManagement     = "management"
	TierMainProcess    = "main_process"
	TierSupportProcess = "support_process"
)

// ReportingRule says whom the groups of one tier in an organisation report to: the owner of
// their process, every organ of another tier, and named organs or posts. Validation checks
// that a reports_to relation states each such line.
type ReportingRule struct {
	ID             string   `yaml:"id" json:"id" required:"true"`
	Organisation   string   `yaml:"organisation" json:"organisation" required:"true" ref:"Organisation"`
	Tier           string   `yaml:"tier" json:"tier" required:"true" enum:"organ_tier" doc:"the groups the rule is about"`
	ToProcessOwner bool     `yaml:"to_process_owner,omitempty" json:"to_process_owner,omitempty" doc:"each group reports to the owner of its process"`
	ToTier         string   `yaml:"to_tier,omitempty" json:"to_tier,omitempty" enum:"organ_tier" doc:"each group reports to every organ of this tier in the organisation"`
	To             []string `yaml:"to,omitempty" json:"to,omitempty" ref:"Organ|Post" doc:"each group reports to these as well"`
	Source         Source   `yaml:"source,omitempty" json:"source,omitempty"`
}

// StaffProfile is the stabsfunktioner a kind of förvaltning is expected to have: a gap is a
// function the profile expects and the förvaltning lacks, never a function missing from a
// fixed list. A profile applies to the organs it names, or to every organ of OrganKind in
// Organisation.
type StaffProfile struct {
	ID           string   `yaml:"id" json:"id" required:"true"`
	Name         string   `yaml:"name" json:"name" required:"true" doc:"the kind of förvaltning, in Swedish (styrelsens förvaltning, driftförvaltning)"`
	Organisation string   `yaml:"organisation,omitempty" json:"organisation,omitempty" ref:"Organisation"`
	OrganKind    string   `yaml:"organ_kind,omitempty" json:"organ_kind,omitempty" enum:"organ_kind" doc:"with organisation: every organ of this kind there"`
	Organs       []string `yaml:"organs,omitempty" json:"organs,omitempty" ref:"Organ" doc:"the förvaltningar the profile applies to"`
	Functions    []string `yaml:"functions" json:"functions" required:"true" doc:"the stabsfunktioner expected (slugs, as in staff_functions)"`
	Description  string   `yaml:"description,omitempty" json:"description,omitempty"`
	Source       Source   `yaml:"source,omitempty" json:"source,omitempty"`
	Validity     `yaml:",inline"`
}
