package api

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) handleOrgan(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	d, err := s.store.OrganDetail(c.Request().Context(), c.Param("id"), at)
	if err != nil {
		return err
	}
	return replyJSON(c, d)
}

func (s *Server) handleEscalation(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	chains, err := s.store.Escalation(c.Request().Context(), c.Param("id"), at)
	if err != nil {
		return err
	}
	return replyPage(c, chains)
}

func (s *Server) handlePerson(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	p, err := s.store.Person(c.Request().Context(), c.Param("id"), at)
	if err != nil {
		return err
	}
	return replyJSON(c, p)
}

func (s *Server) handleSearch(c echo.Context) error {
	q, err := requiredParam(c, "q")
	if err != nil {
		return err
	}
	hits, err := s.store.Search(c.Request().Context(), q, 0)
	if err != nil {
		return err
	}
	return replyPage(c, hits)
}

func (s *Server) handleOrganisations(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	orgs, err := s.store.Organisations(c.Request().Context(), at)
	if err != nil {
		return err
	}
	return replyJSON(c, orgs)
}
