package api

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/ical"
	"github.com/styrgraf/styrgraf/graph"
)

func (s *Server) handleWhoDecides(c echo.Context) error {
	q := graph.WhoDecidesQuery{Topic: c.QueryParam("topic"), Organisation: c.QueryParam("organisation"), MinBasis: c.QueryParam("basis")}
	var err error
	if q.At, q.Page, err = s.atAndPage(c); err != nil {
		return err
	}
	a, err := s.service.WhoDecides(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, a, whoDecidesPage{page: pageOf(a.List, q.Page), Related: a.Related, NothingMatched: a.NothingMatched, Organisation: a.Organisation})
}

// whoDecidesPage is a page of decisions; without any, the organs and topics that matched.
type whoDecidesPage struct {
	page[graph.Decision]
	Related        []graph.SearchHit `json:"related,omitempty"`
	NothingMatched bool              `json:"nothing_matched"`
	Organisation   string            `json:"organisation,omitempty"`
}

func (s *Server) handleMissingFollowUps(c echo.Context) error {
	q := graph.FollowUpQuery{Organisation: c.QueryParam("organisation"), MinBasis: c.QueryParam("basis")}
	var err error
	if q.At, err = s.at(c); err != nil {
		return err
	}
	if q.Year, err = yearParam(c); err != nil {
		return err
	}
	report, err := s.service.MissingFollowUps(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, report, report)
}

// calendarQuery reads the calendar's parameters: organisation, year (default: at's year),
// at and basis.
func (s *Server) calendarQuery(c echo.Context) (graph.CalendarQuery, error) {
	q := graph.CalendarQuery{Organisation: c.QueryParam("organisation"), MinBasis: c.QueryParam("basis")}
	var err error
	if q.At, err = s.at(c); err != nil {
		return q, err
	}
	q.Year, err = yearParam(c)
	return q, err
}

// calendar answers the calendar question the request asks.
func (s *Server) calendar(c echo.Context) (graph.Calendar, error) {
	q, err := s.calendarQuery(c)
	if err != nil {
		return graph.Calendar{}, err
	}
	return s.service.Calendar(c.Request().Context(), q)
}

func (s *Server) handleCalendar(c echo.Context) error {
	cal, err := s.calendar(c)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, cal, cal)
}

func (s *Server) handleCalendarICS(c echo.Context) error {
	cal, err := s.calendar(c)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`inline; filename="arshjul-%s-%d.ics"`, cal.Organisation.ID, cal.Year))
	return reply(c, mimeICS, ical.Write(cal))
}

func (s *Server) handleOversight(c echo.Context) error {
	q := graph.OrganisationQuery{Organisation: c.QueryParam("organisation"), MinBasis: c.QueryParam("basis")}
	var err error
	if q.At, q.Page, err = s.atAndPage(c); err != nil {
		return err
	}
	rows, err := s.service.OversightCoverage(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, rows, pageOf(rows, q.Page))
}

func (s *Server) handleStaffFunctions(c echo.Context) error {
	q := graph.OrganisationQuery{Organisation: c.QueryParam("organisation"), MinBasis: c.QueryParam("basis")}
	var err error
	if q.At, q.Page, err = s.atAndPage(c); err != nil {
		return err
	}
	rows, err := s.service.StaffFunctions(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, rows, pageOf(rows, q.Page))
}

func (s *Server) handleSeats(c echo.Context) error {
	q := graph.SeatsQuery{Organisation: c.QueryParam("organisation")}
	var err error
	if q.At, err = s.at(c); err != nil {
		return err
	}
	if q.MinSeats, err = intParam(c, "min_seats", graph.DefaultMinSeats); err != nil {
		return err
	}
	report, err := s.service.Seats(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, report, report)
}

func (s *Server) handleChanges(c echo.Context) error {
	q := graph.ChangesQuery{Organisation: c.QueryParam("organisation")}
	var err error
	if q.From, err = dateParam(c, "from", graph.Date{}); err != nil {
		return err
	}
	if q.To, err = dateParam(c, "to", graph.Date{}); err != nil {
		return err
	}
	if q.Page, err = pageParam(c); err != nil {
		return err
	}
	changes, err := s.service.Changes(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return s.replyAnswer(c, changes, pageOf(changes, q.Page))
}

// atAndPage reads the as-of date and the page, which most list questions take.
func (s *Server) atAndPage(c echo.Context) (graph.Date, graph.Page, error) {
	at, err := s.at(c)
	if err != nil {
		return at, graph.Page{}, err
	}
	p, err := pageParam(c)
	return at, p, err
}
