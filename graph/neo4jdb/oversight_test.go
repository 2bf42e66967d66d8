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

// renderOversight writes each row as "organ organisation styrelse covered|GAP [via a,b] (source)".
func renderOversight(rows []graph.OversightRow) []string {
	out := []string{}
	for _, r := range rows {
		styrelse := "-"
		if r.Styrelse != nil {
			styrelse = r.Styrelse.ID
		}
		line := fmt.Sprintf("%s %s %s", r.Organ.ID, r.Organisation.ID, styrelse)
		if !r.Covered {
			out = append(out, line+" GAP")
			continue
		}
		line += " covered"
		if len(r.Via) > 0 {
			var via []string
			for _, v := range r.Via {
				via = append(via, v.ID)
			}
			line += " via " + strings.Join(via, ",")
		}
		source := r.Source.Document + " " + r.Source.Section
		if r.Source.Illustrative {
			source = "illustrative"
		}
		out = append(out, line+" ("+source+")")
	}
	return out
}

func TestOversightCoverage(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/oversight.yaml")
	for _, tc := range []struct {
		org, at string
		want    []string
	}{
		// Gaps first, then by organ name. The krisledningsnämnd's uppsikt ended with 2023; the
		// fourth company in the chain is four steps away; the stiftelse has none.
		{"ov-region", "2025-01-01", []string{
			"ov-fjarde ov-region ov-rs GAP",
			"ov-kn ov-region ov-rs GAP",
			"ov-stiftelse ov-region ov-rs GAP",
			"ov-dotter ov-region ov-rs covered via ov-moder (ov-reglemente 8 §)",
			"ov-dotterdotter ov-region ov-rs covered via ov-moder,ov-dotter (illustrative)",
			"ov-moder ov-region ov-rs covered (ov-reglemente 7 §)",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §)",
			"ov-namnd-2 ov-region ov-rs covered (ov-reglemente 6 §)",
		}},
		// Before 2024 Nämnd Två was not under uppsikt and the krisledningsnämnd was; the
		// dissolved nämnd is gone.
		{"ov-region", "2023-06-01", []string{
			"ov-fjarde ov-region ov-rs GAP",
			"ov-namnd-2 ov-region ov-rs GAP",
			"ov-stiftelse ov-region ov-rs GAP",
			"ov-dotter ov-region ov-rs covered via ov-moder (ov-reglemente 8 §)",
			"ov-dotterdotter ov-region ov-rs covered via ov-moder,ov-dotter (illustrative)",
			"ov-kn ov-region ov-rs covered (ov-reglemente 6 §)",
			"ov-moder ov-region ov-rs covered (ov-reglemente 7 §)",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §)",
		}},
		// The joint activity: one row per kommun, whichever kommun is asked about. Kommun B's
		// uppsikt begins in 2026.
		{"ov-kommun-a", "2025-01-01", []string{
			"ov-gv ov-kommun-b ov-b-ks GAP",
			"ov-gv ov-kommun-a ov-a-ks covered (illustrative)",
		}},
		{"ov-kommun-b", "2025-01-01", []string{
			"ov-gv ov-kommun-b ov-b-ks GAP",
			"ov-gv ov-kommun-a ov-a-ks covered (illustrative)",
		}},
		{"ov-kommun-b", "2026-06-01", []string{
			"ov-gv ov-kommun-a ov-a-ks covered (illustrative)",
			"ov-gv ov-kommun-b ov-b-ks covered (illustrative)",
		}},
		// No styrelse: the region's uppsikt over the nämnd does not count.
		{"ov-utan", "2025-01-01", []string{"ov-utan-namnd ov-utan - GAP"}},
		{"ov-tom", "2025-01-01", []string{}},
		// All organisations: the joint activity once per kommun, not once per kommun asked.
		{"", "2025-01-01", []string{
			"ov-fjarde ov-region ov-rs GAP",
			"ov-gv ov-kommun-b ov-b-ks GAP",
			"ov-kn ov-region ov-rs GAP",
			"ov-utan-namnd ov-utan - GAP",
			"ov-stiftelse ov-region ov-rs GAP",
			"ov-dotter ov-region ov-rs covered via ov-moder (ov-reglemente 8 §)",
			"ov-dotterdotter ov-region ov-rs covered via ov-moder,ov-dotter (illustrative)",
			"ov-gv ov-kommun-a ov-a-ks covered (illustrative)",
			"ov-moder ov-region ov-rs covered (ov-reglemente 7 §)",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §)",
			"ov-namnd-2 ov-region ov-rs covered (ov-reglemente 6 §)",
		}},
	} {
		got, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: tc.org, At: graph.MustDate(tc.at)})
		if err != nil {
			t.Fatalf("OversightCoverage(%q, %s): %v", tc.org, tc.at, err)
		}
		if got.Items == nil {
			t.Errorf("OversightCoverage(%q, %s) = nil, want an empty list", tc.org, tc.at)
		}
		if got.Total != len(tc.want) {
			t.Errorf("OversightCoverage(%q, %s) total = %d, want %d", tc.org, tc.at, got.Total, len(tc.want))
		}
		sameLines(t, fmt.Sprintf("OversightCoverage(%q, %s)", tc.org, tc.at), renderOversight(got.Items), tc.want)
	}

	list, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "ov-region", At: graph.MustDate("2025-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	rows := list.Items
	want := graph.OversightRow{
		Organ: graph.Ref{ID: "ov-dotter", Kind: "Organ", Name: "Dotterbolaget AB"}, OrganKind: "bolag",
		Organisation: graph.Ref{ID: "ov-region", Kind: "Organisation", Name: "Regionen"},
		Styrelse:     &graph.Ref{ID: "ov-rs", Kind: "Organ", Name: "Regionstyrelsen"},
		Covered:      true,
		Via:          []graph.Ref{{ID: "ov-moder", Kind: "Organ", Name: "Moderbolaget AB"}},
		Source:       graph.SourceRef{Document: "ov-reglemente", DocumentTitle: "Reglemente för regionstyrelsen", Section: "8 §"},
	}
	if g := rows[3]; !reflect.DeepEqual(g, want) {
		t.Errorf("row = %+v\nwant  %+v", g, want)
	}
	if g := rows[0]; g.Source != (graph.SourceRef{}) || g.Via != nil {
		t.Errorf("a gap has no source or path: %+v", g)
	}

	if _, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "no-such", At: graph.MustDate("2025-01-01")}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("OversightCoverage(no-such) = %v, want ENOTFOUND", err)
	}

	// A page of rows: the fourth and fifth of the eight, gaps first as in the whole answer.
	page, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "ov-region", At: graph.MustDate("2025-01-01"), Page: graph.Page{Offset: 3, Limit: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 8 {
		t.Errorf("page of oversight rows: total %d, want 8", page.Total)
	}
	sameLines(t, "rows 4 and 5 of ov-region", renderOversight(page.Items), renderOversight(rows[3:5]))
}
