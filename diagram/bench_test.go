package diagram

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"testing"
	"time"

	"github.com/styrgraf/styrgraf/graph"
)

// Render benchmarks of organisation overviews of 50, 300 and 1000 organs (seats folded, so
// one node each), as SVG and PNG: through the Renderer (go-graphviz, and PNG rasterised in
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
	native, nativeErr := exec.LookPath("dot")
	for _, n := range []int{50, 300, 1000} {
		dot := syntheticOverview(b, n)
		for _, f := range []Format{FormatSVG, FormatPNG} {
			b.Run(fmt.Sprintf("organs=%d/%s/go-graphviz", n, f), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := r.Render(context.Background(), dot, f); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("organs=%d/%s/native-dot", n, f), func(b *testing.B) {
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
}
