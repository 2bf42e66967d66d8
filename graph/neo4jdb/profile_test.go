package neo4jdb_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// profiledQuery is a query run with PROFILE on the examples; seek says it must start from a
// unique index seek.
type profiledQuery struct {
	file   string
	params map[string]any
	seek   bool
}

// profiled lists every question query with parameters on the example data. Run with -v to
// see db hits per query.
var profiled = []profiledQuery{
	{"item.cypher", map[string]any{"id": "cgh"}, true},
	{"organisation_exists.cypher", map[string]any{"id": "region-halland"}, true},
	{"escalation.cypher", map[string]any{"id": "vgr-sr-ortopedi", "at": at("2026-11-24"), "minBasisRank": int64(0)}, true},
	// Name matching, one entry per shape of what users type: a part of a compound, without
	// å/ä/ö, with a typo, and several words.
	matchNamesProfile("läkemedel"),
	matchNamesProfile("kommitté"),
	matchNamesProfile("lakemedel"),
	matchNamesProfile("regiondirektr"),
	matchNamesProfile("hälso sjukvård"),
	matchNamesProfile("nämnder"),
	{"who_decides.cypher", map[string]any{"matches": []any{map[string]any{"id": "rh-rsau-delegation", "rank": int64(1)}}, "topic": "stabsfunktioner", "organisation": "region-halland", "at": at("2026-11-24"), "minBasisRank": int64(0), "offset": int64(0), "limit": int64(100)}, true},
	{"organisation_mandates.cypher", map[string]any{"organisation": "region-halland"}, true},
	{"changes.cypher", map[string]any{"relationTypes": neo4jdb.RelationTypes, "organisation": "region-halland", "from": at("2021-01-01"), "to": at("2026-11-24"), "offset": int64(0), "limit": int64(100)}, true},
	{"organ_detail.cypher", map[string]any{"relationTypes": neo4jdb.RelationTypes, "id": "cgh", "at": at("2026-11-24")}, true},
	{"organ_subtree.cypher", map[string]any{"relationTypes": neo4jdb.RelationTypes, "id": "rh-rs", "at": at("2026-11-24"), "depth": int64(3)}, true},
	{"organisation_graph.cypher", map[string]any{"relationTypes": neo4jdb.RelationTypes, "organisation": "region-halland", "at": at("2026-11-24"), "maxOrgans": int64(400)}, true},
	{"staff_functions.cypher", map[string]any{"organisation": "region-halland", "at": at("2026-11-24"), "functions": []any{"hr", "it", "kommunikation", "uppsikt_internkontroll", "ekonomi_budget", "administration_juridik", "sakerhet"}, "minBasisRank": int64(0), "offset": int64(0), "limit": int64(100)}, true},
	{"seats.cypher", map[string]any{"organisation": "region-halland", "at": at("2021-10-28"), "minSeats": int64(1)}, true},
	{"missing_follow_ups.cypher", map[string]any{"organisation": "region-halland", "yearStart": at("2026-01-01"), "yearEnd": at("2026-12-31"),
		"periodStart": at("2022-10-15"), "periodEnd": at("2026-10-14"), "at": at("2026-11-24"), "minBasisRank": int64(0)}, true},
	{"overdue_assignments.cypher", map[string]any{"organisation": "region-halland", "yearStart": at("2026-01-01"), "yearEnd": at("2026-12-31"), "at": at("2026-11-24"), "minBasisRank": int64(0)}, true},
	{"oversight_coverage.cypher", map[string]any{"organisation": "horby-kommun", "at": at("2026-11-24"), "kinds": uppsiktKinds(), "minBasisRank": int64(0), "offset": int64(0), "limit": int64(100)}, true},
	{"search.cypher", map[string]any{"matches": []any{map[string]any{"id": "rh-rs", "rank": int64(0)}, map[string]any{"id": "cgh", "rank": int64(3)}}, "organisation": "region-halland", "offset": int64(0), "limit": int64(20)}, true},
	{"person.cypher", map[string]any{"id": "jorgen-preuss", "at": at("2021-10-28")}, true},
	// The read side of import: by dataset (index item_dataset) and by id.
	{"import_existing_nodes.cypher", map[string]any{"datasets": []any{"vgr"}}, false},
	{"import_existing_rels.cypher", map[string]any{"datasets": []any{"vgr"}}, false},
	{"import_foreign_ids.cypher", map[string]any{"ids": []any{"cgh", "krf"}, "datasets": []any{"vgr"}}, true},
	{"calendar.cypher", map[string]any{"organisation": "region-halland", "yearStart": at("2027-01-01"), "yearEnd": at("2027-12-31"),
		"meetingsFrom": at("2026-10-01"), "meetingsTo": at("2028-03-31"), "minBasisRank": int64(0)}, true},
	{"available.cypher", nil, false},
	// The read side of export.
	{"export_datasets.cypher", map[string]any{"organisation": "region-halland"}, true},
	{"export_all_datasets.cypher", nil, false},
	{"export_referenced_datasets.cypher", map[string]any{"datasets": []any{"horby-hoor"}}, false},
	{"export_datasets_of_ids.cypher", map[string]any{"ids": []any{"cgh-arbetsordning"}}, true},
	{"export_nodes.cypher", map[string]any{"datasets": []any{"region-halland", "vgr"}}, false},
	{"export_rels.cypher", map[string]any{"datasets": []any{"region-halland", "vgr"}}, false},
	{"import_dangling.cypher", map[string]any{"ids": []any{"rh-regiondirektor"}, "datasets": []any{"region-halland"}}, true},
	// The audit trail holds the examples' import.
	{"audit_entries.cypher", map[string]any{"offset": int64(0), "limit": int64(100)}, false},
}

// matchNamesProfile is the profiled form of matching what a user typed, with the parameters
// the store passes.
func matchNamesProfile(typed string) profiledQuery {
	return profiledQuery{"match_names.cypher", neo4jdb.MatchNamesParams(typed, graph.SearchKinds), false}
}

func uppsiktKinds() []any {
	var out []any
	for _, k := range graph.UppsiktKinds {
		out = append(out, k)
	}
	return out
}

func at(s string) neo4j.Date { return neo4j.DateOf(graph.MustDate(s).Time) }

func TestQueryPlansUseIndexes(t *testing.T) {
	db := importExamples(t)
	for _, q := range profiled {
		p, err := db.Profile(context.Background(), q.file, q.params)
		if err != nil {
			t.Errorf("%s: %v", q.file, err)
			continue
		}
		t.Logf("%-28s %6d db hits, %3d rows, operators %s", q.file, p.DBHits, p.Rows, strings.Join(p.Operators, " "))
		if len(p.Scans) > 0 {
			t.Errorf("%s scans where an index applies: %v", q.file, p.Scans)
		}
		if q.seek && !slices.Contains(p.Operators, "NodeUniqueIndexSeek") {
			t.Errorf("%s does not start from a unique index seek: %v", q.file, p.Operators)
		}
	}
}
