package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

// Logging in: the user gives the same bearer token the API takes; it is kept in an HttpOnly,
// SameSite=Strict cookie (Secure over TLS), so the browser sends it only to styrgraf's own
// pages and scripts cannot read it. Forms that change data carry a CSRF token derived from
// the session's token with a key that lives only in this process.

const sessionCookie = auth.SessionCookie

// errLogin says the page needs a logged-in user.
var errLogin = errors.New("login required")

// role is the role of the session's token, if any.
func (h *Handler) role(c echo.Context) (auth.Role, bool) {
	id := h.identity(c)
	return id.Role, id.Role != auth.RolePublic
}

// identity is who the session's token stands for (no name, role public, without one).
func (h *Handler) identity(c echo.Context) auth.Identity {
	ck, err := c.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return auth.Identity{}
	}
	id, _ := h.opts.Tokens.Identify(ck.Value)
	return id
}

// allowed checks that the session may see a page of role min: demo mode lets reads through,
// others log in first.
func (h *Handler) allowed(c echo.Context, p *page, min auth.Role) error {
	switch {
	case min == auth.RolePublic || p.Role >= min:
		return nil
	case min == auth.RoleReader && h.opts.Demo:
		return nil
	case p.Role == auth.RolePublic:
		return errLogin
	}
	return graph.Errorf(graph.EFORBIDDEN, "this page needs role %s", min)
}

type loginPage struct {
	Next  string
	Error string
}

func (h *Handler) loginForm(c echo.Context, p *page) (string, error) {
	p.Title, p.Data = "Logga in", loginPage{Next: safeNext(c.QueryParam("nasta"))}
	return "login", nil
}

func (h *Handler) login(c echo.Context, p *page) (string, error) {
	token := strings.TrimSpace(c.FormValue("token"))
	next := safeNext(c.FormValue("nasta"))
	if _, ok := h.opts.Tokens.Role(token); !ok {
		p.Title, p.Data = "Logga in", loginPage{Next: next, Error: "Nyckeln stämmer inte. Kontrollera att du klistrat in hela nyckeln."}
		c.Response().WriteHeader(http.StatusUnauthorized)
		return "login", nil
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: c.IsTLS()})
	if err := c.Redirect(http.StatusSeeOther, next); err != nil {
		return "", err
	}
	return "", errRedirected
}

func (h *Handler) logout(c echo.Context, p *page) (string, error) {
	if !h.csrf.valid(c, c.FormValue("csrf")) {
		return "", graph.Errorf(graph.EFORBIDDEN, "the form is out of date")
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: c.IsTLS()})
	if err := c.Redirect(http.StatusSeeOther, "/"); err != nil {
		return "", err
	}
	return "", errRedirected
}

// safeNext keeps a redirect target on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}

// csrfKey signs CSRF tokens; a new one each start (forms older than the process fail).
type csrfKey []byte

func newCSRFKey() csrfKey {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		panic(err) // the system's randomness is broken; nothing is safe then
	}
	return k
}

// token is the CSRF token of the request's session ("" without one).
func (k csrfKey) token(c echo.Context) string {
	ck, err := c.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return ""
	}
	m := hmac.New(sha256.New, k)
	m.Write([]byte(ck.Value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (k csrfKey) valid(c echo.Context, got string) bool {
	want := k.token(c)
	return want != "" && subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}
