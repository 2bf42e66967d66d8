// Package dashboards holds styrgraf's monitoring: the Grafana dashboards (*.json), Grafana
// provisioning (provisioning/), Prometheus' configuration and alert rules (prometheus/).
// Its Go code only tells tests which metrics those use, so that a test elsewhere can
// compare them with what GET /metrics really exports.
package dashboards

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// files are the dashboards and the alert rules, embedded so that MetricNames works from
// any package's test, whatever its working directory.
//
//go:embed *.json prometheus/alerts.yml
var files embed.FS

// alertRules is the rule file inside files.
const alertRules = "prometheus/alerts.yml"

// An Expression is one PromQL expression of a dashboard or an alert rule, or the query of
// a dashboard's query variable (Grafana's label_values(metric, label), not PromQL).
type Expression struct {
	File  string // "styrgraf-service.json", "prometheus/alerts.yml"
	Where string // `panel 3 "Request rate"`, `variable organisation`, `alert StyrgrafDown`
	Expr  string // as written: dashboards' may hold Grafana variables ($organisation, $__rate_interval)
}

// Expressions returns every expression of the dashboards (panel targets, then query
// variables) and of the alert rules, in file order.
func Expressions() ([]Expression, error) {
	var out []Expression
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		exprs, err := dashboardExpressions(name)
		if err != nil {
			return nil, err
		}
		out = append(out, exprs...)
	}
	exprs, err := ruleExpressions(alertRules)
	if err != nil {
		return nil, err
	}
	return append(out, exprs...), nil
}

// MetricNames returns, sorted and once each, every styrgraf_ metric family name the
// dashboards and the alert rules use. Histogram series are reported by family name:
// styrgraf_http_request_duration_seconds_bucket, _count and _sum all give
// styrgraf_http_request_duration_seconds (OpenMetrics reserves those suffixes for
// histograms and summaries, so no other styrgraf metric may end in them).
func MetricNames() ([]string, error) {
	uses, err := MetricUses()
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(uses))
	for n := range uses {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// MetricUses maps each name MetricNames returns to where it is used, as
// `file: where` strings, for error messages.
func MetricUses() (map[string][]string, error) {
	exprs, err := Expressions()
	if err != nil {
		return nil, err
	}
	uses := map[string][]string{}
	for _, e := range exprs {
		for _, n := range metricNamesIn(e.Expr) {
			uses[n] = append(uses[n], e.File+": "+e.Where)
		}
	}
	return uses, nil
}

var (
	// PromQL string literals ("…", '…' with backslash escapes; `…` raw) and comments.
	stringsAndComments = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`|#[^\n]*")
	identifier         = regexp.MustCompile(`[A-Za-z_:][A-Za-z0-9_:]*`)
	familySuffix       = regexp.MustCompile(`_(bucket|count|sum)$`)
	nameMatcher        = regexp.MustCompile(`__name__\s*=\s*"([A-Za-z_:][A-Za-z0-9_:]*)"`)
)

// metricNamesIn returns the styrgraf_ metric families named in a PromQL expression, once
// each, in order of appearance: identifiers, and {__name__="…"} matchers. Other label
// values and comments are not names; label names never start with styrgraf_. A regular
// expression on __name__ (__name__=~"styrgraf_.*") names no metric and is not followed.
func metricNamesIn(expr string) []string {
	var names []string
	seen := map[string]bool{}
	add := func(id string) {
		if !strings.HasPrefix(id, "styrgraf_") {
			return
		}
		id = familySuffix.ReplaceAllString(id, "")
		if !seen[id] {
			seen[id] = true
			names = append(names, id)
		}
	}
	for _, m := range nameMatcher.FindAllStringSubmatch(expr, -1) {
		add(m[1])
	}
	expr = stringsAndComments.ReplaceAllString(expr, " ")
	for _, loc := range identifier.FindAllStringIndex(expr, -1) {
		if loc[0] > 0 && expr[loc[0]-1] == '$' { // a Grafana variable such as $styrgraf_x
			continue
		}
		add(expr[loc[0]:loc[1]])
	}
	return names
}

// dashboard is the part of a Grafana dashboard that holds PromQL.
type dashboard struct {
	Panels     []panel `json:"panels"`
	Templating struct {
		List []struct {
			Name       string          `json:"name"`
			Type       string          `json:"type"`
			Definition string          `json:"definition"`
			Query      json.RawMessage `json:"query"`
		} `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID      int     `json:"id"`
	Title   string  `json:"title"`
	Panels  []panel `json:"panels"` // a collapsed row's panels
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
}

func dashboardExpressions(name string) ([]Expression, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var d dashboard
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []Expression
	var walk func([]panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			for _, t := range p.Targets {
				if t.Expr != "" {
					out = append(out, Expression{name, fmt.Sprintf("panel %d %q", p.ID, p.Title), t.Expr})
				}
			}
			walk(p.Panels)
		}
	}
	walk(d.Panels)
	for _, v := range d.Templating.List {
		if v.Type != "query" {
			continue
		}
		// The query is a string in older dashboards, {"query": "…", …} in current ones.
		q := v.Definition
		var s string
		var o struct {
			Query string `json:"query"`
		}
		if json.Unmarshal(v.Query, &s) == nil && s != "" {
			q = s
		} else if json.Unmarshal(v.Query, &o) == nil && o.Query != "" {
			q = o.Query
		}
		if q != "" {
			out = append(out, Expression{name, "variable " + v.Name, q})
		}
	}
	return out, nil
}

func ruleExpressions(name string) ([]Expression, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var rf struct {
		Groups []struct {
			Name  string `yaml:"name"`
			Rules []struct {
				Alert  string `yaml:"alert"`
				Record string `yaml:"record"`
				Expr   string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(b, &rf); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []Expression
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			where := "alert " + r.Alert
			if r.Alert == "" {
				where = "record " + r.Record
			}
			out = append(out, Expression{name, where, r.Expr})
		}
	}
	return out, nil
}
