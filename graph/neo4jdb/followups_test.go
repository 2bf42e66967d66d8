package neo4jdb_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func day(d *graph.Date) string {
	if d == nil {
		return "-"
	}
	return d.String()
}

// renderMissing writes each row as "subject duty start..end last:date status".
func renderMissing(rows []graph.MissingFollowUp) []string {
	out := []string{}
	for _, r := range rows {
		start := ""
		if r.PeriodStart != nil {
			start = r.PeriodStart.String()
		}
		out = append(out, fmt.Sprintf("%s %s %s..%s last:%s %s", r.Subject.ID, r.Duty.ID, start, r.PeriodEnd, day(r.LastFollowUp), r.Status))
	}
	return out
}

// renderOverdue writes each row as "assignment given_by>given_to report:report_to due:date".
func renderOverdue(rows []graph.OverdueAssignment) []string {
	out := []string{}
	for _, r := range rows {
		report := "-"
		if r.ReportTo != nil {
			report = r.ReportTo.ID
		}
		out = append(out, fmt.Sprintf("%s %s>%s report:%s due:%s", r.Assignment.ID, r.GivenBy.ID, r.GivenTo.ID, report, r.Due))
	}
	return out
}

func TestMissingFollowUps(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/followups.yaml")
	for _, tc := range []struct {
		org     string
		year    int
		at      string
		missing []string
		overdue []string
	}{
		// Grupp Alfa was followed up in 2026, Grupp Beta only in 2025. Grupp Gamma's follow-up of
		// 2026-10-20 came after the 2022–2026 mandatperiod ended on 2026-10-14. The duty for
		// Grupp Delta began in 2026. Nedlagd grupp is gone, but the assignment it gave still
		// counts. fu-a-done was followed up; fu-a-reported-late was reported by 2026-11-24 and
		// fu-a-future is not due yet.
		{"fu-region", 2026, "2026-11-24", []string{
			"fu-g2 fu-d-g2 2026-01-01..2026-12-31 last:2025-11-12 due",
			"fu-g4 fu-d-g4 2026-01-01..2026-12-31 last:- due",
			"fu-g3 fu-d-g3 2022-10-15..2026-10-14 last:2022-03-23 overdue",
			"fu-a-late fu-d-a-late ..2025-06-30 last:- overdue",
			"fu-a-old fu-d-a-old ..2024-01-31 last:- overdue",
		}, []string{
			"fu-a-old fu-old>fu-rsau report:fu-rsau due:2024-01-31",
			"fu-a-late fu-rsau>fu-kontor report:fu-rsau due:2025-06-30",
			"fu-a-chef fu-kontor-chef>fu-g1 report:- due:2026-01-31",
		}},
		// Before the mandatperiod ends Grupp Gamma is still due; fu-a-reported-late is overdue
		// until it is reported on 2026-09-01.
		{"fu-region", 2026, "2026-06-01", []string{
			"fu-g2 fu-d-g2 2026-01-01..2026-12-31 last:2025-11-12 due",
			"fu-g4 fu-d-g4 2026-01-01..2026-12-31 last:- due",
			"fu-g3 fu-d-g3 2022-10-15..2026-10-14 last:2022-03-23 due",
			"fu-a-late fu-d-a-late ..2025-06-30 last:- overdue",
			"fu-a-old fu-d-a-old ..2024-01-31 last:- overdue",
		}, []string{
			"fu-a-old fu-old>fu-rsau report:fu-rsau due:2024-01-31",
			"fu-a-reported-late fu-rsau>fu-kontor report:fu-rsau due:2025-03-31",
			"fu-a-late fu-rsau>fu-kontor report:fu-rsau due:2025-06-30",
			"fu-a-chef fu-kontor-chef>fu-g1 report:- due:2026-01-31",
		}},
		// 2027 is in the 2026–2030 mandatperiod, which Grupp Gamma's 2026-10-20 follow-up covers.
		{"fu-region", 2027, "2026-11-24", []string{
			"fu-g1 fu-d-g1 2027-01-01..2027-12-31 last:2026-03-04 due",
			"fu-g2 fu-d-g2 2027-01-01..2027-12-31 last:2025-11-12 due",
			"fu-g4 fu-d-g4 2027-01-01..2027-12-31 last:- due",
			"fu-a-late fu-d-a-late ..2025-06-30 last:- overdue",
			"fu-a-old fu-d-a-old ..2024-01-31 last:- overdue",
		}, []string{
			"fu-a-old fu-old>fu-rsau report:fu-rsau due:2024-01-31",
			"fu-a-late fu-rsau>fu-kontor report:fu-rsau due:2025-06-30",
			"fu-a-chef fu-kontor-chef>fu-g1 report:- due:2026-01-31",
		}},
		// As of 2025-07-01, Grupp Beta's follow-up of 2025-11-12 has not happened yet; Grupp
		// Delta's duty has not begun; fu-a-chef has not been given yet.
		{"fu-region", 2025, "2025-07-01", []string{
			"fu-g2 fu-d-g2 2025-01-01..2025-12-31 last:- due",
			"fu-g3 fu-d-g3 2022-10-15..2026-10-14 last:2022-03-23 due",
			"fu-a-late fu-d-a-late ..2025-06-30 last:- overdue",
			"fu-a-old fu-d-a-old ..2024-01-31 last:- overdue",
		}, []string{
			"fu-a-old fu-old>fu-rsau report:fu-rsau due:2024-01-31",
			"fu-a-reported-late fu-rsau>fu-kontor report:fu-rsau due:2025-03-31",
			"fu-a-late fu-rsau>fu-kontor report:fu-rsau due:2025-06-30",
		}},
		// In 2023 Nedlagd grupp still existed; no once-duty was due by the end of 2023.
		{"fu-region", 2023, "2023-12-01", []string{
			"fu-g1 fu-d-g1 2023-01-01..2023-12-31 last:- due",
			"fu-g2 fu-d-g2 2023-01-01..2023-12-31 last:- due",
			"fu-g3 fu-d-g3 2022-10-15..2026-10-14 last:2022-03-23 due",
			"fu-old fu-d-old 2023-01-01..2023-12-31 last:- due",
		}, []string{}},
		// The joint group belongs to both kommuner.
		{"fu-kommun-a", 2026, "2026-11-24", []string{"fu-joint fu-d-joint 2026-01-01..2026-12-31 last:- due"}, []string{}},
		// Kommun B keeps no declared follow-up records: its own group's missing follow-up is not
		// a finding (the joint group's is, through Kommun A's records).
		{"fu-kommun-b", 2026, "2026-11-24", []string{
			"fu-joint fu-d-joint 2026-01-01..2026-12-31 last:- due",
			"fu-b-grupp fu-d-b-grupp 2026-01-01..2026-12-31 last:- not_recorded",
		}, []string{}},
		// All organisations: the joint group once.
		{"", 2026, "2026-11-24", []string{
			"fu-joint fu-d-joint 2026-01-01..2026-12-31 last:- due",
			"fu-g2 fu-d-g2 2026-01-01..2026-12-31 last:2025-11-12 due",
			"fu-g4 fu-d-g4 2026-01-01..2026-12-31 last:- due",
			"fu-g3 fu-d-g3 2022-10-15..2026-10-14 last:2022-03-23 overdue",
			"fu-b-grupp fu-d-b-grupp 2026-01-01..2026-12-31 last:- not_recorded",
			"fu-a-late fu-d-a-late ..2025-06-30 last:- overdue",
			"fu-a-old fu-d-a-old ..2024-01-31 last:- overdue",
		}, []string{
			"fu-a-old fu-old>fu-rsau report:fu-rsau due:2024-01-31",
			"fu-a-late fu-rsau>fu-kontor report:fu-rsau due:2025-06-30",
			"fu-a-chef fu-kontor-chef>fu-g1 report:- due:2026-01-31",
		}},
		{"fu-empty", 2026, "2026-11-24", []string{}, []string{}},
		{"fu-gone", 2020, "2020-06-01", []string{}, []string{}},
	} {
		name := fmt.Sprintf("MissingFollowUps(%q, %d, %s)", tc.org, tc.year, tc.at)
		got, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: tc.org, Year: tc.year, At: graph.MustDate(tc.at)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Missing == nil || got.OverdueAssignments == nil {
			t.Errorf("%s: nil lists (they should be empty, not null, in JSON)", name)
		}
		sameLines(t, name+" missing", renderMissing(got.Missing), tc.missing)
		sameLines(t, name+" overdue", renderOverdue(got.OverdueAssignments), tc.overdue)
	}

	got, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", Year: 2026, At: graph.MustDate("2026-11-24")})
	if err != nil {
		t.Fatal(err)
	}
	// At least inferred: the illustrative record-keeping no longer makes absences findings,
	// and duties and uppdrag without a source or with an illustrative one drop out.
	inferred, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", Year: 2026, At: graph.MustDate("2026-11-24"), MinBasis: graph.BasisInferred})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "missing follow-ups, at least inferred", renderMissing(inferred.Missing), []string{
		"fu-g2 fu-d-g2 2026-01-01..2026-12-31 last:2025-11-12 not_recorded",
		"fu-g4 fu-d-g4 2026-01-01..2026-12-31 last:- not_recorded",
		"fu-g3 fu-d-g3 2022-10-15..2026-10-14 last:2022-03-23 not_recorded",
		"fu-a-late fu-d-a-late ..2025-06-30 last:- not_recorded",
	})
	sameLines(t, "overdue, at least inferred", renderOverdue(inferred.OverdueAssignments), []string{"fu-a-late fu-rsau>fu-kontor report:fu-rsau due:2025-06-30"})
	if _, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", At: graph.MustDate("2026-11-24"), MinBasis: "documented"}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("an unknown basis: %v, want EINVALID", err)
	}

	// Past its due window with no known report: listed apart, with the source's words, and
	// not as overdue. Before the window ends it is not listed at all.
	sameLines(t, "past due, status unknown", renderOverdue(got.PastDueUnknown), []string{"fu-a-unknown fu-rsau>fu-kontor report:fu-rsau due:2025-12-31"})
	if u := got.PastDueUnknown[0]; u.DueText != "andra halvåret 2025" || u.Status != graph.StatusUnknown {
		t.Errorf("past due unknown = %+v, want due text and status unknown", u)
	}
	if early, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", Year: 2025, At: graph.MustDate("2025-10-01")}); err != nil || len(early.PastDueUnknown) != 0 {
		t.Errorf("before the window ends: %+v, %v; want nothing past due", early.PastDueUnknown, err)
	}
	wantGamma := graph.MissingFollowUp{
		Subject: graph.Ref{ID: "fu-g3", Kind: "Organ", Name: "Grupp Gamma"},
		Duty:    graph.DutyRef{ID: "fu-d-g3", Action: "follow_up", Per: "mandate_period", Description: "Utvärdering en gång per mandatperiod"},
		Source:  graph.SourceRef{Document: "fu-doc", DocumentTitle: "Arbetsordning", Section: "2.9", Basis: graph.BasisInferred},
	}
	if g := got.Missing[2]; g.Subject != wantGamma.Subject || !reflect.DeepEqual(g.Duty, wantGamma.Duty) || g.Source != wantGamma.Source {
		t.Errorf("Grupp Gamma's row = %+v, want subject, duty and source %+v", g, wantGamma)
	}
	late := got.Missing[3]
	if late.Subject != (graph.Ref{ID: "fu-a-late", Kind: "Assignment", Name: "Kartlägg stabsfunktionerna"}) ||
		late.Duty.Per != "once" || day(late.Duty.Due) != "2025-06-30" || late.PeriodStart != nil ||
		late.Source != (graph.SourceRef{Document: "fu-beslut", DocumentTitle: "Beslut om uppdrag", Section: "§12", Basis: graph.BasisInferred}) {
		t.Errorf("fu-a-late's row = %+v", late)
	}
	wantLate := graph.OverdueAssignment{
		Assignment: graph.Ref{ID: "fu-a-late", Kind: "Assignment", Name: "Kartlägg stabsfunktionerna"},
		GivenBy:    graph.Ref{ID: "fu-rsau", Kind: "Organ", Name: "Arbetsutskottet"},
		GivenTo:    graph.Ref{ID: "fu-kontor", Kind: "Organ", Name: "Regionkontoret"},
		ReportTo:   &graph.Ref{ID: "fu-rsau", Kind: "Organ", Name: "Arbetsutskottet"},
		Due:        graph.MustDate("2025-06-30"),
		Source:     graph.SourceRef{Document: "fu-beslut", DocumentTitle: "Beslut om uppdrag", Section: "§12", Basis: graph.BasisInferred},
	}
	if o := got.OverdueAssignments[1]; o.Assignment != wantLate.Assignment || o.GivenBy != wantLate.GivenBy || o.GivenTo != wantLate.GivenTo ||
		o.ReportTo == nil || *o.ReportTo != *wantLate.ReportTo || !o.Due.Equal(wantLate.Due.Time) || day(o.Given) != "2024-02-01" || o.Source != wantLate.Source || o.Status != graph.StatusOpen {
		t.Errorf("overdue fu-a-late = %+v, want %+v", o, wantLate)
	}
	if chef := got.OverdueAssignments[2]; chef.GivenBy != (graph.Ref{ID: "fu-kontor-chef", Kind: "Post", Name: "Regiondirektör"}) {
		t.Errorf("fu-a-chef given by %+v, want the post", chef.GivenBy)
	}
	if got, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Year: 2026, At: graph.MustDate("2026-11-24")}); err != nil || got.Missing[0].Source != (graph.SourceRef{Basis: graph.BasisIllustrative}) {
		t.Errorf("the joint group's duty is illustrative: %+v, %v", got.Missing, err)
	}

	for _, missing := range []struct {
		org  string
		year int
	}{{"no-such", 2026}, {"fu-gone", 2026}} {
		if _, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: missing.org, Year: missing.year, At: graph.MustDate("2026-11-24")}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("MissingFollowUps(%s, %d) = %v, want ENOTFOUND", missing.org, missing.year, err)
		}
	}
	for _, year := range []int{-1, 999, 10000} {
		_, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", Year: year, At: graph.MustDate("2026-11-24")})
		if want := fmt.Sprintf("year: want a whole number from 1000 to 9999, got %d", year); graph.ErrorCode(err) != graph.EINVALID || graph.ErrorMessage(err) != want {
			t.Errorf("MissingFollowUps(year %d) = %v, want EINVALID: %s", year, err, want)
		}
	}
	// Year 0 means the year of the as-of date.
	defaulted, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", At: graph.MustDate("2026-11-24")})
	if err != nil || defaulted.Year != 2026 || !slices.Equal(renderMissing(defaulted.Missing), renderMissing(got.Missing)) {
		t.Errorf("MissingFollowUps(year 0 on 2026-11-24) = year %d, %v, %v; want the answer for 2026", defaulted.Year, renderMissing(defaulted.Missing), err)
	}
	if _, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "fu-region", Year: 2026}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("MissingFollowUps without a date = %v, want EINVALID", err)
	}
}
