package analytics

import (
	"strconv"
	"strings"
	"time"
)

// ParseDate reads a date as the interfaces take it, YYYY-MM-DD; the empty
// string is the zero time, which every query reads as today. Anything else is
// EInvalid with a message that shows the format.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, Keyed(EInvalid, "invalid.date", s)
	}
	if err := checkYear(t.Year()); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// ParseYear reads a plan year such as 2023; the empty string is 0, which the
// callers read as the year of the as-of date.
func ParseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, Keyed(EInvalid, "invalid.year", s)
	}
	return y, checkYear(y)
}
