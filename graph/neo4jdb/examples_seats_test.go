package neo4jdb_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// Question: which stabsfunktioner do Region Halland's förvaltningar have, and where are the
// gaps? (RSAU §398.) The FTE figures are the illustrative ones of
// examples/region-halland.yaml; its comment names the gaps on purpose.
func TestExamplesStaffFunctionsOfRegionHalland(t *testing.T) {
	db := importExamples(t)
	got, err := db.StaffFunctions(context.Background(), graph.OrganisationQuery{Organisation: "region-halland", At: graph.MustDate("2026-11-24")})
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != 4 {
		t.Errorf("StaffFunctions(region-halland) total = %d, want 4", got.Total)
	}
	want := []string{
		"rh-hallands-sjukhus: hr=22 it=6 kommunikation=5 uppsikt_internkontroll=0 ekonomi_budget=14 administration_juridik=9 sakerhet=0 total=56 " +
			"gaps=uppsikt_internkontroll,sakerhet",
		"rh-narsjukvarden: hr=12 it=0 kommunikation=3 uppsikt_internkontroll=1.5 ekonomi_budget=8 administration_juridik=5 sakerhet=0 total=29.5 " +
			"gaps=it,sakerhet",
		"rh-regionservice: hr=6 it=40 kommunikation=0 uppsikt_internkontroll=0 ekonomi_budget=5 administration_juridik=4 sakerhet=3 total=58 " +
			"gaps=kommunikation,uppsikt_internkontroll",
		"rh-regionkontoret: hr=38 it=12 kommunikation=15 uppsikt_internkontroll=6 ekonomi_budget=24 administration_juridik=20 sakerhet=8 total=123 gaps=",
	}
	sameLines(t, "StaffFunctions(region-halland)", renderStaffFunctions(got.Items), want)
}

// Question: which seats of Region Halland are vacant, which organs lack a chair, and who holds
// many seats? Document 001 (RSAU §398, 2021-10-28) is signed by
// Jörgen Preuss as regiondirektör, so on that day he holds the post and, ex officio (CGH
// arbetsordning 2.1, 2.4), the chair and a member's seat of Chefsgrupp Halland. No document
// names a holder for any other day, so today those seats are vacant.
func TestExamplesSeatsOfRegionHalland(t *testing.T) {
	db := importExamples(t)
	then, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: "region-halland", At: graph.MustDate("2021-10-28"), MinSeats: 1})
	if err != nil {
		t.Fatal(err)
	}
	now, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: "region-halland", At: graph.MustDate("2026-11-24"), MinSeats: 1})
	if err != nil {
		t.Fatal(err)
	}

	sameLines(t, "people with seats on 2021-10-28", renderSeats(then).many, []string{
		"jorgen-preuss 3: Chefsgrupp Halland/cgh-ledamot-regiondirektor<rh-regiondirektor, " +
			"Chefsgrupp Halland/cgh-ordforande<rh-regiondirektor, Regionkontoret/rh-regiondirektor",
		"cristine-karlsson 1: Regionkontoret/rh-hr-direktor",
		"henrik-lundahl 1: Regionkontoret/rh-kanslichef",
	})
	sameLines(t, "people with seats today", renderSeats(now).many, nil)

	// Every seat of CGH is held ex officio (2.1, 2.4); no kommundirektör and no biträdande
	// regiondirektör is named anywhere, so those seats' sources are always vacant.
	exOfficio := func(r graph.SeatsReport) []string {
		var out []string
		for _, s := range r.ExOfficioVacant {
			out = append(out, s.ID+" <- "+s.Source.ID)
		}
		return out
	}
	always := []string{
		"cgh-ledamot-bitr-regiondirektor <- rh-bitr-regiondirektor",
		"cgh-ledamot-falkenberg <- falkenberg-kommundirektor",
		"cgh-ledamot-halmstad <- halmstad-kommundirektor",
		"cgh-ledamot-hylte <- hylte-kommundirektor",
		"cgh-ledamot-kungsbacka <- kungsbacka-kommundirektor",
		"cgh-ledamot-laholm <- laholm-kommundirektor",
		"cgh-ledamot-varberg <- varberg-kommundirektor",
	}
	sameLines(t, "ex officio seats with a vacant source on 2021-10-28", exOfficio(then), always)
	sameLines(t, "ex officio seats with a vacant source today", exOfficio(now), append(slices.Clone(always),
		"cgh-ledamot-regiondirektor <- rh-regiondirektor",
		"cgh-ordforande <- rh-regiondirektor",
	))

	// Organs that are not förvaltningar or avdelningar and have no chair post, or an empty one;
	// by name (the illustrative organs have made-up names starting with "Exempel"). Only CGH's chair was ever held (by the regiondirektör, 2021-10-28).
	withoutChair := []string{
		"rh-hallandstrafiken", "rh-namnden-hallands-sjukhus", "rh-namnden-narsjukvarden", "rh-namnden-regionservice",
		"krf", "rh-krisledningsnamnd", "rh-lsg-regionkontoret[rh-lsg-ordforande]",
		"rh-rf", "rh-rs[rh-rs-ordforande]", "rh-rsau[rh-rsau-ordforande]", "rh-rs-presidium",
		"rh-stiftelse-exempelfond",
		"cgh-sg-digitalisering[cgh-sg-digitalisering-ordforande]", "cgh-sg-folkhalsa[cgh-sg-folkhalsa-ordforande]",
		"cgh-sg-kompetensforsorjning[cgh-sg-kompetensforsorjning-ordforande]",
		"cgh-sg-samhallsbyggnad[cgh-sg-samhallsbyggnad-ordforande]",
		"cgh-tg-valfardsteknik",
	}
	sameLines(t, "organs without a chair on 2021-10-28", renderSeats(then).withoutChair, withoutChair)
	sameLines(t, "organs without a chair today", renderSeats(now).withoutChair, append([]string{"cgh[cgh-ordforande]"}, withoutChair...))

	// Seats not held ex officio: 12 posts in region-halland.yaml and 14 in
	// halland-samverkan.yaml; on 2021-10-28 the regiondirektör, HR-direktör and kanslichef
	// are held.
	vacant := func(r graph.SeatsReport) []string {
		var out []string
		for _, s := range r.Vacant {
			out = append(out, s.ID)
		}
		return out
	}
	held := []string{"rh-regiondirektor", "rh-hr-direktor", "rh-kanslichef"}
	for _, id := range held {
		if slices.Contains(vacant(then), id) || !slices.Contains(vacant(now), id) {
			t.Errorf("%s: vacant on 2021-10-28 %v, today %v; want held then, vacant now", id,
				slices.Contains(vacant(then), id), slices.Contains(vacant(now), id))
		}
	}
	if len(then.Vacant) != 23 || len(now.Vacant) != 26 {
		t.Errorf("vacant seats: %d on 2021-10-28, %d today; want 23 and 26:\n  %s", len(then.Vacant), len(now.Vacant), strings.Join(vacant(now), "\n  "))
	}
}
