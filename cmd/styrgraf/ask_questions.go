package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/styrgraf/styrgraf/api/ical"
	"github.com/styrgraf/styrgraf/graph"
)

var questions = []question{
	spec[graph.WhoDecidesAnswer]{
		name: "who-decides", args: "TOPIC OR WORDS...", help: "who holds a mandate about it, and the delegation path",
		flags: func(fs *flag.FlagSet, o *askOptions) { organisationFlag(fs, o, false); basisFlag(fs, o) },
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.WhoDecidesAnswer, error) {
			var first graph.WhoDecidesAnswer
			all, err := graph.All(func(p graph.Page) (graph.List[graph.Decision], error) {
				a, err := svc.WhoDecides(ctx, graph.WhoDecidesQuery{Topic: strings.Join(o.Args, " "), Organisation: o.Organisation, At: o.At, MinBasis: o.MinBasis, Page: p})
				if p.Offset == 0 {
					first = a
				}
				return a.List, err
			})
			first.Items, first.Total = all, len(all)
			return first, err
		},
		table: func(w io.Writer, r graph.WhoDecidesAnswer) {
			switch {
			case r.NothingMatched && r.Organisation != "":
				fmt.Fprintf(w, "nothing of %s matches that: no mandate, organ or topic (try without -organisation)\n", r.Organisation)
				return
			case r.NothingMatched:
				fmt.Fprintln(w, "nothing in the graph matches that: no mandate, organ or topic")
				return
			case len(r.Items) == 0:
				fmt.Fprintln(w, "no mandate matches; these organs and topics do:")
				fmt.Fprintln(w, "KIND\tNAME\tORGANISATION\tMATCH")
				for _, h := range r.Related {
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", h.Kind, h.Name, h.Organisation, h.Match)
				}
				return
			}
			fmt.Fprintln(w, "MANDATE\tLEVEL\tHOLDER\tPEOPLE\tDELEGATION PATH\tSOURCE")
			for _, d := range r.Items {
				var path []string
				for _, m := range d.Path[1:] {
					path = append(path, m.Holder+" ("+cite(m.Source)+")")
				}
				holder := d.Holder.Name
				if d.Organ != "" {
					holder += ", " + d.Organ
				}
				level := d.Mandate.Level
				if d.Mandate.Status != graph.MandateInForce {
					level += " (" + d.Mandate.Status + ")"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", short(d.Mandate.Scope, 60), level, holder, names(d.People),
					strings.Join(path, " ← "), cite(d.Mandate.Source))
			}
		},
	}.question(),
	spec[graph.EscalationAnswer]{
		name: "escalation", args: "ORGAN-OR-POST-ID", help: "every chain upward to the top, with who holds each seat",
		flags: basisFlag,
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.EscalationAnswer, error) {
			id, err := oneArg(o, "organ or post id")
			if err != nil {
				return graph.EscalationAnswer{}, err
			}
			return svc.Escalation(ctx, graph.EscalationQuery{ID: id, At: o.At, MinBasis: o.MinBasis, Page: graph.Page{Limit: graph.MaxChains}})
		},
		table: func(w io.Writer, r graph.EscalationAnswer) {
			for i, c := range r.Items {
				fmt.Fprintf(w, "chain %d\n", i+1)
				fmt.Fprintln(w, "STEP\tVIA\tBASIS\tKIND\tNAME\tHELD BY")
				for j, s := range c.Steps {
					name := s.Name
					if s.Organ != "" {
						name += " (" + s.Organ + ")"
					}
					holders := ""
					if s.Kind == "Post" {
						holders = names(s.Holders)
					}
					fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", j+1, s.Via, s.Source.Basis, s.Kind, short(name, 70), holders)
					conditionLines(w, s.Conditions)
				}
				if c.Cycle {
					fmt.Fprintf(w, "\t(cycle: back to %s)\n", c.CycleTo)
				}
			}
			if r.Truncated {
				fmt.Fprintf(w, "(stopped after %d chains)\n", graph.MaxChains)
			}
		},
	}.question(),
	spec[[]graph.Change]{
		name: "changes", help: "what started or ended in an organisation between two dates",
		flags: func(fs *flag.FlagSet, o *askOptions) {
			organisationFlag(fs, o, true)
			fs.Func("from", "first date, YYYY-MM-DD", dateFlag(&o.From))
			fs.Func("to", "last date, YYYY-MM-DD", dateFlag(&o.To))
		},
		run: func(ctx context.Context, svc graph.Service, o askOptions) ([]graph.Change, error) {
			return graph.All(func(p graph.Page) (graph.List[graph.Change], error) {
				return svc.Changes(ctx, graph.ChangesQuery{Organisation: o.Organisation, From: o.From, To: o.To, Page: p})
			})
		},
		table: func(w io.Writer, r []graph.Change) {
			fmt.Fprintln(w, "DATE\tCHANGE\tWHAT\tNAME\tDETAIL")
			for _, c := range r {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.Date, c.Change, c.What, c.Name, c.Detail)
			}
		},
	}.question(),
	spec[graph.OrganDetail]{
		name: "organ", args: "ORGAN-ID", help: "one organ: seats and holders, relations, mandates, duties, rules",
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.OrganDetail, error) {
			id, err := oneArg(o, "organ id")
			if err != nil {
				return graph.OrganDetail{}, err
			}
			return svc.OrganDetail(ctx, id, o.At)
		},
		table: func(w io.Writer, r graph.OrganDetail) {
			d := r
			fmt.Fprintf(w, "%s (%s, %s)\t%s\n", d.Name, d.Kind, d.Category, names(d.Organisations))
			if d.Tier != "" || d.Process != nil {
				process := ""
				if d.Process != nil {
					process = d.Process.Name
				}
				fmt.Fprintf(w, "tier %s\tprocess %s\n", d.Tier, process)
			}
			if len(d.PartOf) > 0 || len(d.Parts) > 0 {
				fmt.Fprintf(w, "part of %s\tparts %s\n", names(d.PartOf), names(d.Parts))
			}
			fmt.Fprintln(w, "\nSEAT\tKIND\tHELD BY\tEX OFFICIO")
			for _, s := range d.Seats {
				ex := ""
				if s.ExOfficio != nil {
					ex = s.ExOfficio.Name
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", s.Title, s.Kind, names(s.Holders), ex)
				conditionLines(w, s.Conditions)
			}
			fmt.Fprintln(w, "\nRELATION\tWITH\tSOURCE")
			for _, rel := range d.Out {
				fmt.Fprintf(w, "%s →\t%s\t%s\n", rel.Type, rel.Other.Name, cite(rel.Source))
				conditionLines(w, rel.Conditions)
			}
			for _, rel := range d.In {
				fmt.Fprintf(w, "← %s\t%s\t%s\n", rel.Type, rel.Other.Name, cite(rel.Source))
				conditionLines(w, rel.Conditions)
			}
			if len(d.Mandates) > 0 {
				fmt.Fprintln(w, "\nMANDATE\tLEVEL\tSOURCE")
				for _, m := range d.Mandates {
					level := m.Level
					if m.Status != graph.MandateInForce {
						level += " (" + m.Status + ")"
					}
					fmt.Fprintf(w, "%s\t%s\t%s\n", short(m.Scope, 70), level, cite(m.Source))
					conditionLines(w, m.Conditions)
				}
			}
			if len(d.Duties) > 0 {
				fmt.Fprintln(w, "\nDUTY\tPER\tDEADLINE\tBY\tSOURCE")
				for _, du := range d.Duties {
					by := "(not stated)"
					if du.By != nil {
						by = du.By.Name
					}
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", du.Action, du.Per, du.Deadline, by, cite(du.Source))
					for _, t := range du.Triggers {
						fmt.Fprintf(w, "\t  also: %s\n", t.Text)
					}
					conditionLines(w, du.Conditions)
				}
			}
		},
	}.question(),
	spec[graph.Subtree]{
		name: "subtree", args: "ORGAN-ID", help: "an organ and its parts with seats and holders",
		flags: func(fs *flag.FlagSet, o *askOptions) { fs.IntVar(&o.Depth, "depth", 2, "levels of parts to include") },
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.Subtree, error) {
			id, err := oneArg(o, "organ id")
			if err != nil {
				return graph.Subtree{}, err
			}
			return svc.OrganSubtree(ctx, graph.SubtreeQuery{ID: id, At: o.At, Depth: o.Depth})
		},
		table: func(w io.Writer, r graph.Subtree) {
			fmt.Fprintln(w, "ORGAN\tKIND\tSEATS (HELD BY)")
			for _, org := range r.Organs {
				var seats []string
				for _, s := range org.Seats {
					seats = append(seats, s.Title+" ("+names(s.Holders)+")")
				}
				fmt.Fprintf(w, "%s%s\t%s\t%s\n", strings.Repeat("  ", org.Level), org.Name, org.Kind, strings.Join(seats, "; "))
			}
		},
	}.question(),
	spec[[]graph.StaffFunctionRow]{
		name: "staff-functions", help: "stabsfunktioner per förvaltning with FTE, and the gaps",
		flags: func(fs *flag.FlagSet, o *askOptions) { organisationFlag(fs, o, true); basisFlag(fs, o) },
		run: func(ctx context.Context, svc graph.Service, o askOptions) ([]graph.StaffFunctionRow, error) {
			return graph.All(func(p graph.Page) (graph.List[graph.StaffFunctionRow], error) {
				return svc.StaffFunctions(ctx, graph.OrganisationQuery{Organisation: o.Organisation, At: o.At, MinBasis: o.MinBasis, Page: p})
			})
		},
		table: func(w io.Writer, r []graph.StaffFunctionRow) {
			rows := r
			fmt.Fprint(w, "FÖRVALTNING")
			for _, f := range graph.StaffFunctionValues() {
				fmt.Fprintf(w, "\t%s", strings.ToUpper(f))
			}
			fmt.Fprintln(w, "\tTOTAL\tGAPS\tBASIS")
			for _, row := range rows {
				fmt.Fprint(w, row.Forvaltning.Name)
				for _, f := range row.Functions {
					fmt.Fprintf(w, "\t%g", f.FTE)
				}
				gaps := strings.Join(row.Gaps, ", ")
				if !row.Recorded {
					gaps = "unknown (not recorded)"
				}
				fmt.Fprintf(w, "\t%g\t%s\t%s\n", row.Total, gaps, row.Basis)
			}
		},
	}.question(),
	spec[graph.SeatsReport]{
		name: "seats", help: "vacant seats, organs without a chair, people holding many seats",
		flags: func(fs *flag.FlagSet, o *askOptions) {
			organisationFlag(fs, o, true)
			fs.IntVar(&o.MinSeats, "min_seats", graph.DefaultMinSeats, "list people holding at least this many seats")
		},
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.SeatsReport, error) {
			return svc.Seats(ctx, graph.SeatsQuery{Organisation: o.Organisation, At: o.At, MinSeats: o.MinSeats})
		},
		table: func(w io.Writer, r graph.SeatsReport) {
			rep := r
			fmt.Fprintln(w, "VACANT SEAT\tORGAN\tKIND")
			for _, s := range rep.Vacant {
				fmt.Fprintf(w, "%s\t%s\t%s\n", s.Title, s.Organ.Name, s.Kind)
			}
			fmt.Fprintln(w, "\nEX OFFICIO SEAT\tORGAN\tVACANT SOURCE SEAT")
			for _, s := range rep.ExOfficioVacant {
				fmt.Fprintf(w, "%s\t%s\t%s (%s)\n", s.Title, s.Organ.Name, s.Source.Title, s.Source.Organ.Name)
			}
			fmt.Fprintln(w, "\nORGAN WITHOUT CHAIR\tKIND\tCHAIR POSTS")
			for _, o := range rep.WithoutChair {
				var posts []string
				for _, p := range o.ChairPosts {
					posts = append(posts, p.Title)
				}
				fmt.Fprintf(w, "%s\t%s\t%s\n", o.Organ.Name, o.OrganKind, strings.Join(posts, ", "))
			}
			if len(rep.HoldersNotRecorded) > 0 {
				fmt.Fprintf(w, "\n%d seat(s) with no holder recorded, where the dataset does not record holders: unknown, not vacant (-json lists them)\n", len(rep.HoldersNotRecorded))
			}
			fmt.Fprintln(w, "\nPERSON\tSEATS")
			for _, h := range rep.ManySeats {
				var seats []string
				for _, s := range h.Seats {
					seats = append(seats, s.Title+" ("+s.Organ.Name+")")
				}
				fmt.Fprintf(w, "%s\t%d: %s\n", h.Person.Name, len(h.Seats), strings.Join(seats, "; "))
			}
		},
	}.question(),
	spec[graph.FollowUpReport]{
		name: "missing-follow-ups", help: "duties with no follow-up in the period containing the year, and overdue uppdrag",
		flags: func(fs *flag.FlagSet, o *askOptions) {
			organisationFlag(fs, o, false)
			fs.IntVar(&o.Year, "year", 0, "the year (default: the year of -at)")
			basisFlag(fs, o)
		},
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.FollowUpReport, error) {
			return svc.MissingFollowUps(ctx, graph.FollowUpQuery{Organisation: o.Organisation, Year: o.Year, At: o.At, MinBasis: o.MinBasis})
		},
		table: func(w io.Writer, r graph.FollowUpReport) {
			rep := r
			fmt.Fprintln(w, "SUBJECT\tDUTY\tPERIOD END\tLAST FOLLOW-UP\tSTATUS\tSOURCE")
			for _, m := range rep.Missing {
				last := "never"
				if m.LastFollowUp != nil {
					last = m.LastFollowUp.String()
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", short(m.Subject.Name, 50), m.Duty.Per, m.PeriodEnd, last, m.Status, cite(m.Source))
			}
			for _, list := range []struct {
				title string
				rows  []graph.OverdueAssignment
			}{{"OVERDUE UPPDRAG", rep.OverdueAssignments}, {"PAST DUE, REPORT STATUS UNKNOWN", rep.PastDueUnknown}} {
				fmt.Fprintf(w, "\n%s\tGIVEN BY\tGIVEN TO\tDUE\tSOURCE\n", list.title)
				for _, a := range list.rows {
					due := a.Due.String()
					if a.DueText != "" {
						due += " (" + a.DueText + ")"
					}
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", short(a.Assignment.Name, 50), a.GivenBy.Name, a.GivenTo.Name, due, cite(a.Source))
				}
			}
		},
	}.question(),
	spec[graph.Calendar]{
		name: "calendar", help: "the governance calendar (årshjul): every dated obligation of the year, with source and basis",
		flags: func(fs *flag.FlagSet, o *askOptions) {
			organisationFlag(fs, o, true)
			fs.IntVar(&o.Year, "year", 0, "the year (default: the year of -at)")
			basisFlag(fs, o)
			fs.BoolVar(&o.ICS, "ics", false, "print iCalendar (RFC 5545) instead of a table")
		},
		run: func(ctx context.Context, svc graph.Service, o askOptions) (graph.Calendar, error) {
			return svc.Calendar(ctx, graph.CalendarQuery{Organisation: o.Organisation, Year: o.Year, At: o.At, MinBasis: o.MinBasis})
		},
		table: func(w io.Writer, c graph.Calendar) {
			fmt.Fprintln(w, "DUE	FROM	SUBJECT	WHAT	STATUS	BASIS	SOURCE")
			for _, e := range c.Entries {
				from := ""
				if e.From != nil {
					from = e.From.String()
				}
				what := ""
				switch {
				case e.Assignment != nil:
					what = "report back"
				case e.Meeting != nil:
					what = fmt.Sprintf("%s (meeting %s)", e.Duty.Action, e.Meeting.Date)
				default:
					what = e.Duty.Action
				}
				if e.DueText != "" {
					what += " – " + e.DueText
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Due, from, short(e.Subject.Name, 40), short(what, 60), e.Status, e.Basis, cite(e.Source))
			}
			if len(c.Undated) > 0 {
				fmt.Fprintln(w, "\nNO DATE IN THE SOURCES\tPER\tSUBJECT\tSOURCE")
				for _, d := range c.Undated {
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", d.Action, d.Per, short(d.Subject.Name, 40), cite(d.Source))
				}
			}
		},
		ics: ical.Write,
	}.question(),
	spec[[]graph.OversightRow]{
		name: "oversight", help: "is every nämnd, bolag, stiftelse and joint activity under the styrelse's uppsikt? gaps first",
		flags: func(fs *flag.FlagSet, o *askOptions) { organisationFlag(fs, o, false); basisFlag(fs, o) },
		run: func(ctx context.Context, svc graph.Service, o askOptions) ([]graph.OversightRow, error) {
			return graph.All(func(p graph.Page) (graph.List[graph.OversightRow], error) {
				return svc.OversightCoverage(ctx, graph.OrganisationQuery{Organisation: o.Organisation, At: o.At, MinBasis: o.MinBasis, Page: p})
			})
		},
		table: func(w io.Writer, r []graph.OversightRow) {
			fmt.Fprintln(w, "ORGAN\tKIND\tORGANISATION\tSTYRELSE\tUNDER UPPSIKT\tBASIS\tSOURCE")
			for _, row := range r {
				styrelse := "none"
				if row.Styrelse != nil {
					styrelse = row.Styrelse.Name
				}
				covered := map[string]string{graph.OversightCovered: "yes", graph.OversightNotCovered: "NO",
					graph.OversightUnknown: "unknown (not recorded)"}[row.Status]
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", row.Organ.Name, row.OrganKind, row.Organisation.Name, styrelse, covered, row.Basis, cite(row.Source))
			}
		},
	}.question(),
}

// conditionLines writes each condition on a line of its own under the row it qualifies:
// its kind, whom it names and its words.
func conditionLines(w io.Writer, conds []graph.ConditionRef) {
	for _, c := range conds {
		line := c.Kind
		if c.Ref != nil {
			line += " " + c.Ref.Name
		}
		if c.Text != "" {
			line += ": " + c.Text
		}
		fmt.Fprintf(w, "\t  condition: %s\n", line)
	}
}
