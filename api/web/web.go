// Package web is styrgraf's web interface in Swedish, for HR, regionkontoret and revisorer:
// server-rendered pages (html/template) over the same graph services the JSON API uses, with
// templates and assets embedded in the binary and no front-end build. Every page works
// without JavaScript, takes the as-of date ("Per datum", ?datum=) in its URL so that it can
// be pasted into a report, and says errors and empty answers in plain Swedish.
package web

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options are the web interface's dependencies, given by the API server that mounts it.
type Options struct {
	Service  graph.Service
	Importer graph.Importer // nil: no import page
	Tokens   auth.Tokens
	// Demo lets reads through without logging in (make run).
	Demo bool
	// Today is the default as-of date.
	Today func() graph.Date
	// StatusOf is the HTTP status of an error: the API's one mapping of error codes.
	StatusOf func(error) int
	Logger   *slog.Logger
	// Headlines gives each organisation's figures for the start page (the governance
	// gauges' last refresh); nil: none shown.
	Headlines func() map[string]graph.Headline
	// Diagram renders an organ's diagram as SVG for inline display; nil: no inline diagram.
	Diagram func(r *http.Request, organ string, at graph.Date) ([]byte, error)
}

// Handler serves the pages.
type Handler struct {
	opts  Options
	pages map[string]*template.Template
	csrf  csrfKey
}

// New parses the templates; it fails only on a broken template, which tests catch.
func New(opts Options) (*Handler, error) {
	if opts.Today == nil {
		opts.Today = graph.Today
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	h := &Handler{opts: opts, pages: map[string]*template.Template{}, csrf: newCSRFKey()}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, name)
		if err != nil {
			return nil, err
		}
		h.pages[base] = t
	}
	return h, nil
}

// Register adds the pages to e, each reached at its Swedish path.
func (h *Handler) Register(e *echo.Echo) {
	static, _ := fs.Sub(staticFS, "static")
	e.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", http.FileServer(http.FS(static)))))
	read := func(path string, fn handlerFunc) { e.GET(path, h.serve(auth.RoleReader, fn)) }
	read("/", h.start)
	read("/sok", h.search)
	read("/organisationer/:id", h.organisation)
	read("/organ/:id", h.organ)
	read("/organ/:id/eskalering", h.escalation)
	read("/personer/:id", h.person)
	read("/fragor/vem-beslutar", h.whoDecides)
	read("/fragor/uppsikt", h.oversight)
	read("/fragor/uppfoljning", h.followUps)
	read("/fragor/arshjul", h.calendar)
	read("/fragor/stabsfunktioner", h.staffFunctions)
	e.GET("/fragor/stabsfunktioner.csv", h.serveRaw(auth.RoleReader, h.staffFunctionsCSV))
	read("/fragor/platser", h.seats)
	read("/fragor/forandringar", h.changes)
	e.GET("/logga-in", h.serve(auth.RolePublic, h.loginForm))
	e.POST("/logga-in", h.serve(auth.RolePublic, h.login))
	e.POST("/logga-ut", h.serve(auth.RolePublic, h.logout))
	e.GET("/import", h.serve(auth.RoleEditor, h.importForm))
	e.POST("/import", h.serve(auth.RoleEditor, h.importFiles))
}

// page is what every template gets: the layout's needs and the page's own data.
type page struct {
	Title   string
	Path    string
	Query   url.Values
	At      graph.Date // the as-of date asked for, or today
	AtISO   string
	Today   bool // At is today (no ?datum=)
	Role    auth.Role
	Demo    bool
	CSRF    string
	Data    any
	Created time.Time
}

// handlerFunc serves one page: it fills p (Title, Data) and returns the template to render,
// or an error, which becomes a Swedish error page.
type handlerFunc func(c echo.Context, p *page) (string, error)

// serve checks the role, reads the as-of date, runs fn and renders its template.
func (h *Handler) serve(min auth.Role, fn handlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := &page{Path: c.Request().URL.Path, Query: c.Request().URL.Query(), Demo: h.opts.Demo, Created: time.Now()}
		p.Role, _ = h.role(c)
		p.CSRF = h.csrf.token(c)
		if err := h.allowed(c, p, min); err != nil {
			return h.renderError(c, p, err)
		}
		at, err := h.at(c)
		if err != nil {
			return h.renderError(c, p, err)
		}
		p.At, p.AtISO, p.Today = at, at.String(), c.QueryParam("datum") == ""
		name, err := fn(c, p)
		if err != nil {
			if errors.Is(err, errRedirected) {
				return nil
			}
			return h.renderError(c, p, err)
		}
		return h.render(c, http.StatusOK, name, p)
	}
}

// serveRaw is serve for answers that are not pages (CSV).
func (h *Handler) serveRaw(min auth.Role, fn echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := &page{Path: c.Request().URL.Path, Query: c.Request().URL.Query()}
		p.Role, _ = h.role(c)
		if err := h.allowed(c, p, min); err != nil {
			return h.renderError(c, p, err)
		}
		if err := fn(c); err != nil {
			return h.renderError(c, p, err)
		}
		return nil
	}
}

// errRedirected says the handler has answered with a redirect.
var errRedirected = errors.New("redirected")

func (h *Handler) render(c echo.Context, status int, name string, p *page) error {
	t, ok := h.pages[name]
	if !ok {
		return graph.Errorf(graph.EINTERNAL, "no template %q", name)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout.html", p); err != nil {
		return err
	}
	c.Response().Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'")
	return c.HTMLBlob(status, b.Bytes())
}

// at reads ?datum= (YYYY-MM-DD), today if absent.
func (h *Handler) at(c echo.Context) (graph.Date, error) {
	v := c.QueryParam("datum")
	if v == "" {
		return h.opts.Today(), nil
	}
	d, err := graph.ParseDate(v)
	if err != nil {
		return d, graph.Errorf(graph.EINVALID, "Datumet %q går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-12-02.", v)
	}
	return d, nil
}

// errorPage is the data of the error template.
type errorPage struct {
	Status  int
	Heading string
	Message string
	Next    string
}

// renderError answers an error as a Swedish page that says what to do next. Messages of
// invalid input are shown (the domain's, in English, with a Swedish heading); others are not.
func (h *Handler) renderError(c echo.Context, p *page, err error) error {
	status := http.StatusInternalServerError
	if h.opts.StatusOf != nil {
		status = h.opts.StatusOf(err)
	}
	if errors.Is(err, errLogin) {
		return c.Redirect(http.StatusSeeOther, "/logga-in?nasta="+url.QueryEscape(c.Request().URL.RequestURI()))
	}
	e := errorPage{Status: status}
	switch status {
	case http.StatusBadRequest:
		e.Heading, e.Message, e.Next = "Något i frågan går inte att läsa", graph.ErrorMessage(err), "Ändra fältet och försök igen."
	case http.StatusNotFound:
		e.Heading, e.Message, e.Next = "Det finns inte", graph.ErrorMessage(err), "Sök efter namnet på startsidan, eller byt datum: det kanske inte fanns den dagen."
	case http.StatusForbidden:
		e.Heading, e.Message, e.Next = "Du har inte behörighet", "Din roll räcker inte för den här sidan.", "Logga in med en behörighet som redaktör om du ska importera data."
	case http.StatusServiceUnavailable:
		e.Heading, e.Message, e.Next = "Databasen svarar inte just nu", "styrgraf når inte Neo4j.", "Försök igen om en stund."
	case http.StatusUnprocessableEntity:
		e.Heading, e.Message, e.Next = "Svaret blir för stort", graph.ErrorMessage(err), "Avgränsa frågan."
	case http.StatusRequestEntityTooLarge:
		e.Heading, e.Message, e.Next = "Filerna är för stora", graph.ErrorMessage(err), "Dela upp datamängden i flera filer och importera dem var för sig."
	default:
		status = http.StatusInternalServerError
		e.Status = status
		e.Heading, e.Message, e.Next = "Något gick fel", "Ett oväntat fel inträffade.", "Försök igen; kvarstår felet, kontakta förvaltaren av styrgraf."
		h.opts.Logger.ErrorContext(c.Request().Context(), "page failed", "path", c.Request().URL.Path, "err", err)
	}
	p.Title, p.Data = e.Heading, e
	return h.render(c, status, "error", p)
}
