package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// importCmd validates dataset files and applies them to Neo4j in one transaction.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	dry := fs.Bool("dry-run", false, "print what would change, write nothing")
	verbose := fs.Bool("verbose", false, "list the ids added, changed and removed")
	as := fs.String("as", osUser(), "who imports, as the audit trail records it (default: the OS user)")
	perDataset := fs.Bool("per-dataset", false, "one transaction per dataset (file) instead of one for the whole run, for runs too large for one transaction (a whole country); all files are still checked together first")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf import [flags] PATH...   (files, or directories of *.yaml; a .json file of Popolo is converted; .xlsx and .csv are spreadsheets)")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !*dry && strings.TrimSpace(*as) == "" {
		return graph.Errorf(graph.EINVALID, "import: say who imports with -as NAME (no OS user name was found, or -as is blank); the audit trail records every write with a name")
	}
	by := graph.Actor{Name: *as, Via: graph.ViaCLI}
	if *perDataset {
		if *verbose {
			return graph.Errorf(graph.EINVALID, "import: -verbose lists every id, which -per-dataset does not keep; leave one out")
		}
		return importEach(ctx, cfg, fs.Args(), graph.ImportOptions{DryRun: *dry, By: by}, stdout, stderr)
	}
	res, err := importFiles(ctx, cfg, fs.Args(), graph.ImportOptions{DryRun: *dry, By: by, Progress: progressPrinter(stderr)})
	if err != nil {
		return err
	}
	printImport(stdout, res, *verbose)
	return nil
}

// importFiles is the whole import: read the files, then parse, check and apply them
// through the one import pipeline.
func importFiles(ctx context.Context, cfg Config, paths []string, opts graph.ImportOptions) (graph.ImportResult, error) {
	files, err := dataset.ReadFiles(paths...)
	if err != nil {
		return graph.ImportResult{}, err
	}
	// Broken files are reported before Neo4j is even contacted.
	if _, err := dataset.ParseFiles(files); err != nil {
		return graph.ImportResult{}, err
	}
	db, err := openForWriting(ctx, cfg)
	if err != nil {
		return graph.ImportResult{}, err
	}
	defer db.Close(context.WithoutCancel(ctx))
	im := dataset.Importer{Store: db}
	return im.Import(ctx, files, opts)
}

// openForWriting opens Neo4j and applies the schema (constraints and indexes), which every
// command that writes the graph needs first. The caller closes the DB.
func openForWriting(ctx context.Context, cfg Config) (*neo4jdb.DB, error) {
	db, err := neo4jdb.Open(cfg.Neo4j())
	if err != nil {
		return nil, err
	}
	if err := db.ApplySchema(ctx); err != nil {
		db.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return db, nil
}

// progressPrinter reports long steps (over a second) now and then, not every batch.
func progressPrinter(w io.Writer) func(step string, done, total int) {
	start, last := time.Now(), time.Now()
	return func(step string, done, total int) {
		if time.Since(start) < time.Second || (time.Since(last) < time.Second && done < total) {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "%s: %d/%d\n", step, done, total)
	}
}

func printImport(w io.Writer, r graph.ImportResult, verbose bool) {
	verb := "imported"
	if r.DryRun {
		verb = "dry run, nothing written; would import"
	}
	fmt.Fprintf(w, "%s datasets %s\n", verb, strings.Join(r.Datasets, ", "))
	for _, c := range []struct {
		what string
		ch   graph.ImportChanges
	}{{"items", r.Nodes}, {"relationships", r.Rels}} {
		fmt.Fprintf(w, "  %s: %d added, %d changed, %d removed\n", c.what, len(c.ch.Added), len(c.ch.Changed), len(c.ch.Removed))
		if verbose {
			for _, l := range []struct {
				sign string
				ids  []string
			}{{"+", c.ch.Added}, {"~", c.ch.Changed}, {"-", c.ch.Removed}} {
				for _, id := range l.ids {
					fmt.Fprintf(w, "    %s %s\n", l.sign, id)
				}
			}
		}
	}
	if r.Unchanged() {
		fmt.Fprintln(w, "  the graph already matched the files")
	}
	for _, c := range r.Conversions {
		fmt.Fprintf(w, "converted %s (%s):\n", c.File, c.Format)
		kinds := make([]string, 0, len(c.Mapped))
		for k := range c.Mapped {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			fmt.Fprintf(w, "  mapped  %5d %s\n", c.Mapped[k], k)
		}
		for _, d := range c.Dropped {
			fmt.Fprintf(w, "  dropped %5d %s: %s\n", d.Count, d.What, d.Why)
		}
	}
}
