package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// TestExitStatusInterrupted: an interrupted command says so, with how far it got, and is
// not called an internal error.
func TestExitStatusInterrupted(t *testing.T) {
	var stderr bytes.Buffer
	err := fmt.Errorf("dataset kommun-0114 (5 of 331; the 4 before it are imported): applying: %w", context.Canceled)
	if status := exitStatus(err, &stderr); status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	out := stderr.String()
	if !strings.HasPrefix(out, "styrgraf: interrupted: dataset kommun-0114 (5 of 331; the 4 before it are imported)") || strings.Contains(out, "internal error") {
		t.Errorf("printed %q", out)
	}
	stderr.Reset()
	if status := exitStatus(graph.Errorf(graph.EINTERNAL, "boom"), &stderr); status != 1 || !strings.Contains(stderr.String(), "boom") {
		t.Errorf("an internal error: status %d, printed %q", status, stderr.String())
	}
}
