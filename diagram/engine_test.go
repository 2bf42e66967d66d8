package diagram

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	graphviz "github.com/goccy/go-graphviz"
)

// leakyDOT is a diagram shaped like the overviews (HTML-like labels inside clusters), the
// shape whose layouts leak inside Graphviz's WebAssembly memory.
func leakyDOT(clusters int) []byte {
	var b strings.Builder
	b.WriteString("digraph g {\n\tnode [shape=box];\n")
	for i := 0; i < clusters; i++ {
		fmt.Fprintf(&b, "\tsubgraph cluster_%d { label=\"Förvaltning %d\"; n%d [label=<<B>Nämnd %d</B><BR/>stab>]; }\n", i, i, i, i)
		if i > 0 {
			fmt.Fprintf(&b, "\tn%d -> n%d;\n", i-1, i)
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func engineMemoryNow() uint64 {
	engineMu.Lock()
	defer engineMu.Unlock()
	return graphviz.EngineMemory()
}

// Rendering all day keeps Graphviz's memory under the limit: the engine is reset when a
// render leaves it past the limit, and renders after a reset give the same bytes as before.
func TestEngineResetBoundsMemory(t *testing.T) {
	start := engineMemoryNow()
	limit := start + 2<<20
	r := newTestRenderer(t, RendererOptions{Workers: 2, EngineMemoryLimit: limit})
	ctx := context.Background()

	leaky := leakyDOT(150)
	example, err := os.ReadFile(filepath.Join("testdata", "examples", "region-halland.dot"))
	if err != nil {
		t.Fatal(err)
	}
	wantLeaky, err := r.Render(ctx, leaky, FormatSVG)
	if err != nil {
		t.Fatal(err)
	}
	wantExample, err := r.Render(ctx, example, FormatSVG)
	if err != nil {
		t.Fatal(err)
	}

	resets := EngineResets()
	var peak uint64
	for i := 0; i < 80; i++ {
		got, err := r.Render(ctx, leaky, FormatSVG)
		if err != nil {
			t.Fatalf("render %d: %v", i, err)
		}
		if !bytes.Equal(got, wantLeaky) {
			t.Fatalf("render %d differs from the first (engine resets so far: %d)", i, EngineResets()-resets)
		}
		peak = max(peak, EngineMemory())
	}
	if n := EngineResets() - resets; n < 2 {
		t.Errorf("engine reset %d times in 80 renders, want at least 2 (memory %d, start %d, limit %d)",
			n, EngineMemory(), start, limit)
	}
	if peak > limit {
		t.Errorf("engine memory reached %d bytes after a render, limit %d", peak, limit)
	}
	// A PNG and the real overview still come out right on the fresh engine.
	if got, err := r.Render(ctx, example, FormatSVG); err != nil || !bytes.Equal(got, wantExample) {
		t.Errorf("overview after resets: err %v, same bytes %v", err, bytes.Equal(got, wantExample))
	}
	if png, err := r.Render(ctx, example, FormatPNG); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("PNG after resets: err %v", err)
	}
}

// The patched bindings no longer leak the DOT text and the rendered SVG: a plain graph
// (which Graphviz itself does not leak on) renders many times without the memory growing.
func TestEngineNoLeakOnPlainGraphs(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	ctx := context.Background()
	// Large text both ways: 64 nodes with long names, so a leak of the input or output
	// (tens of KB per render) would show within a few hundred renders.
	var b strings.Builder
	b.WriteString("digraph g {\n")
	for i := 0; i < 64; i++ {
		fmt.Fprintf(&b, "\tn%d [label=\"%s %d\"];\n", i, strings.Repeat("Regionstyrelsen ", 8), i)
	}
	b.WriteString("}\n")
	dot := []byte(b.String())
	for i := 0; i < 20; i++ { // let the allocator settle
		if _, err := r.Render(ctx, dot, FormatSVG); err != nil {
			t.Fatal(err)
		}
	}
	before, resets := EngineMemory(), EngineResets()
	var svgBytes int
	const n = 300
	for i := 0; i < n; i++ {
		svg, err := r.Render(ctx, dot, FormatSVG)
		if err != nil {
			t.Fatal(err)
		}
		svgBytes = len(svg)
	}
	if EngineResets() != resets {
		t.Fatal("the engine was reset during the measurement; the growth cannot be read")
	}
	grew := int64(EngineMemory()) - int64(before)
	// Unpatched, each render kept len(dot)+len(svg) bytes: n times that in all.
	if leaked := int64(n * (len(dot) + svgBytes)); grew > leaked/10 {
		t.Errorf("engine memory grew %d bytes over %d renders of %d+%d bytes; the bindings leak again", grew, n, len(dot), svgBytes)
	}
}
