package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
)

func TestErrorCodeAndMessage(t *testing.T) {
	notFound := Errorf(ENOTFOUND, "organ %q not found", "cgh")
	wrapped := fmt.Errorf("loading organ: %w", notFound)
	for _, tc := range []struct {
		err     error
		code    string
		message string
	}{
		{nil, "", "internal error"},
		{notFound, ENOTFOUND, `organ "cgh" not found`},
		{wrapped, ENOTFOUND, `organ "cgh" not found`},
		{errors.New("boom"), EINTERNAL, "internal error"},
		{&Error{Code: EUNAVAILABLE, Message: "neo4j unreachable", Err: errors.New("dial tcp")}, EUNAVAILABLE, "neo4j unreachable"},
	} {
		if got := ErrorCode(tc.err); got != tc.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tc.err, got, tc.code)
		}
		if got := ErrorMessage(tc.err); got != tc.message {
			t.Errorf("ErrorMessage(%v) = %q, want %q", tc.err, got, tc.message)
		}
	}
}

func TestDateJSON(t *testing.T) {
	b, err := json.Marshal(struct{ D Date }{MustDate("2026-11-24")})
	if err != nil || string(b) != `{"D":"2026-11-24"}` {
		t.Fatalf("json = %s, %v", b, err)
	}
	var back struct{ D Date }
	if err := json.Unmarshal(b, &back); err != nil || back.D.String() != "2026-11-24" {
		t.Fatalf("unmarshal = %v, %v", back.D, err)
	}
	if err := json.Unmarshal([]byte(`{"D":"24/11/2026"}`), &back); err == nil {
		t.Fatal("a non-ISO date was accepted")
	}
}
