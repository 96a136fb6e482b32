package analytics

import (
	"math"
	"time"
)

// Year bounds for as-of dates and plan years: wide enough for any plan, narrow
// enough that a mistyped year is caught as one.
const (
	minYear = 1900
	maxYear = 2999
)

// day returns the calendar date of t (its own year, month and day) at
// midnight UTC, the form dates are handled in.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// sqlDate is how dates are bound: as ISO text that the query casts to DATE,
// so no time zone comes between the caller's day and DuckDB's.
func sqlDate(t time.Time) string { return t.Format(time.DateOnly) }

// asOfDay resolves an as-of date: the zero time means today; a year outside
// [minYear, maxYear] is invalid.
func (s *Store) asOfDay(t time.Time) (time.Time, error) {
	if t.IsZero() {
		return s.Today(), nil
	}
	t = day(t)
	if err := checkYear(t.Year()); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

func checkYear(year int) error {
	if year < minYear || year > maxYear {
		return Keyed(EInvalid, "invalid.year_range", year, minYear, maxYear)
	}
	return nil
}

// lastMonthEnd is the last month end on or before t.
func lastMonthEnd(t time.Time) time.Time {
	if t.AddDate(0, 0, 1).Day() == 1 {
		return t
	}
	return time.Date(t.Year(), t.Month(), 0, 0, 0, 0, 0, time.UTC)
}

// months counts the calendar months from the month of from to that of to.
func months(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
}

// daysBetween counts the days from a to b (negative when b is earlier).
func daysBetween(a, b time.Time) float64 {
	return math.Round(day(b).Sub(day(a)).Hours() / 24)
}
