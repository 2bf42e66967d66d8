package neo4jdb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestOrganisationGraph(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/organisation_graph.yaml")
	ctx := context.Background()
	for _, tc := range []struct {
		organisation, at string
		want             []string
	}{
		// The closed nämnd is gone and its remaining part is a top organ; the joint group of
		// the kommun is drawn as a top organ (its parent is the kommun's); the new group has
		// started; the arbetsutskott no longer prepares for the styrelse.
		{"og-region", "2025-01-01", []string{
			"0 og-rf< ",
			"0 og-joint< ",
			"0 og-old-part< ",
			"0 og-new< ",
			"1 og-hsn<og-rf og-hsn-chair[]",
			"1 og-rs<og-rf og-rs-chair[og-bo]",
			"2 og-au<og-rs og-au-chair[og-bo]",
			"2 og-kontor<og-rs og-rd[og-anna]",
			"3 og-avd<og-kontor ",
			"APPOINTS og-rs>og-rd",
			"COLLABORATES_WITH og-kontor>og-joint",
			"EX_OFFICIO og-au-chair>og-rs-chair",
			"OVERSEES og-rs>og-hsn",
			"PART_OF og-au>og-rs",
			"PART_OF og-avd>og-kontor",
			"PART_OF og-hsn>og-rf",
			"PART_OF og-kontor>og-rs",
			"PART_OF og-rs>og-rf",
			"REPORTS_TO og-rs>og-rf",
		}},
		{"og-region", "2022-06-01", []string{
			"0 og-rf< ",
			"0 og-joint< ",
			"1 og-old<og-rf ",
			"1 og-hsn<og-rf og-hsn-chair[]",
			"1 og-rs<og-rf og-rs-chair[og-anna]",
			"2 og-au<og-rs og-au-chair[og-anna]",
			"2 og-kontor<og-rs og-rd[og-anna]",
			"2 og-old-part<og-old ",
			"3 og-avd<og-kontor ",
			"APPOINTS og-rs>og-rd",
			"COLLABORATES_WITH og-kontor>og-joint",
			"EX_OFFICIO og-au-chair>og-rs-chair",
			"OVERSEES og-rs>og-hsn",
			"PART_OF og-au>og-rs",
			"PART_OF og-avd>og-kontor",
			"PART_OF og-hsn>og-rf",
			"PART_OF og-kontor>og-rs",
			"PART_OF og-old>og-rf",
			"PART_OF og-old-part>og-old",
			"PART_OF og-rs>og-rf",
			"PREPARES_FOR og-au>og-rs",
			"REPORTS_TO og-rs>og-rf",
		}},
		// The kommun draws its joint group under its styrelse, and the region's organs not at all.
		{"og-kommun", "2025-01-01", []string{
			"0 og-ks< og-ks-chair[og-bo]",
			"1 og-joint<og-ks ",
			"PART_OF og-joint>og-ks",
			"REPORTS_TO og-joint>og-ks",
		}},
	} {
		tree, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: tc.organisation, At: graph.MustDate(tc.at), MaxOrgans: 400})
		if err != nil {
			t.Fatalf("OrganisationGraph(%s, %s): %v", tc.organisation, tc.at, err)
		}
		if tree.Root != tc.organisation {
			t.Errorf("Root = %q, want %q", tree.Root, tc.organisation)
		}
		if got, want := renderTree(tree), strings.Join(tc.want, "\n"); got != want {
			t.Errorf("OrganisationGraph(%s, %s) =\n%s\nwant\n%s", tc.organisation, tc.at, got, want)
		}
	}
	// The title block's facts: the organisation's name and the sources of what is drawn.
	for _, tc := range []struct {
		organisation, name, datasets, documents string
	}{
		{"og-region", "Regionen", "og", "og-instruktion Instruktion för nämndens ordförande|og-reglemente Reglemente för styrelsen"},
		{"og-kommun", "Kommunen", "og", "og-kommun-doc Kommunens reglemente"},
	} {
		tree, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: tc.organisation, At: graph.MustDate("2025-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for _, d := range tree.Documents {
			docs = append(docs, d.ID+" "+d.Name)
		}
		if tree.Name != tc.name || strings.Join(tree.Datasets, ",") != tc.datasets || strings.Join(docs, "|") != tc.documents {
			t.Errorf("%s: name %q, datasets %v, documents %v; want %q, %s, %s", tc.organisation, tree.Name, tree.Datasets, docs, tc.name, tc.datasets, tc.documents)
		}
	}
	tree, _ := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: "og-region", At: graph.MustDate("2025-01-01")})
	if len(tree.Organs) != 9 {
		t.Errorf("maxOrgans 0 (no limit): %d organs, want 9", len(tree.Organs))
	}
	for _, o := range tree.Organs {
		if o.ID == "og-joint" && (o.Organisation != "Kommunen" || o.Category != graph.CategoryCollaborative || o.Kind != "samverkansgrupp") {
			t.Errorf("joint organ: %+v", o)
		}
	}
	_, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: "og-region", At: graph.MustDate("2025-01-01"), MaxOrgans: 8})
	if graph.ErrorCode(err) != graph.ETOOLARGE || !strings.Contains(graph.ErrorMessage(err), "9 organs") {
		t.Errorf("9 organs over a limit of 8: %v, want ETOOLARGE naming the count", err)
	}
	for _, missing := range []struct{ id, at string }{{"no-such", "2025-01-01"}, {"og-gammal", "2025-01-01"}} {
		if _, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: missing.id, At: graph.MustDate(missing.at), MaxOrgans: 400}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("OrganisationGraph(%s, %s) = %v, want ENOTFOUND", missing.id, missing.at, err)
		}
	}
	if _, err := db.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: "og-region", At: graph.MustDate("2025-01-01"), MaxOrgans: -1}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("negative maxOrgans: %v, want EINVALID", err)
	}
}
