package analytics

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an error for the interfaces: the dashboard maps each code to
// one HTTP status and the command line to one exit code.
type Code string

const (
	ENotFound Code = "not_found" // the thing asked for does not exist
	EInvalid  Code = "invalid"   // the request or input is wrong; the message says how
	EConflict Code = "conflict"  // the state does not allow it (e.g. the database is in use)
	EInternal Code = "internal"  // anything else: a defect or a failing disk
)

// Error is an error the user can act on: Message is written for them.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EInternal for errors that carry none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// openError explains the one failure a user meets when opening: DuckDB lets
// only one process open a file, so a running server locks out the CLI.
func openError(path string, err error) error {
	if strings.Contains(err.Error(), "Could not set lock") {
		return Errorf(EConflict, "the database %s is in use by another process (is `malbild serve` running?); stop it or use the web interface", path)
	}
	return fmt.Errorf("open database %q: %w", path, err)
}
