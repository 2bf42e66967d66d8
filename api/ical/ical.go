// Package ical writes a governance calendar (graph.Calendar) as iCalendar (RFC 5545), so that
// an auditor's or a kansli's calendar program can subscribe to an organisation's årshjul.
//
// A deadline on one day (a kallelse before a meeting, a sammanträdesplan by 30/9, an uppdrag's
// report) is an all-day VEVENT on that day; an obligation that may be met any time within a
// period (a yearly internat, a temadag per mandatperiod) is a VTODO from the period's start,
// due on its last day. Each has the entry's stable UID, so re-subscribing updates entries
// instead of duplicating them. Texts are Swedish: they are read by people.
package ical

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/styrgraf/styrgraf/graph"
)

// UIDDomain makes entry UIDs globally unique, as RFC 5545 asks.
const UIDDomain = "styrgraf"

// Write renders the calendar. DTSTAMP is the calendar's date (At), not the time of writing,
// so that the same question gives the same bytes.
func Write(c graph.Calendar) []byte {
	var w writer
	stamp := c.At.Format("20060102") + "T000000Z"
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//styrgraf//årshjul//SV")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.prop("X-WR-CALNAME", fmt.Sprintf("Årshjul %s %d", c.Organisation.Name, c.Year))
	for _, e := range c.Entries {
		component := "VEVENT"
		if e.From != nil {
			component = "VTODO"
		}
		w.line("BEGIN:" + component)
		w.prop("UID", e.UID+"@"+UIDDomain)
		w.line("DTSTAMP:" + stamp)
		if component == "VEVENT" {
			w.line("DTSTART;VALUE=DATE:" + day(e.Due))
			w.line("DTEND;VALUE=DATE:" + day(e.Due.AddDays(1)))
			w.line("TRANSP:TRANSPARENT")
		} else {
			w.line("DTSTART;VALUE=DATE:" + day(*e.From))
			w.line("DUE;VALUE=DATE:" + day(e.Due))
			if e.Status == graph.CalendarDone {
				w.line("STATUS:COMPLETED")
				w.line("COMPLETED:" + e.Done.Format("20060102") + "T000000Z")
			} else {
				w.line("STATUS:NEEDS-ACTION")
			}
		}
		w.prop("SUMMARY", Summary(e))
		w.prop("DESCRIPTION", Description(e, c.At))
		w.prop("CATEGORIES", statusWords[e.Status])
		w.line("END:" + component)
	}
	w.line("END:VCALENDAR")
	return w.buf.Bytes()
}

// Summary is an entry's title: what is due, for whom.
func Summary(e graph.CalendarEntry) string {
	switch {
	case e.Assignment != nil:
		return "Återrapportering av uppdrag: " + e.Assignment.Name
	case e.Meeting != nil:
		return fmt.Sprintf("%s: %s (sammanträde %s)", e.Subject.Name, graph.Swedish("duty_action", e.Duty.Action), e.Meeting.Date)
	default:
		return fmt.Sprintf("%s: %s", e.Subject.Name, graph.Swedish("duty_action", e.Duty.Action))
	}
}

// Description says who must do it, the deadline in the document's words, what else calls
// for it, on what conditions, its status and its source with the basis.
func Description(e graph.CalendarEntry, at graph.Date) string {
	var parts []string
	add := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	if d := e.Duty; d != nil {
		if d.Description != "" {
			add("%s", d.Description)
		}
		if d.By != nil {
			add("Ansvarig: %s", d.By.Name)
		} else {
			add("Ansvarig: anges inte i underlaget")
		}
		for _, t := range d.Triggers {
			add("Även: %s", t.Text)
		}
		for _, c := range d.Conditions {
			add("Villkor: %s", ConditionWords(c))
		}
	}
	if e.DueText != "" {
		add("Tidsfrist enligt underlaget: %s", e.DueText)
	}
	if e.From != nil {
		add("Period: %s – %s", e.From, e.Due)
	}
	status := statusWords[e.Status]
	if e.Done != nil {
		status += " " + e.Done.String()
	}
	add("Läge per %s: %s", at, status)
	add("Källa: %s", citation(e.Source, e.Basis))
	if e.Meeting != nil && e.Meeting.Source.Basis != e.Source.Basis {
		add("Sammanträdets källa: %s", citation(e.Meeting.Source, e.Meeting.Source.Basis))
	}
	return strings.Join(parts, "\n")
}

// ConditionWords is a condition in Swedish.
func ConditionWords(c graph.ConditionRef) string {
	out := graph.Swedish("condition_kind", c.Kind)
	if c.Ref != nil {
		out += " " + c.Ref.Name
	}
	if c.Text != "" {
		out += " (" + c.Text + ")"
	}
	return out
}

var statusWords = map[string]string{
	graph.CalendarDone:        "genomfört",
	graph.CalendarUpcoming:    "kommande",
	graph.CalendarNotRecorded: "inte registrerat",
	graph.CalendarOverdue:     "försenat",
}

var basisWords = map[string]string{
	graph.BasisStated:       "uttryckligen angivet",
	graph.BasisInferred:     "slutsats",
	graph.BasisIllustrative: "illustrativt exempel",
	graph.BasisGenerated:    "genererade testdata",
}

func citation(s graph.SourceRef, basis string) string {
	out := basisWords[basis]
	if out == "" {
		out = "ingen källa angiven"
	}
	if s.DocumentTitle != "" || s.Document != "" {
		doc := s.DocumentTitle
		if doc == "" {
			doc = s.Document
		}
		if s.Section != "" {
			doc += " " + s.Section
		}
		out = doc + " (" + out + ")"
	}
	if s.Quote != "" {
		out += ": ”" + s.Quote + "”"
	}
	return out
}

func day(d graph.Date) string { return d.Format("20060102") }

// writer writes content lines: CRLF-terminated, folded at 75 octets without splitting a
// UTF-8 sequence (RFC 5545 3.1).
type writer struct{ buf bytes.Buffer }

func (w *writer) prop(name, value string) { w.line(name + ":" + escape(value)) }

func (w *writer) line(s string) {
	const max = 75
	for first := true; ; first = false {
		limit := max
		if !first {
			limit-- // the continuation's leading space counts
			w.buf.WriteByte(' ')
		}
		if len(s) <= limit {
			w.buf.WriteString(s)
			w.buf.WriteString("\r\n")
			return
		}
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n")
		s = s[cut:]
	}
}

// escape escapes a TEXT value (RFC 5545 3.3.11).
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}
