package neo4jdb_test

import (
	"context"
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
	mustImport(t, db, "testdata/escalation.yaml")
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
		got, err := db.Escalation(context.Background(), tc.id, graph.MustDate(tc.at))
		if err != nil {
			t.Fatalf("Escalation(%s, %s): %v", tc.id, tc.at, err)
		}
		if r := render(got); strings.Join(r, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("Escalation(%s, %s) =\n  %s\nwant\n  %s", tc.id, tc.at, strings.Join(r, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}
	chain, _ := db.Escalation(context.Background(), "esc-sr", graph.MustDate("2025-01-01"))
	if s := chain[0].Steps[1]; s.Note == "" || s.Source.DocumentTitle != "Uppdragshandling" || s.Source.Section != "3" || s.Organ != "Samordningsrådet" {
		t.Errorf("escalation step lacks its note, source or organ: %+v", s)
	}
	for _, missing := range []struct{ id, at string }{{"esc-old", "2025-01-01"}, {"no-such", "2025-01-01"}} {
		if _, err := db.Escalation(context.Background(), missing.id, graph.MustDate(missing.at)); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Escalation(%s) = %v, want ENOTFOUND", missing.id, err)
		}
	}
	if got, err := db.Escalation(context.Background(), "esc-old", graph.MustDate("2020-06-01")); err != nil || len(got) != 1 {
		t.Errorf("a dissolved group before it was dissolved: %v, %v", got, err)
	}
}
