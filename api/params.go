package api

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
)

// Request parameters. Each parser names the parameter in its error, which the error handler
// turns into a 400.

func (s *Server) at(c echo.Context) (graph.Date, error) {
	return dateParam(c, "at", s.today())
}

func dateParam(c echo.Context, name string, def graph.Date) (graph.Date, error) {
	v := c.QueryParam(name)
	if v == "" {
		if def.IsZero() {
			return def, graph.Errorf(graph.EINVALID, "%s: required (YYYY-MM-DD)", name)
		}
		return def, nil
	}
	d, err := graph.ParseDate(v)
	if err != nil {
		return d, graph.Errorf(graph.EINVALID, "%s: %v", name, err)
	}
	return d, nil
}

// intParam reads an integer parameter; its bounds are the domain's to check (package graph),
// so that every interface gives the same message.
func intParam(c echo.Context, name string, def int) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, graph.Errorf(graph.EINVALID, "%s: want a whole number, got %q", name, v)
	}
	return n, nil
}

// yearParam reads ?year=; 0, in Go the default (at's year), is a mistake when given over
// HTTP, as limit=0 is.
func yearParam(c echo.Context) (int, error) {
	year, err := intParam(c, "year", 0)
	if err == nil && year == 0 && c.QueryParam("year") != "" {
		return 0, graph.Errorf(graph.EINVALID, "year: want a whole number from %d to 9999, got 0", graph.MinYear)
	}
	return year, err
}

// pageParam reads ?limit= and ?cursor= (opaque: an offset the previous page's next_cursor
// gave out). Lists come sorted, so an offset is stable for the same data and date.
func pageParam(c echo.Context) (graph.Page, error) {
	limit, err := intParam(c, "limit", graph.DefaultLimit)
	if err != nil {
		return graph.Page{}, err
	}
	if limit == 0 {
		// In Go a zero Limit means the default; asked for over HTTP it is a mistake.
		return graph.Page{}, graph.LimitError(0)
	}
	p := graph.Page{Limit: limit}
	if cur := c.QueryParam("cursor"); cur != "" {
		b, err := base64.RawURLEncoding.DecodeString(cur)
		n, convErr := strconv.Atoi(strings.TrimPrefix(string(b), "o:"))
		if err != nil || convErr != nil || !strings.HasPrefix(string(b), "o:") || n < 0 {
			return graph.Page{}, graph.Errorf(graph.EINVALID, "cursor: not a cursor this API gave out")
		}
		p.Offset = n
	}
	return p, nil
}

// page is one page of a list as the API answers it.
type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
	Total      int    `json:"total"`
	// Truncated says that the service stopped before the whole answer (escalation chains).
	Truncated bool `json:"truncated,omitempty"`
}

// replyList answers one page of a list with the cursor of the next page, if any.
func replyList[T any](c echo.Context, l graph.List[T], p graph.Page) error {
	return replyJSON(c, pageOf(l, p))
}

// pageOf is the API's form of one page of a list.
func pageOf[T any](l graph.List[T], p graph.Page) page[T] {
	out := page[T]{Items: l.Items, Total: l.Total}
	if out.Items == nil {
		out.Items = []T{}
	}
	if l.More(p) {
		out.NextCursor = cursor(p.Offset + len(l.Items))
	}
	return out
}

// cursor is the opaque form of an offset.
func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

// cacheControl lets reports and proxies keep an answer briefly and revalidate it cheaply
// with the ETag. An answer to a request with credentials is private: "public" would let a
// shared cache hand it to anyone who asks without them (RFC 9111, 3.5).
func cacheControl(r *http.Request) string {
	if r.Header.Get(echo.HeaderAuthorization) != "" {
		return "private, max-age=60"
	}
	if _, err := r.Cookie(auth.SessionCookie); err == nil {
		return "private, max-age=60"
	}
	return "public, max-age=60"
}

// reply writes body with a strong ETag over its bytes, answering 304 when the client already
// has it. The same graph on the same date gives the same bytes, hence the same ETag.
func reply(c echo.Context, contentType string, body []byte) error {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, contentType)
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl(c.Request()))
	if match := c.Request().Header.Get("If-None-Match"); match != "" {
		for _, m := range strings.Split(match, ",") {
			if m = strings.TrimSpace(m); m == etag || m == "*" || m == "W/"+etag {
				return c.NoContent(http.StatusNotModified)
			}
		}
	}
	return c.Blob(http.StatusOK, contentType, body)
}

// replyJSON writes v as JSON through reply.
func replyJSON(c echo.Context, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return reply(c, echo.MIMEApplicationJSON, append(b, '\n'))
}
