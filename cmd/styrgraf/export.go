package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/exports"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// exportCmd writes one organisation's datasets (or all) from Neo4j in an export format.
func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	var names []string
	for _, f := range exports.Formats() {
		names = append(names, f.Name)
	}
	names = append(names, sheetFormats()...) // export_xlsx.go
	format := fs.String("format", "popolo", "export format: "+strings.Join(names, ", "))
	org := fs.String("organisation", "", "export the datasets of this organisation (default: everything)")
	out := fs.String("o", "-", "file to write (- for standard output)")
	at := graph.Today()
	fs.Func("at", "as of this date, YYYY-MM-DD (default today; xlsx only)", dateFlag(&at))
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf export [flags]   (the graph, or one organisation's datasets, as a file)")
		for _, f := range exports.Formats() {
			fmt.Fprintf(stderr, "  %-11s %s\n", f.Name, f.Summary)
		}
		sheetUsage(stderr)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return graph.Errorf(graph.EINVALID, "export takes no arguments, got %q (use -organisation)", fs.Arg(0))
	}
	if ex, ok := sheetExporters[*format]; ok {
		return exportSheets(ctx, cfg, ex, *org, at, *out, stdout)
	}
	// An unknown format is refused before Neo4j is contacted.
	if _, err := exports.Lookup(*format); err != nil {
		return err
	}
	db, err := neo4jdb.Open(cfg.Neo4j())
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	body, _, err := exports.Export(ctx, db, graph.ExportQuery{Organisation: *org}, *format)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err = stdout.Write(body)
		return err
	}
	if err := os.WriteFile(*out, body, 0o644); err != nil {
		return graph.Errorf(graph.EINVALID, "-o: %v", err)
	}
	return nil
}
