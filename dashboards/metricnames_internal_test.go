package dashboards

import (
	"reflect"
	"testing"
)

func TestMetricNamesIn(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string
	}{
		{`up{job="styrgraf"} == 0`, nil},
		{`sum by (route) (rate(styrgraf_http_requests_total{route!~"/readyz|/metrics"}[5m]))`,
			[]string{"styrgraf_http_requests_total"}},
		{`histogram_quantile(0.95, sum by (le) (rate(styrgraf_http_request_duration_seconds_bucket[$__rate_interval])))
		  / sum(rate(styrgraf_http_request_duration_seconds_count[5m])) + styrgraf_http_request_duration_seconds_sum`,
			[]string{"styrgraf_http_request_duration_seconds"}},
		{`styrgraf_governance_outside_uppsikt{organisation=~"$organisation"} > styrgraf_governance_outside_uppsikt offset 1d`,
			[]string{"styrgraf_governance_outside_uppsikt"}},
		// Label values, raw strings, comments and Grafana variables are not metric names.
		{"up{job=\"styrgraf_fake_a\", x='styrgraf_fake_b', y=`styrgraf_fake_c`} # styrgraf_fake_d\n + $styrgraf_fake_e",
			nil},
		{`{__name__="styrgraf_governance_seats"} or styrgraf_governance_seats_vacant or {__name__=~"styrgraf_x.*"}`,
			[]string{"styrgraf_governance_seats", "styrgraf_governance_seats_vacant"}},
		{`label_values(styrgraf_governance_seats, organisation)`, []string{"styrgraf_governance_seats"}},
	} {
		if got := metricNamesIn(c.expr); !reflect.DeepEqual(got, c.want) {
			t.Errorf("metricNamesIn(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
}
