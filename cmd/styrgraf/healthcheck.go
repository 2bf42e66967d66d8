package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/styrgraf/styrgraf/graph"
)

// healthcheck asks a running styrgraf whether it is ready. The container image has no shell
// or curl, so compose's health check calls the binary itself.
func healthcheck(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "http://127.0.0.1:8080/readyz", "readiness URL to ask")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "-url %q: %v", *url, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return graph.Errorf(graph.EUNAVAILABLE, "%s: %v", *url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return graph.Errorf(graph.EUNAVAILABLE, "%s answered %d: %s", *url, resp.StatusCode, body)
	}
	fmt.Fprintf(stderr, "%s\n", body)
	return nil
}
