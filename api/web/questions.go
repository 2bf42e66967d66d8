package web

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

// Each question is a page with a form whose answer is the page itself, at a URL that can be
// shared; the form fields are the query parameters, so the page works without JavaScript.

// questionForm is what the question pages' forms show back.
type questionForm struct {
	Organisations []graph.Ref
	Organisation  string
	Basis         string
}

func (h *Handler) form(c echo.Context, p *page) (questionForm, error) {
	orgs, err := h.opts.Service.Organisations(c.Request().Context(), p.At)
	return questionForm{Organisations: orgs, Organisation: c.QueryParam("organisation"), Basis: c.QueryParam("grund")}, err
}

type whoDecidesPage struct {
	questionForm
	Topic  string
	Answer *graph.WhoDecidesAnswer
}

func (h *Handler) whoDecides(c echo.Context, p *page) (string, error) {
	f, err := h.form(c, p)
	if err != nil {
		return "", err
	}
	data := whoDecidesPage{questionForm: f, Topic: c.QueryParam("amne")}
	p.Title, p.Data = "Vem beslutar om …?", &data
	if len(graph.SearchWords(data.Topic)) == 0 {
		return "who-decides", nil
	}
	a, err := h.opts.Service.WhoDecides(c.Request().Context(), graph.WhoDecidesQuery{Topic: data.Topic, Organisation: f.Organisation,
		At: p.At, MinBasis: f.Basis, Page: graph.Page{Limit: graph.MaxLimit}})
	if err != nil {
		return "", err
	}
	data.Answer = &a
	p.Title = "Vem beslutar om " + data.Topic + "?"
	return "who-decides", nil
}

type listPage[T any] struct {
	questionForm
	Rows  []T
	Asked bool
}

func (h *Handler) oversight(c echo.Context, p *page) (string, error) {
	f, err := h.form(c, p)
	if err != nil {
		return "", err
	}
	data := listPage[graph.OversightRow]{questionForm: f, Asked: f.Organisation != ""}
	p.Title, p.Data = "Uppsiktsplikt", &data
	if !data.Asked {
		return "oversight", nil
	}
	data.Rows, err = graph.All(func(pg graph.Page) (graph.List[graph.OversightRow], error) {
		return h.opts.Service.OversightCoverage(c.Request().Context(), graph.OrganisationQuery{Organisation: f.Organisation, At: p.At, MinBasis: f.Basis, Page: pg})
	})
	return "oversight", err
}

type followUpPage struct {
	questionForm
	Year   int
	Report *graph.FollowUpReport
}

func (h *Handler) followUps(c echo.Context, p *page) (string, error) {
	f, year, err := h.formAndYear(c, p)
	if err != nil {
		return "", err
	}
	data := followUpPage{questionForm: f, Year: year}
	p.Title, p.Data = "Saknad uppföljning", &data
	if f.Organisation == "" {
		return "follow-ups", nil
	}
	r, err := h.opts.Service.MissingFollowUps(c.Request().Context(), graph.FollowUpQuery{Organisation: f.Organisation, Year: year, At: p.At, MinBasis: f.Basis})
	if err != nil {
		return "", err
	}
	data.Report, data.Year = &r, r.Year
	return "follow-ups", nil
}

// formAndYear reads a question's form and its year (?ar=; 0 for the as-of date's year).
func (h *Handler) formAndYear(c echo.Context, p *page) (questionForm, int, error) {
	f, err := h.form(c, p)
	if err != nil {
		return f, 0, err
	}
	year, err := intQuery(c, "ar")
	return f, year, err
}

type calendarPage struct {
	questionForm
	Year     int
	Calendar *graph.Calendar
	FeedAt   string // the feed's at: empty for today, so that a subscription keeps up with time
}

// calendar is the årshjul: every dated obligation of the organisation's year.
func (h *Handler) calendar(c echo.Context, p *page) (string, error) {
	f, year, err := h.formAndYear(c, p)
	if err != nil {
		return "", err
	}
	data := calendarPage{questionForm: f, Year: year}
	if !p.Today {
		data.FeedAt = p.AtISO
	}
	p.Title, p.Data = "Årshjul", &data
	if f.Organisation == "" {
		return "calendar", nil
	}
	cal, err := h.opts.Service.Calendar(c.Request().Context(), graph.CalendarQuery{Organisation: f.Organisation, Year: year, At: p.At, MinBasis: f.Basis})
	if err != nil {
		return "", err
	}
	data.Calendar, data.Year = &cal, cal.Year
	return "calendar", nil
}

type staffPage struct {
	listPage[graph.StaffFunctionRow]
	Columns []graph.StaffFunctionColumn // every function any förvaltning is expected to have or records
}

func (h *Handler) staffRows(c echo.Context, p *page, f questionForm) ([]graph.StaffFunctionRow, error) {
	return graph.All(func(pg graph.Page) (graph.List[graph.StaffFunctionRow], error) {
		return h.opts.Service.StaffFunctions(c.Request().Context(), graph.OrganisationQuery{Organisation: f.Organisation, At: p.At, MinBasis: f.Basis, Page: pg})
	})
}

func (h *Handler) staffFunctions(c echo.Context, p *page) (string, error) {
	f, err := h.form(c, p)
	if err != nil {
		return "", err
	}
	data := staffPage{listPage: listPage[graph.StaffFunctionRow]{questionForm: f, Asked: f.Organisation != ""}}
	p.Title, p.Data = "Stabsfunktioner", &data
	if !data.Asked {
		return "staff-functions", nil
	}
	data.Rows, err = h.staffRows(c, p, f)
	data.Columns = graph.StaffFunctionColumns(data.Rows)
	return "staff-functions", err
}

// staffFunctionsCSV is the stabsfunktioner matrix for a spreadsheet: a row per förvaltning,
// its staff profiles and the functions they expect, a column per function any förvaltning
// has or is expected to have (FTE with a decimal comma, as Swedish spreadsheets expect; empty
// where the förvaltning neither has nor is expected to have it), the total and the gaps.
func (h *Handler) staffFunctionsCSV(c echo.Context) error {
	p := &page{}
	var err error
	if p.At, err = h.at(c); err != nil {
		return err
	}
	f := questionForm{Organisation: c.QueryParam("organisation"), Basis: c.QueryParam("grund")}
	rows, err := h.staffRows(c, p, f)
	if err != nil {
		return err
	}
	columns := graph.StaffFunctionColumns(rows)
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	res.Header().Set(echo.HeaderContentDisposition, `attachment; filename="stabsfunktioner-`+f.Organisation+`-`+p.At.String()+`.csv"`)
	w := csv.NewWriter(res)
	w.Comma = ';' // Swedish spreadsheets read ';' with decimal commas
	header := []string{"förvaltning", "id", "stabsprofil", "förväntade funktioner"}
	for _, col := range columns {
		header = append(header, col.Name)
	}
	w.Write(append(header, "totalt", "luckor", "fullständigt registrerad", "grund"))
	for _, r := range rows {
		var profiles, expected []string
		for _, pr := range r.Profiles {
			profiles = append(profiles, pr.Name)
		}
		for _, fn := range r.Functions {
			if fn.Expected {
				expected = append(expected, fn.Name)
			}
		}
		rec := []string{r.Forvaltning.Name, r.Forvaltning.ID, strings.Join(profiles, ", "), strings.Join(expected, ", ")}
		for _, col := range columns {
			cell := ""
			if fn := r.Of(col.Function); fn != nil {
				cell = decimalComma(fn.FTE)
			}
			rec = append(rec, cell)
		}
		w.Write(append(rec, decimalComma(r.Total), staffGapsLabel(r), yesNo(r.Recorded), basisLabels[r.Basis]))
	}
	w.Flush()
	return w.Error()
}

// staffGapsLabel says in Swedish what a förvaltning lacks, or why nothing can be said to be
// missing.
func staffGapsLabel(r graph.StaffFunctionRow) string {
	switch r.Status {
	case graph.StaffNoExpectation:
		return "ingen stabsprofil – inget förväntas"
	case graph.StaffGapsUnknown:
		return "okänt (ej fullständigt registrerat)"
	}
	if len(r.Gaps) == 0 {
		return "inget"
	}
	return strings.Join(r.GapNames(), ", ")
}

func decimalComma(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	for i := range s {
		if s[i] == '.' {
			return s[:i] + "," + s[i+1:]
		}
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nej"
}

type seatsPage struct {
	questionForm
	Report *graph.SeatsReport
}

func (h *Handler) seats(c echo.Context, p *page) (string, error) {
	f, err := h.form(c, p)
	if err != nil {
		return "", err
	}
	data := seatsPage{questionForm: f}
	p.Title, p.Data = "Platser", &data
	if f.Organisation == "" {
		return "seats", nil
	}
	r, err := h.opts.Service.Seats(c.Request().Context(), graph.SeatsQuery{Organisation: f.Organisation, At: p.At, MinSeats: graph.DefaultMinSeats})
	if err != nil {
		return "", err
	}
	data.Report = &r
	return "seats", nil
}

type changesPage struct {
	questionForm
	From, To string
	Rows     []graph.Change
	Asked    bool
}

func (h *Handler) changes(c echo.Context, p *page) (string, error) {
	f, err := h.form(c, p)
	if err != nil {
		return "", err
	}
	data := changesPage{questionForm: f, From: c.QueryParam("fran"), To: c.QueryParam("till")}
	p.Title, p.Data = "Förändringar", &data
	if f.Organisation == "" || data.From == "" || data.To == "" {
		return "changes", nil
	}
	from, err := graph.ParseDate(data.From)
	if err != nil {
		return "", graph.Errorf(graph.EINVALID, "från: %v", err)
	}
	to, err := graph.ParseDate(data.To)
	if err != nil {
		return "", graph.Errorf(graph.EINVALID, "till: %v", err)
	}
	data.Asked = true
	data.Rows, err = graph.All(func(pg graph.Page) (graph.List[graph.Change], error) {
		return h.opts.Service.Changes(c.Request().Context(), graph.ChangesQuery{Organisation: f.Organisation, From: from, To: to, Page: pg})
	})
	return "changes", err
}
