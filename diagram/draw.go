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
//
// An organisation overview drawn as SVG or PNG must fit A4 landscape with its text printed
// at MinPrintedPt or more, unless opts.AnySize: one that does not is ETOOLARGE, with a
// Swedish message and, as its cause, a *NotFitting listing the narrowings (band=, under=)
// that do fit, each laid out to be sure. DOT is the source, not a page, and is not refused.
func Draw(ctx context.Context, src Source, eng Engine, r Request, opts Options, f Format, scale int) ([]byte, error) {
	if err := CheckScale(scale); err != nil {
		return nil, err
	}
	if r.What == Organisation && f != FormatDOT && !opts.AnySize {
		return drawOverview(ctx, src, eng, r, opts, f, scale)
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

// drawOverview lays an overview out as SVG, measures it against A4, and answers it in f if
// it fits; otherwise it looks for the narrowings that fit.
func drawOverview(ctx context.Context, src Source, eng Engine, r Request, opts Options, f Format, scale int) ([]byte, error) {
	tree, opts, err := fetchOrganisation(ctx, src, r, opts)
	if err != nil {
		return nil, err
	}
	dot, err := OrganisationDOT(tree, opts)
	if err != nil {
		return nil, err
	}
	svg, err := render(ctx, eng, dot, FormatSVG, 1)
	if err != nil {
		return nil, err
	}
	size, err := MeasureSVG(svg)
	if err != nil {
		return nil, &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	if size.Fits() {
		if f == FormatSVG {
			return svg, nil
		}
		return render(ctx, eng, dot, f, scale)
	}
	nf := &NotFitting{Size: size}
	if nf.Narrowings, err = fitting(ctx, eng, tree, opts); err != nil {
		return nil, err
	}
	return nil, &graph.Error{Code: graph.ETOOLARGE, Message: notFittingMessage(cmp0(tree.Name, r.ID), nf), Err: nf}
}

// fitting tries the narrowings of an overview that does not fit (at most maxNarrowingTries
// renders) and returns those that fit: each band group alone, then the organs with organs
// under them from the top down, an organ's children only where the organ's part did not fit.
func fitting(ctx context.Context, eng Engine, tree graph.Subtree, opts Options) ([]Narrowing, error) {
	whole := opts
	whole.MaxNodes = 1 << 30
	v, err := newOverview(tree, whole)
	if err != nil {
		return nil, err
	}
	queue := append(bandCandidates(v, opts), underCandidates(v, opts, opts.Under)...)
	var out []Narrowing
	for tries := 0; len(queue) > 0 && tries < maxNarrowingTries; tries++ {
		c := queue[0]
		queue = queue[1:]
		size, organs, err := tryNarrowing(ctx, eng, tree, c.opts)
		switch {
		case ctx.Err() != nil:
			return nil, &graph.Error{Code: graph.EUNAVAILABLE, Message: "drawing the diagram was cancelled or timed out", Err: ctx.Err()}
		case err == nil && size.Fits():
			out = append(out, c.narrowing(organs, size))
			continue
		case err != nil && graph.ErrorCode(err) != graph.ETOOLARGE:
			return nil, err
		}
		// Too large: the organs under it may fit. A band alone is not split further.
		if c.opts.Under != opts.Under {
			queue = append(queue, underCandidates(v, opts, c.opts.Under)...)
		}
	}
	return out, nil
}

// tryNarrowing lays out one narrowing and measures it.
func tryNarrowing(ctx context.Context, eng Engine, tree graph.Subtree, opts Options) (PrintSize, int, error) {
	v, err := newOverview(tree, opts)
	if err != nil {
		return PrintSize{}, 0, err
	}
	svg, err := eng.RenderScaled(ctx, v.write(), FormatSVG, 1)
	if err != nil {
		return PrintSize{}, 0, err
	}
	size, err := MeasureSVG(svg)
	if err != nil {
		return PrintSize{}, 0, &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	return size, len(v.c.organs), nil
}
