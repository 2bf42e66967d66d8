package graph

import "time"

// Answers to "which groups have had no follow-up this year?" and "is
// every nämnd, bolag, stiftelse and joint activity under uppsikt?".

// Follow-up frequencies (the frequency vocabulary).
const (
	FrequencyYearly        = "yearly"
	FrequencyMandatePeriod = "mandate_period"
	FrequencyOnce          = "once"
)

// Follow-up statuses: a missing follow-up is overdue once the last day to do it (the end of
// its period, or a once-duty's due date) has passed, and due until then. Both are findings
// only where the dataset declares its follow-up records complete (a Coverage of kind
// follow_ups); elsewhere no recorded follow-up says nothing, and the status is not_recorded.
const (
	StatusDue         = "due"
	StatusOverdue     = "overdue"
	StatusNotRecorded = "not_recorded"
)

// FollowUpReport lists, for an organisation and a year, the follow-up duties without a
// follow-up in the period that contains the year, and the assignments that are overdue on
// the report date.
type FollowUpReport struct {
	Organisation       string              `json:"organisation,omitempty"` // empty: all organisations
	Year               int                 `json:"year"`
	At                 Date                `json:"at"`
	Missing            []MissingFollowUp   `json:"missing"`
	OverdueAssignments []OverdueAssignment `json:"overdue_assignments"`
	// PastDueUnknown are uppdrag past their due day whose report the sources do not record
	// either way (status unknown): okänt, not a finding.
	PastDueUnknown []OverdueAssignment `json:"past_due_status_unknown"`
}

// MissingFollowUp is a duty with no follow-up in its period. For a yearly duty the period is
// the calendar year, for a mandate_period duty the mandatperiod that contains 1 January of
// the year; a once-duty has no start (any follow-up at all fulfils it) and ends on its due
// date.
type MissingFollowUp struct {
	Subject      Ref       `json:"subject"` // the organ or assignment to follow up
	Duty         DutyRef   `json:"duty"`
	PeriodStart  *Date     `json:"period_start,omitempty"`
	PeriodEnd    Date      `json:"period_end"`
	LastFollowUp *Date     `json:"last_follow_up,omitempty"` // latest follow-up on or before the period end
	Status       string    `json:"status"`                   // StatusDue, StatusOverdue or StatusNotRecorded
	Source       SourceRef `json:"source,omitempty"`         // where the duty is laid down
}

// OverdueAssignment is an uppdrag past its due date that has not been reported back.
type OverdueAssignment struct {
	Assignment Ref       `json:"assignment"`
	GivenBy    Ref       `json:"given_by"`
	GivenTo    Ref       `json:"given_to"`
	ReportTo   *Ref      `json:"report_to,omitempty"`
	Given      *Date     `json:"given,omitempty"`
	Due        Date      `json:"due"`                // the last due day
	DueText    string    `json:"due_text,omitempty"` // the source's words, when it gives a period ("senare delen av 2022")
	Status     string    `json:"status"`             // open (overdue: a finding) or unknown
	Source     SourceRef `json:"source,omitempty"`
}

// MandatePeriod returns the mandatperiod that contains day d: periods start on 15 October of
// the election years (2018, 2022, 2026, …, every fourth year) and last four years.
func MandatePeriod(d Date) (start, end Date) {
	y := d.Year()
	if d.Month() < time.October || d.Month() == time.October && d.Day() < 15 {
		y-- // before this year's 15 October: the period started in an earlier year
	}
	election := y - ((y-2018)%4+4)%4
	start = Date{time.Date(election, time.October, 15, 0, 0, 0, 0, time.UTC)}
	end = Date{time.Date(election+4, time.October, 14, 0, 0, 0, 0, time.UTC)}
	// Dates are written YYYY-MM-DD: a period that would end after year 9999 ends with it.
	return start, Date{minTime(end.Time, lastDay)}
}

// lastDay is the last day a date can be written as YYYY-MM-DD.
var lastDay = time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)

func minTime(a, b time.Time) time.Time {
	if a.After(b) {
		return b
	}
	return a
}

// UppsiktKinds are the organ kinds that kommunallagen 6 kap. 1 § puts under the styrelse's
// uppsikt: nämnder (also gemensamma nämnder and krisledningsnämnden), bolag, stiftelser,
// kommunalförbund and joint activities.
var UppsiktKinds = []string{"namnd", "gemensam_namnd", "krisledningsnamnd", "bolag", "stiftelse", "kommunalforbund", "gemensam_verksamhet"}

// OversightRow says whether one organisation's styrelse has uppsikt over one organ. An organ
// that belongs to several organisations has one row per organisation.
type OversightRow struct {
	Organ        Ref       `json:"organ"`
	OrganKind    string    `json:"organ_kind"`
	Organisation Ref       `json:"organisation"`       // whose styrelse should have uppsikt
	Styrelse     *Ref      `json:"styrelse,omitempty"` // nil: the organisation has no styrelse on the date
	Status       string    `json:"status"`             // OversightCovered, OversightNotCovered or OversightUnknown
	Basis        string    `json:"basis"`              // of the row: the weakest link of the uppsikt path, or of the coverage that makes a gap a finding
	Via          []Ref     `json:"via,omitempty"`      // organs between the styrelse and the organ, if uppsikt is indirect
	Source       SourceRef `json:"source,omitempty"`   // of the OVERSEES relationship that reaches the organ
}

// Oversight statuses. A missing uppsikt path is a finding only where the dataset declares
// its uppsikt relations complete (a Coverage of kind oversight); elsewhere it is unknown.
const (
	OversightCovered    = "covered"
	OversightNotCovered = "not_covered"
	OversightUnknown    = "unknown"
)
