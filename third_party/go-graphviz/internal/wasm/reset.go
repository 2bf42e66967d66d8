package wasm

// styrgraf patch: a way to start over with a fresh module instance.
//
// Graphviz leaks inside its WebAssembly memory on every layout that has HTML-like labels or
// clusters, and WebAssembly memory never shrinks, so a long-running process that renders
// many diagrams grows without bound. Reset throws the instance (and all of its memory) away
// and instantiates the already compiled module again.

import (
	"context"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

var (
	runtime        wazero.Runtime
	compiledModule wazero.CompiledModule
)

func instantiate(ctx context.Context, r wazero.Runtime, compiled wazero.CompiledModule, fs *WasmFileSystem) (api.Module, error) {
	return r.InstantiateModule(
		ctx,
		compiled,
		wazero.NewModuleConfig().
			WithFSConfig(wazero.NewFSConfig().WithFSMount(fs, "/")).
			WithName("wasi"),
	)
}

// Reset closes the module instance and instantiates a fresh one. Every object created
// before (graphs, contexts, descriptors) is invalid afterwards; the caller must make sure
// no call into the module runs concurrently and that none of those objects is used again.
// Go-side registrations (plugins, callbacks) are kept.
func Reset(ctx context.Context) error {
	if err := mod.mod.Close(ctx); err != nil {
		return err
	}
	m, err := instantiate(ctx, runtime, compiledModule, mod.fs)
	if err != nil {
		return err
	}
	mod.mod = m
	return nil
}

// MemorySize is the size of the module's linear memory in bytes.
func MemorySize() uint64 {
	return uint64(mod.mod.Memory().Size())
}
