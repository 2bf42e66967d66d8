package api

import (
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"
)

// BenchmarkQuestionRoutesUnderLoad sends each question route 400 requests from 8 concurrent
// clients over real HTTP, against the example data in a real Neo4j, and reports p50/p99
// latency and the error rate. Run: go test ./api -run XXX -bench UnderLoad -benchtime 1x
func BenchmarkQuestionRoutesUnderLoad(b *testing.B) {
	s, _ := testServerB(b)
	srv := httptest.NewServer(s)
	defer srv.Close()
	routes := []string{
		"/api/v1/questions/who-decides?topic=stabsfunktioner&organisation=region-halland",
		"/api/v1/organs/vgr-sr-ortopedi/escalation",
		"/api/v1/questions/missing-follow-ups?organisation=region-halland&year=2026",
		"/api/v1/questions/oversight-coverage?organisation=horby-kommun",
		"/api/v1/questions/staff-functions?organisation=region-halland",
		"/api/v1/questions/seats?organisation=region-halland",
		"/api/v1/questions/changes?organisation=region-halland&from=2021-01-01&to=2026-11-24",
		"/api/v1/organs/cgh",
		"/api/v1/search?q=kommunstyrelsen",
		// Search by each shape of what users type: a part of a compound, without å/ä/ö, a
		// typo, several words, and who-decides through the same matching.
		"/api/v1/search?q=kommitt%C3%A9",
		"/api/v1/search?q=lakemedel",
		"/api/v1/search?q=regiondirektr",
		"/api/v1/search?q=h%C3%A4lso%20sjukv%C3%A5rd",
		"/api/v1/questions/who-decides?topic=l%C3%A4kemedel",
	}
	const requests, clients = 400, 8
	for _, route := range routes {
		b.Run(route, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var mu sync.Mutex
				var durations []time.Duration
				failures := 0
				work := make(chan struct{}, requests)
				for j := 0; j < requests; j++ {
					work <- struct{}{}
				}
				close(work)
				var wg sync.WaitGroup
				for c := 0; c < clients; c++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for range work {
							req, _ := http.NewRequest("GET", srv.URL+route, nil)
							req.Header.Set("Authorization", "Bearer "+readerToken)
							start := time.Now()
							resp, err := http.DefaultClient.Do(req)
							d := time.Since(start)
							ok := err == nil && resp.StatusCode == 200
							if resp != nil {
								resp.Body.Close()
							}
							mu.Lock()
							durations = append(durations, d)
							if !ok {
								failures++
							}
							mu.Unlock()
						}
					}()
				}
				wg.Wait()
				sort.Slice(durations, func(a, c int) bool { return durations[a] < durations[c] })
				ms := func(q float64) float64 {
					return float64(durations[int(q*float64(len(durations)-1))].Microseconds()) / 1000
				}
				b.ReportMetric(ms(0.50), "p50-ms")
				b.ReportMetric(ms(0.99), "p99-ms")
				b.ReportMetric(float64(failures)/float64(requests)*100, "errors-%")
				if failures > 0 {
					b.Errorf("%d of %d requests failed", failures, requests)
				}
			}
		})
	}
}
