package neo4jdb

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// Calendar answers "what is due in this organisation this year?" (the årshjul). An
// organisation that does not exist or does not hold in the year is ENOTFOUND.
func (db *DB) Calendar(ctx context.Context, q graph.CalendarQuery) (graph.Calendar, error) {
	if err := q.Validate(); err != nil {
		return graph.Calendar{}, err
	}
	yearStart := graph.Date{Time: time.Date(q.Year, time.January, 1, 0, 0, 0, 0, time.UTC)}
	yearEnd := graph.Date{Time: time.Date(q.Year, time.December, 31, 0, 0, 0, 0, time.UTC)}
	params := map[string]any{
		"organisation": q.Organisation,
		"yearStart":    dateParam(yearStart), "yearEnd": dateParam(yearEnd),
		"meetingsFrom": dateParam(yearStart.AddDays(-graph.MaxMeetingOffset)), "meetingsTo": dateParam(yearEnd.AddDays(graph.MaxMeetingOffset)),
		"minBasisRank": int64(graph.BasisRank(q.MinBasis)),
	}
	type row struct {
		org                 graph.Ref
		duties, assignments []map[string]any
	}
	rows, err := readTx(ctx, db, "calendar", func(tx neo4j.ManagedTransaction) ([]row, error) {
		return collect(ctx, tx, "calendar.cypher", params, func(rec *neo4j.Record) (row, error) {
			var r row
			id, err := get[string](rec, "id")
			if err != nil {
				return r, err
			}
			name, err := get[string](rec, "name")
			if err != nil {
				return r, err
			}
			r.org = graph.Ref{ID: id, Kind: "Organisation", Name: name}
			for col, dst := range map[string]*[]map[string]any{"duties": &r.duties, "assignments": &r.assignments} {
				list, err := get[[]any](rec, col)
				if err != nil {
					return r, err
				}
				*dst = maps(list)
			}
			return r, nil
		})
	})
	if err != nil {
		return graph.Calendar{}, err
	}
	if len(rows) == 0 {
		return graph.Calendar{}, graph.Errorf(graph.ENOTFOUND, "no organisation %q in %d", q.Organisation, q.Year)
	}
	var duties []graph.CalendarDuty
	for _, m := range rows[0].duties {
		d := graph.CalendarDuty{DutyRef: dutyRef(m),
			Subject: graph.Ref{ID: str(m, "subject_id"), Kind: str(m, "subject_kind"), Name: str(m, "subject_name")}}
		for _, mm := range maps(m["meetings"]) {
			if day := dateValue(mm["date"]); day != nil {
				d.Meetings = append(d.Meetings, graph.MeetingRef{ID: str(mm, "id"), Date: *day, Kind: str(mm, "kind"),
					Status: str(mm, "status"), Source: sourceRef(mm)})
			}
		}
		for _, r := range maps(m["records"]) {
			if day := dateValue(r["date"]); day != nil {
				d.Records = append(d.Records, graph.DutyDone{Date: *day, Meeting: str(r, "meeting")})
			}
		}
		duties = append(duties, d)
	}
	var assignments []graph.CalendarAssignment
	for _, m := range rows[0].assignments {
		assignments = append(assignments, graph.CalendarAssignment{OverdueAssignment: assignmentRow(m), Reported: dateValue(m["reported"])})
	}
	return graph.BuildCalendar(rows[0].org, q.Year, q.At, q.MinBasis, duties, assignments), nil
}
