package governance_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/governance"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// fakeSource answers from hand-written data and pages lists as the real store does, so the
// gauges' arithmetic and paging are checked against numbers written here, not against the
// store's own answers.
type fakeSource struct {
	orgs      []graph.Ref
	trees     map[string]graph.Subtree
	seats     map[string]graph.SeatsReport
	followUps map[string]graph.FollowUpReport
	oversight map[string][]graph.OversightRow
	staff     map[string][]graph.StaffFunctionRow
	pageSize  int // the store pages lists at most this many at a time
}

func (f *fakeSource) Organisations(context.Context, graph.Date) ([]graph.Ref, error) {
	return f.orgs, nil
}

func (f *fakeSource) OrganisationGraph(_ context.Context, q graph.OrganisationGraphQuery) (graph.Subtree, error) {
	t, ok := f.trees[q.Organisation]
	if !ok {
		return t, graph.Errorf(graph.ENOTFOUND, "no organisation %q", q.Organisation)
	}
	return t, nil
}

func (f *fakeSource) Seats(_ context.Context, q graph.SeatsQuery) (graph.SeatsReport, error) {
	return f.seats[q.Organisation], nil
}

func (f *fakeSource) MissingFollowUps(_ context.Context, q graph.FollowUpQuery) (graph.FollowUpReport, error) {
	return f.followUps[q.Organisation], nil
}

func (f *fakeSource) OversightCoverage(_ context.Context, q graph.OrganisationQuery) (graph.List[graph.OversightRow], error) {
	return paged(f.oversight[q.Organisation], q.Page, f.pageSize), nil
}

func (f *fakeSource) StaffFunctions(_ context.Context, q graph.OrganisationQuery) (graph.List[graph.StaffFunctionRow], error) {
	return paged(f.staff[q.Organisation], q.Page, f.pageSize), nil
}

func paged[T any](all []T, p graph.Page, max int) graph.List[T] {
	p.Limit = min(p.Limit, max)
	return graph.PageOf(all, p)
}

func row(org, status string) graph.OversightRow {
	return graph.OversightRow{Organisation: graph.Ref{ID: org}, Status: status}
}

func TestGaugesFromAnswers(t *testing.T) {
	src := &fakeSource{
		orgs: []graph.Ref{{ID: "a"}, {ID: "b"}},
		trees: map[string]graph.Subtree{"a": {Organs: []graph.SubtreeOrgan{
			{Kind: "namnd", Seats: make([]graph.Seat, 3)}, {Kind: "namnd", Seats: make([]graph.Seat, 2)}, {Kind: "bolag"},
		}}},
		seats: map[string]graph.SeatsReport{"a": {
			Vacant: make([]graph.VacantSeat, 2), ExOfficioVacant: make([]graph.ExOfficioVacancy, 1), WithoutChair: make([]graph.OrganWithoutChair, 1),
		}},
		// Four missing follow-ups and one the dataset does not record (not a finding); one
		// overdue uppdrag and one past due whose report status is unknown (not a finding).
		followUps: map[string]graph.FollowUpReport{"a": {
			Missing:            append(make([]graph.MissingFollowUp, 4), graph.MissingFollowUp{Status: graph.StatusNotRecorded}),
			OverdueAssignments: make([]graph.OverdueAssignment, 1), PastDueUnknown: make([]graph.OverdueAssignment, 1),
		}},
		// Six rows over pages of two: three gaps of a's own, one covered, one gap that is b's
		// (a joint activity) and so not a's, and one a's dataset does not record (not a finding).
		oversight: map[string][]graph.OversightRow{"a": {row("a", graph.OversightNotCovered), row("a", graph.OversightCovered),
			row("a", graph.OversightNotCovered), row("b", graph.OversightNotCovered), row("a", graph.OversightUnknown), row("a", graph.OversightNotCovered)}},
		// Three gaps that are findings; none where nothing is expected, nor where the records
		// are not complete (a row the store would not give gaps, counted by no one if it did).
		staff: map[string][]graph.StaffFunctionRow{"a": {{Status: graph.StaffGapsKnown, Gaps: []string{"it", "hr"}}, {Status: graph.StaffNoExpectation},
			{Status: graph.StaffGapsKnown, Gaps: []string{"it"}}, {Status: graph.StaffGapsUnknown, Gaps: []string{"hr"}}}},
		pageSize: 2,
	}
	reg := prometheus.NewRegistry()
	g := governance.New(src, reg, func() graph.Date { return graph.MustDate("2026-06-01") }, nil)
	if err := g.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := `
# HELP styrgraf_governance_outside_uppsikt Nämnder, bolag, stiftelser and joint activities the organisation's styrelse does not oversee, where the dataset records uppsikt completely.
# TYPE styrgraf_governance_outside_uppsikt gauge
styrgraf_governance_outside_uppsikt{organisation="a"} 3
styrgraf_governance_outside_uppsikt{organisation="b"} 0
# HELP styrgraf_governance_staff_function_gaps Stabsfunktioner (förvaltning × function) a staff profile expects and the förvaltning has no capacity for, where the dataset records them completely.
# TYPE styrgraf_governance_staff_function_gaps gauge
styrgraf_governance_staff_function_gaps{organisation="a"} 3
styrgraf_governance_staff_function_gaps{organisation="b"} 0
# HELP styrgraf_governance_seats Seats (posts) of the organisation's organs valid today.
# TYPE styrgraf_governance_seats gauge
styrgraf_governance_seats{organisation="a"} 5
styrgraf_governance_seats{organisation="b"} 0
# HELP styrgraf_governance_seats_vacant Seats nobody holds today, directly or ex officio, where the dataset records holders completely.
# TYPE styrgraf_governance_seats_vacant gauge
styrgraf_governance_seats_vacant{organisation="a"} 3
styrgraf_governance_seats_vacant{organisation="b"} 0
# HELP styrgraf_governance_missing_follow_ups Follow-up duties with no follow-up in this year's period, where the dataset keeps complete follow-up records.
# TYPE styrgraf_governance_missing_follow_ups gauge
styrgraf_governance_missing_follow_ups{organisation="a"} 4
styrgraf_governance_missing_follow_ups{organisation="b"} 0
# HELP styrgraf_governance_overdue_assignments Open uppdrag past their report-back date (uppdrag whose report status is unknown are not counted).
# TYPE styrgraf_governance_overdue_assignments gauge
styrgraf_governance_overdue_assignments{organisation="a"} 1
styrgraf_governance_overdue_assignments{organisation="b"} 0
# HELP styrgraf_governance_organs Organs valid today by kind.
# TYPE styrgraf_governance_organs gauge
styrgraf_governance_organs{kind="bolag",organisation="a"} 1
styrgraf_governance_organs{kind="namnd",organisation="a"} 2
`
	names := []string{"styrgraf_governance_outside_uppsikt", "styrgraf_governance_staff_function_gaps", "styrgraf_governance_seats",
		"styrgraf_governance_seats_vacant", "styrgraf_governance_missing_follow_ups", "styrgraf_governance_overdue_assignments",
		"styrgraf_governance_organs"}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
	if got, want := g.Headlines()["a"], (graph.Headline{Organs: 3, SeatsVacant: 3, MissingFollowUps: 4, OutsideUppsikt: 3}); got != want {
		t.Errorf("headline of a = %+v, want %+v", got, want)
	}
}

// The example data on a real Neo4j: the facts the dashboards show for the examples.
func TestGaugesOnTheExamples(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "../../examples")
	g := governance.New(db, prometheus.NewRegistry(), func() graph.Date { return graph.MustDate("2026-11-24") }, nil)
	if err := g.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	health := map[string]governance.OrganisationHealth{}
	for _, h := range g.Snapshot() {
		health[h.Organisation] = h
	}
	if len(health) != 10 {
		t.Fatalf("gauges for %d organisations, want the 10 of the examples", len(health))
	}
	// One stiftelse of Region Halland outside uppsikt, two stabsfunktion gaps (functions the
	// illustrative driftförvaltning profile expects, one in each of two förvaltningar); Höör
	// not overseeing the joint IT unit. No overdue uppdrag: RSAU §398's
	// is due in a window and whether it was reported is unknown, which is not a finding.
	if h := health["region-halland"]; h.OutsideUppsikt != 1 || h.StaffFunctionGaps != 2 || h.OverdueAssignments != 0 {
		t.Errorf("region-halland health %+v", h)
	}
	if h := health["hoor-kommun"]; h.OutsideUppsikt != 1 {
		t.Errorf("hoor-kommun outside uppsikt = %d, want 1 (the joint IT unit)", h.OutsideUppsikt)
	}
	if h := health["region-halland"]; h.OrgansByKind["chefsgrupp"] != 1 {
		t.Errorf("region-halland chefsgrupper = %d, want 1 (CGH)", h.OrgansByKind["chefsgrupp"])
	}
}

// Run must not panic on a zero interval (a Config built in code has none), must refresh at
// once, and must stop with its context.
func TestRunDefaultsInterval(t *testing.T) {
	src := &fakeSource{orgs: []graph.Ref{{ID: "a"}}, pageSize: 10}
	g := governance.New(src, prometheus.NewRegistry(), graph.Today, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx, 0); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for len(g.Snapshot()) == 0 {
		select {
		case <-done:
			t.Fatal("Run returned before refreshing")
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("no refresh within 30 s")
		}
	}
	cancel()
	<-done
}
