package diagram

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	graphviz "github.com/goccy/go-graphviz"

	"github.com/styrgraf/styrgraf/graph"
)

func newTestRenderer(t testing.TB, opts RendererOptions) *Renderer {
	t.Helper()
	r, err := NewRenderer(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r
}

// mustDOT(t)(OrganDOT(…)) is the DOT, failing the test on an error.
func mustDOT(t testing.TB) func([]byte, error) []byte {
	return func(dot []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return dot
	}
}

// svgTexts checks that svg is well-formed XML and returns the text of its <text> elements.
func svgTexts(t *testing.T, svg []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var texts []string
	var in bool
	var cur strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = e.Name.Local
			}
			if e.Name.Local == "text" {
				in = true
				cur.Reset()
			}
		case xml.CharData:
			if in {
				cur.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				in = false
				texts = append(texts, cur.String())
			}
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	return texts
}

func TestRenderSVG(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	svg, err := r.Render(context.Background(), mustDOT(t)(OrganDOT(smallTree(), Options{Title: "Region Halland 2026-01-01"})), FormatSVG)
	if err != nil {
		t.Fatal(err)
	}
	texts := strings.Join(svgTexts(t, svg), "\n")
	for _, want := range []string{"Regionfullmäktige", "Åsa Öberg", "Björn Ängström", "Hälso- och sjukvårdsnämnden",
		`"HSN" \ test`, "ej registrerad", "Teckenförklaring", "rapporterar till", "har uppsikt över", "Region Halland 2026-01-01",
		"Göran", "Nyrad", "+ 1 till"} {
		if !strings.Contains(texts, want) {
			t.Errorf("SVG lacks %q; texts:\n%s", want, texts)
		}
	}
	// Organs link to their pages in the web interface.
	if !strings.Contains(string(svg), `xlink:href="/organ/`) {
		t.Error("the SVG's organs do not link to /organ/{id}")
	}
	if strings.Contains(texts, "not-in-diagram") {
		t.Error("SVG draws an edge end that is not in the diagram")
	}
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil || format != "png" {
		t.Fatalf("not a decodable PNG (%s): %v", format, err)
	}
	return img
}

func TestRenderPNG(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	out, err := r.Render(context.Background(), mustDOT(t)(OrganDOT(smallTree(), Options{})), FormatPNG)
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, out)
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 300 || b.Dx() > 5000 || b.Dy() > 5000 {
		t.Errorf("implausible PNG size %v", b)
	}
	// Same size as Graphviz's SVG at 96 dpi.
	svg, _ := r.Render(context.Background(), mustDOT(t)(OrganDOT(smallTree(), Options{})), FormatSVG)
	var size struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
	}
	if err := xml.Unmarshal(svg, &size); err != nil {
		t.Fatal(err)
	}
	if w := int(num(size.Width)*pngScale + 0.999); img.Bounds().Dx() != w {
		t.Errorf("PNG width %d, want %d (SVG width %s at 96 dpi)", img.Bounds().Dx(), w, size.Width)
	}
}

// Text is drawn: a diagram of nothing but a borderless label has dark pixels.
func TestPNGDrawsText(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	count := func(dot string) int {
		out, err := r.Render(context.Background(), []byte(dot), FormatPNG)
		if err != nil {
			t.Fatal(err)
		}
		img := decodePNG(t, out)
		dark := 0
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				if c, _, _, _ := img.At(x, y).RGBA(); c < 0x8000 {
					dark++
				}
			}
		}
		return dark
	}
	blank := count(`digraph { a [shape=plaintext, label=" ", fontname="Helvetica"] }`)
	text := count(`digraph { a [shape=plaintext, label="Åsa Öberg, Ängelholm", fontname="Helvetica"] }`)
	if blank != 0 || text < 50 {
		t.Errorf("dark pixels: %d without text, %d with; want 0 and many", blank, text)
	}
}

func TestRenderDeterministic(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 2})
	dot := mustDOT(t)(OrganDOT(smallTree(), Options{}))
	for _, f := range []Format{FormatSVG, FormatPNG} {
		a, err := r.Render(context.Background(), dot, f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Render(context.Background(), dot, f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two renders of the same DOT", f)
		}
	}
}

func TestRenderDOTPassthroughAndErrors(t *testing.T) {
	var observed atomic.Int64
	r := newTestRenderer(t, RendererOptions{Workers: 1, Observe: func(format string, d time.Duration, err error) { observed.Add(1) }})
	dot := mustDOT(t)(OrganDOT(smallTree(), Options{}))
	out, err := r.Render(context.Background(), dot, FormatDOT)
	if err != nil || !bytes.Equal(out, dot) {
		t.Errorf("FormatDOT = %v, not the DOT itself", err)
	}
	if _, err := r.Render(context.Background(), dot, Format("gif")); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("gif: %v, want EINVALID", err)
	}
	if _, err := r.Render(context.Background(), []byte("digraph { a -> "), FormatSVG); err == nil {
		t.Error("broken DOT rendered without error")
	}
	if _, err := r.Render(context.Background(), dot, FormatSVG); err != nil {
		t.Errorf("render after a broken DOT: %v", err)
	}
	if n := observed.Load(); n != 4 {
		t.Errorf("Observe called %d times, want 4", n)
	}
	if _, err := r.Render(context.Background(), dot, Format("pdf")); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Render(pdf) = %v, want EINVALID", err)
	}
}

// Many renders at once through one Renderer: each gets its own diagram back.
func TestRenderConcurrent(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 3})
	ctx := context.Background()
	var dots [][]byte
	var want [][]byte
	for i := 0; i < 4; i++ {
		tree := smallTree()
		tree.Organs[0].Name = fmt.Sprintf("Fullmäktige nr %d", i)
		dot := mustDOT(t)(OrganDOT(tree, Options{}))
		svg, err := r.Render(ctx, dot, FormatSVG)
		if err != nil {
			t.Fatal(err)
		}
		dots, want = append(dots, dot), append(want, svg)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 4; k++ {
				i := (g + k) % len(dots)
				f := FormatSVG
				if (g+k)%3 == 0 {
					f = FormatPNG
				}
				out, err := r.Render(ctx, dots[i], f)
				switch {
				case err != nil:
					errs <- err
				case f == FormatSVG && !bytes.Equal(out, want[i]):
					errs <- fmt.Errorf("goroutine %d got another diagram's SVG", g)
				case f == FormatPNG:
					if _, err := png.DecodeConfig(bytes.NewReader(out)); err != nil {
						errs <- err
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A render that outlives the timeout fails with ETOOLARGE, its instance is replaced, and
// the next render succeeds.
func TestRenderTimeoutRecovers(t *testing.T) {
	// Generous bounds for a loaded 2-core machine: the point is that the caller gets its answer
	// at the timeout, long before the hung render would end, and that the next render works.
	const timeout, hangFor = time.Second, 4 * time.Second
	// Wait is long: the next render waits for the worker to finish the hung one.
	r := newTestRenderer(t, RendererOptions{Workers: 1, Timeout: timeout, Wait: 10 * time.Second})
	var hang atomic.Bool
	hang.Store(true)
	r.render = func(gv *graphviz.Graphviz, dot []byte, f Format) ([]byte, error) {
		if hang.CompareAndSwap(true, false) {
			time.Sleep(hangFor)
		}
		return renderOn(gv, dot, f)
	}
	dot := mustDOT(t)(OrganDOT(smallTree(), Options{}))
	start := time.Now()
	_, err := r.Render(context.Background(), dot, FormatSVG)
	if graph.ErrorCode(err) != graph.ETOOLARGE {
		t.Fatalf("hung render = %v, want ETOOLARGE", err)
	}
	if d := time.Since(start); d < timeout || d > hangFor-1500*time.Millisecond {
		t.Errorf("timeout took %v, want about %v (and well before the hang's %v)", d, timeout, hangFor)
	}
	if _, err := r.Render(context.Background(), dot, FormatSVG); err != nil {
		t.Fatalf("render after a timeout: %v", err)
	}
	if r.replaced.Load() != 1 {
		t.Errorf("instance replaced %d times, want 1", r.replaced.Load())
	}
}

// A panic inside a render becomes an error, and the next render succeeds on a fresh instance.
func TestRenderPanicRecovers(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	var boom atomic.Bool
	boom.Store(true)
	r.render = func(gv *graphviz.Graphviz, dot []byte, f Format) ([]byte, error) {
		if boom.CompareAndSwap(true, false) {
			panic("simulated")
		}
		return renderOn(gv, dot, f)
	}
	dot := mustDOT(t)(OrganDOT(smallTree(), Options{}))
	if _, err := r.Render(context.Background(), dot, FormatPNG); err == nil || !strings.Contains(err.Error(), "panicked") {
		t.Fatalf("panicking render = %v", err)
	}
	if _, err := r.Render(context.Background(), dot, FormatPNG); err != nil {
		t.Fatalf("render after a panic: %v", err)
	}
	if r.replaced.Load() != 1 {
		t.Errorf("instance replaced %d times, want 1", r.replaced.Load())
	}
}

// A real render abandoned when the caller's context ends never cancels go-graphviz: the
// renderer (and every other one in the process) keeps working.
func TestRenderCallerDeadline(t *testing.T) {
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	big := mustDOT(t)(OrganDOT(bigTree(390), Options{}))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_, err := r.Render(ctx, big, FormatPNG)
	if !errors.Is(err, context.DeadlineExceeded) || graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("render past the caller's deadline = %v", err)
	}
	out, err := r.Render(context.Background(), mustDOT(t)(OrganDOT(smallTree(), Options{})), FormatSVG)
	if err != nil {
		t.Fatalf("render after an abandoned one: %v", err)
	}
	svgTexts(t, out)
	other := newTestRenderer(t, RendererOptions{Workers: 1})
	if _, err := other.Render(context.Background(), big, FormatSVG); err != nil {
		t.Fatalf("another renderer after an abandoned render: %v", err)
	}
}

func TestRenderAfterClose(t *testing.T) {
	r, err := NewRenderer(context.Background(), RendererOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	r.Close()
	if _, err := r.Render(context.Background(), []byte("digraph { a }"), FormatSVG); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Errorf("Render after Close = %v, want EUNAVAILABLE", err)
	}
}

// Benchmarks on a 300-node organisation (go test -bench Render -run XXX ./diagram/).

func bench300(b *testing.B) []byte {
	return mustDOT(b)(OrganDOT(bigTree(300), Options{}))
}

func BenchmarkRenderSVG300(b *testing.B) {
	r := newTestRenderer(b, RendererOptions{Workers: 1})
	dot := bench300(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Render(context.Background(), dot, FormatSVG); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderPNG300(b *testing.B) {
	r := newTestRenderer(b, RendererOptions{Workers: 1})
	dot := bench300(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Render(context.Background(), dot, FormatPNG); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPNG300Parallel shows what several workers buy: rasterisation overlaps.
func BenchmarkRenderPNG300Parallel(b *testing.B) {
	r := newTestRenderer(b, RendererOptions{Workers: 2})
	dot := bench300(b)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.Render(context.Background(), dot, FormatPNG); err != nil {
				b.Error(err)
			}
		}
	})
}

// BenchmarkGoGraphvizPNG300 is go-graphviz's own PNG output, which Render avoids.
func BenchmarkGoGraphvizPNG300(b *testing.B) {
	dot := bench300(b)
	inst, err := newInstance()
	if err != nil {
		b.Fatal(err)
	}
	defer closeInstance(inst)
	gv := inst.gv
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		engineMu.Lock()
		g, err := graphviz.ParseBytes(dot)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		err = gv.Render(engineCtx, g, graphviz.PNG, &buf)
		g.Close()
		engineMu.Unlock()
		if err != nil {
			b.Fatal(err)
		}
	}
}

// With every worker busy, a render waits at most Wait and then answers EUNAVAILABLE (a 503
// with Retry-After over HTTP) instead of queueing without end; once a worker is free,
// renders go through again.
func TestRenderWaitForWorkerBounded(t *testing.T) {
	const wait = 300 * time.Millisecond
	r := newTestRenderer(t, RendererOptions{Workers: 1, Wait: wait, Timeout: 5 * time.Second})
	release := make(chan struct{})
	var blocked atomic.Bool
	blocked.Store(true)
	r.render = func(gv *graphviz.Graphviz, dot []byte, f Format) ([]byte, error) {
		if blocked.CompareAndSwap(true, false) {
			<-release
		}
		return renderOn(gv, dot, f)
	}
	dot := mustDOT(t)(OrganDOT(smallTree(), Options{}))
	first := make(chan error, 1)
	go func() {
		_, err := r.Render(context.Background(), dot, FormatSVG)
		first <- err
	}()
	time.Sleep(100 * time.Millisecond) // the first render holds the only worker
	start := time.Now()
	_, err := r.Render(context.Background(), dot, FormatSVG)
	took := time.Since(start)
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("render with every worker busy = %v, want EUNAVAILABLE", err)
	}
	if took < wait || took > wait+2*time.Second {
		t.Errorf("gave up after %v, want about %v", took, wait)
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatalf("the render that held the worker: %v", err)
	}
	if _, err := r.Render(context.Background(), dot, FormatSVG); err != nil {
		t.Fatalf("render once the worker is free: %v", err)
	}
}
