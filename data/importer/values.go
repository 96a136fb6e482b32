package importer

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The value parsers read cells as the office writes them. Each reports
// success with a bool; the row parsers turn a failure into a Problem that
// says how to write the value.

// parseNumber reads a decimal number: a number cell, or text such as
// "10 532", "10 532" (no-break space), "1,5", "1.5", "-3" or "5 000 kr".
// A comma is the decimal separator; thousands are grouped with spaces only.
func parseNumber(c Cell) (float64, bool) {
	if c.Number {
		f, err := strconv.ParseFloat(strings.TrimSpace(c.Raw), 64)
		return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	}
	s := strings.ToLower(clean(c.Raw))
	for _, unit := range []string{"kr", "sek", ":-"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == ',':
			return '.'
		case r == '\u2212': // the minus sign
			return '-'
		}
		return r
	}, s)
	if s == "" || strings.ContainsAny(s, "eEinfINFxX_") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// parseInt reads a whole number written as for parseNumber.
func parseInt(c Cell) (int, bool) {
	f, ok := parseNumber(c)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1e12 {
		return 0, false
	}
	return int(f), true
}

// parseMoney reads an amount in SEK, rounded to öre.
func parseMoney(c Cell) (float64, bool) {
	f, ok := parseNumber(c)
	if !ok || f < 0 || f > 1e10 {
		return 0, false
	}
	return math.Round(f*100) / 100, true
}

// parseTarget reads a goal's target: a number, or a percentage ("75 %",
// "75%") returned as a fraction. percent says a % sign was written. A
// number cell formatted as a percentage stores the fraction already.
func parseTarget(c Cell) (value float64, percent, ok bool) {
	s := clean(c.Raw)
	if !c.Number && strings.HasSuffix(s, "%") {
		f, ok := parseNumber(Cell{Raw: strings.TrimSuffix(s, "%")})
		return f / 100, true, ok
	}
	f, ok := parseNumber(c)
	return f, false, ok
}

// parseDigits reads a code: ASCII digits only (a number cell must be a
// whole number), with surrounding spaces ignored.
func parseDigits(c Cell) (string, bool) {
	s := clean(c.Raw)
	if c.Number {
		n, ok := parseInt(c)
		if !ok || n < 0 {
			return "", false
		}
		return strconv.Itoa(n), true
	}
	if s == "" {
		return "", false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return s, true
}

// dateProblem says why a date could not be read.
type dateProblem int

const (
	dateOK         dateProblem = iota
	dateUnreadable             // not a date in any accepted form
	dateNoFormat               // a number without a date format that is not a year
	dateOutOfRange             // a real date, but not plausibly one of the registry's
)

// Dates before firstYear or after lastYear are typing errors.
const (
	firstYear = 1900
	lastYear  = 2200
)

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$`)
	fourDigits  = regexp.MustCompile(`^\d{4}$`)
	titleAsOfRe = regexp.MustCompile(`(?i)(?:^|\s)(?:per|as of|den|status)\s*:?\s*(\d{4}-\d{1,2}-\d{1,2})\b`)
)

// parseDate reads a date as the office writes it: a number cell with a date
// format, ISO text ("2023-03-31"), or a bare four-digit year, which is 1
// January as a start and 31 December as an end. A four-digit number is a
// year even when its cell has a date format; any other number must have one.
func parseDate(c Cell, end bool) (time.Time, dateProblem) {
	s := clean(c.Raw)
	if c.Number {
		if f, ok := parseNumber(c); ok && f == math.Trunc(f) && f >= 1000 && f <= 9999 {
			return yearDate(int(f), end)
		}
		if c.Date.IsZero() {
			return time.Time{}, dateNoFormat
		}
		return inRange(c.Date)
	}
	if fourDigits.MatchString(s) {
		y, _ := strconv.Atoi(s)
		return yearDate(y, end)
	}
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, dateUnreadable
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, dateUnreadable // 2023-02-30
	}
	return inRange(t)
}

func yearDate(y int, end bool) (time.Time, dateProblem) {
	if end {
		return inRange(time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC))
	}
	return inRange(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))
}

func inRange(t time.Time) (time.Time, dateProblem) {
	if t.Year() < firstYear || t.Year() > lastYear {
		return time.Time{}, dateOutOfRange
	}
	return t, dateOK
}

// dayOfTitle finds the day a title row names, as in "Per 2023-03-31" or
// "Status as of 2022-06-30", or a title cell "Per" followed by a date cell.
func dayOfTitle(cells []Cell) (time.Time, bool) {
	for i, c := range cells {
		if m := titleAsOfRe.FindStringSubmatch(c.Text()); m != nil {
			if d, p := parseDate(Cell{Raw: m[1]}, false); p == dateOK {
				return d, true
			}
		}
		word := strings.ToLower(strings.TrimSuffix(c.Text(), ":"))
		if (word == "per" || word == "as of") && i+1 < len(cells) && !cells[i+1].Empty() {
			if d, p := parseDate(cells[i+1], false); p == dateOK && fourDigits.FindString(cells[i+1].Raw) == "" {
				return d, true
			}
		}
	}
	return time.Time{}, false
}
