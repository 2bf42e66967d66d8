package graph

import (
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
