package neo4jdb_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// renderCalendar writes each entry as "due uid status basis [from …] [done …]".
func renderCalendar(c graph.Calendar) string {
	var out []string
	for _, e := range c.Entries {
		line := fmt.Sprintf("%s %s %s %s", e.Due, e.UID, e.Status, e.Basis)
		if e.From != nil {
			line += " from " + e.From.String()
		}
		if e.Done != nil {
			line += " done " + e.Done.String()
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func TestCalendar(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/rules.yaml")
	ctx := context.Background()

	cal, err := db.Calendar(ctx, graph.CalendarQuery{Organisation: "ru-region", Year: 2027, At: graph.MustDate("2027-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		// Before an illustrative meeting the kallelse deadline is illustrative too.
		"2027-01-06 ru-kallelse/ru-m-jan not_recorded illustrative",
		// The record for the March meeting closes its kallelse. The cancelled May meeting
		// has none; the January 2028 meeting's is in 2028; Ledningsforum's meeting is not
		// the group's.
		"2027-03-03 ru-kallelse/ru-m-mar done stated done 2027-03-01",
		"2027-06-30 ru-uppdrag upcoming stated",
		// The plan adopted in 2026 was last year's.
		"2027-09-30 ru-plan/2027 upcoming stated from 2027-01-01",
		"2027-12-31 ru-internat/2027 done stated from 2027-01-01 done 2027-04-14",
		"2030-10-14 ru-utvardering/2026-10-15 upcoming stated from 2026-10-15",
	}, "\n")
	if got := renderCalendar(cal); got != want {
		t.Errorf("calendar 2027:\n%s\nwant:\n%s", got, want)
	}
	if cal.Organisation != (graph.Ref{ID: "ru-region", Kind: "Organisation", Name: "Regionen"}) || cal.Year != 2027 {
		t.Errorf("organisation, year = %+v, %d", cal.Organisation, cal.Year)
	}
	plan := cal.Entries[3]
	if plan.Duty == nil || plan.Duty.By == nil || plan.Duty.By.Name != "Gruppen" || plan.DueText != "senast 30/9" ||
		plan.Source != (graph.SourceRef{Document: "ru-ao", DocumentTitle: "Arbetsordning för Gruppen", Section: "2.8", Basis: graph.BasisStated, Quote: "senast 30/9"}) {
		t.Errorf("the plan's entry = %+v (duty %+v)", plan, plan.Duty)
	}
	kallelse := cal.Entries[0]
	if kallelse.Meeting == nil || kallelse.Meeting.Date.String() != "2027-01-13" || kallelse.Duty.By == nil || kallelse.Duty.By.Name != "Ordförande" ||
		kallelse.Duty.OffsetDays == nil || *kallelse.Duty.OffsetDays != -7 {
		t.Errorf("the January kallelse = %+v (duty %+v)", kallelse, kallelse.Duty)
	}
	utv := cal.Entries[5].Duty
	if wantTriggers := []graph.TriggerRef{{By: &graph.Ref{ID: "ru-forum", Name: "Ledningsforum"}, Text: "när forumet särskilt påkallar det"}}; !reflect.DeepEqual(utv.Triggers, wantTriggers) {
		t.Errorf("evaluation triggers = %+v, want %+v", utv.Triggers, wantTriggers)
	}
	if len(cal.Undated) != 1 || cal.Undated[0].ID != "ru-fortlopande" || cal.Undated[0].Subject.Name != "Strategisk grupp" {
		t.Errorf("undated = %+v, want the continuous follow-up of the strategisk grupp", cal.Undated)
	}

	// Past its due day, the open uppdrag is overdue; the January meeting's kallelse is left
	// out when only stated facts count.
	later, err := db.Calendar(ctx, graph.CalendarQuery{Organisation: "ru-region", Year: 2027, At: graph.MustDate("2027-07-15"), MinBasis: graph.BasisStated})
	if err != nil {
		t.Fatal(err)
	}
	wantLater := strings.Join([]string{
		"2027-03-03 ru-kallelse/ru-m-mar done stated done 2027-03-01",
		"2027-06-30 ru-uppdrag overdue stated",
		"2027-09-30 ru-plan/2027 upcoming stated from 2027-01-01",
		"2027-12-31 ru-internat/2027 done stated from 2027-01-01 done 2027-04-14",
		"2030-10-14 ru-utvardering/2026-10-15 upcoming stated from 2026-10-15",
	}, "\n")
	if got := renderCalendar(later); got != wantLater {
		t.Errorf("calendar 2027, stated only, on 2027-07-15:\n%s\nwant:\n%s", got, wantLater)
	}

	if _, err := db.Calendar(ctx, graph.CalendarQuery{Organisation: "ru-nowhere", At: graph.MustDate("2027-01-01")}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v, want ENOTFOUND", err)
	}
	if _, err := db.Calendar(ctx, graph.CalendarQuery{At: graph.MustDate("2027-01-01")}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("no organisation: %v, want EINVALID", err)
	}
}

func TestConditionsPotentialMandatesAndHierarchyInAnswers(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/rules.yaml")
	ctx := context.Background()
	at := graph.MustDate("2027-01-01")

	d, err := db.OrganDetail(ctx, "ru-grupp", at)
	if err != nil {
		t.Fatal(err)
	}
	var substitute *graph.Seat
	for i := range d.Seats {
		if d.Seats[i].ID == "ru-ersattare" {
			substitute = &d.Seats[i]
		}
	}
	wantConds := []graph.ConditionRef{
		{Kind: graph.CondRequiresReason, Text: "särskilda skäl"},
		{Kind: graph.CondRequiresApprovalOf, Ref: &graph.Ref{ID: "ru-ordf", Name: "Ordförande"}, Text: "efter överenskommelse med ordföranden"},
	}
	if substitute == nil || !reflect.DeepEqual(substitute.Conditions, wantConds) {
		t.Errorf("the ersättare seat = %+v, want conditions %+v", substitute, wantConds)
	}
	var duties []string
	for _, du := range d.Duties {
		duties = append(duties, du.ID+":"+du.Action+"/"+du.Per)
	}
	if got, want := strings.Join(duties, " "), "ru-internat:hold_retreat/year ru-kallelse:send_notice/meeting ru-plan:decide_meeting_plan/year ru-utvardering:evaluate/mandate_period"; got != want {
		t.Errorf("the group's duties = %s, want %s", got, want)
	}
	if len(d.Parts) != 1 || d.Parts[0].ID != "ru-sg" {
		t.Errorf("parts = %+v, want the strategisk grupp organised under the group", d.Parts)
	}
	sub, err := db.OrganSubtree(ctx, graph.SubtreeQuery{ID: "ru-grupp", At: at, Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Organs) != 2 {
		t.Errorf("subtree of the group has %d organs, want 2 (the group and its strategisk grupp)", len(sub.Organs))
	}

	ans, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: "samverkansfrågor", At: at})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Items) != 1 {
		t.Fatalf("who decides samverkansfrågor: %+v, want the potential mandate", ans.Items)
	}
	m := ans.Items[0].Mandate
	if m.Status != graph.MandatePotential || !reflect.DeepEqual(m.Conditions, []graph.ConditionRef{{Kind: graph.CondAfterPositionOf, Ref: &graph.Ref{ID: "ru-forum", Name: "Ledningsforum"}}}) {
		t.Errorf("mandate = %+v, want status potential after a position taken by Ledningsforum", m)
	}

	esc, err := db.Escalation(ctx, graph.EscalationQuery{ID: "ru-sg", At: at})
	if err != nil {
		t.Fatal(err)
	}
	if len(esc.Items) == 0 || len(esc.Items[0].Steps) < 2 {
		t.Fatalf("escalation from the strategisk grupp: %+v", esc.Items)
	}
	step := esc.Items[0].Steps[1]
	if step.ID != "ru-ordf" || step.Via != "ESCALATES_TO" ||
		!reflect.DeepEqual(step.Conditions, []graph.ConditionRef{{Kind: graph.CondExceptionOnly, Text: "Huvudregeln är att frågor inte ska behöva eskaleras"}}) {
		t.Errorf("first step up = %+v, want ESCALATES_TO the chair, as the exception", step)
	}
}
