package neo4jdb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// For one organisation, who-decides matches what was typed only among that organisation's
// mandates and their topics (organisation_mandates.cypher), not the whole country's. The
// answer must be the same as matching everywhere and keeping the organisation's holders:
// each organisation's answer is part of the unscoped one, and together they are all of it.
func TestWhoDecidesForAnOrganisationMatchesTheUnscopedAnswer(t *testing.T) {
	db := importExamples(t)
	ctx := context.Background()
	at := graph.MustDate("2026-11-24")
	orgs, err := db.Organisations(ctx, at)
	if err != nil || len(orgs) < 2 {
		t.Fatalf("organisations: %v, %v", orgs, err)
	}
	key := func(d graph.Decision) string {
		return fmt.Sprintf("%s by %s (%s, direct %v)", d.Mandate.ID, d.Holder.ID, d.Match, d.Direct)
	}
	answer := func(typed, org string) []string {
		t.Helper()
		a, err := db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: typed, Organisation: org, At: at, Page: graph.Page{Limit: graph.MaxLimit}})
		if err != nil {
			t.Fatalf("who decides %q in %q: %v", typed, org, err)
		}
		var keys []string
		for _, d := range a.Items {
			keys = append(keys, key(d))
		}
		return keys
	}
	// A topic by name, a topic id, part of a compound, a word without å/ä/ö, a typo, and a
	// word of many scopes.
	for _, typed := range []string{"stabsfunktioner", "topic-lakemedel", "läkemedel", "beredning", "arbetsgivarfragor", "uppsikt", "beslut"} {
		all := answer(typed, "")
		if len(all) == 0 {
			t.Errorf("%q: no answer without an organisation; the comparison would prove nothing", typed)
			continue
		}
		var union []string
		for _, o := range orgs {
			for _, k := range answer(typed, o.ID) {
				if !slices.Contains(all, k) {
					t.Errorf("%q in %s: %s is not in the unscoped answer", typed, o.ID, k)
				}
				if !slices.Contains(union, k) {
					union = append(union, k)
				}
			}
		}
		for _, k := range all {
			if !slices.Contains(union, k) {
				t.Errorf("%q: %s is in no organisation's answer", typed, k)
			}
		}
	}
}
