package api

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

func (s *Server) handleOrgan(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	d, err := s.service.OrganDetail(c.Request().Context(), c.Param("id"), at)
	if err != nil {
		return err
	}
	return replyJSON(c, d)
}

func (s *Server) handleEscalation(c echo.Context) error {
	q := graph.EscalationQuery{ID: c.Param("id"), MinBasis: c.QueryParam("basis")}
	var err error
	if q.At, q.Page, err = s.atAndPage(c); err != nil {
		return err
	}
	a, err := s.service.Escalation(c.Request().Context(), q)
	if err != nil {
		return err
	}
	out := pageOf(a.List, q.Page)
	out.Truncated = a.Truncated
	return s.replyAnswer(c, a, out)
}

func (s *Server) handlePerson(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	p, err := s.service.Person(c.Request().Context(), c.Param("id"), at)
	if err != nil {
		return err
	}
	return replyJSON(c, p)
}

func (s *Server) handleSearch(c echo.Context) error {
	q := graph.SearchQuery{Text: c.QueryParam("q"), Organisation: c.QueryParam("organisation")}
	for _, k := range c.QueryParams()["kind"] {
		q.Kinds = append(q.Kinds, strings.Split(k, ",")...)
	}
	var err error
	if q.Page, err = pageParam(c); err != nil {
		return err
	}
	hits, err := s.service.Search(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return replyList(c, hits, q.Page)
}

func (s *Server) handleOrganisations(c echo.Context) error {
	at, err := s.at(c)
	if err != nil {
		return err
	}
	orgs, err := s.service.Organisations(c.Request().Context(), at)
	if err != nil {
		return err
	}
	return replyJSON(c, orgs)
}
