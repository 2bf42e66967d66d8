package diagram

import (
	"context"

	"github.com/styrgraf/styrgraf/graph"
)

// Source is what diagrams are drawn from: graph.Service implements it.
type Source interface {
	OrganSubtree(ctx context.Context, q graph.SubtreeQuery) (graph.Subtree, error)
	OrganisationGraph(ctx context.Context, q graph.OrganisationGraphQuery) (graph.Subtree, error)
	Escalation(ctx context.Context, q graph.EscalationQuery) (graph.EscalationAnswer, error)
}

// What a diagram shows.
const (
	Organ        = "organ"        // an organ and its parts, Depth levels down
	Organisation = "organisation" // every organ of an organisation
	Escalation   = "escalation"   // the escalation chains from an organ or post
)

// Request asks for one diagram as of At.
type Request struct {
	What  string // Organ, Organisation or Escalation
	ID    string
	At    graph.Date
	Depth int // for Organ
}

// DOTFor asks src for what the diagram draws and writes it as DOT: the one path from a
// question to a diagram, for the HTTP API and the command line alike.
func DOTFor(ctx context.Context, src Source, r Request, opts Options) ([]byte, error) {
	switch r.What {
	case Organ:
		tree, err := src.OrganSubtree(ctx, graph.SubtreeQuery{ID: r.ID, At: r.At, Depth: r.Depth})
		if err != nil {
			return nil, err
		}
		return OrganDOT(tree, opts)
	case Organisation:
		tree, opts, err := fetchOrganisation(ctx, src, r, opts)
		if err != nil {
			return nil, err
		}
		return OrganisationDOT(tree, opts)
	case Escalation:
		// A diagram draws every chain the service assembles.
		a, err := src.Escalation(ctx, graph.EscalationQuery{ID: r.ID, At: r.At, Page: graph.Page{Limit: graph.MaxChains}})
		if err != nil {
			return nil, err
		}
		return EscalationDOT(r.ID, a.Items, opts)
	}
	return nil, graph.Errorf(graph.EINVALID, "a diagram shows an organ, an organisation or an escalation, not %q", r.What)
}

// fetchOrganisation asks src for an organisation's organs, and dates opts as of the request.
// A narrowed overview (band=, under=) may draw a part of an organisation larger than the node
// limit, so more organs are fetched for it; the limit holds for what is drawn.
func fetchOrganisation(ctx context.Context, src Source, r Request, opts Options) (graph.Subtree, Options, error) {
	limit := opts.maxNodes()
	if opts.narrowed() {
		limit *= 5
	}
	tree, err := src.OrganisationGraph(ctx, graph.OrganisationGraphQuery{Organisation: r.ID, At: r.At, MaxOrgans: limit})
	if opts.At.IsZero() {
		opts.At = r.At
	}
	return tree, opts, err
}
