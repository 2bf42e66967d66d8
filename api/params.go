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

func intParam(c echo.Context, name string, def, min, max int) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, graph.Errorf(graph.EINVALID, "%s: want a whole number from %d to %d, got %q", name, min, max, v)
	}
	return n, nil
}

func requiredParam(c echo.Context, name string) (string, error) {
	v := strings.TrimSpace(c.QueryParam(name))
	if v == "" {
		return "", graph.Errorf(graph.EINVALID, "%s: required", name)
	}
	return v, nil
}

// Pagination of lists: ?limit= (default 100, at most 1000) and ?cursor= (opaque, from the
// previous page's next_cursor). Lists come sorted from the queries, so an offset is stable
// for the same data and date.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// page is a paginated list.
type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
	Total      int    `json:"total"`
}

func paginate[T any](c echo.Context, all []T) (page[T], error) {
	limit, err := intParam(c, "limit", defaultLimit, 1, maxLimit)
	if err != nil {
		return page[T]{}, err
	}
	offset := 0
	if cur := c.QueryParam("cursor"); cur != "" {
		b, err := base64.RawURLEncoding.DecodeString(cur)
		n, convErr := strconv.Atoi(strings.TrimPrefix(string(b), "o:"))
		if err != nil || convErr != nil || !strings.HasPrefix(string(b), "o:") || n < 0 {
			return page[T]{}, graph.Errorf(graph.EINVALID, "cursor: not a cursor this API gave out")
		}
		offset = n
	}
	p := page[T]{Items: []T{}, Total: len(all)}
	if offset < len(all) {
		end := min(offset+limit, len(all))
		p.Items = all[offset:end]
		if end < len(all) {
			p.NextCursor = base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(end)))
		}
	}
	return p, nil
}

// cacheControl lets reports and proxies keep an answer briefly and revalidate it cheaply
// with the ETag.
const cacheControl = "public, max-age=60"

// reply writes body with a strong ETag over its bytes, answering 304 when the client already
// has it. The same graph on the same date gives the same bytes, hence the same ETag.
func reply(c echo.Context, contentType string, body []byte) error {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, contentType)
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
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
