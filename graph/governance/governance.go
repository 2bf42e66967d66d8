// Package governance computes the governance health of each organisation (vacant seats,
// organs outside uppsikt, missing follow-ups…) from the questions of package graph, and
// exports it as Prometheus gauges. It is what the dashboards and alerts watch.
package governance

import (
	"context"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/styrgraf/styrgraf/graph"
)

// OrganisationHealth is the governance health of one organisation on a day, computed from
// the same questions the API answers.
type OrganisationHealth struct {
	Organisation       string         `json:"organisation"`
	OrgansByKind       map[string]int `json:"organs_by_kind"`
	Seats              int            `json:"seats"`
	SeatsVacant        int            `json:"seats_vacant"` // vacant seats plus ex officio seats whose source is vacant
	OrgansWithoutChair int            `json:"organs_without_chair"`
	MissingFollowUps   int            `json:"missing_follow_ups"` // this year
	OverdueAssignments int            `json:"overdue_assignments"`
	OutsideUppsikt     int            `json:"outside_uppsikt"` // organs of this organisation its styrelse does not oversee
	StaffFunctionGaps  int            `json:"staff_function_gaps"`
}

// namespace is the prefix of every styrgraf metric.
const namespace = "styrgraf"

// Source is what the gauges ask: the organisations and the questions about each.
type Source interface {
	Organisations(ctx context.Context, at graph.Date) ([]graph.Ref, error)
	OrganisationGraph(ctx context.Context, q graph.OrganisationGraphQuery) (graph.Subtree, error)
	Seats(ctx context.Context, q graph.SeatsQuery) (graph.SeatsReport, error)
	MissingFollowUps(ctx context.Context, q graph.FollowUpQuery) (graph.FollowUpReport, error)
	OversightCoverage(ctx context.Context, q graph.OrganisationQuery) (graph.List[graph.OversightRow], error)
	StaffFunctions(ctx context.Context, q graph.OrganisationQuery) (graph.List[graph.StaffFunctionRow], error)
}

// Governance exports governance health as Prometheus gauges per organisation. It computes
// them on Refresh (on an interval and after imports), never on a scrape: a scrape only reads
// the last snapshot.
type Governance struct {
	source Source
	today  func() graph.Date
	log    func(msg string, args ...any)

	mu       sync.RWMutex
	snapshot []OrganisationHealth
	trigger  chan struct{}

	refreshDuration prometheus.Gauge
	lastSuccess     prometheus.Gauge
	refreshErrors   prometheus.Counter
	descs           map[string]*prometheus.Desc
}

// governanceGauges names the per-organisation gauges (besides organs, which also has kind).
var governanceGauges = []struct {
	name, help string
	value      func(OrganisationHealth) int
}{
	{"seats", "Seats (posts) of the organisation's organs valid today.", func(h OrganisationHealth) int { return h.Seats }},
	{"seats_vacant", "Seats nobody holds today, directly or ex officio, where the dataset records holders completely.", func(h OrganisationHealth) int { return h.SeatsVacant }},
	{"organs_without_chair", "Organs with no chair post, or whose chair nobody holds today.", func(h OrganisationHealth) int { return h.OrgansWithoutChair }},
	{"missing_follow_ups", "Follow-up duties with no follow-up in this year's period, where the dataset keeps complete follow-up records.", func(h OrganisationHealth) int { return h.MissingFollowUps }},
	{"overdue_assignments", "Open uppdrag past their report-back date (uppdrag whose report status is unknown are not counted).", func(h OrganisationHealth) int { return h.OverdueAssignments }},
	{"outside_uppsikt", "Nämnder, bolag, stiftelser and joint activities the organisation's styrelse does not oversee, where the dataset records uppsikt completely.", func(h OrganisationHealth) int { return h.OutsideUppsikt }},
	{"staff_function_gaps", "Stabsfunktioner (förvaltning × function) a staff profile expects and the förvaltning has no capacity for, where the dataset records them completely.", func(h OrganisationHealth) int { return h.StaffFunctionGaps }},
}

// New registers the governance gauges on reg. today gives the day the gauges describe; log
// hears failed refreshes.
func New(source Source, reg prometheus.Registerer, today func() graph.Date, log func(msg string, args ...any)) *Governance {
	g := &Governance{source: source, today: today, log: log, trigger: make(chan struct{}, 1), descs: map[string]*prometheus.Desc{}}
	if g.log == nil {
		g.log = func(string, ...any) {}
	}
	g.descs["organs"] = prometheus.NewDesc(prometheus.BuildFQName(namespace, "governance", "organs"),
		"Organs valid today by kind.", []string{"organisation", "kind"}, nil)
	for _, gg := range governanceGauges {
		g.descs[gg.name] = prometheus.NewDesc(prometheus.BuildFQName(namespace, "governance", gg.name), gg.help, []string{"organisation"}, nil)
	}
	g.refreshDuration = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Subsystem: "governance", Name: "refresh_duration_seconds",
		Help: "How long the last refresh of the governance gauges took."})
	g.lastSuccess = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Subsystem: "governance", Name: "last_refresh_success_timestamp_seconds",
		Help: "When the governance gauges were last refreshed successfully (Unix time)."})
	g.refreshErrors = prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Subsystem: "governance", Name: "refresh_errors_total",
		Help: "Failed refreshes of the governance gauges."})
	reg.MustRegister(g, g.refreshDuration, g.lastSuccess, g.refreshErrors)
	return g
}

// Describe implements prometheus.Collector.
func (g *Governance) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range g.descs {
		ch <- d
	}
}

// Collect implements prometheus.Collector from the last snapshot.
func (g *Governance) Collect(ch chan<- prometheus.Metric) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	for _, h := range g.snapshot {
		for kind, n := range h.OrgansByKind {
			ch <- prometheus.MustNewConstMetric(g.descs["organs"], prometheus.GaugeValue, float64(n), h.Organisation, kind)
		}
		for _, gg := range governanceGauges {
			ch <- prometheus.MustNewConstMetric(g.descs[gg.name], prometheus.GaugeValue, float64(gg.value(h)), h.Organisation)
		}
	}
}

// Snapshot returns the last computed health, by organisation (empty before the first
// refresh).
func (g *Governance) Snapshot() []OrganisationHealth {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return append([]OrganisationHealth(nil), g.snapshot...)
}

// Headlines gives each organisation's figures in brief from the last refresh, by id.
func (g *Governance) Headlines() map[string]graph.Headline {
	out := map[string]graph.Headline{}
	for _, h := range g.Snapshot() {
		organs := 0
		for _, n := range h.OrgansByKind {
			organs += n
		}
		out[h.Organisation] = graph.Headline{Organs: organs, SeatsVacant: h.SeatsVacant,
			MissingFollowUps: h.MissingFollowUps, OutsideUppsikt: h.OutsideUppsikt}
	}
	return out
}

// Refresh recomputes every organisation's health as of today.
func (g *Governance) Refresh(ctx context.Context) error {
	start := time.Now()
	snapshot, err := g.compute(ctx, g.today())
	g.refreshDuration.Set(time.Since(start).Seconds())
	if err != nil {
		g.refreshErrors.Inc()
		return err
	}
	g.mu.Lock()
	g.snapshot = snapshot
	g.mu.Unlock()
	g.lastSuccess.Set(float64(time.Now().Unix()))
	return nil
}

func (g *Governance) compute(ctx context.Context, at graph.Date) ([]OrganisationHealth, error) {
	orgs, err := g.source.Organisations(ctx, at)
	if err != nil {
		return nil, err
	}
	out := make([]OrganisationHealth, 0, len(orgs))
	for _, org := range orgs {
		h, err := g.health(ctx, org.ID, at)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

// health asks the API's own questions for one organisation.
func (g *Governance) health(ctx context.Context, org string, at graph.Date) (OrganisationHealth, error) {
	h := OrganisationHealth{Organisation: org, OrgansByKind: map[string]int{}}
	tree, err := g.source.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: org, At: at})
	if ignoreNotFound(err) != nil {
		return h, err
	}
	for _, o := range tree.Organs {
		h.OrgansByKind[o.Kind]++
		h.Seats += len(o.Seats)
	}
	seats, err := g.source.Seats(ctx, graph.SeatsQuery{Organisation: org, At: at, MinSeats: 1})
	if ignoreNotFound(err) != nil {
		return h, err
	}
	h.SeatsVacant = len(seats.Vacant) + len(seats.ExOfficioVacant)
	h.OrgansWithoutChair = len(seats.WithoutChair)
	followUps, err := g.source.MissingFollowUps(ctx, graph.FollowUpQuery{Organisation: org, Year: at.Year(), At: at})
	if ignoreNotFound(err) != nil {
		return h, err
	}
	// Only findings count: follow-ups the dataset does not record are not missing.
	for _, m := range followUps.Missing {
		if m.Status != graph.StatusNotRecorded {
			h.MissingFollowUps++
		}
	}
	h.OverdueAssignments = len(followUps.OverdueAssignments)
	rows, err := graph.All(func(p graph.Page) (graph.List[graph.OversightRow], error) {
		return g.source.OversightCoverage(ctx, graph.OrganisationQuery{Organisation: org, At: at, Page: p})
	})
	if ignoreNotFound(err) != nil {
		return h, err
	}
	for _, r := range rows {
		// Only findings count: an organ whose uppsikt the dataset does not record is unknown.
		if r.Status == graph.OversightNotCovered && r.Organisation.ID == org {
			h.OutsideUppsikt++
		}
	}
	staff, err := graph.All(func(p graph.Page) (graph.List[graph.StaffFunctionRow], error) {
		return g.source.StaffFunctions(ctx, graph.OrganisationQuery{Organisation: org, At: at, Page: p})
	})
	if ignoreNotFound(err) != nil {
		return h, err
	}
	for _, r := range staff {
		// Only findings count: a gap needs a profile that expects the function and complete
		// records.
		if r.GapsAreFindings() {
			h.StaffFunctionGaps += len(r.Gaps)
		}
	}
	return h, nil
}

// ignoreNotFound treats "nothing of that organisation" as an empty answer.
func ignoreNotFound(err error) error {
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil
	}
	return err
}

// Trigger asks Run for a refresh soon (after an import), without waiting for it.
func (g *Governance) Trigger() {
	select {
	case g.trigger <- struct{}{}:
	default: // one is already pending
	}
}

// DefaultGaugeInterval is how often Run refreshes when given no interval.
const DefaultGaugeInterval = 5 * time.Minute

// Run refreshes now, then every interval and whenever triggered, until ctx ends.
func (g *Governance) Run(ctx context.Context, interval time.Duration) {
	if interval <= 0 {
		interval = DefaultGaugeInterval
	}
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		if err := g.Refresh(ctx); err != nil && ctx.Err() == nil {
			g.log("refreshing governance gauges failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		case <-g.trigger:
		}
	}
}
