package kg

import (
	"errors"
	"fmt"
)

// Error codes. The web package maps each to an HTTP status in one table.
const (
	EInvalid      = "invalid"      // bad parameter or input: 400
	ENotFound     = "not_found"    // unknown id: 404
	ETooLarge     = "too_large"    // input over a configured limit: 413
	EUndecodable  = "undecodable"  // a document that cannot be read: 422
	ENotReady     = "not_ready"    // the store is not open or loaded yet: 503
	EUnauthorized = "unauthorized" // missing or wrong token: 401
	EForbidden    = "forbidden"    // writes are off: 403
	ETimeout      = "timeout"      // a deadline ran out: 504
	ERateLimited  = "rate_limited" // too many requests: 429
	EConflict     = "conflict"     // store locked by another process: 409
	EInternal     = "internal"     // anything else: 500, message hidden
)

// Error is the application error: a code, a message safe to show a user, the
// operation that failed and the underlying cause.
type Error struct {
	Code    string
	Message string
	Op      string
	Err     error
}

func (e *Error) Error() string {
	s := e.Message
	if e.Op != "" {
		s = e.Op + ": " + s
	}
	if e.Err != nil {
		if s != "" {
			s += ": "
		}
		s += e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != "" {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing message of err: the message of its
// *Error, or "internal error" for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	return "internal error"
}
