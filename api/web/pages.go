package web

import (
	"html/template"
	"net/url"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

// Link is path with the page's as-of date kept (when one was chosen) and the given
// parameters (name, value, …), so that every link of a dated page stays on that date.
func (p *page) Link(path string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	if !p.Today {
		q.Set("datum", p.AtISO)
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

type startPage struct {
	Organisations []organisationRow
}

type organisationRow struct {
	graph.Ref
	Headline *graph.Headline
}

func (h *Handler) start(c echo.Context, p *page) (string, error) {
	orgs, err := h.opts.Service.Organisations(c.Request().Context(), p.At)
	if err != nil {
		return "", err
	}
	var headlines map[string]graph.Headline
	if h.opts.Headlines != nil && p.Today {
		headlines = h.opts.Headlines()
	}
	data := startPage{}
	for _, o := range orgs {
		row := organisationRow{Ref: o}
		if hl, ok := headlines[o.ID]; ok {
			row.Headline = &hl
		}
		data.Organisations = append(data.Organisations, row)
	}
	order := swedishOrder()
	slices.SortFunc(data.Organisations, func(a, b organisationRow) int { return order(a.Name, b.Name) })
	p.Title, p.Data = "styrgraf", data
	return "start", nil
}

type searchPage struct {
	Q      string
	Total  int
	Groups []hitGroup
}

type hitGroup struct {
	Kind string // Swedish heading
	Hits []graph.SearchHit
}

func (h *Handler) search(c echo.Context, p *page) (string, error) {
	q := c.QueryParam("q")
	data := searchPage{Q: q}
	p.Title, p.Data = "Sök", &data
	if len(graph.SearchWords(q)) == 0 {
		return "search", nil
	}
	hits, err := h.opts.Service.Search(c.Request().Context(), graph.SearchQuery{Text: q, Page: graph.Page{Limit: graph.MaxLimit}})
	if err != nil {
		return "", err
	}
	data.Total = hits.Total
	p.Title = "Sök: " + q
	for _, kind := range graph.SearchKinds {
		g := hitGroup{Kind: kindLabels[kind]}
		for _, hit := range hits.Items {
			if hit.Kind == kind {
				g.Hits = append(g.Hits, hit)
			}
		}
		if len(g.Hits) > 0 {
			data.Groups = append(data.Groups, g)
		}
	}
	return "search", nil
}

type organPage struct {
	graph.OrganDetail
	Diagram   template.HTML
	Relations []relationGroup
}

// relationGroup is the relations of one kind and direction ("bereder åt", "tillsätts av").
type relationGroup struct {
	Label string
	Items []graph.RelationView
}

// groupRelations groups an organ's relations by what they say, outgoing first, each group
// and its members in Swedish order.
func groupRelations(out, in []graph.RelationView) []relationGroup {
	order := swedishOrder()
	var groups []relationGroup
	add := func(views []graph.RelationView, outgoing bool) {
		byLabel := map[string]int{}
		start := len(groups)
		for _, v := range views {
			label := relationLabel(v.Type, outgoing)
			i, ok := byLabel[label]
			if !ok {
				i, byLabel[label] = len(groups), len(groups)
				groups = append(groups, relationGroup{Label: label})
			}
			groups[i].Items = append(groups[i].Items, v)
		}
		part := groups[start:]
		slices.SortFunc(part, func(a, b relationGroup) int { return order(a.Label, b.Label) })
		for _, g := range part {
			slices.SortFunc(g.Items, func(a, b graph.RelationView) int { return order(a.Other.Name, b.Other.Name) })
		}
	}
	add(out, true)
	add(in, false)
	return groups
}

func (h *Handler) organ(c echo.Context, p *page) (string, error) {
	ctx := c.Request().Context()
	d, err := h.opts.Service.OrganDetail(ctx, c.Param("id"), p.At)
	if err != nil {
		return "", err
	}
	data := organPage{OrganDetail: d, Relations: groupRelations(d.Out, d.In)}
	if h.opts.Diagram != nil {
		// The diagram is an illustration of the page's facts: without it the page still answers.
		if svg, err := h.opts.Diagram(c.Request(), d.ID, p.At); err == nil {
			data.Diagram = template.HTML(svg) // rendered by Graphviz from escaped DOT
		} else {
			h.opts.Logger.WarnContext(ctx, "organ diagram", "organ", d.ID, "err", err)
		}
	}
	p.Title, p.Data = d.Name, data
	return "organ", nil
}

type escalationPage struct {
	ID     string
	Name   string
	Answer graph.EscalationAnswer
}

func (h *Handler) escalation(c echo.Context, p *page) (string, error) {
	id := c.Param("id")
	a, err := h.opts.Service.Escalation(c.Request().Context(), graph.EscalationQuery{ID: id, At: p.At,
		MinBasis: c.QueryParam("grund"), Page: graph.Page{Limit: graph.MaxChains}})
	if err != nil {
		return "", err
	}
	data := escalationPage{ID: id, Answer: a}
	if len(a.Items) > 0 && len(a.Items[0].Steps) > 0 {
		data.Name = a.Items[0].Steps[0].Name
	}
	p.Title, p.Data = "Eskaleringsväg: "+data.Name, data
	return "escalation", nil
}

func (h *Handler) person(c echo.Context, p *page) (string, error) {
	d, err := h.opts.Service.Person(c.Request().Context(), c.Param("id"), p.At)
	if err != nil {
		return "", err
	}
	p.Title, p.Data = d.Name, d
	return "person", nil
}

type organisationPage struct {
	graph.Ref
	Organs []graph.SubtreeOrgan
}

func (h *Handler) organisation(c echo.Context, p *page) (string, error) {
	tree, err := h.opts.Service.OrganisationGraph(c.Request().Context(), graph.OrganisationGraphQuery{Organisation: c.Param("id"), At: p.At})
	if err != nil {
		return "", err
	}
	data := organisationPage{Ref: graph.Ref{ID: c.Param("id")}, Organs: tree.Organs}
	orgs, err := h.opts.Service.Organisations(c.Request().Context(), p.At)
	if err != nil {
		return "", err
	}
	for _, o := range orgs {
		if o.ID == data.ID {
			data.Name = o.Name
		}
	}
	p.Title, p.Data = data.Name, data
	return "organisation", nil
}

// intQuery reads an optional whole number from the query string; zero when absent.
func intQuery(c echo.Context, name string) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, graph.Errorf(graph.EINVALID, "%s: want a whole number, got %q", name, v)
	}
	return n, nil
}
