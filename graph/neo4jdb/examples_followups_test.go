package neo4jdb_test

import (
	"context"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// Questions: which groups have had no follow-up this year (and which assignments are overdue)?
// Is every nämnd, bolag, stiftelse and joint activity under uppsikt? The expected answers are
// read off the YAML in examples/ (the comments say where).

func TestExamplesMissingFollowUps(t *testing.T) {
	db := importExamples(t)
	at := graph.MustDate("2026-11-24")

	// halland-samverkan.yaml: of CGH's strategiska grupper, kompetensförsörjning (2026-11-11)
	// and folkhälsa (2026-05-20) were followed up in 2026, digitalisering last on 2025-11-12
	// and samhällsbyggnad last on 2024-11-13. CGH's evaluation (once per mandatperiod, 2.9)
	// was last done on 2022-03-23, before the 2022–2026 period began; that period ended on
	// 2026-10-14. region-halland.yaml: the once-duty on RSAU §398's assignment was due
	// 2022-12-31 and has no follow-up. The assignment itself is due in a window ("senare
	// delen av 2022") with status unknown, so it is not overdue (it used to be listed as
	// overdue only because no report was recorded). CGH's own assignments have no due date.
	got, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "region-halland", Year: 2026, At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "missing follow-ups of Region Halland in 2026", renderMissing(got.Missing), []string{
		"cgh cgh-utvardering 2022-10-15..2026-10-14 last:2022-03-23 overdue",
		"cgh-sg-digitalisering cgh-sg-digitalisering-arlig-uppfoljning 2026-01-01..2026-12-31 last:2025-11-12 due",
		"cgh-sg-samhallsbyggnad cgh-sg-samhallsbyggnad-arlig-uppfoljning 2026-01-01..2026-12-31 last:2024-11-13 due",
		"rh-uppdrag-stabsfunktioner rh-uppfoljning-stabsfunktioner ..2022-12-31 last:- overdue",
	})
	sameLines(t, "overdue assignments of Region Halland", renderOverdue(got.OverdueAssignments), []string{})
	if len(got.Missing) == 4 {
		if s := got.Missing[1].Source; s.Document != "cgh-arbetsordning" || s.Section != "3.4" || s.DocumentTitle != "Arbetsordning för Chefsgrupp Halland (CGH)" {
			t.Errorf("source of the yearly follow-up of the strategiska grupper = %+v, want arbetsordningen 3.4", s)
		}
	}

	// The strategiska grupper and CGH span the Halland kommuner too; the §398 assignment is
	// the region's alone, and CGH's assignments have no due date.
	got, err = db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "halmstad-kommun", Year: 2026, At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "missing follow-ups of Halmstads kommun in 2026", renderMissing(got.Missing), []string{
		"cgh cgh-utvardering 2022-10-15..2026-10-14 last:2022-03-23 overdue",
		"cgh-sg-digitalisering cgh-sg-digitalisering-arlig-uppfoljning 2026-01-01..2026-12-31 last:2025-11-12 due",
		"cgh-sg-samhallsbyggnad cgh-sg-samhallsbyggnad-arlig-uppfoljning 2026-01-01..2026-12-31 last:2024-11-13 due",
	})
	sameLines(t, "overdue assignments of Halmstads kommun", renderOverdue(got.OverdueAssignments), []string{})

	// horby-hoor.yaml: the joint löneenhet was followed up on 2026-10-07, the IT-enhet only on
	// 2025-12-03. The arbetsgrupp's hand-over was due "i januari 2018" (a window) and whether
	// it happened is unknown, so it is not overdue (it used to be, for lack of a report date).
	for _, org := range []string{"horby-kommun", "hoor-kommun"} {
		got, err = db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: org, Year: 2026, At: at})
		if err != nil {
			t.Fatal(err)
		}
		sameLines(t, "missing follow-ups of "+org, renderMissing(got.Missing), []string{
			"hh-gv-it hh-uppfoljning-gv-it 2026-01-01..2026-12-31 last:2025-12-03 due",
		})
		sameLines(t, "overdue assignments of "+org, renderOverdue(got.OverdueAssignments), []string{})
	}

	// vgr.yaml has no follow-up duties and no assignments.
	got, err = db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "vgr", Year: 2026, At: at})
	if err != nil || len(got.Missing) != 0 || len(got.OverdueAssignments) != 0 {
		t.Errorf("VGR: %+v, %v; want an empty report", got, err)
	}
}

func TestExamplesOversightCoverage(t *testing.T) {
	db := importExamples(t)
	at := graph.MustDate("2026-11-24")
	uppsikt := "rh-regiondirektorens-uppdrag Biträda i regionstyrelsens uppsiktsplikt, styrning, ledning och koordinering"

	// region-halland.yaml: regionstyrelsen oversees the three driftnämnder, the
	// krisledningsnämnd and a bolag; the stiftelse deliberately lacks uppsikt.
	// The nämnder and the bolag are illustrative, and so is the uppsikt over them (it used to
	// be cited as documented).
	rows, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "region-halland", At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "uppsikt in Region Halland", renderOversight(rows.Items), []string{
		"rh-stiftelse-exempelfond region-halland rh-rs GAP",
		"rh-hallandstrafiken region-halland rh-rs covered (illustrative)",
		"rh-namnden-hallands-sjukhus region-halland rh-rs covered (illustrative)",
		"rh-namnden-narsjukvarden region-halland rh-rs covered (illustrative)",
		"rh-namnden-regionservice region-halland rh-rs covered (illustrative)",
		"rh-krisledningsnamnd region-halland rh-rs covered (" + uppsikt + ")",
	})

	// horby-hoor.yaml: both kommunstyrelser oversee the löneenhet; the IT-enhet only Hörby's.
	// The joint activities are illustrative, and so is the uppsikt over them.
	for _, org := range []string{"horby-kommun", "hoor-kommun"} {
		rows, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: org, At: at})
		if err != nil {
			t.Fatal(err)
		}
		sameLines(t, "uppsikt in "+org, renderOversight(rows.Items), []string{
			"hh-gv-it hoor-kommun hoor-ks GAP",
			"hh-gv-it horby-kommun horby-ks covered (illustrative)",
			"hh-gv-lon horby-kommun horby-ks covered (illustrative)",
			"hh-gv-lon hoor-kommun hoor-ks covered (illustrative)",
		})
	}

	// vgr.yaml states no uppsikt over its two nämnder. The file declares its oversight
	// coverage not complete, so these rows are not findings; this query does not read
	// coverage yet.
	rows, err = db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "vgr", At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "uppsikt in VGR", renderOversight(rows.Items), []string{
		"vgr-hss vgr vgr-rs GAP",
		"vgr-shsn vgr vgr-rs GAP",
	})

	// halland-kommuner.yaml: a kommun with no nämnd, bolag, stiftelse or joint activity.
	rows, err = db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "halmstad-kommun", At: at})
	if err != nil || len(rows.Items) != 0 || rows.Total != 0 {
		t.Errorf("Halmstads kommun: %v (total %d), %v; want no rows", renderOversight(rows.Items), rows.Total, err)
	}
}
