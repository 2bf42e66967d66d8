package neo4jdb

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// maxChains bounds the answer where many parents multiply the paths.
const maxChains = 200

type escalationNode struct {
	step  graph.EscalationStep
	valid bool
	up    []map[string]any
}

// Escalation returns every escalation chain from an organ or post up to the top, as of at.
func (db *DB) Escalation(ctx context.Context, id string, at graph.Date) ([]graph.EscalationChain, error) {
	nodes, err := readTx(ctx, db, "escalation", func(tx neo4j.ManagedTransaction) (map[string]escalationNode, error) {
		res, err := tx.Run(ctx, queries.Text("escalation.cypher"), map[string]any{"id": id, "at": dateParam(at)})
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
			sort.Slice(n.up, func(i, j int) bool {
				a, b := n.up[i], n.up[j]
				return str(a, "type") < str(b, "type") || str(a, "type") == str(b, "type") && str(a, "to") < str(b, "to")
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
		return nil, err
	}
	start, ok := nodes[id]
	if !ok || !start.valid {
		return nil, graph.Errorf(graph.ENOTFOUND, "no organ or post %q on %s", id, at)
	}
	return chains(nodes, id), nil
}

// chains walks the chosen upward edges depth first, one chain per path to a top (an item
// with no way up) or back into itself.
func chains(nodes map[string]escalationNode, start string) []graph.EscalationChain {
	var out []graph.EscalationChain
	var path []graph.EscalationStep
	onPath := map[string]bool{}
	var walk func(id string, step graph.EscalationStep)
	walk = func(id string, step graph.EscalationStep) {
		if len(out) >= maxChains {
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
				out = append(out, graph.EscalationChain{Steps: append([]graph.EscalationStep(nil), path...), Cycle: true, CycleTo: to})
				continue
			}
			next := nodes[to].step
			next.Via, next.Note, next.Source = str(e, "type"), str(e, "description"), sourceRef(e)
			walk(to, next)
		}
	}
	walk(start, nodes[start].step)
	return out
}
