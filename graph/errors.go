package graph

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in api/ and one exit status in cmd/; nothing else
// in the code base decides how an error is shown.
const (
	ECONFLICT     = "conflict"       // the action conflicts with the stored state (e.g. a duplicate id)
	EINTERNAL     = "internal"       // a bug or an unexpected failure
	EINVALID      = "invalid"        // the input is wrong
	ENOTFOUND     = "not_found"      // the thing asked for does not exist
	EUNAUTHORIZED = "unauthorized"   // no or unknown credentials
	EFORBIDDEN    = "forbidden"      // known credentials, not allowed
	EUNAVAILABLE  = "unavailable"    // a dependency (Neo4j) cannot be reached; try again later
	ETOOLARGE     = "too_large"      // the answer would be too large to produce; narrow the request
	EBODYTOOLARGE = "body_too_large" // what was sent is larger than accepted; send less at a time
)

// Error is the one error type that crosses package boundaries. Message is safe to show to a
// user; Err, if any, is the underlying cause for logs.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other
// non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of the first *Error in err's chain. Other errors
// are internal and their text is not shown to users.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
