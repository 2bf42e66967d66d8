package api

import (
	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

func (s *Server) handleWhoDecides(c echo.Context) error {
	topic, err := requiredParam(c, "topic")
	if err != nil {
		return err
	}
	at, err := s.at(c)
	if err != nil {
		return err
	}
	answers, err := s.store.WhoDecides(c.Request().Context(), topic, c.QueryParam("organisation"), at)
	if err != nil {
		return err
	}
	return replyPage(c, answers)
}

func (s *Server) handleMissingFollowUps(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	year, err := intParam(c, "year", at.Year(), 1, 9999)
	if err != nil {
		return err
	}
	report, err := s.store.MissingFollowUps(c.Request().Context(), c.QueryParam("organisation"), year, at)
	if err != nil {
		return err
	}
	return replyJSON(c, report)
}

func (s *Server) handleOversight(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	rows, err := s.store.OversightCoverage(c.Request().Context(), c.QueryParam("organisation"), at)
	if err != nil {
		return err
	}
	return replyPage(c, rows)
}

func (s *Server) handleStaffFunctions(c echo.Context) error {
	org, at, err := s.organisationAt(c)
	if err != nil {
		return err
	}
	rows, err := s.store.StaffFunctions(c.Request().Context(), org, at)
	if err != nil {
		return err
	}
	return replyPage(c, rows)
}

func (s *Server) handleSeats(c echo.Context) error {
	org, at, err := s.organisationAt(c)
	if err != nil {
		return err
	}
	minSeats, err := intParam(c, "min_seats", 2, 1, 1000)
	if err != nil {
		return err
	}
	report, err := s.store.Seats(c.Request().Context(), org, at, minSeats)
	if err != nil {
		return err
	}
	return replyJSON(c, report)
}

func (s *Server) handleChanges(c echo.Context) error {
	org, err := requiredParam(c, "organisation")
	if err != nil {
		return err
	}
	from, err := dateParam(c, "from", graph.Date{})
	if err != nil {
		return err
	}
	to, err := dateParam(c, "to", graph.Date{})
	if err != nil {
		return err
	}
	changes, err := s.store.Changes(c.Request().Context(), org, from, to)
	if err != nil {
		return err
	}
	return replyPage(c, changes)
}

func (s *Server) organisationAt(c echo.Context) (string, graph.Date, error) {
	org, err := requiredParam(c, "organisation")
	if err != nil {
		return "", graph.Date{}, err
	}
	at, err := s.at(c)
	return org, at, err
}

// replyPage paginates a sorted list and replies with one page.
func replyPage[T any](c echo.Context, all []T) error {
	p, err := paginate(c, all)
	if err != nil {
		return err
	}
	return replyJSON(c, p)
}
