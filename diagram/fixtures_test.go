package diagram

import (
	"fmt"

	"github.com/styrgraf/styrgraf/graph"
)

// Hand-built answers that the golden files and render tests draw.

func person(id, name string) graph.Ref { return graph.Ref{ID: id, Kind: "Person", Name: name} }

// smallTree is a region's top: fullmäktige, styrelse with its arbetsutskott, a nämnd, a
// bolag, the regionkontor, and names that need escaping.
func smallTree() graph.Subtree {
	return graph.Subtree{
		Root: "rf",
		Organs: []graph.SubtreeOrgan{
			{ID: "rf", Name: "Regionfullmäktige", Kind: "fullmaktige", Category: graph.CategoryPolitical, Organisation: "Region Halland", Level: 0,
				Seats: []graph.Seat{{ID: "rf-ordf", Title: "Ordförande", Kind: "chair", Holders: []graph.Ref{person("p1", "Åsa Öberg")}}}},
			{ID: "rs", Name: "Regionstyrelsen", ShortName: "RS", Kind: "styrelse", Category: graph.CategoryPolitical, Organisation: "Region Halland", Level: 1, Parent: "rf",
				Seats: []graph.Seat{
					{ID: "rs-ordf", Title: "Ordförande", Kind: "chair", Holders: []graph.Ref{person("p2", "Björn Ängström")}},
					{ID: "rs-led", Title: "Ledamot", Kind: "member", Holders: []graph.Ref{person("p3", "Cecilia Ek"), person("p4", "David Ås"), person("p5", "Eva Al"), person("p6", "Fredrik Ör")}},
				}},
			{ID: "rs-au", Name: "Regionstyrelsens arbetsutskott", Kind: "utskott", Category: graph.CategoryPolitical, Organisation: "Region Halland", Level: 2, Parent: "rs",
				Seats: []graph.Seat{{ID: "rsau-ordf", Title: "Ordförande", Kind: "chair", ExOfficio: &graph.Ref{ID: "rs-ordf", Kind: "Post", Name: "Ordförande"},
					Holders: []graph.Ref{person("p2", "Björn Ängström")}}}},
			{ID: "hsn", Name: `Hälso- och sjukvårdsnämnden "HSN" \ test`, Kind: "namnd", Category: graph.CategoryPolitical, Organisation: "Region Halland", Level: 1, Parent: "rf",
				Seats: []graph.Seat{{ID: "hsn-ordf", Title: "Ordförande", Kind: "chair"}}},
			{ID: "rk", Name: "Regionkontoret", Kind: "forvaltning", Category: graph.CategoryAdministrative, Organisation: "Region Halland", Level: 2, Parent: "rs",
				Seats: []graph.Seat{{ID: "rd", Title: "Regiondirektör", Kind: "director", Holders: []graph.Ref{person("p7", "Göran\nNyrad")}}}},
			{ID: "bolag", Name: "Hallandstrafiken AB", Kind: "bolag", Category: graph.CategoryCompany, Organisation: "Region Halland", Level: 1, Parent: "rf"},
			{ID: "cgh", Name: "Chefsgrupp Halland", Kind: "chefsgrupp", Category: graph.CategoryCollaborative, Organisation: "Halmstads kommun", Level: 1},
		},
		Edges: []graph.EdgeRef{
			{Type: "PART_OF", From: "rs", To: "rf"},
			{Type: "PART_OF", From: "hsn", To: "rf"},
			{Type: "PART_OF", From: "bolag", To: "rf"},
			{Type: "PART_OF", From: "rs-au", To: "rs"},
			{Type: "PART_OF", From: "rk", To: "rs"},
			{Type: "REPORTS_TO", From: "rs", To: "rf"},
			{Type: "PREPARES_FOR", From: "rs-au", To: "rs"},
			{Type: "OVERSEES", From: "rs", To: "hsn"},
			{Type: "OVERSEES", From: "rs", To: "bolag"},
			{Type: "APPOINTS", From: "rs", To: "rd"},
			{Type: "ESTABLISHES", From: "rf", To: "hsn"},
			{Type: "EX_OFFICIO", From: "rsau-ordf", To: "rs-ordf"},
			{Type: "COLLABORATES_WITH", From: "rk", To: "cgh"},
			{Type: "REPORTS_TO", From: "cgh", To: "rd"},
			{Type: "REPORTS_TO", From: "rs", To: "not-in-diagram"},
		},
	}
}

// fanTree is a nämnd with ten utskott (leaves) and one förvaltning with parts: the leaves
// must be staggered, the förvaltning not.
func fanTree() graph.Subtree {
	t := graph.Subtree{Root: "n"}
	t.Organs = append(t.Organs, graph.SubtreeOrgan{ID: "n", Name: "Nämnden", Kind: "namnd", Category: graph.CategoryPolitical, Organisation: "Kommunen"})
	for i := 1; i <= 10; i++ {
		id := fmt.Sprintf("u%02d", i)
		t.Organs = append(t.Organs, graph.SubtreeOrgan{ID: id, Name: fmt.Sprintf("Utskott %02d", i), Kind: "utskott",
			Category: graph.CategoryPolitical, Organisation: "Kommunen", Level: 1, Parent: "n"})
	}
	t.Organs = append(t.Organs,
		graph.SubtreeOrgan{ID: "f", Name: "Förvaltningen", Kind: "forvaltning", Category: graph.CategoryAdministrative, Organisation: "Kommunen", Level: 1, Parent: "n"},
		graph.SubtreeOrgan{ID: "f-a", Name: "Avdelning A", Kind: "avdelning", Category: graph.CategoryAdministrative, Organisation: "Kommunen", Level: 2, Parent: "f"},
	)
	return t
}

// escalationChains is two chains from a samordningsråd that meet at the koncernledning,
// and a cycle.
func escalationChains() []graph.EscalationChain {
	sr := graph.EscalationStep{Ref: graph.Ref{ID: "sr", Kind: "Organ", Name: "Samordningsrådet ortopedi"}}
	contact := graph.EscalationStep{Ref: graph.Ref{ID: "kp", Kind: "Post", Name: "Kontaktperson"}, Organ: "Samordningsrådet ortopedi",
		Via: "ESCALATES_TO", Holders: []graph.Ref{person("p1", "Åke Öst")}}
	fc := graph.EscalationStep{Ref: graph.Ref{ID: "fc", Kind: "Post", Name: "Förvaltningschef"}, Organ: "Sjukhuset", Via: "EX_OFFICIO",
		Holders: []graph.Ref{person("p1", "Åke Öst")}}
	kl := graph.EscalationStep{Ref: graph.Ref{ID: "kl", Kind: "Organ", Name: "Koncernledningen"}, Via: "REPORTS_TO"}
	rd := graph.EscalationStep{Ref: graph.Ref{ID: "rd", Kind: "Post", Name: "Regiondirektör"}, Organ: "Regionkontoret", Via: "REPORTS_TO"}
	rs := graph.EscalationStep{Ref: graph.Ref{ID: "rs", Kind: "Organ", Name: "Regionstyrelsen"}, Via: "REPORTS_TO"}
	rf := graph.EscalationStep{Ref: graph.Ref{ID: "rf", Kind: "Organ", Name: "Regionfullmäktige"}, Via: "REPORTS_TO"}
	srDirect := kl
	grp := graph.EscalationStep{Ref: graph.Ref{ID: "g", Kind: "Organ", Name: "Grupp \"A\""}, Via: "PREPARES_FOR"}
	return []graph.EscalationChain{
		{Steps: []graph.EscalationStep{sr, contact, fc, kl, rd, rs, rf}},
		{Steps: []graph.EscalationStep{sr, srDirect, rd, rs, rf}},
		{Steps: []graph.EscalationStep{sr, grp}, Cycle: true, CycleTo: "sr"},
	}
}

// bigTree is a synthetic organisation of about n nodes (organs and seats): a fullmäktige,
// nämnder with utskott, förvaltningar with avdelningar and enheter, each organ with two or
// three seats, and relations between them. It is what benchmarks and size tests draw.
func bigTree(n int) graph.Subtree {
	t := graph.Subtree{Root: "rf"}
	count := 0
	add := func(o graph.SubtreeOrgan, seats int) {
		for i := 0; i < seats; i++ {
			s := graph.Seat{ID: fmt.Sprintf("%s-s%d", o.ID, i), Kind: []string{"chair", "vice_chair", "member"}[i%3],
				Title: []string{"Ordförande", "Vice ordförande", "Ledamot"}[i%3]}
			if i != 1 {
				s.Holders = []graph.Ref{person(fmt.Sprintf("p-%s-%d", o.ID, i), fmt.Sprintf("Åsa Öhrström-Ängel %d", count))}
			}
			o.Seats = append(o.Seats, s)
		}
		count += 1 + seats
		t.Organs = append(t.Organs, o)
		if o.Parent != "" {
			t.Edges = append(t.Edges, graph.EdgeRef{Type: "PART_OF", From: o.ID, To: o.Parent})
		}
	}
	org := "Region Exempel"
	add(graph.SubtreeOrgan{ID: "rf", Name: "Regionfullmäktige", Kind: "fullmaktige", Category: graph.CategoryPolitical, Organisation: org}, 2)
	add(graph.SubtreeOrgan{ID: "rs", Name: "Regionstyrelsen", Kind: "styrelse", Category: graph.CategoryPolitical, Organisation: org, Level: 1, Parent: "rf"}, 3)
	for i := 0; count < n; i++ {
		nid := fmt.Sprintf("n%d", i)
		add(graph.SubtreeOrgan{ID: nid, Name: fmt.Sprintf("Nämnd nr %d för välfärd och miljö", i), Kind: "namnd", Category: graph.CategoryPolitical,
			Organisation: org, Level: 1, Parent: "rf"}, 3)
		t.Edges = append(t.Edges, graph.EdgeRef{Type: "OVERSEES", From: "rs", To: nid}, graph.EdgeRef{Type: "REPORTS_TO", From: nid, To: "rf"})
		add(graph.SubtreeOrgan{ID: nid + "-au", Name: fmt.Sprintf("Arbetsutskott %d", i), Kind: "utskott", Category: graph.CategoryPolitical,
			Organisation: org, Level: 2, Parent: nid}, 2)
		t.Edges = append(t.Edges, graph.EdgeRef{Type: "PREPARES_FOR", From: nid + "-au", To: nid})
		fid := fmt.Sprintf("f%d", i)
		add(graph.SubtreeOrgan{ID: fid, Name: fmt.Sprintf("Förvaltning %d", i), Kind: "forvaltning", Category: graph.CategoryAdministrative,
			Organisation: org, Level: 2, Parent: nid}, 1)
		for j := 0; j < 3 && count < n; j++ {
			aid := fmt.Sprintf("%s-a%d", fid, j)
			add(graph.SubtreeOrgan{ID: aid, Name: fmt.Sprintf("Avdelning %d.%d", i, j), Kind: "avdelning", Category: graph.CategoryAdministrative,
				Organisation: org, Level: 3, Parent: fid}, 1)
		}
		if i%3 == 0 {
			bid := fmt.Sprintf("b%d", i)
			add(graph.SubtreeOrgan{ID: bid, Name: fmt.Sprintf("Regionbolag %d AB", i), Kind: "bolag", Category: graph.CategoryCompany,
				Organisation: org, Level: 1, Parent: "rf"}, 1)
			t.Edges = append(t.Edges, graph.EdgeRef{Type: "OVERSEES", From: "rs", To: bid})
		}
	}
	return t
}
