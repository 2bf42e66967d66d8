package graphviz

import (
	"context"

	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/internal/wasm"
)

// ResetEngine (styrgraf patch) throws away the WebAssembly instance Graphviz runs in, with
// all of its memory, and starts a fresh one. Graphviz leaks a little memory per layout and
// WebAssembly memory never shrinks, so a long-running process calls this now and then.
//
// Every Graphviz, Graph and other object created before is invalid afterwards and must not
// be used or closed. The caller must ensure nothing else calls into the package meanwhile.
func ResetEngine(ctx context.Context) error {
	if err := wasm.Reset(ctx); err != nil {
		return err
	}
	return cgraph.ResetGlobals(ctx)
}

// EngineMemory is the size of the WebAssembly instance's memory in bytes.
func EngineMemory() uint64 {
	return wasm.MemorySize()
}
