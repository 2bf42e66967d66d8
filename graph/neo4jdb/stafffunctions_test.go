package neo4jdb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// renderStaffFunctions writes each row as "id: hr=… it=… … total=… gaps=a,b" (or
// "gaps unknown" where the dataset does not record the förvaltning's stabsfunktioner
// completely) so that expectations read like the answer.
func renderStaffFunctions(rows []graph.StaffFunctionRow) []string {
	var out []string
	for _, r := range rows {
		var fns []string
		for _, f := range r.Functions {
			fns = append(fns, fmt.Sprintf("%s=%g", f.Function, f.FTE))
		}
		gaps := "gaps=" + strings.Join(r.Gaps, ",")
		if !r.Recorded {
			gaps = "gaps unknown"
		}
		out = append(out, fmt.Sprintf("%s: %s total=%g %s", r.Forvaltning.ID, strings.Join(fns, " "), r.Total, gaps))
	}
	return out
}

func TestStaffFunctions(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/staff_functions.yaml")
	const (
		gemensam = "sf-gemensam: hr=1 it=0 kommunikation=0 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=1 " +
			"gaps=it,kommunikation,uppsikt_internkontroll,ekonomi_budget,administration_juridik,sakerhet"
		kontoret = "sf-kontoret: hr=10 it=4 kommunikation=3 uppsikt_internkontroll=2 ekonomi_budget=6 administration_juridik=5 sakerhet=1.5 total=31.5 gaps="
		service  = "sf-service: hr=0 it=0 kommunikation=0 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=0 " +
			"gaps=hr,it,kommunikation,uppsikt_internkontroll,ekonomi_budget,administration_juridik,sakerhet"
	)
	for _, tc := range []struct {
		org, at string
		want    []string
	}{
		// Sorted by name: Gemensamma förvaltningen, Kontoret, Nedlagda förvaltningen, Sjukhuset.
		{"sf-region", "2023-06-01", []string{
			gemensam,
			kontoret,
			"sf-nedlagd: hr=5 it=0 kommunikation=0 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=5 " +
				"gaps=it,kommunikation,uppsikt_internkontroll,ekonomi_budget,administration_juridik,sakerhet",
			"sf-sjukhuset: hr=20 it=8 kommunikation=3 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=31 " +
				"gaps=uppsikt_internkontroll,ekonomi_budget,administration_juridik,sakerhet",
		}},
		// The last day of Sjukhuset's IT: HR has grown to 22.5; Nedlagda is gone, Service is new.
		{"sf-region", "2024-06-30", []string{
			gemensam,
			kontoret,
			service,
			"sf-sjukhuset: hr=22.5 it=8 kommunikation=3 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=33.5 " +
				"gaps=uppsikt_internkontroll,ekonomi_budget,administration_juridik,sakerhet",
		}},
		// The day after, IT is a gap.
		{"sf-region", "2024-07-01", []string{
			gemensam,
			kontoret,
			service,
			"sf-sjukhuset: hr=22.5 it=0 kommunikation=3 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=25.5 " +
				"gaps=it,uppsikt_internkontroll,ekonomi_budget,administration_juridik,sakerhet",
		}},
		// The shared förvaltning also counts for the kommun it primarily belongs to; the
		// region's records of it cover it there too.
		{"sf-kommun", "2024-07-01", []string{gemensam}},
		// The other region declares no complete records: its förvaltning's missing functions
		// are unknown, not gaps.
		{"sf-annan", "2024-07-01", []string{
			"sf-annan-forvaltning: hr=0 it=7 kommunikation=0 uppsikt_internkontroll=0 ekonomi_budget=0 administration_juridik=0 sakerhet=0 total=7 gaps unknown",
		}},
		// An organisation with no förvaltningar: an empty answer, not an error.
		{"sf-gammal", "2020-06-01", nil},
	} {
		got, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: tc.org, At: graph.MustDate(tc.at)})
		if err != nil {
			t.Fatalf("StaffFunctions(%s, %s): %v", tc.org, tc.at, err)
		}
		if got.Total != len(tc.want) {
			t.Errorf("StaffFunctions(%s, %s) total = %d, want %d", tc.org, tc.at, got.Total, len(tc.want))
		}
		if r := renderStaffFunctions(got.Items); strings.Join(r, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("StaffFunctions(%s, %s) =\n  %s\nwant\n  %s", tc.org, tc.at, strings.Join(r, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}
	got, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: "sf-region", At: graph.MustDate("2024-07-01")})
	if err != nil || len(got.Items) == 0 || got.Items[0].Forvaltning.Name != "Gemensamma förvaltningen" || got.Items[0].Forvaltning.Kind != "Organ" {
		t.Errorf("first row names its förvaltning badly: %+v, %v", got, err)
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

	// A page of förvaltningar: the second and third of four, by name as in the whole answer.
	page, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: "sf-region", At: graph.MustDate("2024-07-01"), Page: graph.Page{Offset: 1, Limit: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 4 {
		t.Errorf("page of förvaltningar: total %d, want 4", page.Total)
	}
	sameLines(t, "förvaltningar 2 and 3 of sf-region", renderStaffFunctions(page.Items), []string{kontoret, service})
}
