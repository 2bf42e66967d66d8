package neo4jdb

import (
	"cmp"
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

type escalationNode struct {
	step  graph.EscalationStep
	valid bool
	up    []map[string]any
}

// Escalation returns the escalation chains from an organ or post up to the top, as of q.At:
// one page of them, and whether there were more than graph.MaxChains.
func (db *DB) Escalation(ctx context.Context, q graph.EscalationQuery) (graph.EscalationAnswer, error) {
	if err := q.Validate(); err != nil {
		return graph.EscalationAnswer{}, err
	}
	id, at := q.ID, q.At
	nodes, err := readTx(ctx, db, "escalation", func(tx neo4j.ManagedTransaction) (map[string]escalationNode, error) {
		res, err := tx.Run(ctx, queries.Text("escalation.cypher"), map[string]any{"id": id, "at": dateParam(at),
			"minBasisRank": int64(graph.BasisRank(q.MinBasis))})
		if err != nil {
			return nil, err
		}
		nodes := map[string]escalationNode{}
		for res.Next(ctx) {
			rec := res.Record()
			var n escalationNode
			var err error
			if n.step.ID, err = get[string](rec, "id"); err != nil {
				return nil, err
			}
			if n.step.Kind, err = get[string](rec, "kind"); err != nil {
				return nil, err
			}
			if n.step.Name, err = get[string](rec, "name"); err != nil {
				return nil, err
			}
			if n.step.Organ, err = get[string](rec, "organ"); err != nil {
				return nil, err
			}
			if n.valid, err = get[bool](rec, "valid"); err != nil {
				return nil, err
			}
			up, err := get[[]any](rec, "up")
			if err != nil {
				return nil, err
			}
			n.up = maps(up)
			// Chains come out in a stable order: by relationship type, then target id.
			slices.SortFunc(n.up, func(a, b map[string]any) int {
				return cmp.Or(cmp.Compare(str(a, "type"), str(b, "type")), cmp.Compare(str(a, "to"), str(b, "to")))
			})
			holders, err := get[[]any](rec, "holders")
			if err != nil {
				return nil, err
			}
			n.step.Holders = refs(holders, "Person")
			nodes[n.step.ID] = n
		}
		return nodes, res.Err()
	})
	if err != nil {
		return graph.EscalationAnswer{}, err
	}
	start, ok := nodes[id]
	if !ok || !start.valid {
		return graph.EscalationAnswer{}, graph.Errorf(graph.ENOTFOUND, "no organ or post %q on %s", id, at)
	}
	// The chains are assembled from one subgraph, so they are built whole and then paged.
	all, truncated := chains(nodes, id)
	return graph.EscalationAnswer{List: graph.PageOf(all, q.Page), Truncated: truncated}, nil
}

// chains walks the chosen upward edges depth first, one chain per path to a top (an item
// with no way up) or back into itself. It stops at graph.MaxChains chains and says so.
func chains(nodes map[string]escalationNode, start string) (out []graph.EscalationChain, truncated bool) {
	var path []graph.EscalationStep
	onPath := map[string]bool{}
	var walk func(id string, step graph.EscalationStep)
	walk = func(id string, step graph.EscalationStep) {
		if len(out) >= graph.MaxChains {
			truncated = true
			return
		}
		path = append(path, step)
		onPath[id] = true
		defer func() { path = path[:len(path)-1]; delete(onPath, id) }()
		ups := nodes[id].up
		if len(ups) == 0 {
			out = append(out, graph.EscalationChain{Steps: append([]graph.EscalationStep(nil), path...)})
			return
		}
		for _, e := range ups {
			to := str(e, "to")
			if onPath[to] {
				if len(out) >= graph.MaxChains {
					truncated = true
					return
				}
				out = append(out, graph.EscalationChain{Steps: append([]graph.EscalationStep(nil), path...), Cycle: true, CycleTo: to})
				continue
			}
			next := nodes[to].step
			next.Via, next.Note, next.Source = str(e, "type"), str(e, "description"), sourceRef(e)
			next.Conditions = conditionRefs(e["conditions"])
			walk(to, next)
		}
	}
	walk(start, nodes[start].step)
	return out, truncated
}
