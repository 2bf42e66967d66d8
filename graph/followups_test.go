package graph

import "testing"

func TestMandatePeriod(t *testing.T) {
	for _, tc := range []struct{ day, start, end string }{
		{"2026-01-01", "2022-10-15", "2026-10-14"},
		{"2026-10-14", "2022-10-15", "2026-10-14"},
		// The September 2026 election: the new period starts on 15 October.
		{"2026-10-15", "2026-10-15", "2030-10-14"},
		{"2027-01-01", "2026-10-15", "2030-10-14"},
		{"2022-01-01", "2018-10-15", "2022-10-14"},
		{"2023-01-01", "2022-10-15", "2026-10-14"},
		{"2030-10-14", "2026-10-15", "2030-10-14"},
		{"2016-06-01", "2014-10-15", "2018-10-14"},
	} {
		start, end := MandatePeriod(MustDate(tc.day))
		if start.String() != tc.start || end.String() != tc.end {
			t.Errorf("MandatePeriod(%s) = %s..%s, want %s..%s", tc.day, start, end, tc.start, tc.end)
		}
	}
}
