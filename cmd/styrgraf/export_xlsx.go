package main

import (
	"context"
	"fmt"
	"io"
	"os/user"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

func init() {
	exporters["xlsx"] = exporter{
		help: "an organisation's seat lists (Platser, Innehav, Personer: the import layout) and stabsfunktioner matrix as a workbook; needs -organisation",
		write: func(ctx context.Context, svc graph.Service, o exportOptions, w io.Writer) error {
			if o.Organisation == "" {
				return graph.Errorf(graph.EINVALID, "organisation: required")
			}
			e, err := sheets.Collect(ctx, svc, svc, o.Organisation, o.At)
			if err != nil {
				return err
			}
			by := "styrgraf export"
			if u, err := user.Current(); err == nil {
				by += " (" + u.Username + ")"
			}
			note := fmt.Sprintf("Ur styrgraf per %s: %s -format xlsx -organisation %s. %s", o.At, by, o.Organisation, sheets.BasisNote)
			return sheets.WriteExport(w, e, note)
		},
	}
	exporters["xlsx-template"] = exporter{
		help:    "the empty workbook to fill in for import (people, seats, holdings, stabsfunktioner), with instructions",
		offline: true,
		write: func(_ context.Context, _ graph.Service, _ exportOptions, w io.Writer) error {
			return sheets.Template(w)
		},
	}
}
