package web

import (
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/styrgraf/styrgraf/graph"
)

// Swedish presentation: what users read is Swedish, dates as "2 december 2026", numbers as
// "1 234,5", names sorted with å, ä, ö after z.

var months = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
	"september", "oktober", "november", "december"}

// swedishDate writes a day as "2 december 2026"; the zero day as "".
func swedishDate(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.Day()) + " " + months[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

// swedishNumber writes 1234.5 as "1 234,5" (a no-break space between thousands).
func swedishNumber(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if neg {
		out = "−" + out
	}
	return out
}

// swedishOrder compares names as a Swedish reader expects (å, ä, ö after z).
func swedishOrder() func(a, b string) int {
	c := collate.New(language.Swedish)
	return c.CompareString
}

// Swedish words for the domain's values.
var (
	relationLabels = map[string][2]string{ // outgoing, incoming
		"REPORTS_TO":        {"rapporterar till", "rapporterar hit"},
		"PREPARES_FOR":      {"bereder åt", "bereds av"},
		"APPOINTS":          {"tillsätter", "tillsätts av"},
		"ESTABLISHES":       {"inrättar", "inrättas av"},
		"OVERSEES":          {"har uppsikt över", "står under uppsikt av"},
		"ESCALATES_TO":      {"eskalerar till", "tar emot frågor från"},
		"COLLABORATES_WITH": {"samverkar med", "samverkar med"},
		"DIRECTS":           {"leder", "leds av"},
		"SUPPORTS":          {"stödjer", "stöds av"},
		"MEMBER_OF":         {"ingår i", "har som del"},
		"CONSULTS":          {"stämmer av med", "rådfrågas av"},
		"DISSOLVES":         {"avvecklar", "avvecklas av"},
		"FOLLOWS_UP":        {"följer upp", "följs upp av"},
		"REPRESENTS":        {"företräder", "företräds av"},
		"PART_OF":           {"ingår i", "har som del"},
		"SEAT_OF":           {"är plats i", "har platsen"},
		"EX_OFFICIO":        {"innehas av den som är", "ger plats åt"},
	}
	basisLabels = map[string]string{
		graph.BasisStated:       "uttryckligen angivet",
		graph.BasisInferred:     "slutsats",
		graph.BasisIllustrative: "illustrativ",
		graph.BasisGenerated:    "genererad",
		"":                      "utan källa",
	}
	matchLabels = map[string]string{
		graph.MatchExact: "hela namnet", graph.MatchWord: "helt ord", graph.MatchPrefix: "början av ord",
		graph.MatchPart: "del av ord", graph.MatchFolded: "utan å/ä/ö", graph.MatchFuzzy: "med ett stavfel",
	}
	kindLabels = map[string]string{
		"Organ": "Organ", "Post": "Platser", "Person": "Personer", "Topic": "Ämnen", "Organisation": "Organisationer",
	}
	statusLabels = map[string]string{
		graph.OversightCovered: "under uppsikt", graph.OversightNotCovered: "saknar uppsikt", graph.OversightUnknown: "okänt (ej registrerat)",
		graph.StatusDue: "ska göras i år", graph.StatusOverdue: "försenad", graph.StatusNotRecorded: "okänt (ej registrerat)",
		graph.StatusOpen: "pågår",
	}
	calendarLabels = map[string]string{
		graph.CalendarDone: "genomfört", graph.CalendarUpcoming: "kommande",
		graph.CalendarNotRecorded: "inte registrerat", graph.CalendarOverdue: "försenat",
	}
	levelLabels = map[string]string{}
	kindSwedish = map[string]string{}
)

func init() {
	for _, t := range graph.Vocabularies["mandate_level"] {
		levelLabels[t.Value] = t.Swedish
	}
	for _, t := range graph.Vocabularies["organ_kind"] {
		// The vocabulary's text may give examples in brackets; the kind is what comes before.
		name, _, _ := strings.Cut(t.Swedish, " (")
		kindSwedish[t.Value] = name
	}
}

// relationLabel says a relationship type in Swedish, seen from its start (out) or its end.
func relationLabel(typ string, out bool) string {
	l, ok := relationLabels[typ]
	if !ok {
		return strings.ToLower(typ)
	}
	if out {
		return l[0]
	}
	return l[1]
}
