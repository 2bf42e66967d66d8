package neo4jdb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// FuzzSearchNeo4j sends what a user might type, and any page, through the whole search path
// (graph.SearchWords, the Lucene queries of names.go, match_names.cypher, search.cypher and
// who_decides.cypher) to the test Neo4j with the example data. Every answer must be a list
// or a mistake the user can fix (EINVALID): never a Lucene syntax error, a Cypher error or
// a time-out, which would reach the user as 500 or 503. The committed corpus is
// testdata/fuzz/FuzzSearchNeo4j. Every fuzzing process (the coordinator and each worker)
// locks a test server of its own, so start one more server than workers:
//
//	neo4jlocal/neo4jlocal.sh with --instances 2 --password styrgraf-test -- env NEO4J_PASSWORD=styrgraf-test \
//	  go test ./graph/neo4jdb -run '^$' -fuzz FuzzSearchNeo4j -parallel 1 -fuzztime 1m
func FuzzSearchNeo4j(f *testing.F) {
	db := neo4jdbtest.MustOpen(f)
	neo4jdbtest.MustImport(f, db, examples)
	for _, q := range []string{"läkemedel", "nämnder", "lakemedel*", `"regionstyrelsen" AND`, "a~1 OR b^2 (c) [d TO e] {f} \\g /h/ -i +j !k", "NOT",
		"and or not to", "ÅÄÖ", "İstanbul", "ǅ", "x\x00y", "\xff\xfe", "𝐀𝐍𝐃 𝐎𝐑", "１２３４５", strings.Repeat("kommun ", 1100),
		strings.Repeat("läkemedelskommitté", 2000), strings.Repeat("nämnd ", 16) + "x"} {
		f.Add(q, int64(0), 0)
	}
	// Offsets the API would refuse, and the largest it accepts.
	f.Add("budget", int64(1<<62), 1000)
	f.Add("budget", int64(1<<31), 1000)
	f.Add("budget", int64(graph.MaxOffset), graph.MaxLimit)
	f.Fuzz(func(t *testing.T, q string, offset int64, limit int) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		page := graph.Page{Offset: int(offset), Limit: limit}
		hits, err := db.Search(ctx, graph.SearchQuery{Text: q, Page: page})
		if code := graph.ErrorCode(err); code != "" && code != graph.EINVALID {
			t.Fatalf("search %q from %d (limit %d): %s: %v", q, offset, limit, code, err)
		}
		if err == nil && (len(hits.Items) > max(limit, graph.DefaultLimit) || hits.Total < len(hits.Items)) {
			t.Fatalf("search %q: %d items of %d, limit %d", q, len(hits.Items), hits.Total, limit)
		}
		_, err = db.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: q, At: graph.MustDate("2024-06-01"), Page: page})
		if code := graph.ErrorCode(err); code != "" && code != graph.EINVALID {
			t.Fatalf("who decides %q from %d (limit %d): %s: %v", q, offset, limit, code, err)
		}
	})
}
