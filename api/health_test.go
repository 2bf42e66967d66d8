package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// readiness is the in-memory service with Ready answering a fixed error.
func readiness(err error) *fakeService { return &fakeService{ready: err} }

func do(t *testing.T, s *Server, method, path string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec.Result()
}

func decodeProblem(t *testing.T, resp *http.Response) problem {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problem
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Status != resp.StatusCode {
		t.Errorf("problem status %d != response status %d", p.Status, resp.StatusCode)
	}
	return p
}

func TestHealthzIgnoresNeo4j(t *testing.T) {
	s := New(Options{Service: readiness(graph.Errorf(graph.EUNAVAILABLE, "down"))})
	if resp := do(t, s, "GET", "/healthz"); resp.StatusCode != http.StatusOK {
		t.Fatalf("/healthz = %d, want 200", resp.StatusCode)
	}
}

func TestReadyz(t *testing.T) {
	for _, tc := range []struct {
		name       string
		err        error
		status     int
		detail     string
		retryAfter string
	}{
		{"ready", nil, 200, "", ""},
		{"neo4j down", graph.Errorf(graph.EUNAVAILABLE, "reaching Neo4j: Neo4j is unreachable"), 503, "reaching Neo4j: Neo4j is unreachable", "5"},
		// An unexpected error must not leak its text to the client.
		{"bug", errors.New("secret internals"), 500, "internal error", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(Options{Service: readiness(tc.err)})
			resp := do(t, s, "GET", "/readyz")
			if resp.StatusCode != tc.status {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tc.status)
			}
			if got := resp.Header.Get("Retry-After"); got != tc.retryAfter {
				t.Errorf("Retry-After = %q, want %q", got, tc.retryAfter)
			}
			if tc.err == nil {
				return
			}
			if p := decodeProblem(t, resp); p.Detail != tc.detail {
				t.Errorf("detail = %q, want %q", p.Detail, tc.detail)
			}
		})
	}
}

func TestUnknownRouteIsProblem(t *testing.T) {
	s := New(Options{Service: readiness(nil)})
	resp := do(t, s, "GET", "/no/such/route")
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("status = %d, want 404", resp.StatusCode)
	}
	decodeProblem(t, resp)
}

func TestMetricsByRouteTemplate(t *testing.T) {
	s := New(Options{Service: readiness(graph.Errorf(graph.EUNAVAILABLE, "down"))})
	do(t, s, "GET", "/readyz")
	do(t, s, "GET", "/no/such/route")
	body, _ := io.ReadAll(do(t, s, "GET", "/metrics").Body)
	for _, want := range []string{
		`styrgraf_http_requests_total{method="GET",route="/readyz",status="503"} 1`,
		`styrgraf_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(string(body), "/no/such/route") {
		t.Error("/metrics names a raw path")
	}
}
