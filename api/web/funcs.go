package web

import (
	"html/template"
	"time"

	"github.com/styrgraf/styrgraf/graph"
)

// funcs are the templates' helpers: Swedish words and formats for the domain's values.
var funcs = template.FuncMap{
	"datum": swedishDate,
	"datump": func(d *graph.Date) string {
		if d == nil {
			return ""
		}
		return swedishDate(*d)
	},
	"tal":          swedishNumber,
	"term":         graph.Swedish,
	"grund":        func(b string) string { return basisLabels[b] },
	"traff":        func(m string) string { return matchLabels[m] },
	"status":       func(s string) string { return statusLabels[s] },
	"kalenderlage": func(s string) string { return calendarLabels[s] },
	// dagar is a per-meeting deadline's offset in days (0 when none is given: by the meeting).
	"dagar": func(n *int) int {
		if n == nil {
			return 0
		}
		return *n
	},
	"relation": relationLabel,
	"niva": func(l string) string {
		if s, ok := levelLabels[l]; ok {
			return s
		}
		return l
	},
	"luckor": staffGapsLabel,
	"slag": func(k string) string {
		if s, ok := kindSwedish[k]; ok {
			return s
		}
		return k
	},
	"tid":   func(t time.Time) string { return t.Format("2006-01-02 15:04") },
	"plus1": func(i int) int { return i + 1 },
	// formular gives a shared form template its page and one value (an action, a query).
	"formular": func(p *page, v string) formValue { return formValue{p, v} },
	// other pairs a relation's other end with the page, for links that keep the date.
	"other": func(p *page, r graph.Ref) otherEnd { return otherEnd{p, r} },
}

// otherEnd is the other end of a relation with the page it is shown on.
type otherEnd struct {
	Page *page
	Ref  graph.Ref
}

// formValue is a page with one value, for the shared form templates.
type formValue struct {
	Page  *page
	Value string
}
