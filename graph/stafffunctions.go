package graph

// StaffFunctionRow is one förvaltning's stabsfunktioner as of a date (the mapping of
// RSAU §398): the capacity in FTE of each function of the staff_function vocabulary, the
// total, and the gaps.
type StaffFunctionRow struct {
	Forvaltning Ref                `json:"forvaltning"`
	Functions   []StaffFunctionFTE `json:"functions"` // every function of the vocabulary, in its order
	Total       float64            `json:"total"`     // sum of the functions' FTE
	Gaps        []string           `json:"gaps"`      // functions with no capacity (none recorded, or 0 FTE), in vocabulary order; only when Recorded
	// Recorded says the dataset declares this förvaltning's stabsfunktioner complete, so a
	// function with no capacity is a gap; otherwise the gaps are unknown and not listed.
	Recorded bool   `json:"recorded"`
	Basis    string `json:"basis"` // the weakest basis of the figures counted ("" when none)
}

// StaffFunctionFTE is the capacity of one staff function: the sum of the FTE of the
// förvaltning's StaffFunction items of that function valid on the date.
type StaffFunctionFTE struct {
	Function string  `json:"function"`
	FTE      float64 `json:"fte"`
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
