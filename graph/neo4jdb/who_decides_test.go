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
	mustImport(t, db, "testdata/who_decides.yaml")
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
		// Lucene operators in the input are taken literally, not as syntax errors.
		{`budget (" OR *`, "", "2025-06-01", nil},
	} {
		got, err := db.WhoDecides(ctx, tc.text, tc.org, graph.MustDate(tc.at))
		if err != nil {
			t.Fatalf("WhoDecides(%q, %q, %s): %v", tc.text, tc.org, tc.at, err)
		}
		if g := decisions(got); strings.Join(g, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("WhoDecides(%q, %q, %s) =\n  %s\nwant\n  %s", tc.text, tc.org, tc.at, strings.Join(g, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}

	got, err := db.WhoDecides(ctx, "budget", "wd-region", graph.MustDate("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	// Direct matches of the scope rank before the mandate found only through its topic.
	if last := got[len(got)-1]; last.Mandate.ID != "wd-m-rd" || last.Direct {
		t.Errorf("last answer = %s (direct %v), want the topic-only match wd-m-rd", last.Mandate.ID, last.Direct)
	}
	rd := got[len(got)-1]
	if rd.Organ != "Kontoret" || rd.Holder.Kind != "Post" || rd.Path[1].Source.DocumentTitle != "Delegationsordning" || rd.Path[1].Source.Section != "1.1" || rd.Path[2].Holder != "Fullmäktige" {
		t.Errorf("wd-m-rd answer lacks organ, sources or holders: %+v", rd)
	}

	if _, err := db.WhoDecides(ctx, "budget", "no-such-org", graph.MustDate("2025-06-01")); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v, want ENOTFOUND", err)
	}
	if _, err := db.WhoDecides(ctx, "  ", "", graph.MustDate("2025-06-01")); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("empty text: %v, want EINVALID", err)
	}
}
