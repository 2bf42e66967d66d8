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

// renderStaffFunctions writes each row as
// "id: hr=10* it=4 … total=… gaps=a,b profiles=p basis=b", where * marks a function a
// profile expects, and "gaps unknown" stands where a profile applies but the dataset does not
// record the förvaltning's stabsfunktioner completely, "no expectation" where no profile
// applies, so that expectations read like the answer.
func renderStaffFunctions(rows []graph.StaffFunctionRow) []string {
	var out []string
	for _, r := range rows {
		var fns []string
		for _, f := range r.Functions {
			mark := ""
			if f.Expected {
				mark = "*"
			}
			fns = append(fns, fmt.Sprintf("%s=%g%s", f.Function, f.FTE, mark))
		}
		var gaps string
		switch r.Status {
		case graph.StaffGapsKnown:
			gaps = "gaps=" + strings.Join(r.Gaps, ",")
		case graph.StaffGapsUnknown:
			gaps = "gaps unknown"
		case graph.StaffNoExpectation:
			gaps = "no expectation"
		default:
			gaps = "status " + r.Status
		}
		if r.Status != graph.StaffGapsKnown && len(r.Gaps) > 0 {
			gaps += " but gaps=" + strings.Join(r.Gaps, ",")
		}
		var profiles []string
		for _, p := range r.Profiles {
			profiles = append(profiles, p.ID)
		}
		line := r.Forvaltning.ID + ":"
		if len(fns) > 0 {
			line += " " + strings.Join(fns, " ")
		}
		out = append(out, fmt.Sprintf("%s total=%g %s profiles=%s basis=%s", line, r.Total, gaps, strings.Join(profiles, ","), r.Basis))
	}
	return out
}

func TestStaffFunctions(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/staff_functions.yaml")
	const (
		// No profile applies (the driftförvaltningar's lists its organs): its functions are
		// listed, none is missing, though its records are complete.
		gemensam = "sf-gemensam: hr=1 arkiv=0.5 total=1.5 no expectation profiles= basis=inferred"
		// The styrelse's förvaltning lacks the one function its profile expects that it has no
		// capacity for; the others it records are listed but not expected.
		kontoret = "sf-kontoret: hr=10* it=4 kommunikation=3 uppsikt_internkontroll=2* ekonomi_budget=6* administration_juridik=5 sakerhet=1.5 " +
			"strategi_policy_mal_budget=0* total=31.5 gaps=strategi_policy_mal_budget profiles=sf-profil-kontoret basis=inferred"
		// New, nothing recorded: every expected function is a gap, resting on the illustrative
		// profile. Its lönekontor is named as Sjukhuset names it.
		service = "sf-service: hr=0* it=0* kommunikation=0* lonekontor=0* total=0 gaps=hr,it,kommunikation,lonekontor profiles=sf-profil-drift basis=illustrative"
	)
	for _, tc := range []struct {
		org, at, minBasis string
		want              []string
	}{
		// Sorted by name: Gemensamma förvaltningen, Kontoret, Nedlagda förvaltningen, Sjukhuset.
		// The driftförvaltningar's profile holds from 2024: before, Sjukhuset is expected to
		// have nothing, so its 0 FTE of ekonomi is no gap.
		{"sf-region", "2023-06-01", "", []string{
			gemensam,
			kontoret,
			"sf-nedlagd: hr=5 total=5 no expectation profiles= basis=inferred",
			"sf-sjukhuset: hr=20 it=8 kommunikation=3 ekonomi_budget=0 total=31 no expectation profiles= basis=inferred",
		}},
		// The last day of Sjukhuset's IT: the profile applies and nothing it expects is
		// missing; ekonomi, recorded but not expected, comes in the vocabulary's order, the
		// lönekontor of its own after the vocabulary. Nedlagda is gone, Service is new.
		{"sf-region", "2024-06-30", "", []string{
			gemensam,
			kontoret,
			service,
			"sf-sjukhuset: hr=22.5* it=8* kommunikation=3* ekonomi_budget=0 lonekontor=2* total=35.5 gaps= profiles=sf-profil-drift basis=illustrative",
		}},
		// The day after, IT is a gap.
		{"sf-region", "2024-07-01", "", []string{
			gemensam,
			kontoret,
			service,
			"sf-sjukhuset: hr=22.5* it=0* kommunikation=3* ekonomi_budget=0 lonekontor=2* total=27.5 gaps=it profiles=sf-profil-drift basis=illustrative",
		}},
		// Only what is at least inferred: the illustrative profile drops out, so the
		// driftförvaltningar are expected to have nothing.
		{"sf-region", "2024-07-01", graph.BasisInferred, []string{
			gemensam,
			kontoret,
			"sf-service: total=0 no expectation profiles= basis=",
			"sf-sjukhuset: hr=22.5 kommunikation=3 ekonomi_budget=0 lonekontor=2 total=27.5 no expectation profiles= basis=inferred",
		}},
		// Only what is stated: the figures and the coverage (inferred) drop out; the stated
		// profile still says what Kontoret is expected to have, but whether it lacks it is
		// unknown.
		{"sf-region", "2024-07-01", graph.BasisStated, []string{
			"sf-gemensam: total=0 no expectation profiles= basis=",
			"sf-kontoret: hr=0* uppsikt_internkontroll=0* ekonomi_budget=0* strategi_policy_mal_budget=0* total=0 gaps unknown profiles=sf-profil-kontoret basis=",
			"sf-service: total=0 no expectation profiles= basis=",
			"sf-sjukhuset: total=0 no expectation profiles= basis=",
		}},
		// The shared förvaltning also counts for the kommun it primarily belongs to; the
		// region's records of it cover it there too.
		{"sf-kommun", "2024-07-01", "", []string{gemensam}},
		// The other region's profile applies to every förvaltning of its kind there, but the
		// region declares no complete records: what it lacks is unknown, not a gap.
		{"sf-annan", "2024-07-01", "", []string{
			"sf-annan-forvaltning: hr=0* it=7* total=7 gaps unknown profiles=sf-profil-annan basis=",
		}},
		// An organisation with no förvaltningar: an empty answer, not an error.
		{"sf-gammal", "2020-06-01", "", nil},
	} {
		got, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: tc.org, At: graph.MustDate(tc.at), MinBasis: tc.minBasis})
		if err != nil {
			t.Fatalf("StaffFunctions(%s, %s, %q): %v", tc.org, tc.at, tc.minBasis, err)
		}
		if got.Total != len(tc.want) {
			t.Errorf("StaffFunctions(%s, %s, %q) total = %d, want %d", tc.org, tc.at, tc.minBasis, got.Total, len(tc.want))
		}
		sameLines(t, fmt.Sprintf("StaffFunctions(%s, %s, %q)", tc.org, tc.at, tc.minBasis), renderStaffFunctions(got.Items), tc.want)
	}

	got, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: "sf-region", At: graph.MustDate("2024-07-01")})
	if err != nil || len(got.Items) != 4 {
		t.Fatalf("StaffFunctions(sf-region, 2024-07-01) = %+v, %v", got, err)
	}
	if got.Items[0].Forvaltning != (graph.Ref{ID: "sf-gemensam", Kind: "Organ", Name: "Gemensamma förvaltningen"}) {
		t.Errorf("first row names its förvaltning badly: %+v", got.Items[0].Forvaltning)
	}
	// Names: the vocabulary's term, the name the dataset gives its own function, and for a
	// förvaltning that records nothing of it, the name another förvaltning gives it.
	names := map[string]string{}
	for _, r := range got.Items {
		for _, f := range r.Functions {
			names[r.Forvaltning.ID+"/"+f.Function] = f.Name
		}
	}
	for key, want := range map[string]string{
		"sf-kontoret/hr":                         "HR- och personalfrågor",
		"sf-kontoret/strategi_policy_mal_budget": graph.Swedish("staff_function", "strategi_policy_mal_budget"),
		"sf-gemensam/arkiv":                      "Arkiv",
		"sf-sjukhuset/lonekontor":                "Lönekontor",
		"sf-service/lonekontor":                  "Lönekontor",
	} {
		if names[key] != want {
			t.Errorf("name of %s = %q, want %q", key, names[key], want)
		}
	}
	// The profile with its source, to cite.
	wantProfile := graph.StaffProfileRef{
		Ref:       graph.Ref{ID: "sf-profil-kontoret", Kind: "StaffProfile", Name: "Styrelsens förvaltning"},
		Functions: []string{"hr", "uppsikt_internkontroll", "ekonomi_budget", "strategi_policy_mal_budget"},
		Source: graph.SourceRef{Document: "sf-beslut", DocumentTitle: "Beslut om översyn av stabsfunktioner", Section: "Ärendet",
			Basis: graph.BasisStated, Quote: "styrelsens förvaltning ansvarar för"},
	}
	if k := got.Items[1]; len(k.Profiles) != 1 || !reflect.DeepEqual(k.Profiles[0], wantProfile) || k.Status != graph.StaffGapsKnown || !k.Recorded {
		t.Errorf("Kontoret: profiles %+v status %s recorded %v; want %+v, known, recorded", k.Profiles, k.Status, k.Recorded, wantProfile)
	}
	// Gemensamma förvaltningen's records are complete, but nothing is expected of it.
	if g := got.Items[0]; !g.Recorded || g.Status != graph.StaffNoExpectation || g.Gaps == nil || g.Profiles == nil {
		t.Errorf("Gemensamma förvaltningen: recorded %v status %s gaps %#v profiles %#v; want recorded, no_expectation, empty lists", g.Recorded, g.Status, g.Gaps, g.Profiles)
	}

	if got, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: "sf-gammal", At: graph.MustDate("2020-06-01")}); err != nil || got.Items == nil {
		t.Errorf("empty answer = %#v, %v; want an empty, non-nil list", got, err)
	}
	for _, missing := range []struct{ org, at string }{{"no-such", "2024-07-01"}, {"sf-gammal", "2021-01-01"}, {"sf-kontoret", "2024-07-01"}} {
		if _, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: missing.org, At: graph.MustDate(missing.at)}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("StaffFunctions(%s, %s) = %v, want ENOTFOUND", missing.org, missing.at, err)
		}
	}
	if _, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{At: graph.MustDate("2024-07-01")}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("StaffFunctions without an organisation = %v, want EINVALID", err)
	}

	// A page of förvaltningar: the second and third of four, by name as in the whole answer;
	// Service's lönekontor is still named though Sjukhuset, which names it, is on no page asked.
	page, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: "sf-region", At: graph.MustDate("2024-07-01"), Page: graph.Page{Offset: 1, Limit: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 4 {
		t.Errorf("page of förvaltningar: total %d, want 4", page.Total)
	}
	sameLines(t, "förvaltningar 2 and 3 of sf-region", renderStaffFunctions(page.Items), []string{kontoret, service})
	if len(page.Items) == 2 {
		if fns := page.Items[1].Functions; len(fns) != 4 || fns[3].Name != "Lönekontor" {
			t.Errorf("Service's functions on a page without Sjukhuset: %+v", fns)
		}
	}
}
