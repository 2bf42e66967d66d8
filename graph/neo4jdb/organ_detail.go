package neo4jdb

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// OrganDetail returns one organ as of at, or ENOTFOUND if it does not exist on that day.
func (db *DB) OrganDetail(ctx context.Context, id string, at graph.Date) (graph.OrganDetail, error) {
	params := map[string]any{"relationTypes": relationTypes, "id": id, "at": dateParam(at)}
	rows, err := readTx(ctx, db, "organ_detail", func(tx neo4j.ManagedTransaction) ([]graph.OrganDetail, error) {
		return collect(ctx, tx, "organ_detail.cypher", params, func(rec *neo4j.Record) (graph.OrganDetail, error) {
			var d graph.OrganDetail
			valid, err := get[bool](rec, "valid")
			if err != nil || !valid {
				return d, err
			}
			o, err := get[map[string]any](rec, "organ")
			if err != nil {
				return d, err
			}
			d.ID, d.Name, d.ShortName, d.Kind = str(o, "id"), str(o, "name"), str(o, "short_name"), str(o, "kind")
			d.Category, d.Description, d.Source = str(o, "category"), str(o, "description"), sourceRef(o)
			d.Decides, _ = o["decides"].(bool)
			d.Statutory, _ = o["statutory"].(bool)
			lists := map[string][]map[string]any{}
			for _, k := range []string{"organisations", "process", "part_of", "parts", "seats", "out", "in", "mandates", "duties", "rules", "staff"} {
				v, err := get[[]any](rec, k)
				if err != nil {
					return d, err
				}
				lists[k] = maps(v)
			}
			orgs := lists["organisations"]
			// The primary organisation first; the query's order otherwise.
			slices.SortStableFunc(orgs, func(a, b map[string]any) int { return compareBool(a["primary"] == true, b["primary"] == true) })
			d.Organisations = refList(orgs, "Organisation")
			d.PartOf = refList(lists["part_of"], "Organ")
			if ps := refList(lists["process"], "Process"); len(ps) > 0 {
				d.Process = &ps[0]
			}
			d.Tier = str(o, "tier")
			d.Parts = refList(lists["parts"], "Organ")
			for _, s := range lists["seats"] {
				d.Seats = append(d.Seats, seat(s))
			}
			d.Out = relationViews(lists["out"])
			d.In = relationViews(lists["in"])
			for _, m := range lists["mandates"] {
				d.Mandates = append(d.Mandates, mandateRef(m))
			}
			for _, m := range lists["duties"] {
				d.Duties = append(d.Duties, dutyRef(m))
			}
			for _, m := range lists["rules"] {
				d.Rules = append(d.Rules, graph.RuleRef{ID: str(m, "id"), Kind: str(m, "kind"), Text: str(m, "text"), Source: sourceRef(m)})
			}
			for _, m := range lists["staff"] {
				fte, _ := m["fte"].(float64)
				d.StaffFunctions = append(d.StaffFunctions, graph.StaffFTE{Function: str(m, "function"), FTE: fte})
			}
			return d, nil
		})
	})
	if err != nil {
		return graph.OrganDetail{}, err
	}
	if len(rows) == 0 || rows[0].ID == "" {
		return graph.OrganDetail{}, graph.Errorf(graph.ENOTFOUND, "no organ %q on %s", id, at)
	}
	return rows[0], nil
}

func refList(ms []map[string]any, kind string) []graph.Ref {
	out := []graph.Ref{}
	for _, m := range ms {
		name := str(m, "name")
		if name == "" {
			name = str(m, "title")
		}
		out = append(out, graph.Ref{ID: str(m, "id"), Kind: kind, Name: name})
	}
	return out
}

func seat(m map[string]any) graph.Seat {
	s := graph.Seat{ID: str(m, "id"), Title: str(m, "title"), Kind: str(m, "kind"), Source: sourceRef(m),
		Holders: refs(m["holders"], "Person"), Conditions: conditionRefs(m["conditions"])}
	if n, ok := m["max_holders"].(int64); ok {
		s.MaxHolders = int(n)
	}
	if id := str(m, "ex_officio"); id != "" {
		s.ExOfficio = &graph.Ref{ID: id, Kind: "Post", Name: str(m, "ex_officio_title")}
	}
	if s.Holders == nil {
		s.Holders = []graph.Ref{}
	}
	return s
}

func relationViews(ms []map[string]any) []graph.RelationView {
	out := []graph.RelationView{}
	for _, m := range ms {
		out = append(out, graph.RelationView{Type: str(m, "type"),
			Other:       graph.Ref{ID: str(m, "id"), Kind: str(m, "kind"), Name: str(m, "name")},
			Description: str(m, "description"), Conditions: conditionRefs(m["conditions"]), Source: sourceRef(m)})
	}
	return out
}
