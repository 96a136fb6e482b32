package analytics

import (
	"errors"
	"fmt"
	"strings"

	"malbild/analytics/locale"
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

// Error is an error the user can act on. A keyed error names its text in the
// locale catalogue (Key, Args) and is translated at the edge, in the
// language of whoever reads it (Text); Error() is its English text, for the
// command line and the log. Message is the text of an unkeyed error, which
// only the command line and the log see. A refused form carries every
// problem in Problems, each with the Field it concerns.
type Error struct {
	Code     Code
	Message  string
	Key      string
	Args     []any
	Field    string
	Problems []*Error
}

func (e *Error) Error() string { return e.Text(locale.En) }

// Text is the error in lang: its key's text, or the problems' texts joined.
func (e *Error) Text(lang string) string {
	switch {
	case len(e.Problems) > 0:
		texts := make([]string, len(e.Problems))
		for i, p := range e.Problems {
			texts[i] = p.Text(lang)
		}
		return strings.Join(texts, " ")
	case e.Key != "":
		args := make([]any, len(e.Args))
		for i, a := range e.Args {
			if inner, ok := a.(*Error); ok {
				a = inner.Text(lang) // an error about a part, such as one goal of a plan
			}
			args[i] = a
		}
		return locale.Text(lang, e.Key, args...)
	}
	return e.Message
}

// Errorf returns an *Error with the code and a formatted English message,
// for what only the command line and the log show.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Keyed returns an *Error whose text is the catalogue's key with args.
func Keyed(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Invalid is the problem with one field of a form (EInvalid), keyed.
func Invalid(field, key string, args ...any) *Error {
	return &Error{Code: EInvalid, Key: key, Args: args, Field: field}
}

// Refused is every problem of a form as one EInvalid error, nil when there
// are none: a form shows them all at once, each at its field.
func Refused(problems []*Error) error {
	if len(problems) == 0 {
		return nil
	}
	if len(problems) == 1 {
		return problems[0]
	}
	return &Error{Code: EInvalid, Problems: problems}
}

// ErrorCode returns the code of err, EInternal for errors that carry none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorText is err in lang, for the edges (pages, the import, the command
// line): a coded error's own text, translated when keyed; any other error's
// text as it is.
func ErrorText(lang string, err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Text(lang)
	}
	return err.Error()
}

// ProblemsOf are the problems of a refused form, each with its field; an
// error that is not a form's refusal is one problem without a field, and no
// error is no problem.
func ProblemsOf(err error) []*Error {
	var e *Error
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &e):
		return []*Error{{Code: EInternal, Message: err.Error()}}
	case len(e.Problems) > 0:
		return e.Problems
	}
	return []*Error{e}
}

// openError explains the one failure a user meets when opening: DuckDB lets
// only one process open a file, so a running server locks out the CLI.
func openError(path string, err error) error {
	if strings.Contains(err.Error(), "Could not set lock") {
		return Errorf(EConflict, "the database %s is in use by another process (is `malbild serve` running?); stop it or use the web interface", path)
	}
	return fmt.Errorf("open database %q: %w", path, err)
}
