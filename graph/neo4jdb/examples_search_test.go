package neo4jdb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// What a Swedish user types, and what they should find first, on the example data. Each
// case lists the top hits as "match id", best first; total is the whole answer's size (-1:
// not asserted). Written from the names in examples/*.yaml.
func TestExamplesSearchAsASwedishUserTypes(t *testing.T) {
	db := importExamples(t)
	for _, tc := range []struct {
		q     string
		kinds []string
		org   string
		top   []string
		total int
	}{
		// Parts of compound words, the reason this exists.
		{"läkemedel", nil, "", []string{"prefix vgr-lakemedelskommitten", "prefix topic-lakemedel"}, 2},
		{"kommitté", nil, "", []string{"part vgr-lakemedelskommitten"}, 1},
		{"kommittén", nil, "", []string{"part vgr-lakemedelskommitten"}, 1},
		{"sjukvårdsnämnd", nil, "", []string{"word vgr-shsn"}, 1},
		{"råd", []string{"Organ"}, "", []string{"part vgr-sr-ortopedi", "part vgr-sr-psykiatri", "part vgr-kr-regionservice"}, -1},
		{"direktör", nil, "", []string{"word vgr-hr-direktor", "word rh-hr-direktor"}, -1},
		{"fullmäktige", nil, "", []string{"part falkenberg-kf"}, 8},
		{"bolag", nil, "", []string{"part rh-hallandstrafiken"}, 1},
		// Beginnings of words.
		{"stab", nil, "", []string{"prefix topic-stabsfunktioner"}, 1},
		{"sjukhus", []string{"Organ"}, "", []string{"prefix vgr-su", "prefix vgr-skas", "prefix vgr-nu"}, 3},
		{"ortoped", nil, "", []string{"prefix vgr-sr-ortopedi", "prefix vgr-su-vc-ortopedi"}, 2},
		{"regionkontor", nil, "", []string{"prefix rh-regionkontoret", "prefix rh-lsg-regionkontoret"}, 3},
		{"läkemedel*", nil, "", []string{"prefix vgr-lakemedelskommitten"}, 2},
		// Whole words and whole names.
		{"uppsikt", nil, "", []string{"word topic-uppsikt"}, 1},
		{"stabsfunktioner", nil, "", []string{"word topic-stabsfunktioner"}, 1},
		{"regionfullmäktige", nil, "", []string{"exact rh-rf", "exact vgr-rf"}, 2},
		{"regionstyrelsen", []string{"Organ"}, "", []string{"exact rh-rs", "exact vgr-rs", "word rh-rs-presidium"}, -1},
		{"RSAU", nil, "", []string{"exact rh-rsau"}, 1},
		{"cgh", nil, "", []string{"exact cgh"}, 1},
		// Kommunstyrelsens arbetsutskott: the same word once the Swedish stemmer has both.
		{"Kommunstyrelsen", nil, "hoor-kommun", []string{"exact hoor-ks", "word hoor-ksau"}, 2},
		{"folkhälsa", nil, "", []string{"exact topic-folkhalsa", "word cgh-sg-folkhalsa"}, 2},
		{"it", nil, "", []string{"word hh-gv-it", "word hh-pg-it"}, 2},
		{"HR", []string{"Organ"}, "", []string{"word rh-hr-avdelningen", "word vgr-fg-hr"}, 2},
		// Several words: every one must match.
		{"samordningsråd ortopedi", nil, "", []string{"exact vgr-sr-ortopedi"}, 1},
		{"hälso sjukvård", nil, "", []string{"word topic-halso-och-sjukvard", "word vgr-kl-hs"}, 9},
		{"hälso- och sjukvård", nil, "", []string{"exact topic-halso-och-sjukvard", "word vgr-kl-hs"}, 9},
		{"regionstyrelsens arbetsutskott", nil, "", []string{"exact rh-rsau", "word rh-rsau-ordforande"}, 2},
		// The fifth is Arbetsgruppen för strategisk samverkan: "grupp" a part of "arbetsgruppen".
		{"strategisk grupp", []string{"Organ"}, "", []string{"word cgh-sg-folkhalsa"}, 5},
		{"falkenberg kommun", nil, "", []string{"word falkenberg-kommun"}, 2},
		// Inflections.
		// "nämnden" as typed in two names; its stem "nämnd" in six more (the three example
		// nämnder and their presidier, "Presidiet i Exempelnämnd A" …), ranked after them.
		{"nämnden", nil, "", []string{"part rh-krisledningsnamnd", "part vgr-shsn", "part rh-namnden-hallands-sjukhus"}, 8},
		{"nämnder", nil, "", []string{"part rh-namnden-hallands-sjukhus"}, 8},
		{"kommunstyrelse", []string{"Organ"}, "halmstad-kommun", []string{"word halmstad-ks"}, 1},
		{"samordningsråden", nil, "", []string{"word vgr-sr-ortopedi"}, 3},
		// Typed without å/ä/ö.
		{"lakemedel", nil, "", []string{"folded vgr-lakemedelskommitten", "folded topic-lakemedel"}, 2},
		{"samordningsrad", nil, "", []string{"folded vgr-sr-ortopedi"}, 3},
		{"horby", []string{"Organisation"}, "", []string{"folded horby-kommun"}, 1},
		{"jorgen preuss", nil, "", []string{"folded jorgen-preuss"}, 1},
		// One typo in a long word.
		{"regiondirektr", nil, "", []string{"fuzzy rh-regiondirektor", "fuzzy vgr-regiondirektor"}, 5},
		{"läkemdelskommittén", nil, "", []string{"fuzzy vgr-lakemedelskommitten"}, 1},
		{"kommunstyrelsn", []string{"Organ"}, "hylte-kommun", []string{"part hylte-ks"}, 1},
		// People, by either name.
		{"Jörgen", nil, "", []string{"word jorgen-preuss"}, 1},
		{"sjöholm", nil, "", []string{"word helena-sjoholm"}, 1},
		// Lucene's operators are text, never an error.
		{`kommitté~`, nil, "", []string{"part vgr-lakemedelskommitten"}, 1},
		{`"(revision)"`, nil, "", nil, 0},
		{`back\slash`, nil, "", nil, 0},
		// Nothing to find.
		{"xyzzy", nil, "", nil, 0},
		{"göteborg", nil, "", nil, 0},
		{"ortopedi xyzzy", nil, "", nil, 0},
		// Kinds and organisations filter before the page and the total.
		{"läkemedel", []string{"Topic"}, "", []string{"prefix topic-lakemedel"}, 1},
		{"ordförande", nil, "region-halland", []string{"exact cgh-sg-digitalisering-ordforande"}, -1},
	} {
		name := fmt.Sprintf("Search(%q, %v, %q)", tc.q, tc.kinds, tc.org)
		got, err := db.Search(context.Background(), graph.SearchQuery{Text: tc.q, Kinds: tc.kinds, Organisation: tc.org, Page: graph.Page{Limit: len(tc.top) + 1}})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var hits []string
		for _, h := range got.Items {
			hits = append(hits, h.Match+" "+h.ID)
		}
		if len(hits) > len(tc.top) {
			hits = hits[:len(tc.top)]
		}
		if strings.Join(hits, ", ") != strings.Join(tc.top, ", ") {
			t.Errorf("%s top = %v, want %v", name, hits, tc.top)
		}
		if tc.total >= 0 && got.Total != tc.total {
			t.Errorf("%s total = %d, want %d", name, got.Total, tc.total)
		}
	}

	for _, q := range []string{"", "   ", `"(*)"`} {
		if _, err := db.Search(context.Background(), graph.SearchQuery{Text: q}); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Search(%q) = %v, want EINVALID", q, err)
		}
	}
	if _, err := db.Search(context.Background(), graph.SearchQuery{Text: "råd", Kinds: []string{"Meeting"}}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("an unknown kind: %v, want EINVALID", err)
	}
}

// Who-decides resolves its topic through the same matching, and never says "nobody" of
// something the graph holds.
func TestExamplesWhoDecidesAsASwedishUserTypes(t *testing.T) {
	db := importExamples(t)
	at := graph.MustDate("2026-11-24")
	for _, tc := range []struct {
		topic   string
		org     string
		top     []string // "match mandate@holder"
		related []string // "match id", when no mandate matches
		nothing bool
	}{
		{"läkemedel", "", []string{"prefix vgr-hss-lk-reglemente@vgr-hss", "prefix vgr-lk-rekommendationer@vgr-lakemedelskommitten"}, nil, false},
		{"lakemedel", "", []string{"folded vgr-hss-lk-reglemente@vgr-hss", "folded vgr-lk-rekommendationer@vgr-lakemedelskommitten"}, nil, false},
		{"stabsfunktioner", "", []string{"word rh-rsau-delegation@rh-rsau"}, nil, false},
		{"sjukhus", "", nil, []string{"prefix vgr-su", "prefix vgr-skas", "prefix vgr-nu"}, false},
		{"xyzzy", "", nil, nil, true},
		// Läkemedel is VGR's: nothing of Region Halland matches, which the answer says.
		{"läkemedel", "region-halland", nil, nil, true},
	} {
		a, err := db.WhoDecides(context.Background(), graph.WhoDecidesQuery{Topic: tc.topic, Organisation: tc.org, At: at})
		if err != nil {
			t.Fatalf("WhoDecides(%q): %v", tc.topic, err)
		}
		var top, related []string
		for _, d := range a.Items {
			top = append(top, d.Match+" "+d.Mandate.ID+"@"+d.Holder.ID)
		}
		for _, h := range a.Related {
			related = append(related, h.Match+" "+h.ID)
		}
		if len(top) > len(tc.top) {
			top = top[:len(tc.top)]
		}
		if len(related) > len(tc.related) {
			related = related[:len(tc.related)]
		}
		if strings.Join(top, ", ") != strings.Join(tc.top, ", ") || strings.Join(related, ", ") != strings.Join(tc.related, ", ") ||
			a.NothingMatched != tc.nothing || a.Organisation != tc.org {
			t.Errorf("WhoDecides(%q) = %v, related %v, nothing %v; want %v, %v, %v", tc.topic, top, related, a.NothingMatched, tc.top, tc.related, tc.nothing)
		}
	}
}
