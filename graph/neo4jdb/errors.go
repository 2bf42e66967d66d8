package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// translate turns a driver error into a *graph.Error whose code says what the caller can do
// about it, keeping the driver error as the cause. op says what was being done.
func translate(op string, err error) error {
	if err == nil {
		return nil
	}
	var domain *graph.Error
	if errors.As(err, &domain) {
		return fmt.Errorf("%s: %w", op, err)
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
		case strings.HasPrefix(nerr.Code, "Neo.TransientError."):
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j is temporarily unable to answer", Err: err}
		}
		return &graph.Error{Code: graph.EINTERNAL, Message: op + ": query failed", Err: err}
	}
	switch {
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s: %w", op, err)
	case errors.Is(err, context.DeadlineExceeded):
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j did not answer in time", Err: err}
	}
	var usage *neo4j.UsageError
	if errors.As(err, &usage) {
		return &graph.Error{Code: graph.EINTERNAL, Message: op + ": driver misuse", Err: err}
	}
	// What remains are connectivity failures (refused connections, routing tables that cannot
	// be fetched, pool time-outs), most of which the driver does not export as types.
	return &graph.Error{Code: graph.EUNAVAILABLE, Message: op + ": Neo4j is unreachable", Err: err}
}

// constraintMessage keeps the part of Neo4j's message a user can act on, e.g.
// "Node(12) already exists with label `Organ` and property `id` = 'cgh'".
func constraintMessage(msg string) string {
	if i := strings.Index(msg, "already exists"); i >= 0 {
		return "already exists" + strings.TrimSuffix(msg[i+len("already exists"):], ".")
	}
	return "a uniqueness constraint was violated"
}
