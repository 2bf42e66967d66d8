package neo4jdb

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/queries"
)

// MissingFollowUps answers "which groups have had no follow-up this year?" for an
// organisation (empty: all organisations): the follow-up duties with no follow-up in the
// period that contains year, and the assignments overdue on at. An organisation that does
// not exist or does not hold in the year is ENOTFOUND.
func (db *DB) MissingFollowUps(ctx context.Context, q graph.FollowUpQuery) (graph.FollowUpReport, error) {
	if err := q.Validate(); err != nil {
		return graph.FollowUpReport{}, err
	}
	organisation, year, at := q.Organisation, q.Year, q.At
	yearStart := graph.Date{Time: time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)}
	yearEnd := graph.Date{Time: time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)}
	periodStart, periodEnd := graph.MandatePeriod(yearStart)
	report := graph.FollowUpReport{Organisation: organisation, Year: year, At: at,
		Missing: []graph.MissingFollowUp{}, OverdueAssignments: []graph.OverdueAssignment{}, PastDueUnknown: []graph.OverdueAssignment{}}

	type lists struct {
		organisations    int64
		missing, overdue []map[string]any
	}
	got, err := readTx(ctx, db, "missing_follow_ups", func(tx neo4j.ManagedTransaction) (lists, error) {
		var l lists
		var err error
		l.organisations, l.missing, err = oneListRow(ctx, tx, "missing_follow_ups.cypher", "missing", map[string]any{
			"organisation": organisation,
			"yearStart":    dateParam(yearStart), "yearEnd": dateParam(yearEnd),
			"periodStart": dateParam(periodStart), "periodEnd": dateParam(periodEnd),
			"at": dateParam(at), "minBasisRank": int64(graph.BasisRank(q.MinBasis)),
		})
		if err != nil || l.organisations == 0 {
			return l, err
		}
		_, l.overdue, err = oneListRow(ctx, tx, "overdue_assignments.cypher", "overdue", map[string]any{
			"organisation": organisation,
			"yearStart":    dateParam(yearStart), "yearEnd": dateParam(yearEnd),
			"at": dateParam(at), "minBasisRank": int64(graph.BasisRank(q.MinBasis)),
		})
		return l, err
	})
	if err != nil {
		return report, err
	}
	if got.organisations == 0 && organisation != "" {
		return report, graph.Errorf(graph.ENOTFOUND, "no organisation %q in %d", organisation, year)
	}

	for _, m := range got.missing {
		row := graph.MissingFollowUp{
			Subject: graph.Ref{ID: str(m, "subject_id"), Kind: str(m, "subject_kind"), Name: str(m, "subject_name")},
			Duty: graph.DutyRef{ID: str(m, "duty_id"), Action: str(m, "action"), Per: str(m, "per"),
				Description: str(m, "description"), Due: dateValue(m["due"])},
			PeriodStart:  dateValue(m["period_start"]),
			LastFollowUp: dateValue(m["last_follow_up"]),
			Source:       sourceRef(m),
		}
		if end := dateValue(m["period_end"]); end != nil {
			row.PeriodEnd = *end
		}
		recorded, _ := m["recorded"].(bool)
		switch {
		case !recorded:
			row.Status = graph.StatusNotRecorded
		case row.PeriodEnd.Before(at.Time):
			row.Status = graph.StatusOverdue
		default:
			row.Status = graph.StatusDue
		}
		report.Missing = append(report.Missing, row)
	}
	slices.SortFunc(report.Missing, func(a, b graph.MissingFollowUp) int {
		return cmp.Or(cmp.Compare(a.Subject.Name, b.Subject.Name), cmp.Compare(a.Duty.ID, b.Duty.ID), cmp.Compare(a.Subject.ID, b.Subject.ID))
	})

	for _, m := range got.overdue {
		row := assignmentRow(m)
		if row.Status == graph.StatusOpen {
			report.OverdueAssignments = append(report.OverdueAssignments, row)
		} else {
			report.PastDueUnknown = append(report.PastDueUnknown, row)
		}
	}
	byDue := func(a, b graph.OverdueAssignment) int {
		return cmp.Or(a.Due.Compare(b.Due.Time), cmp.Compare(a.Assignment.ID, b.Assignment.ID), cmp.Compare(a.GivenBy.ID, b.GivenBy.ID))
	}
	slices.SortFunc(report.OverdueAssignments, byDue)
	slices.SortFunc(report.PastDueUnknown, byDue)
	return report, nil
}

// assignmentRow reads an uppdrag as overdue_assignments.cypher and calendar.cypher return it.
func assignmentRow(m map[string]any) graph.OverdueAssignment {
	row := graph.OverdueAssignment{
		Assignment: graph.Ref{ID: str(m, "id"), Kind: "Assignment", Name: str(m, "title")},
		GivenBy:    graph.Ref{ID: str(m, "given_by_id"), Kind: str(m, "given_by_kind"), Name: str(m, "given_by_name")},
		GivenTo:    graph.Ref{ID: str(m, "given_to_id"), Kind: str(m, "given_to_kind"), Name: str(m, "given_to_name")},
		Given:      dateValue(m["given"]),
		DueText:    str(m, "due_text"),
		Status:     str(m, "status"),
		Source:     sourceRef(m),
	}
	if id := str(m, "report_to_id"); id != "" {
		row.ReportTo = &graph.Ref{ID: id, Kind: str(m, "report_to_kind"), Name: str(m, "report_to_name")}
	}
	if due := dateValue(m["due"]); due != nil {
		row.Due = *due
	}
	return row
}

// oneListRow runs a query that returns one row: the number of organisations in scope and a
// list of maps in column col.
func oneListRow(ctx context.Context, tx neo4j.ManagedTransaction, file, col string, params map[string]any) (int64, []map[string]any, error) {
	res, err := tx.Run(ctx, queries.Text(file), params)
	if err != nil {
		return 0, nil, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, nil, err
	}
	n, err := get[int64](rec, "organisations")
	if err != nil {
		return 0, nil, err
	}
	list, err := get[[]any](rec, col)
	if err != nil {
		return 0, nil, err
	}
	return n, maps(list), nil
}
