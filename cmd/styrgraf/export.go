package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// exportOptions are what an export may take.
type exportOptions struct {
	Organisation string
	At           graph.Date
}

// exporter writes (part of) the graph in one format. Formats register themselves in
// exporters, each from its own file (export_xlsx.go …).
type exporter struct {
	help string
	// offline: the format needs no graph (a template); svc is nil then.
	offline bool
	write   func(ctx context.Context, svc graph.Service, o exportOptions, w io.Writer) error
}

// exporters are the formats of styrgraf export, by the name -format takes.
var exporters = map[string]exporter{}

func exportFormats() []string {
	out := make([]string, 0, len(exporters))
	for name := range exporters {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// exportCmd writes an organisation (or a template) in one of the exporters' formats.
func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	o := exportOptions{At: graph.Today()}
	format := fs.String("format", "", "the format: "+strings.Join(exportFormats(), ", "))
	fs.StringVar(&o.Organisation, "organisation", "", "organisation id")
	fs.Func("at", "export as of this date, YYYY-MM-DD (default today)", dateFlag(&o.At))
	out := fs.String("o", "-", "the file to write (- for standard output)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf export -format FORMAT [-organisation ID] [-at DATE] [-o FILE]\n\nformats:")
		for _, name := range exportFormats() {
			fmt.Fprintf(stderr, "  %-14s %s\n", name, exporters[name].help)
		}
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ex, ok := exporters[*format]
	if !ok {
		return graph.Errorf(graph.EINVALID, "-format: want one of %s, got %q", strings.Join(exportFormats(), ", "), *format)
	}
	var svc graph.Service
	if !ex.offline {
		db, err := neo4jdb.Open(cfg.Neo4j())
		if err != nil {
			return err
		}
		defer db.Close(context.WithoutCancel(ctx))
		svc = db
	}
	w := stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return graph.Errorf(graph.EINVALID, "-o: %v", err)
		}
		defer f.Close()
		w = f
	}
	if err := ex.write(ctx, svc, o, w); err != nil {
		if *out != "-" {
			os.Remove(*out) // no half-written file
		}
		return err
	}
	if f, ok := w.(*os.File); ok && w != stdout {
		return f.Close()
	}
	return nil
}
