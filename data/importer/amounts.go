package importer

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"malbild/analytics/locale"
)

// Amounts in kronor as the budget office writes them (DESIGN "Budget
// follow-up"): "17 481 000", "17481000", "17 481 000" (no-break spaces),
// "1 234,50", "17 481 000 kr", or thousands in a column whose header says
// tkr ("Budget (tkr)", "Utfall tkr": "17 481"). Any other unit in a cell
// ("1,5 mkr", "€") is refused: the reader cannot know what the writer meant
// by a unit the sheet does not say.

// amountUnit is the unit of an amount column, from its header.
type amountUnit int

const (
	unitKronor    amountUnit = iota // no unit, kr or SEK
	unitThousands                   // tkr, kSEK
	unitOther                       // mkr or anything else: refused
)

// maxAmount is the largest amount in kr the import takes: far above any
// budget of an association, and well inside what a float64 holds to the öre.
const maxAmount = 1e12

// unitReading is a header read as a name and the unit it states.
type unitReading struct {
	base string // the name, as headerKey writes it
	unit amountUnit
}

// headerUnits are the header suffixes that state a unit, after headerKey and
// with brackets, commas and colons dropped ("Belopp (i tkr)" is "beloppitkr").
var headerUnits = []struct {
	suffix string
	unit   amountUnit
}{
	{"itusenkronor", unitThousands}, {"tusenkronor", unitThousands},
	{"imiljonerkronor", unitOther}, {"miljonerkronor", unitOther},
	{"itkr", unitThousands}, {"iksek", unitThousands}, {"itsek", unitThousands},
	{"imkr", unitOther}, {"imsek", unitOther}, {"imnkr", unitOther},
	{"ikronor", unitKronor}, {"ikr", unitKronor}, {"isek", unitKronor},
	{"tkr", unitThousands}, {"ksek", unitThousands}, {"tsek", unitThousands},
	{"mnkr", unitOther}, {"mkr", unitOther}, {"msek", unitOther},
	{"kronor", unitKronor}, {"kr", unitKronor}, {"sek", unitKronor},
}

// amountFields are the fields of each kind that hold amounts and so may
// carry a unit in their header.
var amountFields = map[Kind][]field{}

// headerUnitReadings are the ways to read a header as a name and the unit
// it states: "Budget (tkr)" is ("budget", tkr); "Budget kr" is both
// ("budge", tkr) and ("budget", kr), and the name decides which is meant.
func headerUnitReadings(name string) []unitReading {
	key := strings.Map(func(r rune) rune {
		if strings.ContainsRune("()[],:;.", r) {
			return -1
		}
		return r
	}, headerKey(name))
	var out []unitReading
	for _, u := range headerUnits {
		if base, ok := strings.CutSuffix(key, u.suffix); ok && base != "" {
			out = append(out, unitReading{base, u.unit})
		}
	}
	return out
}

// amountHeader reads a header of an amount field that states a unit, such
// as "Budget (tkr)" or "Utfall, kr", as the field and the unit.
func (s *kindSpec) amountHeader(name string) (field, amountUnit, bool) {
	for _, r := range headerUnitReadings(name) {
		for _, f := range amountFields[s.kind] {
			for _, fs := range s.fields {
				if fs.field == f && containsName(fs.names, r.base) {
					return f, r.unit, true
				}
			}
		}
	}
	return "", unitKronor, false
}

// amountField recognises a header of an amount field that states a unit.
func (s *kindSpec) amountField(name string) (field, bool) {
	f, _, ok := s.amountHeader(name)
	return f, ok
}

func containsName(names []string, key string) bool {
	for _, n := range names {
		if n == key {
			return true
		}
	}
	return false
}

// amountProblem says why an amount could not be read.
type amountProblem int

const (
	amountOK          amountProblem = iota
	amountUnreadable                // not a number as the office writes one
	amountBadUnit                   // a unit other than the column's
	amountDotGrouping               // "17.481": thousands or decimals?
	amountTooLarge
)

var (
	// amountText is a number written with an optional sign, digits grouped by
	// spaces or not, optional decimals after a comma or a point, and an
	// optional unit.
	amountText = regexp.MustCompile(`^([-−–]?)\s*(\d[\d ]*)(?:[,.](\d+))?\s*([^\d\s].*)?$`)
	// spaceGroups is digits grouped by three with spaces: "17 481 000".
	spaceGroups = regexp.MustCompile(`^\d{1,3}( \d{3})+$`)
	// dotGroups is digits grouped by three with points: "17.481", which
	// reads as thousands to some and as decimals to others.
	dotGroups = regexp.MustCompile(`^[-−–]?\s*\d{1,3}(\.\d{3})+$`)
)

// cellUnits are the units a cell may state, by the column's unit: in a
// kronor column kr or SEK, in a tkr column tkr or kSEK.
var cellUnits = map[amountUnit][]string{
	unitKronor:    {"kr", "kr.", "sek", ":-", "kronor"},
	unitThousands: {"tkr", "ksek", "tsek", "tusen kronor"},
}

// parseAmount reads an amount in a column of unit, in kr rounded to öre.
// A number cell is taken as it is (times 1 000 in a tkr column).
func parseAmount(c Cell, unit amountUnit) (float64, amountProblem) {
	scale := 1.0
	if unit == unitThousands {
		scale = 1000
	}
	if c.Number {
		f, err := strconv.ParseFloat(strings.TrimSpace(c.Raw), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, amountUnreadable
		}
		return checkAmount(f * scale)
	}
	s := clean(c.Raw)
	if dotGroups.MatchString(s) {
		return 0, amountDotGrouping
	}
	m := amountText.FindStringSubmatch(s)
	if m == nil {
		return 0, amountUnreadable
	}
	sign, whole, decimals, cellUnit := m[1], strings.TrimSpace(m[2]), m[3], strings.ToLower(strings.TrimSpace(m[4]))
	if strings.Contains(whole, " ") && !spaceGroups.MatchString(whole) {
		return 0, amountUnreadable // "1 74 81": not grouped by thousands
	}
	if cellUnit != "" && !containsName(cellUnits[unit], cellUnit) {
		if _, err := strconv.ParseFloat(strings.TrimLeft(cellUnit, "eE+-"), 64); err == nil {
			return 0, amountUnreadable // 1e5
		}
		return 0, amountBadUnit
	}
	text := strings.ReplaceAll(whole, " ", "")
	if decimals != "" {
		text += "." + decimals
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, amountUnreadable
	}
	if sign != "" {
		f = -f
	}
	return checkAmount(f * scale)
}

func checkAmount(f float64) (float64, amountProblem) {
	if math.Abs(f) > maxAmount {
		return 0, amountTooLarge
	}
	v := math.Round(f*100) / 100
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, amountOK
}

// columnUnit is the unit the header of f's column states.
func (s *sheet) columnUnit(f field) amountUnit {
	col, ok := s.head.columns[f]
	if !ok {
		return unitKronor
	}
	_, unit, _ := s.head.spec.amountHeader(s.head.names[col])
	return unit
}

// amount reads the amount in f's column; given says the cell held one. A
// problem is reported at the cell and ok is false.
func (s *sheet) amount(row int, cells []Cell, f field) (v float64, given, ok bool) {
	if !s.given(cells, f) {
		return 0, false, true
	}
	c := s.cell(cells, f)
	unit := s.columnUnit(f)
	if unit == unitOther {
		return 0, true, false // reported once, at the header (checkAmountHeaders)
	}
	v, problem := parseAmount(c, unit)
	switch problem {
	case amountUnreadable:
		s.errorf(row, f, c, "amount.unreadable")
	case amountBadUnit:
		if unit == unitThousands {
			s.errorf(row, f, c, "amount.unit_tkr")
		} else {
			s.errorf(row, f, c, "amount.unit")
		}
	case amountDotGrouping:
		s.errorf(row, f, c, "amount.dot_grouping")
	case amountTooLarge:
		s.errorf(row, f, c, "amount.too_large")
	}
	return v, true, problem == amountOK
}

// checkAmountHeaders reports every amount column whose header states a unit
// other than kr or tkr, and says in the plan's columns which are read as
// thousands; it returns false when a unit cannot be read.
func (s *sheet) checkAmountHeaders() bool {
	ok := true
	for _, f := range amountFields[s.kind()] {
		if !s.has(f) {
			continue
		}
		switch s.columnUnit(f) {
		case unitOther:
			h := s.header(f)
			s.failAt(s.head.row, h, h, "amount.header_unit", h)
			ok = false
		case unitThousands:
			for i := range s.plan.Columns {
				if s.plan.Columns[i].Field == string(f) {
					s.plan.Columns[i].Label += " " + locale.Text(s.b.lang, "amount.thousands")
				}
			}
		}
	}
	return ok
}
