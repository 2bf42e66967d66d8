package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

func TestTranslate(t *testing.T) {
	neo := func(code string) error { return &neo4j.Neo4jError{Code: code, Msg: "message from Neo4j"} }
	conn := &neo4j.ConnectivityError{Inner: errors.New("Timeout while waiting for connection")}
	for _, c := range []struct {
		name string
		err  error
		code string
	}{
		{"domain error kept", graph.Errorf(graph.ENOTFOUND, "no item"), graph.ENOTFOUND},
		{"constraint", neo("Neo.ClientError.Schema.ConstraintValidationFailed"), graph.ECONFLICT},
		{"credentials", neo("Neo.ClientError.Security.Unauthorized"), graph.EUNAVAILABLE},
		{"no database", neo("Neo.ClientError.Database.DatabaseNotFound"), graph.EUNAVAILABLE},
		{"transient", neo("Neo.TransientError.General.DatabaseUnavailable"), graph.EUNAVAILABLE},
		{"server tx time-out", neo("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"), graph.EUNAVAILABLE},
		{"syntax error", neo("Neo.ClientError.Statement.SyntaxError"), graph.EINTERNAL},
		{"type error", neo("Neo.ClientError.Statement.TypeError"), graph.EINTERNAL},
		{"connectivity", conn, graph.EUNAVAILABLE},
		{"wrapped connectivity", fmt.Errorf("reading: %w", conn), graph.EUNAVAILABLE},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, graph.EUNAVAILABLE},
		{"bare errno", fmt.Errorf("dial: %w", syscall.ECONNRESET), graph.EUNAVAILABLE},
		{"EOF", io.EOF, graph.EUNAVAILABLE},
		{"retries exhausted on connectivity", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{neo("Neo.ClientError.Statement.SyntaxError"), conn}}, graph.EUNAVAILABLE},
		{"retries exhausted on a bug", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{conn, neo("Neo.ClientError.Statement.SyntaxError")}}, graph.EINTERNAL},
		{"driver misuse", &neo4j.UsageError{Message: "Result contains no more records"}, graph.EINTERNAL},
		{"decoding", errors.New("column n: expected value to have type string but found type int64"), graph.EINTERNAL},
		{"unknown", errors.New("something else"), graph.EINTERNAL},
		{"deadline", context.DeadlineExceeded, graph.EUNAVAILABLE},
	} {
		err := translate("op", c.err)
		if got := graph.ErrorCode(err); got != c.code {
			t.Errorf("%s: translate(%v) = %v, code %q, want %q", c.name, c.err, err, got, c.code)
		}
		// After retries, the last attempt's error is the cause.
		cause := c.err
		var limit *neo4j.TransactionExecutionLimit
		if errors.As(cause, &limit) {
			cause = limit.Errors[len(limit.Errors)-1]
		}
		if !errors.Is(err, cause) {
			t.Errorf("%s: translate(%v) = %v lost its cause", c.name, c.err, err)
		}
		if c.code == graph.EINTERNAL && strings.Contains(graph.ErrorMessage(err), "unreachable") {
			t.Errorf("%s: internal error says %q", c.name, graph.ErrorMessage(err))
		}
	}
}

func TestTranslateCanceled(t *testing.T) {
	for _, err := range []error{context.Canceled, fmt.Errorf("tx: %w", context.Canceled)} {
		got := translate("op", err)
		if !errors.Is(got, context.Canceled) || graph.ErrorCode(got) == graph.EUNAVAILABLE {
			t.Errorf("translate(%v) = %v (code %q), want context.Canceled, not EUNAVAILABLE", err, got, graph.ErrorCode(got))
		}
	}
}

// The driver reports a context that ended mid-read as a connectivity error that hides the
// context's error; translateCtx restores it.
func TestTranslateCtx(t *testing.T) {
	hidden := &neo4j.ConnectivityError{Inner: errors.New("Reading from connection has been canceled")}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := translateCtx(ctx, "op", hidden)
	if !errors.Is(err, context.Canceled) || graph.ErrorCode(err) == graph.EUNAVAILABLE {
		t.Errorf("cancelled: %v (code %q), want context.Canceled, not EUNAVAILABLE", err, graph.ErrorCode(err))
	}

	ctx, cancel = context.WithTimeout(context.Background(), 0)
	defer cancel()
	err = translateCtx(ctx, "op", hidden)
	if !errors.Is(err, context.DeadlineExceeded) || graph.ErrorCode(err) != graph.EUNAVAILABLE ||
		!strings.Contains(graph.ErrorMessage(err), "did not answer in time") {
		t.Errorf("deadline: %v (code %q), want EUNAVAILABLE did not answer in time", err, graph.ErrorCode(err))
	}

	if err := translateCtx(context.Background(), "op", hidden); graph.ErrorCode(err) != graph.EUNAVAILABLE || errors.Is(err, context.Canceled) {
		t.Errorf("live context: %v, want EUNAVAILABLE", err)
	}
	if err := translateCtx(context.Background(), "op", nil); err != nil {
		t.Errorf("nil error: %v", err)
	}
}

func TestEdgeRejectsWrongShapes(t *testing.T) {
	good := map[string]any{"type": "PART_OF", "id": "a", "label": nil, "props": map[string]any{"x": int64(1)}}
	if e, err := edge(good); err != nil || e.Type != "PART_OF" || e.ID != "a" || e.Label != "" || e.Props["x"] != int64(1) {
		t.Errorf("edge(%v) = %+v, %v", good, e, err)
	}
	for _, v := range []any{
		"not a map",
		map[string]any{"id": "a", "label": "Organ"},
		map[string]any{"type": "PART_OF", "id": int64(1), "label": "Organ"},
		map[string]any{"type": "PART_OF", "id": "a", "label": int64(2)},
	} {
		_, err := edge(v)
		if err == nil {
			t.Errorf("edge(%v): no error", v)
			continue
		}
		if got := graph.ErrorCode(translate("query item", err)); got != graph.EINTERNAL {
			t.Errorf("edge(%v) = %v, translated code %q, want EINTERNAL", v, err, got)
		}
	}
}

func TestSchemaObject(t *testing.T) {
	for stmt, want := range map[string]string{
		"CREATE CONSTRAINT organ_id IF NOT EXISTS FOR (n:Organ) REQUIRE n.id IS UNIQUE":   "constraint organ_id",
		"CREATE FULLTEXT INDEX search_sv IF NOT EXISTS\n  FOR (n:Organ) ON EACH [n.name]": "index search_sv",
	} {
		if got := schemaObject(stmt); got != want {
			t.Errorf("schemaObject(%q) = %q, want %q", stmt, got, want)
		}
	}
}
