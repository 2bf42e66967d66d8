package graph

import (
	"cmp"
	"slices"
	"strings"
)

// StaffFunctionRow is one förvaltning's stabsfunktioner as of a date (the mapping of
// RSAU §398): each function a staff profile that applies to it expects, and each function
// recorded for it, with its capacity in FTE; the total; and the gaps. A gap is a function a
// profile expects and the förvaltning has no capacity for, never a function missing from a
// fixed list: the vocabulary is open, and what a kind of förvaltning needs depends on its
// role (uppsikt is the styrelse's, so its förvaltning's, not every driftförvaltning's).
type StaffFunctionRow struct {
	Forvaltning Ref                `json:"forvaltning"`
	Functions   []StaffFunctionFTE `json:"functions"` // expected or recorded; the staff_function vocabulary's in its order, then the dataset's own by name
	Total       float64            `json:"total"`     // sum of the FTE recorded, expected or not
	Profiles    []StaffProfileRef  `json:"profiles"`  // the staff profiles that apply on the date; none: no expectation is recorded
	Status      string             `json:"status"`    // StaffGapsKnown, StaffGapsUnknown or StaffNoExpectation
	Gaps        []string           `json:"gaps"`      // expected functions with no capacity (none recorded, or 0 FTE), in Functions order; only when Status is StaffGapsKnown
	// Recorded says the dataset declares this förvaltning's stabsfunktioner complete, so an
	// expected function with no capacity is a gap; otherwise the gaps are unknown.
	Recorded bool `json:"recorded"`
	// Basis is the weakest basis of the figures counted and, when the gaps are known, of the
	// profiles and the coverage they rest on ("" when nothing is counted).
	Basis string `json:"basis"`
}

// Gap statuses of a StaffFunctionRow: whether an absence is a finding.
const (
	// StaffGapsKnown: a profile applies and the records are complete, so Gaps are findings
	// (and an empty Gaps says nothing expected is missing).
	StaffGapsKnown = "known"
	// StaffGapsUnknown: a profile applies but the records are not declared complete.
	StaffGapsUnknown = "unknown"
	// StaffNoExpectation: no profile applies, so nothing is expected and nothing is missing.
	StaffNoExpectation = "no_expectation"
)

// StaffGapStatus is the status of a row with the given profiles and coverage.
func StaffGapStatus(profiles int, recorded bool) string {
	switch {
	case profiles == 0:
		return StaffNoExpectation
	case recorded:
		return StaffGapsKnown
	}
	return StaffGapsUnknown
}

// StaffFunctionFTE is the capacity of one staff function: the sum of the FTE of the
// förvaltning's StaffFunction items of that function valid on the date.
type StaffFunctionFTE struct {
	Function string  `json:"function"` // the slug
	Name     string  `json:"name"`     // in Swedish: the vocabulary's term, or the name the dataset gives its own function
	FTE      float64 `json:"fte"`
	Expected bool    `json:"expected"` // a profile that applies expects it
}

// StaffProfileRef is a staff profile in an answer, with the source that founds it.
type StaffProfileRef struct {
	Ref
	Functions []string  `json:"functions"` // the functions it expects
	Source    SourceRef `json:"source"`
}

// StaffFunctionValues lists the values of the staff_function vocabulary in its order.
func StaffFunctionValues() []string {
	terms := Vocabularies["staff_function"]
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Value
	}
	return out
}

// StaffFunctionName is a function's Swedish name: the vocabulary's term, else the name the
// dataset gives it, else the slug.
func StaffFunctionName(function, name string) string {
	if InVocabulary("staff_function", function) {
		return Swedish("staff_function", function)
	}
	if name != "" {
		return name
	}
	return function
}

// GapsAreFindings reports whether the row's gaps (or their absence) are findings: a profile
// applies and the records are complete.
func (r StaffFunctionRow) GapsAreFindings() bool { return r.Status == StaffGapsKnown }

// Of is the row's entry for a function, or nil when the förvaltning neither is expected to
// have it nor records it.
func (r StaffFunctionRow) Of(function string) *StaffFunctionFTE {
	for i := range r.Functions {
		if r.Functions[i].Function == function {
			return &r.Functions[i]
		}
	}
	return nil
}

// GapNames are the gaps by their Swedish names.
func (r StaffFunctionRow) GapNames() []string {
	out := make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		out[i] = StaffFunctionName(g, "")
		if f := r.Of(g); f != nil {
			out[i] = f.Name
		}
	}
	return out
}

// IsGap reports whether the function is one of the row's gaps.
func (r StaffFunctionRow) IsGap(function string) bool {
	for _, g := range r.Gaps {
		if g == function {
			return true
		}
	}
	return false
}

// StaffFunctionColumn is one function in a table of several förvaltningar's functions.
type StaffFunctionColumn struct {
	Function string `json:"function"`
	Name     string `json:"name"`
}

// StaffFunctionColumns lists each function any of the rows lists, once, in the order the rows
// use: the staff_function vocabulary's in its order, then the dataset's own by slug.
func StaffFunctionColumns(rows []StaffFunctionRow) []StaffFunctionColumn {
	rank := map[string]int{}
	for i, v := range StaffFunctionValues() {
		rank[v] = i
	}
	seen := map[string]bool{}
	var out []StaffFunctionColumn
	for _, r := range rows {
		for _, f := range r.Functions {
			if !seen[f.Function] {
				seen[f.Function] = true
				out = append(out, StaffFunctionColumn{Function: f.Function, Name: f.Name})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b StaffFunctionColumn) int {
		ra, oka := rank[a.Function]
		rb, okb := rank[b.Function]
		switch {
		case oka && okb:
			return cmp.Compare(ra, rb)
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a.Function, b.Function)
	})
	return out
}
