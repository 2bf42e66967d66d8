package api

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

// FuzzPageParam: whatever ?limit= and ?cursor= hold, parsing either fails with a message
// naming the parameter or gives a page the domain accepts or refuses the same way; an
// accepted page's offset stays where offset + limit cannot overflow in a query, and its
// cursor reads back as the same offset. Committed corpus: testdata/fuzz/FuzzPageParam.
func FuzzPageParam(f *testing.F) {
	f.Add("100", cursor(200), "2024-01-31")
	f.Add("0", "", "")
	f.Add("-1", "bzotMQ", "0001-01-01")
	f.Add("1001", base64.RawURLEncoding.EncodeToString([]byte("o:9223372036854775807")), "9999-12-31")
	f.Add("+5", base64.RawURLEncoding.EncodeToString([]byte("o:+0")), "2024-02-30")
	f.Add("1e3", "%%%", " 2024-01-01")
	e := echo.New()
	f.Fuzz(func(t *testing.T, limit, cur, at string) {
		q := url.Values{"limit": {limit}, "cursor": {cur}, "at": {at}}
		c := e.NewContext(httptest.NewRequest(http.MethodGet, "/?"+q.Encode(), nil), httptest.NewRecorder())
		p, err := pageParam(c)
		if err == nil {
			err = p.Validate()
		}
		if err != nil {
			assertNamesParam(t, err, "limit", "cursor")
		} else {
			if p.Limit < 1 || p.Limit > graph.MaxLimit || p.Offset < 0 || p.Offset > graph.MaxOffset {
				t.Fatalf("accepted %+v", p)
			}
			c := e.NewContext(httptest.NewRequest(http.MethodGet, "/?cursor="+cursor(p.Offset), nil), httptest.NewRecorder())
			if back, err := pageParam(c); err != nil || back.Offset != p.Offset {
				t.Fatalf("cursor(%d) reads back as %+v, %v", p.Offset, back, err)
			}
		}
		d, err := dateParam(c, "at", graph.MustDate("2026-11-24"))
		switch {
		case err != nil:
			assertNamesParam(t, err, "at")
		case at != "" && d.String() != at:
			// Only YYYY-MM-DD is a date: no other spelling is read as some day.
			t.Fatalf("at=%q read as %s", at, d)
		case d.IsZero() || d.Year() < graph.MinYear:
			t.Fatalf("at=%q read as %v", at, d.Time)
		}
	})
}

// assertNamesParam fails unless err is EINVALID and its message begins with one of names.
func assertNamesParam(t *testing.T, err error, names ...string) {
	t.Helper()
	if code := graph.ErrorCode(err); code != graph.EINVALID {
		t.Fatalf("%s error %v; want %s", code, err, graph.EINVALID)
	}
	msg := graph.ErrorMessage(err)
	for _, n := range names {
		if strings.HasPrefix(msg, n+":") || strings.HasPrefix(msg, n+" ") {
			return
		}
	}
	t.Fatalf("%q names none of %v", msg, names)
}

// FuzzQueryString sends any query string to every GET route of the API (with the fake
// store, which validates every query as the real one does). An answer is 200, 304 or
// a problem: 400 whose detail begins with a parameter the route documents (so the OpenAPI
// document covers what the handler reads), 404 for an unknown id, or 503 where the fake
// server has no renderer (diagrams). Never 500. Committed corpus:
// testdata/fuzz/FuzzQueryString.
func FuzzQueryString(f *testing.F) {
	f.Add(uint8(4), "q=budget&kind=organ,Post&limit=2&cursor="+cursor(1))
	f.Add(uint8(10), "organisation=vgr&from=2024-01-01&to=2023-01-01")
	f.Add(uint8(8), "organisation=vgr&year=99999&basis=stated")
	f.Add(uint8(13), "organisation=vgr&min_seats=0&at=2024-13-01")
	f.Add(uint8(5), "at=2024-01-01&limit=1000000000000000000000")
	f.Add(uint8(20), "depth=11")
	f.Add(uint8(6), "cursor="+base64.RawURLEncoding.EncodeToString([]byte("o:2147483649"))+"&basis=none")
	f.Add(uint8(9), "topic=%00%ff&at=&organisation=")
	svc := &fakeService{hits: []graph.SearchHit{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		organs: map[string]graph.OrganDetail{"rs": {ID: "rs", Name: "Regionstyrelsen"}}}
	s := fakeServer(f, svc, false)
	var gets []route
	for _, r := range s.routes() {
		if r.method == http.MethodGet && r.role != 0 {
			gets = append(gets, r)
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, rawQuery string) {
		r := gets[int(which)%len(gets)]
		target := strings.ReplaceAll(r.path, ":id", "rs")
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.URL.RawQuery = rawQuery
		// The admin token reaches every route: the parameters are under test, not the roles.
		req.Header.Set("Authorization", "Bearer "+adminToken)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		switch code := rec.Code; {
		case code == http.StatusOK:
			var l struct {
				NextCursor string `json:"next_cursor"`
			}
			if strings.HasPrefix(rec.Header().Get("Content-Type"), mimeJSON) && json.Unmarshal(rec.Body.Bytes(), &l) == nil && l.NextCursor != "" {
				b, _ := base64.RawURLEncoding.DecodeString(l.NextCursor)
				if n, err := strconv.Atoi(strings.TrimPrefix(string(b), "o:")); err != nil || n > graph.MaxOffset {
					t.Fatalf("%s?%s: next_cursor %q", target, rawQuery, l.NextCursor)
				}
			}
		case code == http.StatusNotFound || code == http.StatusServiceUnavailable && r.tag == "diagrams":
		case code == http.StatusBadRequest:
			var p problem
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%s?%s: 400 without problem+json: %s", target, rawQuery, rec.Body)
			}
			var names []string
			for _, p := range r.params {
				names = append(names, p.name)
			}
			assertNamesParam(t, graph.Errorf(graph.EINVALID, "%s", p.Detail), names...)
		default:
			t.Fatalf("%s?%s = %d: %s", target, rawQuery, code, rec.Body)
		}
	})
}

// A zero that in Go means "the default" is a mistake when a client writes it.
func TestExplicitZeroIsRefused(t *testing.T) {
	s := fakeServer(t, &fakeService{}, false)
	for _, target := range []string{"/api/v1/search?q=a&limit=0", "/api/v1/questions/missing-follow-ups?year=0", "/api/v1/questions/calendar?organisation=x&year=0"} {
		resp := get(t, s, target, readerToken)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s = %d, want 400", target, resp.StatusCode)
		}
	}
}
