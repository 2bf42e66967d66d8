package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"github.com/styrgraf/styrgraf/api/ical"
	"github.com/styrgraf/styrgraf/graph"
)

func calendar() graph.Calendar {
	minus7 := -7
	group := graph.Ref{ID: "cgh", Kind: "Organ", Name: "Chefsgrupp Halland"}
	from := graph.MustDate("2027-01-01")
	done := graph.MustDate("2027-03-01")
	return graph.Calendar{
		Organisation: graph.Ref{ID: "region-halland", Name: "Region Halland"}, Year: 2027, At: graph.MustDate("2027-06-01"),
		Entries: []graph.CalendarEntry{
			{UID: "cgh-kallelse/cgh-m-2027-03", Due: graph.MustDate("2027-03-03"), Subject: group, Status: graph.CalendarDone, Done: &done,
				Duty: &graph.DutyRef{ID: "cgh-kallelse", Action: "send_notice", Per: graph.PerMeeting, OffsetDays: &minus7,
					By: &graph.Ref{Name: "Ordförande i Chefsgrupp Halland"}},
				Meeting: &graph.MeetingRef{ID: "cgh-m-2027-03", Date: graph.MustDate("2027-03-10"), Source: graph.SourceRef{Basis: graph.BasisIllustrative}},
				DueText: "senast sju dagar före sammanträdet", Basis: graph.BasisIllustrative,
				Source: graph.SourceRef{Document: "cgh-arbetsordning", DocumentTitle: "Arbetsordning för Chefsgrupp Halland", Section: "2.5",
					Basis: graph.BasisStated, Quote: "Kallelse skickas ut senast sju dagar före sammanträdet; det är en lång rad, med komma, semikolon; och bakstreck \\ som måste skyddas"}},
			{UID: "cgh-sammantradesplan/2027", Due: graph.MustDate("2027-09-30"), Subject: group, Status: graph.CalendarUpcoming, Basis: graph.BasisStated,
				Duty:   &graph.DutyRef{ID: "cgh-sammantradesplan", Action: "decide_meeting_plan", Per: graph.PerYear, DayOfYear: "--09-30"},
				Source: graph.SourceRef{Document: "cgh-arbetsordning", Section: "2.8", Basis: graph.BasisStated}},
			{UID: "cgh-internat/2027", Due: graph.MustDate("2027-12-31"), From: &from, Subject: group, Status: graph.CalendarDone, Done: &done, Basis: graph.BasisStated,
				Duty: &graph.DutyRef{ID: "cgh-internat", Action: "hold_retreat", Per: graph.PerYear}},
			{UID: "rh-uppdrag", Due: graph.MustDate("2027-12-31"), Subject: graph.Ref{Name: "Ett uppdrag"}, Assignment: &graph.Ref{ID: "rh-uppdrag", Name: "Ett uppdrag"},
				Status: graph.CalendarUpcoming, Basis: graph.BasisInferred},
		},
	}
}

func TestWriteParsesWithAStandardParser(t *testing.T) {
	out := ical.Write(calendar())
	cal, err := goical.NewDecoder(bytes.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot parse the output: %v\n%s", err, out)
	}
	if v := cal.Props.Get(goical.PropVersion); v == nil || v.Value != "2.0" {
		t.Errorf("VERSION = %v", v)
	}
	type comp struct{ name, uid, start, due, end, summary, status string }
	var got []comp
	for _, c := range cal.Children {
		get := func(p string) string {
			if v := c.Props.Get(p); v != nil {
				return v.Value
			}
			return ""
		}
		got = append(got, comp{c.Name, get(goical.PropUID), get(goical.PropDateTimeStart), get(goical.PropDue), get(goical.PropDateTimeEnd),
			get(goical.PropSummary), get(goical.PropStatus)})
	}
	want := []comp{
		{"VEVENT", "cgh-kallelse/cgh-m-2027-03@styrgraf", "20270303", "", "20270304", "Chefsgrupp Halland: skicka kallelse (sammanträde 2027-03-10)", ""},
		{"VEVENT", "cgh-sammantradesplan/2027@styrgraf", "20270930", "", "20271001", "Chefsgrupp Halland: besluta om sammanträdesplan", ""},
		{"VTODO", "cgh-internat/2027@styrgraf", "20270101", "20271231", "", "Chefsgrupp Halland: hålla internat", "COMPLETED"},
		{"VEVENT", "rh-uppdrag@styrgraf", "20271231", "", "20280101", "Återrapportering av uppdrag: Ett uppdrag", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d components, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("component %d = %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// The escaped description comes back whole: commas, semicolons, backslashes and line
	// breaks survive, and so does the source's basis.
	desc, err := cal.Children[0].Props.Text(goical.PropDescription)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Ansvarig: Ordförande i Chefsgrupp Halland",
		"Tidsfrist enligt underlaget: senast sju dagar före sammanträdet",
		"Källa: Arbetsordning för Chefsgrupp Halland 2.5 (illustrativt exempel): ”Kallelse skickas ut senast sju dagar före sammanträdet; det är en lång rad, med komma, semikolon; och bakstreck \\ som måste skyddas”",
		"Läge per 2027-06-01: genomfört 2027-03-01",
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("description lacks %q:\n%s", want, desc)
		}
	}
}

func TestWriteFoldsLongLinesWithoutSplittingCharacters(t *testing.T) {
	out := ical.Write(calendar())
	if !bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")) {
		t.Error("output does not end with END:VCALENDAR and CRLF")
	}
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line splits a character: %q", line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
		if strings.Contains(line, "\n") {
			t.Errorf("bare LF in %q", line)
		}
	}
	if folded == 0 {
		t.Error("no line was folded, but the descriptions are longer than 75 octets")
	}
	if !bytes.Equal(out, ical.Write(calendar())) {
		t.Error("the same calendar gives different bytes")
	}
}
