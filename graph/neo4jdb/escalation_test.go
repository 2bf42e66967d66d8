package neo4jdb_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// render writes a chain as "id(Via)[holders] > …" so expectations read like the answer.
func render(chains []graph.EscalationChain) []string {
	var out []string
	for _, c := range chains {
		var steps []string
		for _, s := range c.Steps {
			step := s.ID
			if s.Via != "" {
				step = s.Via + ":" + step
			}
			if len(s.Holders) > 0 {
				var names []string
				for _, h := range s.Holders {
					names = append(names, h.ID)
				}
				step += "[" + strings.Join(names, ",") + "]"
			}
			steps = append(steps, step)
		}
		line := strings.Join(steps, " > ")
		if c.Cycle {
			line += " > cycle:" + c.CycleTo
		}
		out = append(out, line)
	}
	return out
}

func TestEscalation(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/escalation.yaml")
	for _, tc := range []struct {
		id, at string
		want   []string
	}{
		{"esc-sr", "2025-01-01", []string{
			"esc-sr > ESCALATES_TO:esc-contact[esc-p2] > EX_OFFICIO:esc-fc[esc-p2] > REPORTS_TO:esc-kl > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
		}},
		{"esc-sr", "2024-03-01", []string{
			"esc-sr > ESCALATES_TO:esc-contact[esc-p1] > EX_OFFICIO:esc-fc[esc-p1] > REPORTS_TO:esc-kl > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
		}},
		// Before the escalation rule existed, the council reported straight to the koncernledning.
		{"esc-sr", "2023-06-01", []string{
			"esc-sr > REPORTS_TO:esc-kl > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
		}},
		{"esc-g2", "2025-01-01", []string{
			"esc-g2 > REPORTS_TO:esc-kl > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
			"esc-g2 > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
		}},
		{"esc-c1", "2025-01-01", []string{"esc-c1 > REPORTS_TO:esc-c2 > cycle:esc-c1"}},
		{"esc-rf", "2025-01-01", []string{"esc-rf"}},
		// A post with nothing above it but its organ belongs to that organ.
		{"esc-rd", "2025-01-01", []string{"esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf"}},
	} {
		got, err := db.Escalation(context.Background(), graph.EscalationQuery{ID: tc.id, At: graph.MustDate(tc.at)})
		if err != nil {
			t.Fatalf("Escalation(%s, %s): %v", tc.id, tc.at, err)
		}
		// Ordinary data has far fewer chains than graph.MaxChains: the answer is whole.
		if got.Truncated || got.Total != len(tc.want) {
			t.Errorf("Escalation(%s, %s): truncated %v, total %d; want false, %d", tc.id, tc.at, got.Truncated, got.Total, len(tc.want))
		}
		if r := render(got.Items); strings.Join(r, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("Escalation(%s, %s) =\n  %s\nwant\n  %s", tc.id, tc.at, strings.Join(r, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}
	chain, err := db.Escalation(context.Background(), graph.EscalationQuery{ID: "esc-sr", At: graph.MustDate("2025-01-01")})
	if err != nil || len(chain.Items) == 0 {
		t.Fatalf("Escalation(esc-sr): %+v, %v", chain, err)
	}
	if s := chain.Items[0].Steps[1]; s.Note == "" || s.Source.DocumentTitle != "Uppdragshandling" || s.Source.Section != "3" || s.Organ != "Samordningsrådet" {
		t.Errorf("escalation step lacks its note, source or organ: %+v", s)
	}
	for _, missing := range []struct{ id, at string }{{"esc-old", "2025-01-01"}, {"no-such", "2025-01-01"}} {
		if _, err := db.Escalation(context.Background(), graph.EscalationQuery{ID: missing.id, At: graph.MustDate(missing.at)}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Escalation(%s) = %v, want ENOTFOUND", missing.id, err)
		}
	}
	if got, err := db.Escalation(context.Background(), graph.EscalationQuery{ID: "esc-old", At: graph.MustDate("2020-06-01")}); err != nil || len(got.Items) != 1 {
		t.Errorf("a dissolved group before it was dissolved: %v, %v", got, err)
	}

	// The two chains of the support-process group, one to a page.
	for i, want := range []string{
		"esc-g2 > REPORTS_TO:esc-kl > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
		"esc-g2 > REPORTS_TO:esc-rd > REPORTS_TO:esc-rs > REPORTS_TO:esc-rf",
	} {
		got, err := db.Escalation(context.Background(), graph.EscalationQuery{ID: "esc-g2", At: graph.MustDate("2025-01-01"), Page: graph.Page{Offset: i, Limit: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if r := render(got.Items); len(r) != 1 || r[0] != want || got.Total != 2 || got.Truncated {
			t.Errorf("page %d of esc-g2's chains: %v of %d (truncated %v), want %s of 2", i, r, got.Total, got.Truncated, want)
		}
	}
	if _, err := db.Escalation(context.Background(), graph.EscalationQuery{ID: " ", At: graph.MustDate("2025-01-01")}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Escalation with no id = %v, want EINVALID", err)
	}
}

// TestEscalationTruncated builds a lattice of eight levels of two groups, each reporting to
// both groups above it: 2^8 = 256 ways up, more than graph.MaxChains.
func TestEscalationTruncated(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	var b strings.Builder
	b.WriteString("dataset: lattice\norganisations:\n  - {id: lt-region, name: Gitterregionen, kind: region}\norgans:\n")
	b.WriteString("  - {id: lt-start, name: Startgruppen, kind: arbetsgrupp, organisation: lt-region}\n")
	for level := 1; level <= 8; level++ {
		for _, side := range []string{"a", "b"} {
			fmt.Fprintf(&b, "  - {id: lt-%d%s, name: Grupp %d%s, kind: arbetsgrupp, organisation: lt-region}\n", level, side, level, side)
		}
	}
	b.WriteString("relations:\n")
	below := []string{"lt-start"}
	for level := 1; level <= 8; level++ {
		for _, from := range below {
			for _, side := range []string{"a", "b"} {
				fmt.Fprintf(&b, "  - {kind: reports_to, from: %s, to: lt-%d%s}\n", from, level, side)
			}
		}
		below = []string{fmt.Sprintf("lt-%da", level), fmt.Sprintf("lt-%db", level)}
	}
	path := filepath.Join(t.TempDir(), "lattice.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	neo4jdbtest.MustImport(t, db, path)
	ctx := context.Background()

	got, err := db.Escalation(ctx, graph.EscalationQuery{ID: "lt-start", At: graph.MustDate("2025-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	// Only the first MaxChains chains are assembled; the default page holds 100 of them.
	if !got.Truncated || got.Total != graph.MaxChains || len(got.Items) != graph.DefaultLimit {
		t.Errorf("lattice: truncated %v, total %d, %d chains; want true, %d, %d", got.Truncated, got.Total, len(got.Items), graph.MaxChains, graph.DefaultLimit)
	}
	if r := render(got.Items[:1]); len(r) != 1 || !strings.HasPrefix(r[0], "lt-start > REPORTS_TO:lt-1a > REPORTS_TO:lt-2a") || !strings.HasSuffix(r[0], "REPORTS_TO:lt-8a") {
		t.Errorf("first chain = %v, want the one through every a", r)
	}
	// From one level up there are 2^7 = 128 ways: whole, not truncated.
	got, err = db.Escalation(ctx, graph.EscalationQuery{ID: "lt-1a", At: graph.MustDate("2025-01-01"), Page: graph.Page{Limit: graph.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Truncated || got.Total != 128 || len(got.Items) != 128 {
		t.Errorf("lt-1a: truncated %v, total %d, %d chains; want false, 128, 128", got.Truncated, got.Total, len(got.Items))
	}
}
