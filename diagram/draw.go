package diagram

import (
	"context"

	"github.com/styrgraf/styrgraf/graph"
)

// Engine renders DOT: *Renderer implements it.
type Engine interface {
	RenderScaled(ctx context.Context, dot []byte, format Format, scale int) ([]byte, error)
}

// Draw answers a diagram in format f (a PNG at scale times 96 dpi): the one path from a
// question to a picture, for the HTTP API and the command line alike. SVG organ nodes are
// titled by their names (ReadableTitles). eng may be nil for DOT.
func Draw(ctx context.Context, src Source, eng Engine, r Request, opts Options, f Format, scale int) ([]byte, error) {
	if err := CheckScale(scale); err != nil {
		return nil, err
	}
	dot, err := DOTFor(ctx, src, r, opts)
	if err != nil || f == FormatDOT {
		return dot, err
	}
	return render(ctx, eng, dot, f, scale)
}

// render renders dot, with readable titles in SVG.
func render(ctx context.Context, eng Engine, dot []byte, f Format, scale int) ([]byte, error) {
	if eng == nil {
		return nil, graph.Errorf(graph.EUNAVAILABLE, "diagrams are not available on this server")
	}
	out, err := eng.RenderScaled(ctx, dot, f, scale)
	if err != nil || f != FormatSVG {
		return out, err
	}
	titled, err := ReadableTitles(out)
	if err != nil {
		return nil, &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	return titled, nil
}
