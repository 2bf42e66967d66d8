package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/styrgraf/styrgraf/diagram"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// diagramCmd draws an organ, an organisation or an escalation chain to a file, with the same
// code as the API's diagram routes; the format comes from the file's extension.
func diagramCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("diagram", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	at := graph.Today()
	fs.Func("at", "draw as of this date, YYYY-MM-DD (default today)", dateFlag(&at))
	depth := fs.Int("depth", 2, "levels of parts, for an organ")
	out := fs.String("o", "", "the file to write: .svg, .png or .dot (- writes DOT to standard output)")
	seats := fs.String("seats", "summary", "for an organisation: summary (each organ's chair and seat count in its box) or all (every seat)")
	relations := fs.String("relations", "default", "for an organisation: relation kinds drawn, comma-separated, all, or default (all but ex_officio, appoints, establishes, consults, represents, follows_up, dissolves)")
	scale := fs.Int("scale", 1, "PNG resolution: 1 (96 dpi), 2 or 3 (288 dpi, for print)")
	band := fs.String("band", "", "for an organisation: draw only these bands, comma-separated ("+strings.Join(diagram.BandNames(), ", ")+")")
	under := fs.String("under", "", "for an organisation: draw only this organ (id) and what hangs under it")
	fit := fs.String("fit", "a4", "for an organisation as SVG or PNG: a4 refuses one that does not fit A4 landscape at 8 pt and lists the -band/-under values that do; none draws any size")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf diagram organ|organisation|escalation ID -o FILE [flags]")
		fs.PrintDefaults()
	}
	// WHAT and ID may come before the flags, as in the usage line, or after them.
	var positional []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") && len(positional) < 2 {
		positional, args = append(positional, args[0]), args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	positional = append(positional, fs.Args()...)
	if len(positional) != 2 || *out == "" {
		fs.Usage()
		return errUsage
	}
	format := diagram.FormatDOT
	if *out != "-" {
		switch ext := strings.TrimPrefix(filepath.Ext(*out), "."); diagram.Format(ext) {
		case diagram.FormatSVG, diagram.FormatPNG, diagram.FormatDOT:
			format = diagram.Format(ext)
		default:
			return graph.Errorf(graph.EINVALID, "-o %s: the file must end in .svg, .png or .dot", *out)
		}
	}
	var opts diagram.Options
	var err error
	if opts.AllSeats, err = diagram.ParseSeats(*seats); err != nil {
		return err
	}
	if opts.Relations, err = diagram.ParseRelations(*relations); err != nil {
		return err
	}
	if opts.Bands, err = diagram.ParseBands(*band); err != nil {
		return err
	}
	opts.Under = strings.TrimSpace(*under)
	if opts.AnySize, err = diagram.ParseFit(*fit); err != nil {
		return err
	}
	if err := diagram.CheckScale(*scale); err != nil {
		return err
	}
	db, err := neo4jdb.Open(cfg.Neo4j())
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	req := diagram.Request{What: positional[0], ID: positional[1], At: at, Depth: *depth}
	var eng diagram.Engine
	if format != diagram.FormatDOT {
		r, err := diagram.NewRenderer(ctx, diagram.RendererOptions{Workers: 1})
		if err != nil {
			return err
		}
		defer r.Close()
		eng = r
	}
	picture, err := diagram.Draw(ctx, db, eng, req, opts, format, *scale)
	var nf *diagram.NotFitting
	if errors.As(err, &nf) && len(nf.Narrowings) > 0 {
		// The message names them as query parameters; here they are flags.
		fmt.Fprintln(stderr, "Delar som ryms på A4 (liggande):")
		for _, n := range nf.Narrowings {
			var flags []string
			if n.Band != "" {
				flags = append(flags, "-band "+n.Band)
			}
			if n.Under != "" {
				flags = append(flags, "-under "+n.Under)
			}
			fmt.Fprintf(stderr, "  %-28s %s: %d organ, %.0f %%\n", strings.Join(flags, " "), n.Label, n.Organs, 100*n.Size.Scale)
		}
	}
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err = stdout.Write(picture)
		return err
	}
	if err := os.WriteFile(*out, picture, 0o644); err != nil {
		return graph.Errorf(graph.EINVALID, "writing %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, len(picture))
	return nil
}
