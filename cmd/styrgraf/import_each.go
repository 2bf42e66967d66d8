package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

// importMemoryLimit is the Go heap the per-dataset import aims to stay within (a soft
// limit: the collector works harder near it rather than failing).
const importMemoryLimit = 200 << 20

// limitImportMemory sets importMemoryLimit until the returned function is called. The check
// holds an index of every item of the run, and without a limit the collector lets the heap
// grow to twice what is live between cycles: at full scale, past the import's memory budget.
// GOMEMLIMIT, when set, is the user's choice and stays.
func limitImportMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(importMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}

// importEach is import -per-dataset: check every file together, then write one transaction
// per dataset (see neo4jdb.ImportEach), for runs too large for one transaction.
func importEach(ctx context.Context, cfg Config, paths []string, opts graph.ImportOptions, stdout, stderr io.Writer) error {
	defer limitImportMemory()()
	start := time.Now()
	run, err := dataset.LoadDatasets(paths...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "checked %d datasets in %s\n", run.Len(), time.Since(start).Round(time.Millisecond))
	db, err := openForWriting(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	opts.Progress = datasetProgress(stderr, isTerminal(stderr))
	res, err := db.ImportEach(ctx, run, opts)
	if err != nil {
		return err
	}
	verb := "imported"
	if res.DryRun {
		verb = "dry run, nothing written; would import"
	}
	fmt.Fprintf(stdout, "%s %d datasets, one transaction each (%d changed) in %s\n", verb, res.Datasets, res.Changed, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "  items: %d added, %d changed, %d removed\n", res.Nodes.Added, res.Nodes.Changed, res.Nodes.Removed)
	fmt.Fprintf(stdout, "  relationships: %d added, %d changed, %d removed\n", res.Rels.Added, res.Rels.Changed, res.Rels.Removed)
	if res.Changed == 0 {
		fmt.Fprintln(stdout, "  the graph already matched the files")
	}
	return nil
}

// isTerminal reports whether w is a terminal (a character device), where a progress bar
// redrawn in place reads well; logs and pipes get plain lines instead.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// datasetProgress reports datasets written: on a terminal a bar with rate and ETA redrawn in
// place, otherwise a plain line at most every five seconds and at the end.
func datasetProgress(w io.Writer, terminal bool) func(step string, done, total int) {
	start, last := time.Now(), time.Time{}
	return func(step string, done, total int) {
		elapsed := time.Since(start)
		if !terminal && time.Since(last) < 5*time.Second && done < total {
			return
		}
		last = time.Now()
		rate := float64(done) / elapsed.Seconds()
		eta := "?"
		if rate > 0 {
			eta = (time.Duration(float64(total-done) / rate * float64(time.Second))).Round(time.Second).String()
		}
		if !terminal {
			fmt.Fprintf(w, "%s: %d/%d, %.1f/s, %s elapsed, ETA %s\n", step, done, total, rate, elapsed.Round(time.Second), eta)
			return
		}
		const width = 30
		filled := width * done / max(total, 1)
		fmt.Fprintf(w, "\r%s [%s%s] %d/%d %.1f/s ETA %s ", step, strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total, rate, eta)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}
