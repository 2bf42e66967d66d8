package graph

import (
	"fmt"
	"strings"
	"testing"
)

func TestBuildCalendarPlacesEachKindOfDeadline(t *testing.T) {
	minus7, plus7 := -7, 7
	group := Ref{ID: "g", Kind: "Organ", Name: "Gruppen"}
	stated := SourceRef{Document: "ao", Section: "2.5", Basis: BasisStated, Quote: "senast sju dagar"}
	meetings := []MeetingRef{
		{ID: "m-jan", Date: MustDate("2027-01-13"), Status: "planned", Source: SourceRef{Basis: BasisIllustrative}},
		{ID: "m-mar", Date: MustDate("2027-03-10"), Status: "held", Source: SourceRef{Document: "plan", Basis: BasisStated}},
		{ID: "m-cancel", Date: MustDate("2027-05-12"), Status: "cancelled", Source: SourceRef{Basis: BasisStated}},
		{ID: "m-internat", Date: MustDate("2027-05-19"), Kind: "retreat", Status: "planned", Source: SourceRef{Basis: BasisStated}},
		{ID: "m-dec", Date: MustDate("2027-12-29"), Status: "planned", Source: SourceRef{Basis: BasisStated}},
		{ID: "m-next", Date: MustDate("2028-01-05"), Status: "planned", Source: SourceRef{Basis: BasisStated}},
	}
	duties := []CalendarDuty{
		{DutyRef: DutyRef{ID: "kallelse", Action: "send_notice", Per: PerMeeting, OffsetDays: &minus7, Source: stated}, Subject: group,
			Meetings: meetings, Records: []DutyDone{{Date: MustDate("2027-03-01"), Meeting: "m-mar"}}},
		{DutyRef: DutyRef{ID: "minnes", Action: "send_minutes", Per: PerMeeting, OffsetDays: &plus7, Source: stated}, Subject: group,
			Meetings: meetings},
		{DutyRef: DutyRef{ID: "plan", Action: "decide_meeting_plan", Per: PerYear, DayOfYear: "--09-30", Deadline: "senast 30/9", Source: stated},
			Subject: group, Records: []DutyDone{{Date: MustDate("2026-09-23")}, {Date: MustDate("2027-09-22")}}},
		{DutyRef: DutyRef{ID: "internat", Action: "hold_retreat", Per: PerYear, Source: stated}, Subject: group},
		{DutyRef: DutyRef{ID: "temadag", Action: "hold_theme_day", Per: PerMandatePeriod, Source: stated}, Subject: group,
			Records: []DutyDone{{Date: MustDate("2025-05-14")}}},
		{DutyRef: DutyRef{ID: "once-2026", Action: "report_back", Per: PerOnce, Due: ptr(MustDate("2026-06-30")), Source: stated}, Subject: group},
		{DutyRef: DutyRef{ID: "fortlopande", Action: "follow_up", Per: PerContinuous, Source: stated}, Subject: group},
	}
	assignments := []CalendarAssignment{
		{OverdueAssignment: OverdueAssignment{Assignment: Ref{ID: "u-open", Name: "Öppet uppdrag"}, Due: MustDate("2027-02-28"), Status: StatusOpen, Source: stated}},
		{OverdueAssignment: OverdueAssignment{Assignment: Ref{ID: "u-unknown", Name: "Okänt uppdrag"}, Due: MustDate("2027-06-30"), DueText: "första halvåret 2027", Status: StatusUnknown, Source: stated}},
		{OverdueAssignment: OverdueAssignment{Assignment: Ref{ID: "u-done", Name: "Klart uppdrag"}, Due: MustDate("2027-04-30"), Status: StatusReported, Source: stated}, Reported: ptr(MustDate("2027-04-01"))},
		{OverdueAssignment: OverdueAssignment{Assignment: Ref{ID: "u-2028", Name: "Nästa år"}, Due: MustDate("2028-01-31"), Status: StatusOpen, Source: stated}},
	}
	at := MustDate("2027-06-01")
	c := BuildCalendar(Ref{ID: "o", Name: "Org"}, 2027, at, "", duties, assignments)

	var got []string
	for _, e := range c.Entries {
		line := fmt.Sprintf("%s %s %s %s", e.Due, e.UID, e.Status, e.Basis)
		if e.From != nil {
			line += " from " + e.From.String()
		}
		if e.Done != nil {
			line += " done " + e.Done.String()
		}
		got = append(got, line)
	}
	want := []string{
		// The January meeting's kallelse fell due in 2027 too; its minutes a week after.
		"2027-01-06 kallelse/m-jan not_recorded illustrative",
		"2027-01-20 minnes/m-jan not_recorded illustrative",
		"2027-02-28 u-open overdue stated",
		"2027-03-03 kallelse/m-mar done stated done 2027-03-01",
		"2027-03-17 minnes/m-mar not_recorded stated",
		"2027-04-30 u-done done stated done 2027-04-01",
		// The cancelled May meeting has no deadlines, nor has the internat: it is no sammanträde.
		"2027-06-30 u-unknown upcoming stated",
		// Last year's plan does not close this year's; a plan adopted after at has not happened yet.
		"2027-09-30 plan/2027 upcoming stated from 2027-01-01",
		"2027-12-22 kallelse/m-dec upcoming stated",
		// The next meeting's kallelse (2027-12-29) belongs to this year; the December minutes to next year.
		"2027-12-29 kallelse/m-next upcoming stated",
		"2027-12-31 internat/2027 upcoming stated from 2027-01-01",
		// The mandatperiod that covers 2027 ends in 2030; the temadag held in the previous one does not count.
		"2030-10-14 temadag/2026-10-15 upcoming stated from 2026-10-15",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Undated) != 1 || c.Undated[0].ID != "fortlopande" {
		t.Errorf("undated = %+v, want the continuous duty", c.Undated)
	}

	stated2027 := BuildCalendar(Ref{}, 2027, at, BasisStated, duties, assignments)
	for _, e := range stated2027.Entries {
		if e.Meeting != nil && e.Meeting.ID == "m-jan" {
			t.Errorf("basis stated keeps %s, a deadline of an illustrative meeting", e.UID)
		}
	}
	if len(stated2027.Entries) != len(c.Entries)-2 {
		t.Errorf("basis stated: %d entries, want %d (all but the two of the illustrative meeting)", len(stated2027.Entries), len(c.Entries)-2)
	}
}

func TestBuildCalendarElectionYearHasTwoMandatePeriods(t *testing.T) {
	d := CalendarDuty{DutyRef: DutyRef{ID: "utv", Action: "evaluate", Per: PerMandatePeriod}, Subject: Ref{Name: "G"},
		Records: []DutyDone{{Date: MustDate("2024-03-20")}}}
	c := BuildCalendar(Ref{}, 2026, MustDate("2026-12-01"), "", []CalendarDuty{d}, nil)
	var got []string
	for _, e := range c.Entries {
		got = append(got, e.UID+" "+e.Due.String()+" "+e.Status)
	}
	want := "utv/2022-10-15 2026-10-14 done, utv/2026-10-15 2030-10-14 upcoming"
	if strings.Join(got, ", ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, ", "), want)
	}
}

func ptr[T any](v T) *T { return &v }
