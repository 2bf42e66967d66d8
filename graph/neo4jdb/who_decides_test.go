package neo4jdb_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// decisions renders answers as "mandate@holder[people] path:a>b>c", sorted, for comparing
// sets; ranking is checked separately.
func decisions(ds []graph.Decision) []string {
	var out []string
	for _, d := range ds {
		var people, path []string
		for _, p := range d.People {
			people = append(people, p.ID)
		}
		for _, m := range d.Path {
			path = append(path, m.ID)
		}
		out = append(out, d.Mandate.ID+"@"+d.Holder.ID+"["+strings.Join(people, ",")+"] path:"+strings.Join(path, ">"))
	}
	sort.Strings(out)
	return out
}

func TestWhoDecides(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/who_decides.yaml")
	ctx := context.Background()
	for _, tc := range []struct {
		text, org, at string
		want          []string
	}{
		{"budget", "wd-region", "2025-06-01", []string{
			"wd-m-rd@wd-rd[wd-p2] path:wd-m-rd>wd-m-rs>wd-m-rf",
			"wd-m-rf@wd-rf[] path:wd-m-rf",
			"wd-m-rs@wd-rs[] path:wd-m-rs>wd-m-rf",
		}},
		// The regiondirektör's mandate starts in 2023; in 2024 the first holder has the seat.
		{"budget", "wd-region", "2022-06-01", []string{
			"wd-m-rf@wd-rf[] path:wd-m-rf",
			"wd-m-rs@wd-rs[] path:wd-m-rs>wd-m-rf",
		}},
		{"budget", "wd-region", "2024-06-01", []string{
			"wd-m-rd@wd-rd[wd-p1] path:wd-m-rd>wd-m-rs>wd-m-rf",
			"wd-m-rf@wd-rf[] path:wd-m-rf",
			"wd-m-rs@wd-rs[] path:wd-m-rs>wd-m-rf",
		}},
		// Without an organisation, the neighbour's mandate counts too.
		{"budget", "", "2022-06-01", []string{
			"wd-m-other@wd-other-rs[] path:wd-m-other",
			"wd-m-rf@wd-rf[] path:wd-m-rf",
			"wd-m-rs@wd-rs[] path:wd-m-rs>wd-m-rf",
		}},
		// Stemming: "läkemedelsfråga" finds "läkemedelsfrågor"; an exact topic id works too.
		{"läkemedelsfråga", "", "2025-06-01", []string{"wd-m-lak@wd-rsau[] path:wd-m-lak"}},
		{"wd-lakemedel", "", "2025-06-01", []string{"wd-m-lak@wd-rsau[] path:wd-m-lak"}},
		// A delegation cycle ends where it would come back.
		{"cirkelärenden", "", "2025-06-01", []string{
			"wd-m-c1@wd-rs[] path:wd-m-c1>wd-m-c2",
			"wd-m-c2@wd-rsau[] path:wd-m-c2>wd-m-c1",
		}},
		{"ingenting sådant", "", "2025-06-01", nil},
		// Lucene's operators in the input are just text, never syntax: punctuation separates
		// words and OR is a word, which no budget mandate has (a word of two letters matches
		// only a whole word or the beginning of one).
		{`budget (" OR *`, "", "2025-06-01", nil},
	} {
		got, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: tc.text, Organisation: tc.org, At: graph.MustDate(tc.at)})
		if err != nil {
			t.Fatalf("WhoDecides(%q, %q, %s): %v", tc.text, tc.org, tc.at, err)
		}
		if got.Total != len(tc.want) {
			t.Errorf("WhoDecides(%q, %q, %s) total = %d, want %d", tc.text, tc.org, tc.at, got.Total, len(tc.want))
		}
		if g := decisions(got.Items); strings.Join(g, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("WhoDecides(%q, %q, %s) =\n  %s\nwant\n  %s", tc.text, tc.org, tc.at, strings.Join(g, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}

	list, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: "budget", Organisation: "wd-region", At: graph.MustDate("2025-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	got := list.Items
	// Direct matches of the scope rank before the mandate found only through its topic.
	if last := got[len(got)-1]; last.Mandate.ID != "wd-m-rd" || last.Direct {
		t.Errorf("last answer = %s (direct %v), want the topic-only match wd-m-rd", last.Mandate.ID, last.Direct)
	}
	rd := got[len(got)-1]
	if rd.Organ != "Kontoret" || rd.Holder.Kind != "Post" || rd.Path[1].Source.DocumentTitle != "Delegationsordning" || rd.Path[1].Source.Section != "1.1" || rd.Path[2].Holder != "Fullmäktige" {
		t.Errorf("wd-m-rd answer lacks organ, sources or holders: %+v", rd)
	}

	if _, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: "budget", Organisation: "no-such-org", At: graph.MustDate("2025-06-01")}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v, want ENOTFOUND", err)
	}
	if _, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: "  ", At: graph.MustDate("2025-06-01")}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("empty text: %v, want EINVALID", err)
	}
	if _, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: "budget"}); graph.ErrorCode(err) != graph.EINVALID || graph.ErrorMessage(err) != "at: required (YYYY-MM-DD)" {
		t.Errorf("no date: %v, want EINVALID", err)
	}
}

// TestWhoDecidesPages checks that who-decides answers one page at a time, in the order of the
// whole answer, and that its total counts every answer.
func TestWhoDecidesPages(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/who_decides.yaml")
	ctx := context.Background()
	ask := func(p graph.Page) graph.List[graph.Decision] {
		t.Helper()
		// Without an organisation, four mandates are about the budget in 2025.
		l, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: "budget", At: graph.MustDate("2025-06-01"), Page: p})
		if err != nil {
			t.Fatalf("WhoDecides(budget, %+v): %v", p, err)
		}
		return l.List
	}
	ids := func(ds []graph.Decision) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Mandate.ID+"@"+d.Holder.ID)
		}
		return out
	}
	whole := ask(graph.Page{})
	if len(whole.Items) != 4 || whole.Total != 4 {
		t.Fatalf("whole answer: %v of %d, want 4 of 4", ids(whole.Items), whole.Total)
	}
	first, second := ask(graph.Page{Limit: 2}), ask(graph.Page{Offset: 2, Limit: 2})
	if first.Total != 4 || second.Total != 4 {
		t.Errorf("totals %d and %d, want 4 on every page", first.Total, second.Total)
	}
	sameLines(t, "first page", ids(first.Items), ids(whole.Items[:2]))
	sameLines(t, "second page", ids(second.Items), ids(whole.Items[2:]))
	if !first.More(graph.Page{Limit: 2}) || second.More(graph.Page{Offset: 2, Limit: 2}) {
		t.Errorf("More: first page %v, second page %v; want true, false", first.More(graph.Page{Limit: 2}), second.More(graph.Page{Offset: 2, Limit: 2}))
	}
	if past := ask(graph.Page{Offset: 10, Limit: 2}); len(past.Items) != 0 || past.Total != 4 {
		t.Errorf("past the end: %v of %d, want nothing of 4", ids(past.Items), past.Total)
	}
}
