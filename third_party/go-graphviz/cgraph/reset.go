package cgraph

import "context"

// ResetGlobals creates the package's graph descriptors again after the WebAssembly module
// was reset (styrgraf patch; see internal/wasm/reset.go).
func ResetGlobals(ctx context.Context) error {
	return setGlobalVars(ctx)
}
