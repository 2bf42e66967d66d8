package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/styrgraf/styrgraf/graph/dataset"
)

// validate checks dataset files without touching Neo4j and prints every problem as
// file:line:column: field: message.
func validate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf validate PATH...   (files, or directories of *.yaml)")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	files, err := dataset.Load(fs.Args()...)
	if err != nil {
		return err
	}
	items := 0
	for _, f := range files {
		items += dataset.ItemCount(f.Data)
	}
	fmt.Fprintf(stdout, "%d file(s), %d item(s): no problems\n", len(files), items)
	return nil
}
