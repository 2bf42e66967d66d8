package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

// sheetExporter is a spreadsheet format of styrgraf export. Unlike the formats of
// graph/exports, which write whole datasets, these are made from the questions' answers as
// of a date (seat holders on that day, the stabsfunktioner matrix with its gaps).
type sheetExporter struct {
	help string
	// offline: the format needs no graph (a template); svc is nil then.
	offline bool
	write   func(ctx context.Context, svc graph.Service, organisation string, at graph.Date, w io.Writer) error
}

var sheetExporters = map[string]sheetExporter{
	"xlsx": {
		help: "an organisation's seat lists (Platser, Innehav, Personer: the import layout) and stabsfunktioner matrix as of -at; needs -organisation",
		write: func(ctx context.Context, svc graph.Service, organisation string, at graph.Date, w io.Writer) error {
			if organisation == "" {
				return graph.Errorf(graph.EINVALID, "organisation: required")
			}
			e, err := sheets.Collect(ctx, svc, svc, organisation, at)
			if err != nil {
				return err
			}
			by := "styrgraf export"
			if u, err := user.Current(); err == nil {
				by += " (" + u.Username + ")"
			}
			note := fmt.Sprintf("Ur styrgraf per %s: %s -format xlsx -organisation %s. %s", at, by, organisation, sheets.BasisNote)
			return sheets.WriteExport(w, e, note)
		},
	},
	"xlsx-template": {
		help:    "the empty workbook to fill in for import (people, seats, holdings, stabsfunktioner), with instructions",
		offline: true,
		write: func(_ context.Context, _ graph.Service, _ string, _ graph.Date, w io.Writer) error {
			return sheets.Template(w)
		},
	},
}

func sheetFormats() []string {
	var out []string
	for name := range sheetExporters {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

func sheetUsage(w io.Writer) {
	for _, name := range sheetFormats() {
		fmt.Fprintf(w, "  %-11s %s\n", name, sheetExporters[name].help)
	}
}

// exportSheets writes a spreadsheet export to out (- for stdout), whole or not at all.
func exportSheets(ctx context.Context, cfg Config, ex sheetExporter, organisation string, at graph.Date, out string, stdout io.Writer) error {
	var svc graph.Service
	if !ex.offline {
		db, err := neo4jdb.Open(cfg.Neo4j())
		if err != nil {
			return err
		}
		defer db.Close(context.WithoutCancel(ctx))
		svc = db
	}
	var buf bytes.Buffer
	if err := ex.write(ctx, svc, organisation, at, &buf); err != nil {
		return err
	}
	if out == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return graph.Errorf(graph.EINVALID, "-o: %v", err)
	}
	return nil
}
