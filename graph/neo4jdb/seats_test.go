package neo4jdb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

// seatsWant is a seats report written the way renderSeats writes one.
type seatsWant struct {
	vacant, exOfficio, withoutChair, many, notRecorded []string
}

// renderSeats writes a report so that expectations read like the answer:
// vacant "Organ name/post-id kind max=N", ex officio "Organ name/post-id <- Source organ/source-id",
// without chair "organ-id[chair-post-ids]", many seats "person-id N: Organ name/post-id<via-id, …".
func renderSeats(r graph.SeatsReport) seatsWant {
	var w seatsWant
	for _, s := range r.Vacant {
		w.vacant = append(w.vacant, fmt.Sprintf("%s/%s %s max=%d", s.Organ.Name, s.ID, s.Kind, s.MaxHolders))
	}
	for _, s := range r.ExOfficioVacant {
		w.exOfficio = append(w.exOfficio, fmt.Sprintf("%s/%s <- %s/%s", s.Organ.Name, s.ID, s.Source.Organ.Name, s.Source.ID))
	}
	for _, o := range r.WithoutChair {
		var chairs []string
		for _, c := range o.ChairPosts {
			chairs = append(chairs, c.ID)
		}
		line := o.Organ.ID
		if len(chairs) > 0 {
			line += "[" + strings.Join(chairs, ",") + "]"
		}
		w.withoutChair = append(w.withoutChair, line)
	}
	for _, s := range r.HoldersNotRecorded {
		w.notRecorded = append(w.notRecorded, s.Organ.Name+"/"+s.ID)
	}
	for _, h := range r.ManySeats {
		var seats []string
		for _, s := range h.Seats {
			seat := s.Organ.Name + "/" + s.ID
			if s.Via != nil {
				seat += "<" + s.Via.ID
			}
			seats = append(seats, seat)
		}
		w.many = append(w.many, fmt.Sprintf("%s %d: %s", h.Person.ID, len(h.Seats), strings.Join(seats, ", ")))
	}
	return w
}

func TestSeats(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	neo4jdbtest.MustImport(t, db, "testdata/seats.yaml")
	for _, tc := range []struct {
		org, at  string
		minSeats int
		want     seatsWant
	}{
		// Erik's last day as regiondirektör: he holds the post and, ex officio, Chefsgruppen's
		// chair and member seats and (two steps) the strategic group's chair.
		{"st-region", "2024-03-31", 3, seatsWant{
			vacant: []string{
				"Chefsgruppen/st-cg-adj adjunct max=0",
				"Kontoret/st-bitr director max=1",
				"Styrelsen/st-rs-sekr secretary max=1",
			},
			exOfficio:    []string{"Chefsgruppen/st-cg-bitr <- Kontoret/st-bitr"},
			withoutChair: []string{"st-au"},
			many: []string{
				"st-erik 4: Chefsgruppen/st-cg-rd<st-rd, Chefsgruppen/st-cg-chair<st-rd, Kontoret/st-rd, Strategiska gruppen/st-sg-chair<st-rd",
				"st-anna 3: Fullmäktige/st-rf-member, Fullmäktige/st-rf-chair, Styrelsen/st-rs-chair",
				"st-bo 3: Arbetsutskottet/st-au-member, Fullmäktige/st-rf-member, Styrelsen/st-rs-vice",
			},
		}},
		// Erik has left and nobody followed him; Anna has left Styrelsen's chair and Dan has not
		// yet taken it.
		{"st-region", "2024-07-15", 2, seatsWant{
			vacant: []string{
				"Chefsgruppen/st-cg-adj adjunct max=0",
				"Kontoret/st-bitr director max=1",
				"Kontoret/st-rd director max=1",
				"Styrelsen/st-rs-chair chair max=1",
				"Styrelsen/st-rs-sekr secretary max=1",
			},
			exOfficio: []string{
				"Chefsgruppen/st-cg-bitr <- Kontoret/st-bitr",
				"Chefsgruppen/st-cg-rd <- Kontoret/st-rd",
				"Chefsgruppen/st-cg-chair <- Kontoret/st-rd",
				"Strategiska gruppen/st-sg-chair <- Kontoret/st-rd",
			},
			withoutChair: []string{"st-au", "st-cg[st-cg-chair]", "st-sg[st-sg-chair]", "st-rs[st-rs-chair]"},
			many: []string{
				"st-bo 3: Arbetsutskottet/st-au-member, Fullmäktige/st-rf-member, Styrelsen/st-rs-vice",
				"st-anna 2: Fullmäktige/st-rf-member, Fullmäktige/st-rf-chair",
				"st-cia 2: Fullmäktige/st-rf-member, Strategiska gruppen/st-sg-member",
			},
		}},
		// Dan has taken the chair.
		{"st-region", "2024-09-01", 4, seatsWant{
			vacant: []string{
				"Chefsgruppen/st-cg-adj adjunct max=0",
				"Kontoret/st-bitr director max=1",
				"Kontoret/st-rd director max=1",
				"Styrelsen/st-rs-sekr secretary max=1",
			},
			exOfficio: []string{
				"Chefsgruppen/st-cg-bitr <- Kontoret/st-bitr",
				"Chefsgruppen/st-cg-rd <- Kontoret/st-rd",
				"Chefsgruppen/st-cg-chair <- Kontoret/st-rd",
				"Strategiska gruppen/st-sg-chair <- Kontoret/st-rd",
			},
			withoutChair: []string{"st-au", "st-cg[st-cg-chair]", "st-sg[st-sg-chair]"},
		}},
		// 2021: the old group still exists and its chair is empty; the kommundirektör's seat in
		// Chefsgruppen has no source holder yet (Frida starts in 2022).
		{"st-region", "2021-06-01", 4, seatsWant{
			vacant: []string{
				"Chefsgruppen/st-cg-adj adjunct max=0",
				"Kontoret/st-bitr director max=1",
				"Nedlagda gruppen/st-old-chair chair max=1",
				"Strategiska gruppen/st-sg-member member max=0", // Cia joins in 2023
			},
			exOfficio: []string{
				"Chefsgruppen/st-cg-bitr <- Kontoret/st-bitr",
				"Chefsgruppen/st-cg-kd <- Kommunledningskontoret/st-kd",
			},
			withoutChair: []string{"st-au", "st-old[st-old-chair]"},
			many: []string{
				"st-erik 4: Chefsgruppen/st-cg-rd<st-rd, Chefsgruppen/st-cg-chair<st-rd, Kontoret/st-rd, Strategiska gruppen/st-sg-chair<st-rd",
			},
		}},
		// The kommun sees Chefsgruppen, which spans it, besides its own kontor.
		{"st-kommun", "2024-03-31", 2, seatsWant{
			vacant:    []string{"Chefsgruppen/st-cg-adj adjunct max=0"},
			exOfficio: []string{"Chefsgruppen/st-cg-bitr <- Kontoret/st-bitr"},
			many: []string{
				"st-erik 2: Chefsgruppen/st-cg-rd<st-rd, Chefsgruppen/st-cg-chair<st-rd",
				"st-frida 2: Chefsgruppen/st-cg-kd<st-kd, Kommunledningskontoret/st-kd",
			},
		}},
		// Empty answers.
		{"st-tom", "2024-07-15", 2, seatsWant{}},
		{"st-gammal", "2020-06-01", 1, seatsWant{}},
		// No holders coverage: the unheld chair is not vacant but not recorded, and neither its
		// nämnd nor the group with no chair post is "without chair".
		{"st-okand", "2024-07-15", 2, seatsWant{
			notRecorded: []string{"Okända nämnden/st-okand-chair"},
		}},
	} {
		got, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: tc.org, At: graph.MustDate(tc.at), MinSeats: tc.minSeats})
		if err != nil {
			t.Fatalf("Seats(%s, %s, %d): %v", tc.org, tc.at, tc.minSeats, err)
		}
		r := renderSeats(got)
		name := fmt.Sprintf("Seats(%s, %s, %d)", tc.org, tc.at, tc.minSeats)
		sameLines(t, name+" vacant", r.vacant, tc.want.vacant)
		sameLines(t, name+" ex officio vacant", r.exOfficio, tc.want.exOfficio)
		sameLines(t, name+" without chair", r.withoutChair, tc.want.withoutChair)
		sameLines(t, name+" many seats", r.many, tc.want.many)
		sameLines(t, name+" holders not recorded", r.notRecorded, tc.want.notRecorded)
	}

	// Names and titles come along, and empty lists are lists.
	r, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: "st-region", At: graph.MustDate("2024-07-15"), MinSeats: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Organisation != (graph.Ref{ID: "st-region", Kind: "Organisation", Name: "Regionen"}) {
		t.Errorf("organisation = %+v", r.Organisation)
	}
	if s := r.ExOfficioVacant[3]; s.Title != "Ordförande" || s.Kind != "chair" || s.Organ.ID != "st-sg" ||
		s.Source.Title != "Regiondirektör" || s.Source.Kind != "director" || s.Source.Organ.ID != "st-kontoret" {
		t.Errorf("ex officio vacancy lacks titles or ids: %+v", s)
	}
	if o := r.WithoutChair[3]; o.Organ.Name != "Styrelsen" || o.OrganKind != "styrelse" || o.ChairPosts[0].Title != "Ordförande" {
		t.Errorf("organ without chair: %+v", o)
	}
	if h := r.ManySeats[0]; h.Person.Name != "Bo Berg" || h.Seats[2].Title != "Vice ordförande" || h.Seats[2].Via != nil {
		t.Errorf("seat holder: %+v", h)
	}
	empty, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: "st-tom", At: graph.MustDate("2024-07-15"), MinSeats: 2})
	if err != nil || empty.Vacant == nil || empty.ExOfficioVacant == nil || empty.WithoutChair == nil || empty.ManySeats == nil {
		t.Errorf("empty report = %#v, %v; want empty, non-nil lists", empty, err)
	}
	for _, missing := range []struct{ org, at string }{{"no-such", "2024-07-15"}, {"st-gammal", "2021-01-01"}, {"st-rs", "2024-07-15"}} {
		if _, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: missing.org, At: graph.MustDate(missing.at), MinSeats: 1}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Seats(%s, %s) = %v, want ENOTFOUND", missing.org, missing.at, err)
		}
	}
	for _, minSeats := range []int{-1, 0, 1001} {
		_, err := db.Seats(context.Background(), graph.SeatsQuery{Organisation: "st-region", At: graph.MustDate("2024-07-15"), MinSeats: minSeats})
		if want := fmt.Sprintf("min_seats: want a whole number from 1 to 1000, got %d", minSeats); graph.ErrorCode(err) != graph.EINVALID || graph.ErrorMessage(err) != want {
			t.Errorf("Seats with minSeats %d = %v, want EINVALID: %s", minSeats, err, want)
		}
	}
}
