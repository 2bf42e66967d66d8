package dashboards_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/styrgraf/styrgraf/dashboards"
)

// The dashboards and their stable uids (links and bookmarks use them).
var wantDashboards = map[string]string{
	"styrgraf-service.json":     "styrgraf-service",
	"styrning-och-uppsikt.json": "styrning-och-uppsikt",
}

// The governance gauges the other half of the work exports (see README/DOMAIN).
var governanceGauges = []string{
	"styrgraf_governance_organs",
	"styrgraf_governance_seats",
	"styrgraf_governance_seats_vacant",
	"styrgraf_governance_organs_without_chair",
	"styrgraf_governance_missing_follow_ups",
	"styrgraf_governance_overdue_assignments",
	"styrgraf_governance_outside_uppsikt",
	"styrgraf_governance_staff_function_gaps",
	"styrgraf_governance_refresh_duration_seconds",
	"styrgraf_governance_last_refresh_success_timestamp_seconds",
	"styrgraf_governance_refresh_errors_total",
}

// perOrganisation are the gauges with an organisation label: every use in a dashboard
// must follow the organisation variable.
var perOrganisation = governanceGauges[:8]

// The service metrics of api/metrics.go, by family name.
var serviceMetrics = []string{
	"styrgraf_http_requests_total",
	"styrgraf_http_request_duration_seconds",
	"styrgraf_neo4j_query_duration_seconds",
	"styrgraf_diagram_render_duration_seconds",
	"styrgraf_import_runs_total",
	"styrgraf_import_changes_total",
}

type panel struct {
	ID          int                       `json:"id"`
	Type        string                    `json:"type"`
	Title       string                    `json:"title"`
	Description string                    `json:"description"`
	Datasource  any                       `json:"datasource"`
	GridPos     *struct{ H, W, X, Y int } `json:"gridPos"`
	Panels      []panel                   `json:"panels"`
	Targets     []map[string]any          `json:"targets"`
}

type variable struct {
	Name       string `json:"name"`
	Type       string `json:"type"`
	Query      any    `json:"query"`
	Definition string `json:"definition"`
	Datasource any    `json:"datasource"`
	Multi      bool   `json:"multi"`
	IncludeAll bool   `json:"includeAll"`
}

type dashboard struct {
	UID           string  `json:"uid"`
	Title         string  `json:"title"`
	SchemaVersion int     `json:"schemaVersion"`
	Panels        []panel `json:"panels"`
	Templating    struct {
		List []variable `json:"list"`
	} `json:"templating"`
}

// jsonFiles are all JSON files below dashboards/: Grafana's file provider loads every one
// of them as a dashboard, so each must be one of ours.
func jsonFiles(t *testing.T) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") {
			names = append(names, filepath.ToSlash(path))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func readDashboard(t *testing.T, name string) (dashboard, any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	var raw any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d, raw
}

// allPanels flattens rows: a collapsed row keeps its panels inside it.
func allPanels(ps []panel) []panel {
	var out []panel
	for _, p := range ps {
		out = append(out, p)
		out = append(out, allPanels(p.Panels)...)
	}
	return out
}

func isDatasourceVariable(v any) bool {
	switch v := v.(type) {
	case string:
		return v == "${datasource}" || v == "$datasource"
	case map[string]any:
		uid, _ := v["uid"].(string)
		return isDatasourceVariable(uid)
	}
	return false
}

// datasourceRefs finds every "datasource" value anywhere in a dashboard, with its path.
func datasourceRefs(path string, v any, out map[string]any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k == "datasource" {
				out[path+"."+k] = x
			}
			datasourceRefs(path+"."+k, x, out)
		}
	case []any:
		for i, x := range v {
			datasourceRefs(fmt.Sprintf("%s[%d]", path, i), x, out)
		}
	}
}

func TestDashboards(t *testing.T) {
	files := jsonFiles(t)
	for name := range wantDashboards {
		if !slices.Contains(files, name) {
			t.Errorf("dashboard %s is missing", name)
		}
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			uid, ok := wantDashboards[name]
			if !ok {
				t.Fatalf("%s: unexpected JSON file; Grafana would load it as a dashboard", name)
			}
			d, raw := readDashboard(t, name)
			if d.UID != uid {
				t.Errorf("uid = %q, want %q (keep uids stable)", d.UID, uid)
			}
			if d.Title == "" {
				t.Error("no title")
			}
			if d.SchemaVersion < 39 {
				t.Errorf("schemaVersion = %d, want a current Grafana's (>= 39)", d.SchemaVersion)
			}
			checkVariables(t, d.Templating.List)

			// No datasource is named by uid: every reference is the variable.
			refs := map[string]any{}
			datasourceRefs("", raw, refs)
			for path, ref := range refs {
				if strings.HasPrefix(path, ".templating.list") && ref == nil {
					continue
				}
				if !isDatasourceVariable(ref) {
					t.Errorf("%s = %v, want ${datasource}", path, ref)
				}
			}
			b, _ := json.Marshal(raw)
			for _, s := range []string{"styrgraf-prometheus", "${DS_", "__inputs"} {
				if strings.Contains(string(b), s) {
					t.Errorf("contains %q: datasources must come from the datasource variable", s)
				}
			}

			ids := map[int]string{}
			for _, p := range allPanels(d.Panels) {
				where := fmt.Sprintf("panel %d %q", p.ID, p.Title)
				if p.ID <= 0 {
					t.Errorf("%s: no id", where)
				} else if other, dup := ids[p.ID]; dup {
					t.Errorf("%s: id %d also used by %q", where, p.ID, other)
				}
				ids[p.ID] = p.Title
				if p.Title == "" {
					t.Errorf("%s: no title", where)
				}
				if p.GridPos == nil || p.GridPos.W <= 0 || p.GridPos.H <= 0 || p.GridPos.X+p.GridPos.W > 24 {
					t.Errorf("%s: bad gridPos %+v", where, p.GridPos)
				}
				if p.Type == "row" {
					continue
				}
				if p.Description == "" {
					t.Errorf("%s: no description", where)
				}
				if name == "styrning-och-uppsikt.json" && !strings.Contains(p.Description, "/api/v1/") {
					t.Errorf("%s: the description does not name the styrgraf question (/api/v1/…) that gives the details", where)
				}
				if !isDatasourceVariable(p.Datasource) {
					t.Errorf("%s: datasource %v, want ${datasource}", where, p.Datasource)
				}
				exprs, refIDs := 0, map[string]bool{}
				for _, tg := range p.Targets {
					if e, _ := tg["expr"].(string); strings.TrimSpace(e) != "" {
						exprs++
					}
					ref, _ := tg["refId"].(string)
					if ref == "" || refIDs[ref] {
						t.Errorf("%s: target refId %q missing or repeated", where, ref)
					}
					refIDs[ref] = true
					if !isDatasourceVariable(tg["datasource"]) {
						t.Errorf("%s: target %s datasource %v, want ${datasource}", where, ref, tg["datasource"])
					}
				}
				if exprs == 0 {
					t.Errorf("%s: no target with an expr", where)
				}
			}
		})
	}
}

func checkVariables(t *testing.T, vars []variable) {
	t.Helper()
	byName := map[string]variable{}
	for _, v := range vars {
		byName[v.Name] = v
	}
	ds, ok := byName["datasource"]
	if !ok {
		t.Error("no datasource variable")
	} else if ds.Type != "datasource" || ds.Query != "prometheus" {
		t.Errorf("datasource variable: type %q query %v, want a datasource variable of type prometheus", ds.Type, ds.Query)
	}
	org, ok := byName["organisation"]
	if !ok {
		t.Error("no organisation variable")
		return
	}
	const want = "label_values(styrgraf_governance_seats, organisation)"
	q, _ := org.Query.(string)
	if m, ok := org.Query.(map[string]any); ok {
		q, _ = m["query"].(string)
	}
	if org.Type != "query" || q != want || (org.Definition != "" && org.Definition != want) {
		t.Errorf("organisation variable: type %q query %q definition %q, want a query variable %s", org.Type, q, org.Definition, want)
	}
	if !org.Multi || !org.IncludeAll {
		t.Errorf("organisation variable: multi %v includeAll %v, want both", org.Multi, org.IncludeAll)
	}
	if !isDatasourceVariable(org.Datasource) {
		t.Errorf("organisation variable: datasource %v, want ${datasource}", org.Datasource)
	}
}

// Every panel's use of a per-organisation gauge follows the organisation variable.
func TestGovernancePanelsFollowOrganisation(t *testing.T) {
	exprs, err := dashboards.Expressions()
	if err != nil {
		t.Fatal(err)
	}
	use := regexp.MustCompile(`\b(styrgraf_governance_[a-z_]+)\b(\{[^}]*\})?`)
	for _, e := range exprs {
		if !strings.HasSuffix(e.File, ".json") || strings.HasPrefix(e.Where, "variable") {
			continue
		}
		for _, m := range use.FindAllStringSubmatch(e.Expr, -1) {
			if slices.Contains(perOrganisation, m[1]) && !strings.Contains(m[2], `organisation=~"$organisation"`) {
				t.Errorf("%s %s: %s%s does not select organisation=~\"$organisation\"", e.File, e.Where, m[1], m[2])
			}
		}
	}
}

func TestMetricNames(t *testing.T) {
	names, err := dashboards.MetricNames()
	if err != nil {
		t.Fatal(err)
	}
	// Lower case, digits allowed after the first letter (styrgraf_neo4j_…).
	form := regexp.MustCompile(`^styrgraf_[a-z][a-z0-9_]*$`)
	for _, n := range names {
		if !form.MatchString(n) {
			t.Errorf("MetricNames: %q is not of the form styrgraf_[a-z][a-z0-9_]*", n)
		}
		if strings.HasSuffix(n, "_bucket") || strings.HasSuffix(n, "_count") || strings.HasSuffix(n, "_sum") {
			t.Errorf("MetricNames: %q is a histogram series, not a family", n)
		}
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("MetricNames is not sorted and unique: %q", names)
	}
	for _, n := range append(slices.Clone(governanceGauges), serviceMetrics...) {
		if !slices.Contains(names, n) {
			t.Errorf("MetricNames lacks %s: no dashboard or alert uses it", n)
		}
	}
	uses, err := dashboards.MetricUses()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if len(uses[n]) == 0 {
			t.Errorf("MetricUses has no use of %s", n)
		}
	}
}

// The provisioning, the Prometheus configuration and docker-compose.yml agree on paths,
// names and ports.
func TestProvisioningAndCompose(t *testing.T) {
	var ds struct {
		Datasources []struct {
			Name, UID, Type, URL string
			IsDefault            bool `yaml:"isDefault"`
		}
	}
	readYAML(t, "provisioning/datasources/prometheus.yml", &ds)
	if len(ds.Datasources) != 1 || ds.Datasources[0].UID != "styrgraf-prometheus" ||
		ds.Datasources[0].Type != "prometheus" || ds.Datasources[0].URL != "http://prometheus:9090" {
		t.Errorf("datasource provisioning: %+v, want the Prometheus at http://prometheus:9090 with uid styrgraf-prometheus", ds.Datasources)
	}
	var dp struct {
		Providers []struct {
			Type    string
			Options struct{ Path string }
		}
	}
	readYAML(t, "provisioning/dashboards/styrgraf.yml", &dp)
	if len(dp.Providers) != 1 || dp.Providers[0].Type != "file" || dp.Providers[0].Options.Path == "" {
		t.Fatalf("dashboard provisioning: %+v, want one file provider", dp.Providers)
	}

	var prom struct {
		Global struct {
			ScrapeInterval string `yaml:"scrape_interval"`
		}
		RuleFiles     []string `yaml:"rule_files"`
		ScrapeConfigs []struct {
			JobName       string                       `yaml:"job_name"`
			StaticConfigs []struct{ Targets []string } `yaml:"static_configs"`
		} `yaml:"scrape_configs"`
	}
	readYAML(t, "prometheus/prometheus.yml", &prom)
	if prom.Global.ScrapeInterval != "15s" || !slices.Equal(prom.RuleFiles, []string{"alerts.yml"}) {
		t.Errorf("prometheus.yml: scrape_interval %q rule_files %q, want 15s and alerts.yml", prom.Global.ScrapeInterval, prom.RuleFiles)
	}
	scraped := false
	for _, sc := range prom.ScrapeConfigs {
		if sc.JobName == "styrgraf" && len(sc.StaticConfigs) == 1 && slices.Equal(sc.StaticConfigs[0].Targets, []string{"styrgraf:8080"}) {
			scraped = true
		}
	}
	if !scraped {
		t.Error(`prometheus.yml does not scrape styrgraf:8080 as job "styrgraf" (the dashboards and alerts use up{job="styrgraf"})`)
	}

	var compose struct {
		Services map[string]struct {
			Image       string
			Ports       []string
			Volumes     []string
			Networks    []string
			Environment map[string]string
		}
		Networks map[string]any
		Volumes  map[string]any
	}
	readYAML(t, "../docker-compose.yml", &compose)
	for name, s := range compose.Services {
		if len(s.Networks) != 1 || !hasKey(compose.Networks, s.Networks[0]) {
			t.Errorf("service %s: networks %v, want the one private network", name, s.Networks)
		}
		switch name {
		case "styrgraf", "grafana":
		default:
			if len(s.Ports) != 0 {
				t.Errorf("service %s publishes %v; only styrgraf and grafana may", name, s.Ports)
			}
		}
	}
	p, g := compose.Services["prometheus"], compose.Services["grafana"]
	if !strings.HasPrefix(p.Image, "prom/prometheus:") || !strings.HasPrefix(g.Image, "grafana/grafana-oss:") {
		t.Errorf("images: prometheus %q grafana %q", p.Image, g.Image)
	}
	if !slices.Contains(p.Volumes, "./dashboards/prometheus:/etc/prometheus:ro") || !namedVolume(p.Volumes, "/prometheus", compose.Volumes) {
		t.Errorf("prometheus volumes %v: want ./dashboards/prometheus read-only at /etc/prometheus and a named data volume", p.Volumes)
	}
	for _, v := range []string{
		"./dashboards/provisioning/datasources:/etc/grafana/provisioning/datasources:ro",
		"./dashboards/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro",
		"./dashboards:" + dp.Providers[0].Options.Path + ":ro",
	} {
		if !slices.Contains(g.Volumes, v) {
			t.Errorf("grafana volumes %v lack %s", g.Volumes, v)
		}
	}
	if !slices.Equal(g.Ports, []string{"3000:3000"}) {
		t.Errorf("grafana ports %v, want 3000:3000", g.Ports)
	}
	if g.Environment["GF_AUTH_ANONYMOUS_ENABLED"] != "false" {
		t.Errorf("grafana: GF_AUTH_ANONYMOUS_ENABLED = %q, want false", g.Environment["GF_AUTH_ANONYMOUS_ENABLED"])
	}
	if !strings.HasPrefix(g.Environment["GF_SECURITY_ADMIN_PASSWORD"], "${GRAFANA_ADMIN_PASSWORD") {
		t.Errorf("grafana: GF_SECURITY_ADMIN_PASSWORD = %q, want it from GRAFANA_ADMIN_PASSWORD", g.Environment["GF_SECURITY_ADMIN_PASSWORD"])
	}
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func hasKey(m map[string]any, k string) bool { _, ok := m[k]; return ok }

func namedVolume(volumes []string, target string, named map[string]any) bool {
	for _, v := range volumes {
		if src, dst, ok := strings.Cut(v, ":"); ok && dst == target && hasKey(named, src) {
			return true
		}
	}
	return false
}

// promtool checks the configuration and the rules, runs the rules' unit tests and parses
// every dashboard expression (as recording rules, with Grafana's variables filled in).
// CI must have promtool (Debian/Ubuntu: package prometheus); elsewhere the test skips.
func TestPromtool(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("promtool is not on PATH; CI must install it (apt-get install prometheus)")
		}
		t.Skip("promtool is not on PATH (apt-get install prometheus); set CI to make this a failure")
	}
	run := func(args ...string) {
		t.Helper()
		out, err := exec.Command(promtool, args...).CombinedOutput()
		if err != nil {
			t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run("check", "config", "prometheus/prometheus.yml")
	run("check", "rules", "prometheus/alerts.yml")
	run("test", "rules", "prometheus/alerts_test.yml")

	exprs, err := dashboards.Expressions()
	if err != nil {
		t.Fatal(err)
	}
	grafana := strings.NewReplacer(
		"${organisation}", ".*", "$organisation", ".*",
		"$__rate_interval", "1m", "$__interval", "1m", "$__range", "1h")
	notName := regexp.MustCompile(`[^a-zA-Z0-9_:]+`)
	type rule struct {
		Record string            `yaml:"record"`
		Expr   string            `yaml:"expr"`
		Labels map[string]string `yaml:"labels"`
	}
	var rules []rule
	for i, e := range exprs {
		if !strings.HasSuffix(e.File, ".json") || strings.HasPrefix(e.Where, "variable") {
			continue
		}
		x := grafana.Replace(e.Expr)
		if strings.Contains(x, "$") {
			t.Errorf("%s %s: unknown Grafana variable in %s", e.File, e.Where, e.Expr)
			continue
		}
		// The record's name tells which panel a parse error is about.
		name := fmt.Sprintf("dashboard:%s:%s_%d", e.File, e.Where, i)
		rules = append(rules, rule{notName.ReplaceAllString(name, "_"), x, map[string]string{"where": e.File + " " + e.Where}})
	}
	b, err := yaml.Marshal(map[string]any{"groups": []any{map[string]any{"name": "dashboards", "rules": rules}}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dashboard_exprs.yml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	run("check", "rules", path)
}
