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
	// 2022-12-31 and has no follow-up recorded; the file keeps no complete follow-up records
	// for the region, so that is not_recorded, not overdue. The assignment itself is due in a
	// window ("senare delen av 2022") with status unknown, so it is listed as past due with
	// its status unknown, not as overdue (both used to be reported as overdue only because no
	// report was recorded). CGH's follow-ups are declared complete from 2022.
	// CGH's own assignments have no due date.
	got, err := db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "region-halland", Year: 2026, At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "missing follow-ups of Region Halland in 2026", renderMissing(got.Missing), []string{
		"cgh cgh-utvardering 2022-10-15..2026-10-14 last:2022-03-23 overdue",
		"cgh-sg-digitalisering cgh-sg-digitalisering-arlig-uppfoljning 2026-01-01..2026-12-31 last:2025-11-12 due",
		"cgh-sg-samhallsbyggnad cgh-sg-samhallsbyggnad-arlig-uppfoljning 2026-01-01..2026-12-31 last:2024-11-13 due",
		"rh-uppdrag-stabsfunktioner rh-uppfoljning-stabsfunktioner ..2022-12-31 last:- not_recorded",
	})
	sameLines(t, "overdue assignments of Region Halland", renderOverdue(got.OverdueAssignments), []string{})
	sameLines(t, "past due, status unknown, in Region Halland", renderOverdue(got.PastDueUnknown), []string{
		"rh-uppdrag-stabsfunktioner rh-rsau>rh-regionkontoret report:rh-rsau due:2022-12-31",
	})
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
	// 2025-12-03; but document 004 gives the follow-up no frequency beyond "kontinuerligt", so
	// the duties are per continuous and have no deadline to miss (the IT-enhet used to be
	// listed as due, under an invented yearly frequency). The arbetsgrupp's hand-over was due
	// "i januari 2018" (a window) and whether it happened is unknown, so it is not overdue (it
	// used to be, for lack of a report date).
	for _, org := range []string{"horby-kommun", "hoor-kommun"} {
		got, err = db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: org, Year: 2026, At: at})
		if err != nil {
			t.Fatal(err)
		}
		sameLines(t, "missing follow-ups of "+org, renderMissing(got.Missing), []string{})
		sameLines(t, "overdue assignments of "+org, renderOverdue(got.OverdueAssignments), []string{})
	}

	// vgr.yaml has no dated follow-up duties (the koncernledningar's follow-up has no stated
	// frequency: per unspecified) and no assignments.
	got, err = db.MissingFollowUps(context.Background(), graph.FollowUpQuery{Organisation: "vgr", Year: 2026, At: at})
	if err != nil || len(got.Missing) != 0 || len(got.OverdueAssignments) != 0 {
		t.Errorf("VGR: %+v, %v; want an empty report", got, err)
	}
}

func TestExamplesOversightCoverage(t *testing.T) {
	db := importExamples(t)
	at := graph.MustDate("2026-11-24")
	uppsikt := "rh-regiondirektorens-uppdrag Biträda i regionstyrelsens uppsiktsplikt, styrning, ledning och koordinering"
	// Illustrative facts may still cite the document whose kind of fact they illustrate.
	motiv := "hh-lagesrapport-samverkan Motiv till att samverka (viktiga frågor)"

	// region-halland.yaml: regionstyrelsen oversees the three driftnämnder, the
	// krisledningsnämnd and a bolag; the stiftelse deliberately lacks uppsikt.
	// The nämnder and the bolag are illustrative, and so is the uppsikt over them (it used to
	// be cited as documented). The file declares its uppsikt relations complete (an
	// illustrative declaration), so the stiftelse's gap is a finding, of that basis.
	rows, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "region-halland", At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "uppsikt in Region Halland", renderOversight(rows.Items), []string{
		"rh-stiftelse-exempelfond region-halland rh-rs GAP illustrative",
		"rh-hallandstrafiken region-halland rh-rs covered (" + uppsikt + ") illustrative",
		"rh-namnden-hallands-sjukhus region-halland rh-rs covered (" + uppsikt + ") illustrative",
		"rh-namnden-narsjukvarden region-halland rh-rs covered (" + uppsikt + ") illustrative",
		"rh-namnden-regionservice region-halland rh-rs covered (" + uppsikt + ") illustrative",
		"rh-krisledningsnamnd region-halland rh-rs covered (" + uppsikt + ") inferred",
	})
	// Only what the documents state: no uppsikt relation of the example is stated, and the
	// completeness is illustrative, so nothing is a finding and nothing is shown as covered.
	stated, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "region-halland", At: at, MinBasis: graph.BasisStated})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range stated.Items {
		if r.Status != graph.OversightUnknown {
			t.Errorf("with basis=stated, %s is %s, want unknown", r.Organ.ID, r.Status)
		}
	}

	// horby-hoor.yaml: both kommunstyrelser oversee the löneenhet; the IT-enhet only Hörby's.
	// The joint activities are illustrative, and so is the uppsikt over them.
	for _, org := range []string{"horby-kommun", "hoor-kommun"} {
		rows, err := db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: org, At: at})
		if err != nil {
			t.Fatal(err)
		}
		sameLines(t, "uppsikt in "+org, renderOversight(rows.Items), []string{
			"hh-gv-it hoor-kommun hoor-ks GAP illustrative",
			"hh-gv-it horby-kommun horby-ks covered (" + motiv + ") illustrative",
			"hh-gv-lon horby-kommun horby-ks covered (" + motiv + ") illustrative",
			"hh-gv-lon hoor-kommun hoor-ks covered (" + motiv + ") illustrative",
		})
	}

	// vgr.yaml states no uppsikt over its two nämnder, and declares its uppsikt relations not
	// complete: document 003 says nothing about uppsikt, so these are unknown, not gaps (they
	// used to be reported as organs outside uppsikt).
	rows, err = db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "vgr", At: at})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "uppsikt in VGR", renderOversight(rows.Items), []string{
		"vgr-hss vgr vgr-rs UNKNOWN",
		"vgr-shsn vgr vgr-rs UNKNOWN",
	})

	// halland-kommuner.yaml: a kommun with no nämnd, bolag, stiftelse or joint activity.
	rows, err = db.OversightCoverage(context.Background(), graph.OrganisationQuery{Organisation: "halmstad-kommun", At: at})
	if err != nil || len(rows.Items) != 0 || rows.Total != 0 {
		t.Errorf("Halmstads kommun: %v (total %d), %v; want no rows", renderOversight(rows.Items), rows.Total, err)
	}
}
