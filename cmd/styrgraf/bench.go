package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/dataset/generate"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// benchReport is what one `styrgraf bench` run measured; BENCHMARKS.md holds the last one.
type benchReport struct {
	Started       time.Time       `json:"started"`
	Machine       string          `json:"machine"`
	Organisations int             `json:"organisations"`
	Datasets      int             `json:"datasets"`
	Items         int             `json:"items"`
	Relationships int             `json:"relationships"`
	Import        benchImport     `json:"import"`
	Questions     []benchQuestion `json:"questions"`
	Renders       []benchRender   `json:"renders"`
	DotNote       string          `json:"dot_note,omitempty"`
	ServingRSSMiB float64         `json:"serving_peak_rss_mib"`
	GaugesSeconds float64         `json:"governance_gauges_seconds"`
	GaugesDone    bool            `json:"governance_gauges_done"`
	Neo4j         benchNeo4j      `json:"neo4j"`
}

type benchImport struct {
	Seconds        float64 `json:"seconds"`
	CheckSeconds   float64 `json:"check_seconds"`
	RelsPerSecond  float64 `json:"relationships_per_second"`
	PeakRSSMiB     float64 `json:"peak_rss_mib"`
	ReimportOneSec float64 `json:"reimport_one_organisation_seconds"`
}

type benchQuestion struct {
	Name    string       `json:"name"`
	Clients int          `json:"clients"`
	API     benchLatency `json:"api_ms"`
	Driver  benchLatency `json:"driver_ms"`
	Ratio   benchRatio   `json:"ratio"`
	Errors  int          `json:"errors"`
}

type benchLatency struct{ P50, P95, P99 float64 }

type benchRatio struct{ P50, P99 float64 }

type benchRender struct {
	Nodes     int     `json:"nodes"`
	SVGms     float64 `json:"svg_ms"`
	PNGms     float64 `json:"png_ms"`
	DotSVGms  float64 `json:"dot_svg_ms,omitempty"`
	DotPNGms  float64 `json:"dot_png_ms,omitempty"`
	SVGError  string  `json:"svg_error,omitempty"`
	PNGError  string  `json:"png_error,omitempty"`
	DotAbsent bool    `json:"dot_absent,omitempty"`
}

type benchNeo4j struct {
	Heap       string  `json:"heap"`
	PageCache  string  `json:"page_cache"`
	PeakRSSMiB float64 `json:"peak_rss_mib,omitempty"`
}

// benchCmd generates a country (or part of one), imports it one transaction per dataset,
// serves it, and measures the core questions through the HTTP API and through the driver
// alone, diagram renders beside the native dot, the import and re-import, and memory.
func benchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	n := fs.Int("organisations", 12, "organisations to generate (0: all 311)")
	seed := fs.Uint64("seed", 1, "generator seed")
	requests := fs.Int("requests", 200, "requests per question and number of clients")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	gaugeWait := fs.Duration("gauge-wait", 5*time.Minute, "how long to wait for the governance gauges' first computation before measuring")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rep := benchReport{Started: time.Now().UTC(), Machine: machine()}
	dir, err := os.MkdirTemp("", "styrgraf-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "bench: "+format+"\n", a...) }

	// The data: what the questions ask about is read from the generated files.
	var kommun graph.Dataset
	err = generate.Generate(*n, *seed, func(f generate.File) error {
		b, err := f.YAML()
		if err != nil {
			return err
		}
		rep.Datasets++
		if f.Data.Organisations != nil && f.Data.Organisations[0].Kind == "kommun" && kommun.ID == "" {
			kommun = f.Data
		}
		rep.Organisations += len(f.Data.Organisations)
		rep.Items += generate.Count(f.Data)
		rep.Relationships += len(dataset.FlattenDatasets([]graph.Dataset{f.Data}).Rels)
		return os.WriteFile(filepath.Join(dir, f.Name), b, 0o644)
	})
	if err != nil {
		return err
	}
	if kommun.ID == "" {
		return graph.Errorf(graph.EINVALID, "organisations: generate at least one kommun (2 or more)")
	}
	logf("generated %d datasets in %s", rep.Datasets, dir)

	// A slow answer is a figure to report, not a failure.
	cfg.QueryTimeout = 2 * time.Minute
	db, err := openForWriting(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))

	// Full import, as import -per-dataset does it, in this process: its peak RSS is the
	// command's, once the generator's garbage is returned.
	runtime.GC()
	debug.FreeOSMemory()
	resetPeakRSS()
	restore := limitImportMemory()
	start := time.Now()
	run, err := dataset.LoadDatasets(dir)
	if err != nil {
		return err // the process ends: no need to restore the limit
	}
	rep.Import.CheckSeconds = time.Since(start).Seconds()
	res, err := db.ImportEach(ctx, run, graph.ImportOptions{By: graph.Actor{Name: "bench", Via: graph.ViaCLI},
		Progress: datasetProgress(stderr, false)})
	if err != nil {
		return err
	}
	run = nil
	rep.Import.Seconds = time.Since(start).Seconds()
	restore()
	if res.Rels.Added == 0 {
		logf("the graph already held these datasets: the import figures are of a re-import that changed nothing")
	}
	rep.Import.RelsPerSecond = float64(rep.Relationships) / rep.Import.Seconds
	rep.Import.PeakRSSMiB = peakRSS("self")
	logf("imported %d items, %d relationships in %.1f s (peak RSS %.0f MiB)", rep.Items, rep.Relationships, rep.Import.Seconds, rep.Import.PeakRSSMiB)

	// Re-import of one changed organisation: one file, one organ renamed.
	one, err := dataset.Load(filepath.Join(dir, kommun.ID+".yaml"))
	if err != nil {
		return err
	}
	changed := one[0].Data
	changed.Organs[len(changed.Organs)-1].Name += " (ändrad)"
	start = time.Now()
	if _, err := db.ImportEach(ctx, dataset.NewRun([]graph.Dataset{changed}), graph.ImportOptions{By: graph.Actor{Name: "bench", Via: graph.ViaCLI}}); err != nil {
		return err
	}
	rep.Import.ReimportOneSec = time.Since(start).Seconds()
	logf("re-imported %s in %.2f s", kommun.ID, rep.Import.ReimportOneSec)

	// Serving: the whole service on a free port, its peak RSS measured from here on.
	runtime.GC()
	debug.FreeOSMemory()
	resetPeakRSS()
	scfg := cfg
	scfg.Addr, scfg.Demo, scfg.Import, scfg.GaugeInterval = "127.0.0.1:0", true, nil, 24*time.Hour
	m := NewMain(scfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := m.Run(ctx); err != nil {
		return err
	}
	defer m.Close()
	base := "http://" + m.Addr()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}, Timeout: 60 * time.Second}
	for deadline := time.Now().Add(2 * time.Minute); ; {
		if resp, err := client.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			return graph.Errorf(graph.EUNAVAILABLE, "styrgraf did not become ready")
		}
		time.Sleep(200 * time.Millisecond)
	}
	// The governance gauges are computed once at start, every organisation's questions: wait
	// for that, so that it does not weigh on the figures.
	gauges := time.Now()
	for len(m.governance.Snapshot()) == 0 && time.Since(gauges) < *gaugeWait {
		time.Sleep(500 * time.Millisecond)
	}
	rep.GaugesSeconds, rep.GaugesDone = time.Since(gauges).Seconds(), len(m.governance.Snapshot()) > 0
	logf("governance gauges of every organisation: done %v after %.1f s", rep.GaugesDone, rep.GaugesSeconds)

	org := kommun.ID
	at := graph.MustDate("2026-06-01")
	group := generate.DeepestEscalation(kommun)
	qs := []struct {
		name string
		path string
		ask  func(context.Context) error
	}{
		{"who-decides", "/api/v1/questions/who-decides?topic=ekonomi&organisation=" + org, func(c context.Context) error {
			_, err := db.WhoDecides(c, graph.WhoDecidesQuery{Topic: "ekonomi", Organisation: org, At: at, Page: graph.Page{Limit: graph.DefaultLimit}})
			return err
		}},
		{"escalation", "/api/v1/organs/" + group + "/escalation", func(c context.Context) error {
			_, err := db.Escalation(c, graph.EscalationQuery{ID: group, At: at, Page: graph.Page{Limit: graph.DefaultLimit}})
			return err
		}},
		{"missing-follow-ups", "/api/v1/questions/missing-follow-ups?year=2025&organisation=" + org, func(c context.Context) error {
			_, err := db.MissingFollowUps(c, graph.FollowUpQuery{Organisation: org, Year: 2025, At: at})
			return err
		}},
		{"oversight", "/api/v1/questions/oversight-coverage?organisation=" + org, func(c context.Context) error {
			_, err := db.OversightCoverage(c, graph.OrganisationQuery{Organisation: org, At: at, Page: graph.Page{Limit: graph.DefaultLimit}})
			return err
		}},
		{"staff-functions", "/api/v1/questions/staff-functions?organisation=" + org, func(c context.Context) error {
			_, err := db.StaffFunctions(c, graph.OrganisationQuery{Organisation: org, At: at, Page: graph.Page{Limit: graph.DefaultLimit}})
			return err
		}},
		{"seats", "/api/v1/questions/seats?organisation=" + org, func(c context.Context) error {
			_, err := db.Seats(c, graph.SeatsQuery{Organisation: org, At: at, MinSeats: graph.DefaultMinSeats})
			return err
		}},
		{"organ", "/api/v1/organs/" + org + "-ks", func(c context.Context) error {
			_, err := db.OrganDetail(c, org+"-ks", at)
			return err
		}},
		{"search", "/api/v1/search?q=" + url.QueryEscape("socialnämnden"), func(c context.Context) error {
			_, err := db.Search(c, graph.SearchQuery{Text: "socialnämnden", Kinds: graph.SearchKinds, Page: graph.Page{Limit: graph.DefaultLimit}})
			return err
		}},
	}
	for _, q := range qs {
		path := q.path
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "at=" + at.String()
		cctx, statements := neo4jdb.WithCapture(ctx)
		if err := q.ask(cctx); err != nil {
			return fmt.Errorf("%s: %w", q.name, err)
		}
		stmts := statements()
		apiCall := func() error {
			resp, err := client.Get(base + path)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			if _, err := io.Copy(io.Discard, resp.Body); err != nil {
				return err
			}
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("%s: %s", path, resp.Status)
			}
			return nil
		}
		driverCall := func() error { _, err := db.Replay(ctx, stmts); return err }
		for range 10 { // warm: plans cached, pages in memory
			apiCall()
			driverCall()
		}
		for _, clients := range []int{1, 8} {
			api, errs := measure(clients, *requests, apiCall)
			drv, derrs := measure(clients, *requests, driverCall)
			bq := benchQuestion{Name: q.name, Clients: clients, API: api, Driver: drv, Errors: errs + derrs,
				Ratio: benchRatio{P50: api.P50 / drv.P50, P99: api.P99 / drv.P99}}
			rep.Questions = append(rep.Questions, bq)
			logf("%-18s %d clients: API p99 %.1f ms, driver p99 %.1f ms", q.name, clients, api.P99, drv.P99)
		}
	}
	rep.ServingRSSMiB = peakRSS("self")

	// Renders: go-graphviz (as the API renders) beside the native dot on the same DOT.
	rend, err := diagram.NewRenderer(ctx, diagram.RendererOptions{Workers: 1, Timeout: 5 * time.Minute})
	if err != nil {
		return err
	}
	defer rend.Close()
	dotPath, dotErr := exec.LookPath("dot")
	if dotErr != nil {
		rep.DotNote = "the native dot is not installed (Debian: graphviz): its column is left out"
	}
	for _, nodes := range []int{50, 300, 1000} {
		dot := syntheticDOT(nodes)
		r := benchRender{Nodes: nodes, DotAbsent: dotErr != nil}
		for _, f := range []diagram.Format{diagram.FormatSVG, diagram.FormatPNG} {
			ms, err := timeMedian(3, func() error { _, err := rend.Render(ctx, dot, f); return err })
			var dms float64
			if dotErr == nil {
				dms, _ = timeMedian(3, func() error {
					cmd := exec.CommandContext(ctx, dotPath, "-T"+string(f))
					cmd.Stdin, cmd.Stdout = bytes.NewReader(dot), io.Discard
					return cmd.Run()
				})
			}
			if f == diagram.FormatSVG {
				r.SVGms, r.DotSVGms = ms, dms
				if err != nil {
					r.SVGError = err.Error()
				}
			} else {
				r.PNGms, r.DotPNGms = ms, dms
				if err != nil {
					r.PNGError = err.Error()
				}
			}
		}
		rep.Renders = append(rep.Renders, r)
		logf("render %d nodes: svg %.0f ms (dot %.0f), png %.0f ms (dot %.0f)", nodes, r.SVGms, r.DotSVGms, r.PNGms, r.DotPNGms)
	}
	rep.Neo4j = benchNeo4j{Heap: os.Getenv("NEO4JLOCAL_HEAP"), PageCache: os.Getenv("NEO4JLOCAL_PAGECACHE"), PeakRSSMiB: neo4jPeakRSS()}

	writeBenchTable(stdout, rep, *requests)
	if *jsonOut != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*jsonOut, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// measure runs total calls spread over clients goroutines and returns the latency
// percentiles in milliseconds and how many calls failed.
func measure(clients, total int, call func() error) (benchLatency, int) {
	var mu sync.Mutex
	var took []float64
	errs := 0
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < total/clients; i++ {
				t := time.Now()
				err := call()
				d := float64(time.Since(t).Microseconds()) / 1000
				mu.Lock()
				took = append(took, d)
				if err != nil {
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(took)
	pct := func(p float64) float64 {
		if len(took) == 0 {
			return 0
		}
		return took[min(len(took)-1, int(p*float64(len(took))))]
	}
	return benchLatency{pct(0.50), pct(0.95), pct(0.99)}, errs
}

func timeMedian(n int, fn func() error) (float64, error) {
	var took []float64
	var err error
	for i := 0; i < n; i++ {
		t := time.Now()
		if e := fn(); e != nil {
			err = e
		}
		took = append(took, float64(time.Since(t).Microseconds())/1000)
	}
	slices.Sort(took)
	return took[len(took)/2], err
}

// syntheticDOT is a tree of n organ boxes in the overview's style (HTML labels with name,
// kind and a seats line), three children per node: the size, not the content, is measured.
func syntheticDOT(n int) []byte {
	var b strings.Builder
	b.WriteString("digraph styrgraf {\n  graph [rankdir=TB, fontname=\"DejaVu Sans\", nodesep=0.3, ranksep=0.5];\n")
	b.WriteString("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=\"DejaVu Sans\", fontsize=10];\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  n%d [label=<<b>Organ %d</b><br/><font point-size=\"8\">nämnd · 9 platser, 2 ej registrerade</font><br/>Ordförande: Anna Andersson>];\n", i, i)
		if i > 0 {
			fmt.Fprintf(&b, "  n%d -> n%d;\n", (i-1)/3, i)
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// resetPeakRSS resets the kernel's peak resident set (VmHWM) of this process, so that the
// next reading is the peak of what follows (Linux 4.0 and later).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS reads VmHWM of a process ("self" or a pid) in MiB; 0 if unknown.
func peakRSS(pid string) float64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// neo4jPeakRSS finds the Neo4j that neo4jlocal started (a java process running Neo4jLocal)
// and reads its peak RSS; 0 when there is none on this machine (a remote Neo4j).
func neo4jPeakRSS() float64 {
	entries, _ := os.ReadDir("/proc")
	best := 0.0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		cmd, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil || !bytes.Contains(cmd, []byte("Neo4jLocal")) || !bytes.Contains(cmd, []byte("java")) {
			continue
		}
		// Another engineer's Neo4j may run too: ours is the child of our neo4jlocal.sh, the
		// newest; take the largest peak only among those started after this process.
		if rss := peakRSS(e.Name()); rss > best && startedAfterUs(e.Name()) {
			best = rss
		}
	}
	return best
}

// startedAfterUs reports whether the process started no earlier than our parent shell's
// Neo4j could have: its start time (field 22 of stat) is after our parent's.
func startedAfterUs(pid string) bool {
	start := func(p string) int64 {
		b, err := os.ReadFile("/proc/" + p + "/stat")
		if err != nil {
			return 0
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndex(s, ")")+2:])
		v, _ := strconv.ParseInt(f[19], 10, 64)
		return v
	}
	return start(pid) >= start(strconv.Itoa(os.Getppid()))-100
}

func machine() string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				cpu = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
		if len(f) >= 2 {
			kb, _ := strconv.ParseFloat(f[1], 64)
			mem = fmt.Sprintf("%.0f GiB", kb/1024/1024)
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return fmt.Sprintf("%s, %d cores (GOMAXPROCS), %s RAM, %s, %s; load average at start %s", cpu, runtime.NumCPU(), mem, runtime.GOOS+"/"+runtime.GOARCH, runtime.Version(), load)
}

func writeBenchTable(w io.Writer, r benchReport, requests int) {
	fmt.Fprintf(w, "## styrgraf bench, %s\n\n", r.Started.Format(time.RFC3339))
	fmt.Fprintf(w, "Machine: %s\n\n", r.Machine)
	fmt.Fprintf(w, "Data: %d organisations generated, %d datasets, %d items, %d relationships.\n\n", r.Organisations, r.Datasets, r.Items, r.Relationships)
	fmt.Fprintf(w, "### Core questions (%d requests per row; ms)\n\n", requests)
	fmt.Fprintln(w, "| question | clients | API p50 | API p95 | API p99 | driver p50 | driver p95 | driver p99 | API/driver p50 | API/driver p99 | errors |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, q := range r.Questions {
		fmt.Fprintf(w, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %d |\n", q.Name, q.Clients,
			q.API.P50, q.API.P95, q.API.P99, q.Driver.P50, q.Driver.P95, q.Driver.P99, q.Ratio.P50, q.Ratio.P99, q.Errors)
	}
	fmt.Fprintln(w, "\n### Diagram renders (median of 3; ms)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| nodes | SVG (go-graphviz) | SVG (dot) | PNG (go-graphviz) | PNG (dot) |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|")
	for _, d := range r.Renders {
		dotCell := func(v float64) string {
			if d.DotAbsent {
				return "–"
			}
			return fmt.Sprintf("%.0f", v)
		}
		fmt.Fprintf(w, "| %d | %.0f%s | %s | %.0f%s | %s |\n", d.Nodes, d.SVGms, errMark(d.SVGError), dotCell(d.DotSVGms), d.PNGms, errMark(d.PNGError), dotCell(d.DotPNGms))
	}
	if r.DotNote != "" {
		fmt.Fprintf(w, "\n%s\n", r.DotNote)
	}
	fmt.Fprintln(w, "\n### Import and memory")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| measure | value |")
	fmt.Fprintln(w, "|---|---:|")
	fmt.Fprintf(w, "| full import (check + one transaction per dataset) | %.1f s |\n", r.Import.Seconds)
	fmt.Fprintf(w, "| of which reading and checking every file | %.1f s |\n", r.Import.CheckSeconds)
	fmt.Fprintf(w, "| import rate | %.0f relationships/s |\n", r.Import.RelsPerSecond)
	fmt.Fprintf(w, "| re-import of one changed organisation | %.2f s |\n", r.Import.ReimportOneSec)
	fmt.Fprintf(w, "| styrgraf peak RSS, importing | %.0f MiB |\n", r.Import.PeakRSSMiB)
	fmt.Fprintf(w, "| styrgraf peak RSS, serving the questions | %.0f MiB |\n", r.ServingRSSMiB)
	gauges := fmt.Sprintf("%.1f s", r.GaugesSeconds)
	if !r.GaugesDone {
		gauges = fmt.Sprintf("not done after %.0f s (measured while they ran)", r.GaugesSeconds)
	}
	fmt.Fprintf(w, "| governance gauges of every organisation, at start | %s |\n", gauges)
	fmt.Fprintf(w, "| Neo4j heap (-Xmx) | %s |\n", orUnknown(r.Neo4j.Heap))
	fmt.Fprintf(w, "| Neo4j page cache | %s |\n", orUnknown(r.Neo4j.PageCache))
	fmt.Fprintf(w, "| Neo4j peak RSS (heap, page cache, rest) | %.0f MiB |\n", r.Neo4j.PeakRSSMiB)
}

func errMark(e string) string {
	if e != "" {
		return " (failed: " + e + ")"
	}
	return ""
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown (not started by neo4jlocal)"
	}
	return s
}
