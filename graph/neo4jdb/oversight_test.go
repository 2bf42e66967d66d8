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

// renderOversight writes each row as "organ organisation styrelse covered [via a,b] (source)
// basis", "… GAP basis" (a finding, on the coverage's basis) or "… UNKNOWN [basis]".
func renderOversight(rows []graph.OversightRow) []string {
	out := []string{}
	for _, r := range rows {
		styrelse := "-"
		if r.Styrelse != nil {
			styrelse = r.Styrelse.ID
		}
		line := fmt.Sprintf("%s %s %s", r.Organ.ID, r.Organisation.ID, styrelse)
		switch r.Status {
		case graph.OversightNotCovered:
			out = append(out, line+" GAP "+r.Basis)
			continue
		case graph.OversightUnknown:
			out = append(out, strings.TrimSpace(line+" UNKNOWN "+r.Basis))
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
		if source := strings.TrimSpace(r.Source.Document + " " + r.Source.Section); source != "" {
			line += " (" + source + ")"
		}
		out = append(out, line+" "+r.Basis)
	}
	return out
}

func TestOversightCoverage(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/oversight.yaml")
	for _, tc := range []struct {
		org, at, basis string
		want           []string
	}{
		// Gaps first, then unknown rows, then covered ones, each by organ name. The
		// krisledningsnämnd's uppsikt ended with 2023; the fourth company in the chain is four
		// steps away; the stiftelse has none. A path is as documented as its weakest link; a
		// reglemente cited without a basis counts as inferred.
		{"ov-region", "2025-01-01", "", []string{
			"ov-fjarde ov-region ov-rs GAP stated",
			"ov-kn ov-region ov-rs GAP stated",
			"ov-stiftelse ov-region ov-rs GAP stated",
			"ov-dotter ov-region ov-rs covered via ov-moder (ov-reglemente 8 §) inferred",
			"ov-dotterdotter ov-region ov-rs covered via ov-moder,ov-dotter illustrative",
			"ov-moder ov-region ov-rs covered (ov-reglemente 7 §) inferred",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §) stated",
			"ov-namnd-2 ov-region ov-rs covered (ov-reglemente 6 §) inferred",
		}},
		// Only what the documents state: uppsikt recorded on a weaker basis is neither shown
		// as covered nor a gap.
		{"ov-region", "2025-01-01", "stated", []string{
			"ov-fjarde ov-region ov-rs GAP stated",
			"ov-kn ov-region ov-rs GAP stated",
			"ov-stiftelse ov-region ov-rs GAP stated",
			"ov-dotter ov-region ov-rs UNKNOWN inferred",
			"ov-dotterdotter ov-region ov-rs UNKNOWN illustrative",
			"ov-moder ov-region ov-rs UNKNOWN inferred",
			"ov-namnd-2 ov-region ov-rs UNKNOWN inferred",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §) stated",
		}},
		// Before 2024 Nämnd Två was not under uppsikt and the krisledningsnämnd was; the
		// dissolved nämnd is gone.
		{"ov-region", "2023-06-01", "", []string{
			"ov-fjarde ov-region ov-rs GAP stated",
			"ov-namnd-2 ov-region ov-rs GAP stated",
			"ov-stiftelse ov-region ov-rs GAP stated",
			"ov-dotter ov-region ov-rs covered via ov-moder (ov-reglemente 8 §) inferred",
			"ov-dotterdotter ov-region ov-rs covered via ov-moder,ov-dotter illustrative",
			"ov-kn ov-region ov-rs covered (ov-reglemente 6 §) inferred",
			"ov-moder ov-region ov-rs covered (ov-reglemente 7 §) inferred",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §) stated",
		}},
		// The joint activity: one row per kommun, whichever kommun is asked about. Kommun B's
		// uppsikt begins in 2026; before, Kommun B declares no coverage, so it is unknown.
		{"ov-kommun-a", "2025-01-01", "", []string{
			"ov-gv ov-kommun-b ov-b-ks UNKNOWN",
			"ov-gv ov-kommun-a ov-a-ks covered illustrative",
		}},
		{"ov-kommun-b", "2025-01-01", "", []string{
			"ov-gv ov-kommun-b ov-b-ks UNKNOWN",
			"ov-gv ov-kommun-a ov-a-ks covered illustrative",
		}},
		{"ov-kommun-b", "2026-06-01", "", []string{
			"ov-gv ov-kommun-a ov-a-ks covered illustrative",
			"ov-gv ov-kommun-b ov-b-ks covered illustrative",
		}},
		// No styrelse: the region's uppsikt over the nämnd does not count. The kommun's
		// coverage starts in 2024: before, the missing uppsikt is unknown.
		{"ov-utan", "2025-01-01", "", []string{"ov-utan-namnd ov-utan - GAP illustrative"}},
		{"ov-utan", "2023-06-01", "", []string{"ov-utan-namnd ov-utan - UNKNOWN"}},
		{"ov-tom", "2025-01-01", "", []string{}},
		// All organisations: the joint activity once per kommun, not once per kommun asked.
		{"", "2025-01-01", "", []string{
			"ov-fjarde ov-region ov-rs GAP stated",
			"ov-kn ov-region ov-rs GAP stated",
			"ov-utan-namnd ov-utan - GAP illustrative",
			"ov-stiftelse ov-region ov-rs GAP stated",
			"ov-gv ov-kommun-b ov-b-ks UNKNOWN",
			"ov-dotter ov-region ov-rs covered via ov-moder (ov-reglemente 8 §) inferred",
			"ov-dotterdotter ov-region ov-rs covered via ov-moder,ov-dotter illustrative",
			"ov-gv ov-kommun-a ov-a-ks covered illustrative",
			"ov-moder ov-region ov-rs covered (ov-reglemente 7 §) inferred",
			"ov-namnd-1 ov-region ov-rs covered (ov-reglemente 6 §) stated",
			"ov-namnd-2 ov-region ov-rs covered (ov-reglemente 6 §) inferred",
		}},
	} {
		got, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: tc.org, At: graph.MustDate(tc.at), MinBasis: tc.basis})
		if err != nil {
			t.Fatalf("OversightCoverage(%q, %s, %q): %v", tc.org, tc.at, tc.basis, err)
		}
		if got.Items == nil {
			t.Errorf("OversightCoverage(%q, %s) = nil, want an empty list", tc.org, tc.at)
		}
		if got.Total != len(tc.want) {
			t.Errorf("OversightCoverage(%q, %s, %q) total = %d, want %d", tc.org, tc.at, tc.basis, got.Total, len(tc.want))
		}
		sameLines(t, fmt.Sprintf("OversightCoverage(%q, %s, %q)", tc.org, tc.at, tc.basis), renderOversight(got.Items), tc.want)
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
		Status:       graph.OversightCovered,
		Basis:        graph.BasisInferred,
		Via:          []graph.Ref{{ID: "ov-moder", Kind: "Organ", Name: "Moderbolaget AB"}},
		Source:       graph.SourceRef{Document: "ov-reglemente", DocumentTitle: "Reglemente för regionstyrelsen", Section: "8 §", Basis: graph.BasisInferred},
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
