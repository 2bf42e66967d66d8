package api

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/dashboards"
	"github.com/styrgraf/styrgraf/graph/governance"
)

// TestDashboardsAndRulesUseExistingMetrics exercises every kind of metric (a request, a
// render, an import, a gauge refresh) and checks that each metric the Grafana dashboards and
// the alert rules use is in /metrics: a dashboard naming a metric that does not exist fails.
func TestDashboardsAndRulesUseExistingMetrics(t *testing.T) {
	s, db := testServer(t, false)
	request(t, s, "GET", "/api/v1/organs/cgh", readerToken, nil)
	request(t, s, "GET", "/api/v1/organs/cgh/diagram.svg", readerToken, nil)
	valid, err := os.ReadFile("../graph/dataset/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if resp := request(t, s, "POST", "/api/v1/import", editorToken, bytes.NewReader(valid)); resp.StatusCode != 200 {
		t.Fatalf("import = %d", resp.StatusCode)
	}
	if err := governance.New(db, s.metrics.registry, s.today, nil).Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	exported := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(body(t, request(t, s, "GET", "/metrics", "", nil))))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 3 && f[0] == "#" && f[1] == "TYPE" {
			exported[f[2]] = true
		}
	}
	used, err := dashboards.MetricNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 15 {
		t.Fatalf("dashboards and rules use only %d metrics: %v", len(used), used)
	}
	for _, name := range used {
		if !exported[name] {
			t.Errorf("dashboards or alert rules use %s, which styrgraf does not export", name)
		}
	}
}
