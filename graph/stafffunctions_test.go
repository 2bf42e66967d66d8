package graph

import (
	"slices"
	"testing"
)

func TestStaffGapStatus(t *testing.T) {
	for _, tc := range []struct {
		profiles int
		recorded bool
		want     string
	}{
		{0, false, StaffNoExpectation},
		{0, true, StaffNoExpectation}, // complete records, but nothing expected: nothing missing
		{1, false, StaffGapsUnknown},
		{2, true, StaffGapsKnown},
	} {
		if got := StaffGapStatus(tc.profiles, tc.recorded); got != tc.want {
			t.Errorf("StaffGapStatus(%d, %v) = %s, want %s", tc.profiles, tc.recorded, got, tc.want)
		}
	}
}

func TestStaffFunctionName(t *testing.T) {
	for _, tc := range []struct{ function, name, want string }{
		{"hr", "", "HR- och personalfrågor"},
		{"hr", "Personal", "HR- och personalfrågor"}, // the vocabulary's term is the same everywhere
		{"lonekontor", "Lönekontor", "Lönekontor"},
		{"lonekontor", "", "lonekontor"},
	} {
		if got := StaffFunctionName(tc.function, tc.name); got != tc.want {
			t.Errorf("StaffFunctionName(%q, %q) = %q, want %q", tc.function, tc.name, got, tc.want)
		}
	}
}

func TestStaffFunctionColumnsAndGaps(t *testing.T) {
	rows := []StaffFunctionRow{
		{Functions: []StaffFunctionFTE{{Function: "it", Name: "IT"}, {Function: "lonekontor", Name: "Lönekontor", Expected: true}},
			Gaps: []string{"lonekontor"}},
		{Functions: []StaffFunctionFTE{{Function: "hr", Name: "HR- och personalfrågor", FTE: 2}, {Function: "arkiv", Name: "Arkiv"},
			{Function: "lonekontor", Name: "Lönekontor"}}},
	}
	var got []string
	for _, c := range StaffFunctionColumns(rows) {
		got = append(got, c.Function+"="+c.Name)
	}
	if want := []string{"hr=HR- och personalfrågor", "it=IT", "arkiv=Arkiv", "lonekontor=Lönekontor"}; !slices.Equal(got, want) {
		t.Errorf("StaffFunctionColumns = %v, want %v", got, want)
	}
	if f := rows[1].Of("hr"); f == nil || f.FTE != 2 {
		t.Errorf("Of(hr) = %+v", f)
	}
	if f := rows[1].Of("it"); f != nil {
		t.Errorf("Of(it) of a row without it = %+v, want nil", f)
	}
	if names := rows[0].GapNames(); !slices.Equal(names, []string{"Lönekontor"}) || !rows[0].IsGap("lonekontor") || rows[0].IsGap("it") {
		t.Errorf("gaps of the first row: names %v, IsGap(lonekontor) %v, IsGap(it) %v", names, rows[0].IsGap("lonekontor"), rows[0].IsGap("it"))
	}
}
