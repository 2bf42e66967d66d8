package graph

import (
	"cmp"
	"slices"
	"time"
)

// The governance calendar (årshjul): for an organisation and a year, every dated obligation
// the documents lay down, in date order, each with its source and basis.

// CalendarQuery asks for an organisation's calendar for a year (default: At's year). At is
// the day the statuses are judged on; MinBasis, if set, admits only duties and uppdrag of at
// least that basis.
type CalendarQuery struct {
	Organisation string
	Year         int
	At           Date
	MinBasis     string
}

// Validate checks the query and fills in the default year.
func (q *CalendarQuery) Validate() error {
	if q.Organisation == "" {
		return Errorf(EINVALID, "organisation: required")
	}
	f := FollowUpQuery{Organisation: q.Organisation, Year: q.Year, At: q.At, MinBasis: q.MinBasis}
	if err := f.Validate(); err != nil {
		return err
	}
	q.Year = f.Year
	return nil
}

// Calendar is an organisation's obligations in a year. Undated lists the duties the
// documents give no date (continuous, on an event, unspecified): they bind all year, but
// nothing in them can be late.
type Calendar struct {
	Organisation Ref             `json:"organisation"`
	Year         int             `json:"year"`
	At           Date            `json:"at"`
	Entries      []CalendarEntry `json:"entries"`
	Undated      []CalendarDuty  `json:"undated"`
}

// CalendarEntry is one occurrence of an obligation: a duty's (for one meeting, one year,
// one mandatperiod, or once) or an uppdrag's report. UID is stable across runs and imports,
// so that a subscribed calendar updates an entry instead of adding it again.
type CalendarEntry struct {
	UID        string      `json:"uid"`
	Due        Date        `json:"due"`            // the last day
	From       *Date       `json:"from,omitempty"` // the first day of the period it belongs to (year, mandatperiod, due window)
	Subject    Ref         `json:"subject"`        // the organ or uppdrag it concerns
	Duty       *DutyRef    `json:"duty,omitempty"`
	Assignment *Ref        `json:"assignment,omitempty"`
	Meeting    *MeetingRef `json:"meeting,omitempty"`  // for a per-meeting duty: the meeting it hangs on
	DueText    string      `json:"due_text,omitempty"` // the deadline in the source's words
	Status     string      `json:"status"`             // CalendarDone, CalendarUpcoming, CalendarNotRecorded or CalendarOverdue
	Basis      string      `json:"basis"`              // of the entry: the weakest of the duty's and its meeting's (a deadline before an illustrative meeting is illustrative)
	Done       *Date       `json:"done,omitempty"`     // the record that closes it
	Source     SourceRef   `json:"source"`
}

// Calendar statuses. Past obligations with no record are not_recorded, not missed: the
// calendar is a plan; whether an absence is a finding is for the follow-up question, which
// knows what the dataset declares complete. Only an uppdrag whose dataset says it is still
// open is overdue.
const (
	CalendarDone        = "done"
	CalendarUpcoming    = "upcoming"
	CalendarNotRecorded = "not_recorded"
	CalendarOverdue     = "overdue"
)

// MeetingRef is a meeting in an answer.
type MeetingRef struct {
	ID     string    `json:"id"`
	Date   Date      `json:"date"`
	Kind   string    `json:"kind"`
	Status string    `json:"status"`
	Source SourceRef `json:"source"`
}

// CalendarDuty is a duty with what the calendar needs to place it: its subject, the
// subject's meetings and the records that carried it out.
type CalendarDuty struct {
	DutyRef
	Subject  Ref          `json:"subject"`
	Meetings []MeetingRef `json:"-"`
	Records  []DutyDone   `json:"-"`
}

// DutyDone is a record of a duty carried out.
type DutyDone struct {
	Date    Date
	Meeting string // the meeting it was for, if any
}

// CalendarAssignment is an uppdrag with a due day.
type CalendarAssignment struct {
	OverdueAssignment
	Reported *Date
}

// BuildCalendar places duties and uppdrag in year, judged on at: the occurrences whose last
// day falls in the year (a mandatperiod duty: each period that overlaps the year, due at its
// end), in date order. Entries whose basis is below minBasis are left out.
func BuildCalendar(org Ref, year int, at Date, minBasis string, duties []CalendarDuty, assignments []CalendarAssignment) Calendar {
	c := Calendar{Organisation: org, Year: year, At: at, Entries: []CalendarEntry{}, Undated: []CalendarDuty{}}
	yearStart := Date{time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)}
	yearEnd := Date{time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)}
	inYear := func(d Date) bool { return !d.Before(yearStart.Time) && !d.After(yearEnd.Time) }
	for _, d := range duties {
		entry := func(key string, due Date, from *Date) CalendarEntry {
			ref := d.DutyRef
			return CalendarEntry{UID: d.ID + "/" + key, Due: due, From: from, Subject: d.Subject, Duty: &ref,
				DueText: d.Deadline, Source: d.Source, Basis: d.Source.Basis}
		}
		switch d.Per {
		case PerMeeting:
			for _, m := range d.Meetings {
				due := m.Date.AddDays(derefOr(d.OffsetDays, 0))
				// Kallelse and minnesanteckningar belong to sammanträden: an internat or a
				// temadag is a meeting of another kind, and a cancelled one has no deadlines.
				if m.Status == "cancelled" || m.Kind != "" && m.Kind != "ordinary" || !inYear(due) {
					continue
				}
				e := entry(m.ID, due, nil)
				e.Meeting, e.Basis = &m, WeakestBasis(d.Source.Basis, m.Source.Basis)
				done := func(r DutyDone) bool { return r.Meeting == m.ID }
				c.Entries = append(c.Entries, judge(e, d.Records, done, at))
			}
		case PerYear:
			due, ok := (&Deadline{DayOfYear: d.DayOfYear}).DayOfYearIn(year)
			if !ok {
				due = yearEnd
			}
			from := yearStart
			c.Entries = append(c.Entries, judge(entry(yearKey(year), due, &from), d.Records, within(from, due), at))
		case PerMandatePeriod:
			for _, day := range []Date{yearStart, yearEnd} {
				start, end := MandatePeriod(day)
				if day == yearEnd && start.Before(yearStart.Time) {
					break // one period covers the whole year
				}
				c.Entries = append(c.Entries, judge(entry(start.String(), end, &start), d.Records, within(start, end), at))
			}
		case PerOnce:
			if d.Due != nil && inYear(*d.Due) {
				c.Entries = append(c.Entries, judge(entry("once", *d.Due, nil), d.Records, func(DutyDone) bool { return true }, at))
			}
		default:
			c.Undated = append(c.Undated, d)
		}
	}
	for _, a := range assignments {
		if !inYear(a.Due) {
			continue
		}
		ref := a.Assignment
		e := CalendarEntry{UID: a.Assignment.ID, Due: a.Due, Subject: a.Assignment, Assignment: &ref, DueText: a.DueText,
			Source: a.Source, Basis: a.Source.Basis}
		switch {
		case a.Status == StatusReported:
			e.Status, e.Done = CalendarDone, a.Reported
		case !a.Due.Before(at.Time):
			e.Status = CalendarUpcoming
		case a.Status == StatusOpen:
			e.Status = CalendarOverdue
		default:
			e.Status = CalendarNotRecorded
		}
		c.Entries = append(c.Entries, e)
	}
	c.Entries = slices.DeleteFunc(c.Entries, func(e CalendarEntry) bool { return !MeetsBasis(e.Basis, minBasis) })
	slices.SortFunc(c.Entries, func(a, b CalendarEntry) int {
		return cmp.Or(a.Due.Compare(b.Due.Time), cmp.Compare(a.Subject.Name, b.Subject.Name), cmp.Compare(a.UID, b.UID))
	})
	slices.SortFunc(c.Undated, func(a, b CalendarDuty) int {
		return cmp.Or(cmp.Compare(a.Subject.Name, b.Subject.Name), cmp.Compare(a.ID, b.ID))
	})
	return c
}

// judge sets an entry's status from the records (dated on or before at) that close it.
func judge(e CalendarEntry, records []DutyDone, closes func(DutyDone) bool, at Date) CalendarEntry {
	for _, r := range records {
		if !r.Date.After(at.Time) && closes(r) && (e.Done == nil || r.Date.After(e.Done.Time)) {
			day := r.Date
			e.Done = &day
		}
	}
	switch {
	case e.Done != nil:
		e.Status = CalendarDone
	case !e.Due.Before(at.Time):
		e.Status = CalendarUpcoming
	default:
		e.Status = CalendarNotRecorded
	}
	return e
}

func within(from, to Date) func(DutyDone) bool {
	return func(r DutyDone) bool { return !r.Date.Before(from.Time) && !r.Date.After(to.Time) }
}

func yearKey(y int) string { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

func derefOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

// AddDays returns the day n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return Date{d.Time.AddDate(0, 0, n)} }
