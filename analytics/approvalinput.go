package analytics

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Reasons of a Problem, for the caller to say in the user's language.
const (
	ProblemMissing    = "missing"     // nothing given where something is needed
	ProblemRange      = "range"       // a year outside 1900–2999
	ProblemBeforeYear = "before_year" // an as-of day before the plan's year
	ProblemFuture     = "future"      // an as-of day that has not come
	ProblemEmpty      = "empty"       // a text with nothing in it
	ProblemTooLong    = "too_long"    // a text longer than Max characters (Count)
	ProblemControl    = "control"     // a line break or control character at character At
	ProblemNotUTF8    = "not_utf8"    // bytes that are not UTF-8
	ProblemWithdrawn  = "withdrawn"   // a version withdrawn already (on Day)
)

// Problem is what is wrong with one field of an approval or a withdrawal:
// the rule is here, once; the words are the caller's (the dashboard's
// catalogue, or English for the command line through ProblemError).
type Problem struct {
	Field  string // year, asof, meeting, meeting_date, by, reason
	Reason string // a Problem* constant
	Year   int    // the plan's year (ProblemBeforeYear)
	Day    time.Time
	At     int // 1-based character (ProblemControl)
	Count  int // characters written (ProblemTooLong)
	Max    int // characters allowed
}

// ProblemError is a Problem as an EInvalid error: its message is English,
// "field: what to do"; Unwrap gives the *Error with the code.
type ProblemError struct {
	Problem
	coded *Error
}

func (e *ProblemError) Error() string { return e.coded.Message }
func (e *ProblemError) Unwrap() error { return e.coded }

func (p Problem) err() error {
	return &ProblemError{Problem: p, coded: Errorf(EInvalid, "%s: %s", p.Field, p.english())}
}

func (p Problem) english() string {
	switch p.Reason {
	case ProblemMissing:
		return "give a day, YYYY-MM-DD"
	case ProblemRange:
		return fmt.Sprintf("give a year from %d to %d", minYear, maxYear)
	case ProblemBeforeYear:
		return fmt.Sprintf("the day %s lies before the year %d: give a day in %d or later", sqlDate(p.Day), p.Year, p.Year)
	case ProblemFuture:
		return fmt.Sprintf("the day %s has not come yet: give a day up to today", sqlDate(p.Day))
	case ProblemEmpty:
		return fmt.Sprintf("write something (at most %d characters)", p.Max)
	case ProblemTooLong:
		return fmt.Sprintf("write at most %d characters (this has %d)", p.Max, p.Count)
	case ProblemControl:
		return fmt.Sprintf("character %d is a line break or another control character: write one line", p.At)
	case ProblemNotUTF8:
		return "the text is not valid UTF-8"
	case ProblemWithdrawn:
		return fmt.Sprintf("this version was withdrawn on %s already", sqlDate(p.Day))
	}
	return p.Reason
}

// Check says what is wrong with the request, the first field in the order of
// the form (year, asof, meeting, meeting_date, by), as a *ProblemError
// (EInvalid). today is the store's day: a report cannot be approved as of a
// day that has not come.
func (r ApprovalRequest) Check(today time.Time) error {
	for _, p := range r.Problems(today) {
		return p.err()
	}
	return nil
}

// Problems lists what is wrong with each field of the request, in the order
// of the form; none when it may be approved.
func (r ApprovalRequest) Problems(today time.Time) []Problem {
	var out []Problem
	if checkYear(r.Year) != nil {
		out = append(out, Problem{Field: "year", Reason: ProblemRange})
	}
	switch {
	case r.AsOf.IsZero():
		out = append(out, Problem{Field: "asof", Reason: ProblemMissing})
	case checkYear(r.Year) == nil && r.AsOf.Year() < r.Year:
		out = append(out, Problem{Field: "asof", Reason: ProblemBeforeYear, Day: r.AsOf, Year: r.Year})
	case r.AsOf.After(today):
		out = append(out, Problem{Field: "asof", Reason: ProblemFuture, Day: r.AsOf})
	}
	if p := lineProblem("meeting", r.Meeting, MaxMeeting); p != nil {
		out = append(out, *p)
	}
	if !r.MeetingOn.IsZero() && checkYear(r.MeetingOn.Year()) != nil {
		out = append(out, Problem{Field: "meeting_date", Reason: ProblemRange})
	}
	if strings.TrimSpace(r.By) == "" {
		out = append(out, Problem{Field: "by", Reason: ProblemEmpty, Max: 100})
	}
	return out
}

// lineProblem is what is wrong with a one-line text of at most max
// characters, nil when nothing: empty, not UTF-8, too long, or holding a line
// break or another control character.
func lineProblem(field, text string, max int) *Problem {
	p := Problem{Field: field, Max: max}
	switch n := utf8.RuneCountInString(text); {
	case strings.TrimSpace(text) == "":
		p.Reason = ProblemEmpty
	case !utf8.ValidString(text):
		p.Reason = ProblemNotUTF8
	case n > max:
		p.Reason, p.Count = ProblemTooLong, n
	default:
		for i, r := range []rune(text) {
			if unicode.IsControl(r) {
				p.Reason, p.At = ProblemControl, i+1
				return &p
			}
		}
		return nil
	}
	return &p
}
