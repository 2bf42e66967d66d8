package neo4jdb_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// The governance calendar of Region Halland on the examples: halland-samverkan.yaml lays
// down CGH's duties from its arbetsordning (kallelse 2.5, minnesanteckningar 2.6, internat
// 2.7, sammanträdesplan 2.8, utvärdering 2.9, temadag 3.3) and holds six illustrative
// ordinary meetings in 2027 and an illustrative internat on 2027-05-19; the 2027 plan was
// adopted (illustratively) on 2026-09-16.
func TestExamplesCalendar(t *testing.T) {
	db := importExamples(t)
	at := graph.MustDate("2026-12-04")
	cal, err := db.Calendar(context.Background(), graph.CalendarQuery{Organisation: "region-halland", Year: 2027, At: at})
	if err != nil {
		t.Fatal(err)
	}
	byUID := map[string]graph.CalendarEntry{}
	for _, e := range cal.Entries {
		byUID[e.UID] = e
	}
	plan, ok := byUID["cgh-beslut-sammantradesplan/2027"]
	if !ok || plan.Due.String() != "2027-09-30" || plan.Status != graph.CalendarUpcoming || plan.Basis != graph.BasisStated ||
		plan.Source.Document != "cgh-arbetsordning" || plan.Source.Section != "2.8" || plan.Source.Quote == "" {
		t.Errorf("CGH's sammanträdesplan 2027 = %+v, want due 2027-09-30, upcoming, stated in the arbetsordning 2.8 with its words", plan)
	}
	// A kallelse seven days before each ordinary 2027 meeting, illustrative as the meetings are.
	var notices []string
	for _, e := range cal.Entries {
		if e.Duty != nil && e.Duty.Action == "send_notice" && e.Subject.ID == "cgh" {
			notices = append(notices, e.Due.String()+" "+e.Meeting.Date.String()+" "+e.Basis)
		}
	}
	wantNotices := []string{
		"2027-02-03 2027-02-10 illustrative", "2027-04-07 2027-04-14 illustrative", "2027-06-02 2027-06-09 illustrative",
		"2027-09-08 2027-09-15 illustrative", "2027-11-03 2027-11-10 illustrative", "2027-12-01 2027-12-08 illustrative",
	}
	if strings.Join(notices, ", ") != strings.Join(wantNotices, ", ") {
		t.Errorf("CGH's kallelse deadlines:\n%s\nwant (none for the internat):\n%s", strings.Join(notices, "\n"), strings.Join(wantNotices, "\n"))
	}
	if temadag, ok := byUID["cgh-temadag/2026-10-15"]; !ok || temadag.Due.String() != "2030-10-14" || temadag.From.String() != "2026-10-15" {
		t.Errorf("CGH's temadag in the mandatperiod 2026–2030 = %+v", temadag)
	}
	if !slices.IsSortedFunc(cal.Entries, func(a, b graph.CalendarEntry) int { return a.Due.Compare(b.Due.Time) }) {
		t.Error("entries are not in date order")
	}

	// The plan adopted on 2026-09-16 closes the 2026 occurrence.
	cal2026, err := db.Calendar(context.Background(), graph.CalendarQuery{Organisation: "region-halland", Year: 2026, At: at})
	if err != nil {
		t.Fatal(err)
	}
	var plan2026 *graph.CalendarEntry
	for i, e := range cal2026.Entries {
		if e.UID == "cgh-beslut-sammantradesplan/2026" {
			plan2026 = &cal2026.Entries[i]
		}
	}
	if plan2026 == nil || plan2026.Status != graph.CalendarDone || plan2026.Done == nil || plan2026.Done.String() != "2026-09-16" {
		t.Errorf("CGH's sammanträdesplan 2026 = %+v, want done on 2026-09-16", plan2026)
	}
}
