package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// translate turns a driver error into a *graph.Error whose code says what the caller can do
// about it, keeping the driver error as the cause. op says what was being done.
//
// Only errors known to mean "Neo4j cannot be reached or did not answer" are EUNAVAILABLE,
// which callers retry; anything unrecognised is a bug (EINTERNAL), so that, say, a decoding
// error is not retried for ever. A cancelled context is wrapped, not converted, so callers
// can tell with errors.Is(err, context.Canceled) that their own caller went away.
func translate(op string, err error) error {
	if err == nil {
		return nil
	}
	var domain *graph.Error
	if errors.As(err, &domain) {
		return fmt.Errorf("%s: %w", op, err)
	}
	switch {
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s: %w", op, err)
	case errors.Is(err, context.DeadlineExceeded):
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j did not answer in time", Err: err}
	}
	// The driver gives up on retries with this error; what matters is the last attempt's.
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return translate(op, limit.Errors[len(limit.Errors)-1])
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		switch {
		case nerr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return &graph.Error{Code: graph.ECONFLICT, Message: op + ": " + constraintMessage(nerr.Msg), Err: err}
		case nerr.HasSecurityCode():
			// The service's own credentials were refused: an operator problem, not the user's.
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j refused styrgraf's credentials (check NEO4J_USER and NEO4J_PASSWORD)", Err: err}
		case nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": the Neo4j database does not exist (check NEO4J_DATABASE)", Err: err}
		case strings.HasPrefix(nerr.Code, "Neo.ClientError.Transaction.TransactionTimedOut"):
			// The server ended the transaction at the timeout runTx asked for (WithTxTimeout).
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j did not answer in time", Err: err}
		case strings.HasPrefix(nerr.Code, "Neo.TransientError."):
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j is temporarily unable to answer", Err: err}
		}
		return &graph.Error{Code: graph.EINTERNAL, Message: op + ": query failed", Err: err}
	}
	if unreachable(err) {
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j is unreachable", Err: err}
	}
	var usage *neo4j.UsageError
	if errors.As(err, &usage) {
		return &graph.Error{Code: graph.EINTERNAL, Message: op + ": driver misuse", Err: err}
	}
	return &graph.Error{Code: graph.EINTERNAL, Message: op + ": query failed", Err: err}
}

// unreachable reports whether err says the server could not be reached or the connection was
// lost. The driver wraps its own such failures (refused or reset connections, pool
// acquisition time-outs, routing tables that cannot be fetched, TLS handshakes, read and
// write time-outs) in *neo4j.ConnectivityError; the others are the network errors underneath
// (net.Error covers *net.OpError and syscall errnos such as ECONNREFUSED) and a connection
// closed mid-message.
func unreachable(err error) bool {
	var conn *neo4j.ConnectivityError
	var nerr net.Error
	return errors.As(err, &conn) || errors.As(err, &nerr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}

// translateCtx is translate for an error that happened while ctx was in use. The driver
// reports a context that ended mid-read as its own connectivity error, which hides
// context.Canceled and context.DeadlineExceeded from errors.Is; this puts them back.
func translateCtx(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		err = fmt.Errorf("%w (%w)", err, cerr)
	}
	return translate(op, err)
}

// constraintMessage keeps the part of Neo4j's message a user can act on, e.g.
// "Node(12) already exists with label `Organ` and property `id` = 'cgh'".
func constraintMessage(msg string) string {
	if i := strings.Index(msg, "already exists"); i >= 0 {
		return "already exists" + strings.TrimSuffix(msg[i+len("already exists"):], ".")
	}
	return "a uniqueness constraint was violated"
}
