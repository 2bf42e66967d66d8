package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	goical "github.com/emersion/go-ical"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestAsk(t *testing.T) {
	neo4jdbtest.MustOpen(t)
	if status, _, errOut := cli(t, "import", "../../examples"); status != 0 {
		t.Fatalf("import examples: %s", errOut)
	}

	status, out, errOut := cli(t, "ask", "escalation", "-at", "2026-11-24", "vgr-sr-ortopedi")
	if status != 0 {
		t.Fatalf("ask escalation: %d %s", status, errOut)
	}
	for _, want := range []string{"ESCALATES_TO", "Koncernledning hälso- och sjukvård", "Regionfullmäktige"} {
		if !strings.Contains(out, want) {
			t.Errorf("escalation table lacks %q:\n%s", want, out)
		}
	}

	status, out, errOut = cli(t, "ask", "who-decides", "-json", "-organisation", "region-halland", "stabsfunktioner")
	if status != 0 {
		t.Fatalf("ask who-decides: %d %s", status, errOut)
	}
	var answer graph.WhoDecidesAnswer
	if err := json.Unmarshal([]byte(out), &answer); err != nil || len(answer.Items) == 0 || answer.Items[0].Holder.ID != "rh-rsau" || answer.Total != len(answer.Items) {
		t.Errorf("who-decides JSON: %v, %+v", err, answer)
	}

	// The årshjul: CGH's sammanträdesplan is due 30/9 by its arbetsordning 2.8 (stated);
	// -ics prints iCalendar that a parser reads, with the same entry.
	status, out, errOut = cli(t, "ask", "calendar", "-at", "2026-12-04", "-organisation", "region-halland", "-year", "2027")
	if status != 0 {
		t.Fatalf("ask calendar: %d %s", status, errOut)
	}
	if !slices.ContainsFunc(strings.Split(out, "\n"), func(l string) bool {
		return strings.HasPrefix(l, "2027-09-30") && strings.Contains(l, "decide_meeting_plan") && strings.Contains(l, "stated") &&
			strings.Contains(l, "Arbetsordning för Chefsgrupp Halland (CGH) 2.8")
	}) {
		t.Errorf("the calendar lacks CGH's sammanträdesplan on 2027-09-30 with its source:\n%s", out)
	}
	status, out, errOut = cli(t, "ask", "calendar", "-at", "2026-12-04", "-organisation", "region-halland", "-year", "2027", "-ics")
	if status != 0 {
		t.Fatalf("ask calendar -ics: %d %s", status, errOut)
	}
	cal, err := goical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("ask calendar -ics does not parse: %v\n%.500s", err, out)
	}
	found := false
	for _, c := range cal.Children {
		if uid := c.Props.Get(goical.PropUID); uid != nil && uid.Value == "cgh-beslut-sammantradesplan/2027@styrgraf" {
			// To be done during the year, by 30/9: a VTODO due that day.
			found = c.Name == "VTODO" && c.Props.Get(goical.PropDue) != nil && c.Props.Get(goical.PropDue).Value == "20270930"
		}
	}
	if !found {
		t.Error("the iCalendar lacks CGH's sammanträdesplan on 2027-09-30")
	}

	// Stabsfunktioner: gaps are what a profile expects and a förvaltning lacks, named in
	// Swedish; no driftförvaltning is expected to have uppsikt.
	status, out, errOut = cli(t, "ask", "staff-functions", "-at", "2026-11-24", "-organisation", "region-halland")
	if status != 0 {
		t.Fatalf("ask staff-functions: %d %s", status, errOut)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		lines[strings.Join(strings.Fields(l), " ")] = true
	}
	for _, want := range []string{
		"Exempelförvaltning B 29.5 IT illustrative Driftförvaltning (illustrative)",
		"Exempelförvaltning A 56 none illustrative Driftförvaltning (illustrative)",
		"Exempelförvaltning B uppsikt och internkontroll 1.5 no",
		"Regionkontoret uppsikt och internkontroll 6 yes",
		"Regionkontoret strategi- och policydokument, mål och budget 5 yes",
	} {
		if !lines[want] {
			t.Errorf("staff-functions table lacks the line %q:\n%s", want, out)
		}
	}
	status, out, errOut = cli(t, "ask", "staff-functions", "-json", "-at", "2026-11-24", "-organisation", "region-halland", "-basis", "stated")
	if status != 0 {
		t.Fatalf("ask staff-functions -json: %d %s", status, errOut)
	}
	var staff []graph.StaffFunctionRow
	if err := json.Unmarshal([]byte(out), &staff); err != nil || len(staff) != 4 || staff[0].Status != graph.StaffNoExpectation ||
		staff[3].Status != graph.StaffGapsUnknown || len(staff[3].Profiles) != 1 || staff[3].Profiles[0].Source.Basis != graph.BasisStated {
		t.Errorf("staff-functions JSON on stated facts: %v, %+v", err, staff)
	}

	if status, _, errOut = cli(t, "ask", "no-such-question"); status != 2 || !strings.Contains(errOut, "who-decides") {
		t.Errorf("unknown question: status %d, stderr %s", status, errOut)
	}
	if status, _, errOut = cli(t, "ask", "organ", "no-such-organ"); status != 1 || !strings.Contains(errOut, "no organ") {
		t.Errorf("unknown organ: status %d, stderr %s", status, errOut)
	}
	if status, _, errOut = cli(t, "ask", "changes", "-organisation", "region-halland"); status != 1 || !strings.Contains(errOut, "from: required") {
		t.Errorf("changes without dates: status %d, stderr %s", status, errOut)
	}
}
