package importer

import (
	"time"

	"malbild/analytics/locale"
)

// The field readers below read one cell of a row and report a problem at
// its place when it cannot be read. ok is false only after a problem; an
// empty or missing cell gives the zero value and ok.

// date reads a date; end says a bare year means 31 December.
func (s *sheet) date(row int, cells []Cell, f field, end bool) (time.Time, bool) {
	if !s.given(cells, f) {
		return time.Time{}, true
	}
	c := s.cell(cells, f)
	d, problem := parseDate(c, end)
	switch problem {
	case dateUnreadable:
		s.errorf(row, f, c, "value.date")
	case dateNoFormat:
		s.errorf(row, f, c, "value.date_number")
	case dateOutOfRange:
		s.errorf(row, f, c, "value.date_range", firstYear, lastYear)
	}
	return d, problem == dateOK
}

// integer reads a whole number of at least least.
func (s *sheet) integer(row int, cells []Cell, f field, least int) (int, bool) {
	if !s.given(cells, f) {
		return 0, true
	}
	c := s.cell(cells, f)
	n, ok := parseInt(c)
	if !ok || n < least {
		s.errorf(row, f, c, "value.integer")
		return 0, false
	}
	return n, true
}

// money reads an amount in SEK.
func (s *sheet) money(row int, cells []Cell, f field) (float64, bool) {
	if !s.given(cells, f) {
		return 0, true
	}
	c := s.cell(cells, f)
	v, ok := parseMoney(c)
	if !ok {
		s.errorf(row, f, c, "value.money")
	}
	return v, ok
}

// choice reads one of the words of an enumeration; code names the message
// that lists the accepted words.
func (s *sheet) choice(row int, cells []Cell, f field, words map[string]string, code string) (string, bool) {
	if !s.given(cells, f) {
		return "", true
	}
	c := s.cell(cells, f)
	v, ok := lookupWord(words, c)
	if !ok {
		s.errorf(row, f, c, code)
	}
	return v, ok
}

// require reports a missing value of a field a new row needs.
func (s *sheet) require(row int, cells []Cell, f field) bool {
	if s.given(cells, f) {
		return true
	}
	s.errorf(row, f, s.cell(cells, f), "value.required_field", locale.Text(s.b.lang, "field."+string(f)))
	return false
}
