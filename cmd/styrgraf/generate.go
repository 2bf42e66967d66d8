package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset/generate"
)

// generateCmd writes made-up dataset files of the real regions and kommuner, for tests and
// benchmarks at any scale up to the whole country (see package generate).
func generateCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("organisations", 0, "how many organisations, regions each followed by its kommuner (0: all 311)")
	seed := fs.Uint64("seed", 1, "the same seed gives the same files")
	out := fs.String("out", "", "directory to write the files into (created if missing)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf generate -out DIR [-organisations N] [-seed S]")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if *n < 0 {
		return graph.Errorf(graph.EINVALID, "organisations: want 0 (all) or more, got %d", *n)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	var files, items int
	err := generate.Generate(*n, *seed, func(f generate.File) error {
		b, err := f.YAML()
		if err != nil {
			return err
		}
		files++
		items += generate.Count(f.Data)
		return os.WriteFile(filepath.Join(*out, f.Name), b, 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d dataset files, %d items, to %s (source: generated)\n", files, items, *out)
	return nil
}
