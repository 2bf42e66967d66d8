package diagram

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	graphviz "github.com/goccy/go-graphviz"

	"github.com/styrgraf/styrgraf/graph"
)

// Format is an output format of Render.
type Format string

const (
	FormatSVG Format = "svg"
	FormatPNG Format = "png"
	FormatDOT Format = "dot" // the DOT itself, unchanged
)

// ContentType is the MIME type of the format.
func (f Format) ContentType() string {
	switch f {
	case FormatSVG:
		return "image/svg+xml"
	case FormatPNG:
		return "image/png"
	}
	return "text/vnd.graphviz; charset=utf-8"
}

// Defaults for the zero RendererOptions.
const (
	DefaultWorkers = 2
	DefaultTimeout = 10 * time.Second
	// DefaultEngineMemoryLimit is the size of Graphviz's WebAssembly memory past which the
	// engine is reset (see resetEngine): under 1 MiB at start, a few KB more per layout.
	DefaultEngineMemoryLimit = 256 << 20
)

// RendererOptions configure a Renderer.
type RendererOptions struct {
	// Workers is the number of go-graphviz instances, each owned by one goroutine; 0 means
	// DefaultWorkers. Graphviz itself runs one render at a time in the process (see
	// engineMu); more workers let PNG rasterisation, which is pure Go, run in parallel.
	Workers int
	// Timeout bounds one render from the moment a worker starts on it; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// Wait bounds the time a render waits for a free worker (and the caller's context
	// bounds it too); 0 means the Timeout. A burst of large diagrams then answers "busy,
	// try again" instead of queueing requests without end.
	Wait time.Duration
	// Observe, if set, is called once per Render with the format, the time Render took
	// (waiting included) and its error, e.g. to feed a Prometheus histogram. It must be
	// safe for concurrent use and quick.
	Observe func(format string, d time.Duration, err error)
	// EngineMemoryLimit is the WebAssembly memory size in bytes past which Graphviz is
	// started afresh after a render; 0 means DefaultEngineMemoryLimit.
	EngineMemoryLimit uint64
}

// engineMu serialises every call into go-graphviz in the process. go-graphviz v0.2.10 runs
// Graphviz in a single WebAssembly module instance created in its package init: every
// graphviz.Graphviz shares that module's memory and stack, and its plugin registration
// writes shared maps (its issue #117), so two calls at once, even on separate instances,
// corrupt each other.
var engineMu sync.Mutex

// Graphviz leaks a few KB of its WebAssembly memory per layout (HTML-like labels and clusters
// do), and that memory never shrinks, so a server rendering all day would grow without
// bound. The patched go-graphviz (third_party/go-graphviz) can throw the whole WebAssembly
// instance away and start a fresh one; resetEngine does so once the memory passes a limit.
// A reset invalidates every instance made before, so each instance remembers the
// generation it belongs to. All of these are guarded by engineMu, except the atomics that
// the metrics read.
var (
	engineGen    uint64
	engineBroken bool // a reset failed half-way: reset again before the next render
	engineResets atomic.Int64
	engineMemory atomic.Uint64
)

// instance is one go-graphviz instance and the engine generation it was made in.
type instance struct {
	gv  *graphviz.Graphviz
	gen uint64
}

// EngineResets is how many times Graphviz was started afresh in this process.
func EngineResets() int64 { return engineResets.Load() }

// EngineMemory is the size of Graphviz's WebAssembly memory after the latest render.
func EngineMemory() uint64 { return engineMemory.Load() }

// engineCtx is the only context handed to go-graphviz. It is never cancelled: a context
// that ends during a call leaves the shared module unusable for the rest of the process
// (go-graphviz issue #118), so requests never reach it; timeouts are enforced by Render
// abandoning the wait instead.
var engineCtx = context.Background()

// Renderer renders DOT through a small pool of go-graphviz instances. It is safe for
// concurrent use. Requests go over a channel to worker goroutines, each of which owns one
// instance and runs one render at a time, so no instance is ever used concurrently.
//
// Recovery: a render that panics, fails, or outlives its timeout may have left its
// instance in a bad state, so the worker closes that instance and creates a fresh one
// before taking the next request. A timed-out render cannot be interrupted (WebAssembly
// runs to completion, and cancelling would break the module for good): Render returns an
// ETOOLARGE error at the deadline while the worker finishes the render in the background
// and throws the result away. Options.MaxNodes is what keeps renders short.
type Renderer struct {
	jobs      chan *job
	timeout   time.Duration
	wait      time.Duration
	memLimit  uint64
	observe   func(string, time.Duration, error)
	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup

	// render does one render on an instance; tests replace it to simulate failures.
	render func(gv *graphviz.Graphviz, dot []byte, format Format) ([]byte, error)
	// replaced counts instance replacements, for tests.
	replaced atomic.Int64
}

type job struct {
	dot       []byte
	format    Format
	scale     int           // PNG: times 96 dpi
	started   chan struct{} // closed when a worker begins the render
	result    chan result   // buffered: the worker never blocks on an abandoned job
	abandoned atomic.Bool   // the caller has given up; skip or discard
}

type result struct {
	out []byte
	err error
}

// errClosed is returned by Render after Close.
var errClosed = graph.Errorf(graph.EUNAVAILABLE, "the diagram renderer is shut down")

// NewRenderer starts the workers, each with its own go-graphviz instance. ctx is only
// checked before starting: it never reaches go-graphviz, for the reason engineCtx gives.
func NewRenderer(ctx context.Context, opts RendererOptions) (*Renderer, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	memLimit := opts.EngineMemoryLimit
	if memLimit == 0 {
		memLimit = DefaultEngineMemoryLimit
	}
	wait := opts.Wait
	if wait <= 0 {
		wait = timeout
	}
	r := &Renderer{jobs: make(chan *job), timeout: timeout, wait: wait, memLimit: memLimit, observe: opts.Observe,
		done: make(chan struct{}), render: renderOn}
	if _, err := loadFonts(); err != nil {
		return nil, err
	}
	instances := make([]*instance, 0, workers)
	for i := 0; i < workers; i++ {
		gv, err := newInstance()
		if err != nil {
			for _, g := range instances {
				closeInstance(g)
			}
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		instances = append(instances, gv)
	}
	for _, inst := range instances {
		r.wg.Add(1)
		go r.worker(inst)
	}
	return r, nil
}

// Close stops the workers once they finish the renders they are on and releases their
// instances. Renders waiting for a worker fail with EUNAVAILABLE.
func (r *Renderer) Close() {
	r.closeOnce.Do(func() { close(r.done) })
	r.wg.Wait()
}

// MaxScale is the largest PNG scale: 3 is 288 dpi, enough for print.
const MaxScale = 3

// CheckScale is EINVALID for a PNG scale outside 1 to MaxScale.
func CheckScale(scale int) error {
	if scale < 1 || scale > MaxScale {
		return graph.Errorf(graph.EINVALID, "scale: want 1 to %d, got %d", MaxScale, scale)
	}
	return nil
}

// Render renders dot in the given format. DOT is returned as is. Errors: EINVALID for an
// unknown format or DOT Graphviz cannot read, ETOOLARGE when the render takes longer than
// the timeout, EUNAVAILABLE when no worker is free within the wait or after Close, and the
// context's error (wrapped as EUNAVAILABLE) when ctx ends first.
func (r *Renderer) Render(ctx context.Context, dot []byte, format Format) ([]byte, error) {
	return r.RenderScaled(ctx, dot, format, 1)
}

// RenderScaled is Render with a PNG drawn at scale times 96 dpi (1 to MaxScale; other
// formats ignore it). A scale outside that range is EINVALID.
func (r *Renderer) RenderScaled(ctx context.Context, dot []byte, format Format, scale int) (out []byte, err error) {
	if err := CheckScale(scale); err != nil {
		return nil, err
	}
	start := time.Now()
	if r.observe != nil {
		defer func() { r.observe(string(format), time.Since(start), err) }()
	}
	switch format {
	case FormatDOT:
		return bytes.Clone(dot), nil
	case FormatSVG, FormatPNG:
	default:
		return nil, graph.Errorf(graph.EINVALID, "unknown diagram format %q", format)
	}
	j := &job{dot: dot, format: format, scale: scale, started: make(chan struct{}), result: make(chan result, 1)}
	waiting := time.NewTimer(r.wait)
	defer waiting.Stop()
	select {
	case r.jobs <- j:
	case <-waiting.C:
		return nil, graph.Errorf(graph.EUNAVAILABLE, "every diagram worker has been busy for %s; try again shortly", r.wait)
	case <-ctx.Done():
		return nil, canceled(ctx)
	case <-r.done:
		return nil, errClosed
	}
	started := j.started
	var deadline <-chan time.Time
	for {
		select {
		case res := <-j.result:
			return res.out, res.err
		case <-started:
			t := time.NewTimer(r.timeout)
			defer t.Stop()
			started, deadline = nil, t.C
		case <-deadline:
			j.abandoned.Store(true)
			return nil, graph.Errorf(graph.ETOOLARGE,
				"rendering the diagram took longer than %s; narrow it (a lower depth, a sub-organ, another date) or ask for DOT or SVG", r.timeout)
		case <-ctx.Done():
			j.abandoned.Store(true)
			return nil, canceled(ctx)
		}
	}
}

func canceled(ctx context.Context) error {
	return &graph.Error{Code: graph.EUNAVAILABLE, Message: "rendering the diagram was cancelled or timed out waiting", Err: ctx.Err()}
}

// worker owns one instance and renders one job at a time.
func (r *Renderer) worker(inst *instance) {
	defer r.wg.Done()
	defer func() { closeInstance(inst) }()
	for {
		var j *job
		select {
		case <-r.done:
			return
		case j = <-r.jobs:
		}
		if j.abandoned.Load() {
			continue
		}
		if inst == nil { // an earlier replacement failed; try again
			var err error
			if inst, err = newInstance(); err != nil {
				j.result <- result{err: fmt.Errorf("starting Graphviz: %w", err)}
				continue
			}
		}
		close(j.started)
		begin := time.Now()
		out, err := r.safeRender(inst, j.dot, j.format)
		broken := err != nil || time.Since(begin) > r.timeout || j.abandoned.Load()
		if broken {
			closeInstance(inst)
			inst, _ = newInstance() // nil on failure: retried on the next job
			r.replaced.Add(1)
		}
		if err == nil && j.format == FormatPNG && !j.abandoned.Load() {
			out, err = safeRasterize(out, j.scale) // pure Go, outside engineMu
		}
		j.result <- result{out, err}
	}
}

// safeRender renders under engineMu and turns a panic into an error. An instance from
// before an engine reset is replaced first; a render that leaves the engine's memory past
// the limit resets the engine afterwards.
func (r *Renderer) safeRender(inst *instance, dot []byte, format Format) (out []byte, err error) {
	engineMu.Lock()
	defer engineMu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("graphviz panicked: %v\n%s", p, debug.Stack())
		}
	}()
	if engineBroken {
		if err := resetEngine(); err != nil {
			return nil, err
		}
	}
	if inst.gen != engineGen {
		gv, err := graphviz.New(engineCtx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz after a reset: %w", err)
		}
		inst.gv, inst.gen = gv, engineGen
	}
	out, err = r.render(inst.gv, dot, format)
	size := graphviz.EngineMemory()
	engineMemory.Store(size)
	if size > r.memLimit {
		// The render itself succeeded; a failed reset is retried before the next one.
		_ = resetEngine()
	}
	return out, err
}

// resetEngine starts Graphviz afresh, dropping its memory. Call with engineMu held.
func resetEngine() error {
	engineGen++ // even if the reset fails: the old instances are gone with the module
	if err := graphviz.ResetEngine(engineCtx); err != nil {
		engineBroken = true
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: "the diagram engine could not be restarted", Err: err}
	}
	engineBroken = false
	engineResets.Add(1)
	engineMemory.Store(graphviz.EngineMemory())
	return nil
}

func safeRasterize(svg []byte, scale int) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rasterising SVG panicked: %v\n%s", p, debug.Stack())
		}
	}()
	return rasterizeSVG(svg, scale)
}

// renderOn lays dot out and writes it as SVG (PNG is rasterised from the SVG afterwards).
// Call with engineMu held.
func renderOn(gv *graphviz.Graphviz, dot []byte, _ Format) ([]byte, error) {
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "Graphviz cannot read the diagram", Err: err}
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.Render(engineCtx, g, graphviz.SVG, &buf); err != nil {
		return nil, err
	}
	if buf.Len() == 0 {
		return nil, errors.New("graphviz wrote no SVG")
	}
	return buf.Bytes(), nil
}

func newInstance() (*instance, error) {
	engineMu.Lock()
	defer engineMu.Unlock()
	gv, err := graphviz.New(engineCtx)
	if err != nil {
		return nil, err
	}
	return &instance{gv: gv, gen: engineGen}, nil
}

// closeInstance releases inst unless an engine reset already took it away (closing it then
// would write into the fresh engine's memory).
func closeInstance(inst *instance) {
	if inst == nil {
		return
	}
	engineMu.Lock()
	defer engineMu.Unlock()
	defer func() { _ = recover() }()
	if inst.gen == engineGen {
		_ = inst.gv.Close()
	}
}
