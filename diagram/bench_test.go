package diagram

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
)

// Render benchmarks of organisation overviews of 50, 300 and 1000 organs (seats folded, so
// one node each) and of the example organisations' overviews, as SVG and PNG: through the Renderer (go-graphviz, and PNG rasterised in
// Go) and, beside it, the native dot binary on the same DOT when one is installed (Debian's
// graphviz package); without it the native benchmarks skip.
//
//	go test -run XXX -bench Overview -benchtime 3x ./diagram/

// syntheticOverview is an organisation of n organs: bigTree's fullmäktige, nämnder,
// utskott, förvaltningar, avdelningar and bolag, cut at n organs (parents come first).
func syntheticOverview(tb testing.TB, n int) []byte {
	tb.Helper()
	t := bigTree(4 * n)
	if len(t.Organs) < n {
		tb.Fatalf("bigTree gave %d organs, want %d", len(t.Organs), n)
	}
	t.Organs = t.Organs[:n]
	t.Name = "Region Exempel"
	dot, err := OrganisationDOT(t, Options{MaxNodes: 2 * n, At: graph.MustDate("2026-01-01")})
	if err != nil {
		tb.Fatal(err)
	}
	return dot
}

func BenchmarkOverview(b *testing.B) {
	r := newTestRenderer(b, RendererOptions{Workers: 1, Timeout: 10 * time.Minute})
	for _, n := range []int{50, 300, 1000} {
		benchRenders(b, r, fmt.Sprintf("organs=%d", n), syntheticOverview(b, n))
	}
}

// BenchmarkExampleOverviews renders the example organisations' overviews as the golden files
// hold them (testdata/examples/*.dot), so that no Neo4j is needed.
//
//	go test -run XXX -bench ExampleOverviews -benchtime 20x ./diagram/
func BenchmarkExampleOverviews(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "examples", "*.dot"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no example overviews: %v", err)
	}
	r := newTestRenderer(b, RendererOptions{Workers: 1, Timeout: 10 * time.Minute})
	for _, f := range files {
		dot, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		benchRenders(b, r, strings.TrimSuffix(filepath.Base(f), ".dot"), dot)
	}
}

// benchRenders renders dot as SVG and PNG through r and, beside it, through the native dot.
func benchRenders(b *testing.B, r *Renderer, name string, dot []byte) {
	native, nativeErr := exec.LookPath("dot")
	for _, f := range []Format{FormatSVG, FormatPNG} {
		b.Run(name+"/"+string(f)+"/go-graphviz", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := r.Render(context.Background(), dot, f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/"+string(f)+"/native-dot", func(b *testing.B) {
			if nativeErr != nil {
				b.Skip("no native dot binary (Debian: apt-get install graphviz)")
			}
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(native, "-T"+string(f))
				cmd.Stdin = bytes.NewReader(dot)
				var out bytes.Buffer
				cmd.Stdout = &out
				if err := cmd.Run(); err != nil {
					b.Fatal(err)
				}
				if out.Len() == 0 {
					b.Fatal("dot wrote nothing")
				}
			}
		})
	}
}
