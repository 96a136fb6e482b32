package importer

import (
	"math"
	"regexp"
	"strings"

	"malbild/analytics"
	"malbild/data/reference"
)

// memberRow is a members sheet's row as read: the values, and whether the
// row wrote the kind (a municipality's may be left out).
type memberRow struct {
	row      int
	m        analytics.Member
	kindSaid bool
}

// populationTolerance is how far a municipality's population may be from
// the reference data's before the plan warns.
const populationTolerance = 0.10

var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// readMembers reads a members sheet. Each row is a membership period: it is
// matched to the database's rows by municipality code, else organisation
// number, else name, and among an organisation's periods by its start or an
// overlapping period; a period that overlaps none is a rejoin (a new row).
func (s *sheet) readMembers() error {
	claimed := map[*analytics.Member]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		in, ok := s.parseMember(row, cells)
		if ok {
			s.applyMember(in, cells, claimed)
		}
	})
}

func (s *sheet) parseMember(row int, cells []Cell) (memberRow, bool) {
	in := memberRow{row: row}
	m := &in.m
	ok := true
	m.Name = s.cell(cells, "name").Text()
	if s.given(cells, "kind") {
		c := s.cell(cells, "kind")
		kind, known := lookupWord(memberKindWords, c)
		if !known {
			s.errorf(row, "kind", c, "member.kind")
			ok = false
		}
		m.Kind, in.kindSaid = kind, true
	}
	code := ""
	if s.given(cells, "code") {
		c := s.cell(cells, "code")
		digits, valid := parseDigits(c)
		if !valid || len(digits) > 4 {
			s.errorf(row, "code", c, "member.code")
			return in, false
		}
		code = digits
	}
	if !s.identify(row, cells, m, code) {
		return in, false
	}
	ok = s.memberDetails(row, cells, m) && ok
	return in, ok
}

// identify settles the kind, name, code and county of a member: a
// municipality's from the reference data, a region's from its county.
func (s *sheet) identify(row int, cells []Cell, m *analytics.Member, code string) bool {
	nameCell, codeCell := s.cell(cells, "name"), s.cell(cells, "code")
	switch m.Kind {
	case "", analytics.KindKommun:
		if m.Kind == "" && len(code) > 0 && len(code) <= 2 {
			m.Code = code // a county's code: a region's row that leaves out its kind
			break
		}
		muni, ok := s.municipality(row, nameCell, codeCell, code, m.Kind == analytics.KindKommun)
		if !ok {
			return false
		}
		if muni != nil {
			m.Kind, m.Name, m.Code, m.CountyCode = analytics.KindKommun, muni.Name, muni.Code, muni.CountyCode
		}
	case analytics.KindRegion:
		county, ok := reference.CountyByCode(code)
		if code == "" {
			county, ok = s.b.lookups.county(m.Name)
		}
		if !ok {
			s.errorf(row, "code", codeCell, "member.region", m.Name)
			return false
		}
		m.Code, m.CountyCode = county.Code, county.Code
	default:
		if code != "" {
			s.warnf(row, "code", codeCell, "member.code_ignored")
		}
	}
	if m.Name == "" {
		s.errorf(row, "name", nameCell, "value.required")
		return false
	}
	return true
}

// municipality finds the municipality a row names by code and by name. It
// returns nil, true when the row is not a municipality and did not claim to
// be one; nil, false after reporting a problem.
func (s *sheet) municipality(row int, nameCell, codeCell Cell, code string, claimed bool) (*reference.Municipality, bool) {
	var byCode, byName *reference.Municipality
	if code != "" {
		m, ok := reference.MunicipalityByCode(code)
		if !ok {
			s.errorf(row, "code", codeCell, "member.unknown_code")
			return nil, false
		}
		byCode = &m
	}
	if name := nameCell.Text(); name != "" {
		if m, ok := s.b.lookups.municipality(name); ok {
			byName = &m
		} else if claimed || byCode != nil {
			s.errorf(row, "name", nameCell, "member.unknown_municipality", suggestions(name))
			return nil, false
		}
	}
	switch {
	case byCode != nil && byName != nil && byCode.Code != byName.Code:
		s.errorf(row, "code", codeCell, "member.code_name_mismatch", byCode.Name, nameCell.Text())
		return nil, false
	case byCode != nil:
		return byCode, true
	case byName != nil:
		return byName, true
	case claimed:
		s.errorf(row, "name", nameCell, "value.required")
		return nil, false
	}
	return nil, true
}

// memberDetails reads the rest of a member's row; it reports every problem
// it finds and says whether there was none.
func (s *sheet) memberDetails(row int, cells []Cell, m *analytics.Member) bool {
	ok := true
	if s.given(cells, "county") {
		c := s.cell(cells, "county")
		county, found := s.b.lookups.county(c.Text())
		switch {
		case !found:
			s.errorf(row, "county", c, "member.county")
			ok = false
		case m.CountyCode != "" && county.Code != m.CountyCode:
			s.errorf(row, "county", c, "member.county_mismatch", m.Name, countyName(m.CountyCode))
			ok = false
		default:
			m.CountyCode = county.Code
		}
	}
	if s.given(cells, "org_number") {
		c := s.cell(cells, "org_number")
		if m.OrgNumber, _ = parseOrgNumber(c); m.OrgNumber == "" {
			s.errorf(row, "org_number", c, "member.org_number")
			ok = false
		}
	}
	if s.given(cells, "population") {
		c := s.cell(cells, "population")
		n, valid := parseInt(c)
		if !valid || n < 0 {
			s.errorf(row, "population", c, "value.integer")
			ok = false
		}
		m.Population = n
		if ref, isMuni := reference.MunicipalityByCode(m.Code); valid && isMuni && m.Kind == analytics.KindKommun &&
			math.Abs(float64(n-ref.Population)) > populationTolerance*float64(ref.Population) {
			s.warnf(row, "population", c, "member.population_far", ref.Population, reference.PopulationYear)
		}
	}
	m.Group = s.cell(cells, "group").Text()
	m.ContactName = s.cell(cells, "contact").Text()
	m.ContactEmail = s.cell(cells, "email").Text()
	if m.ContactEmail != "" && !emailRe.MatchString(m.ContactEmail) {
		s.errorf(row, "email", s.cell(cells, "email"), "member.email")
		ok = false
	}
	var good bool
	if m.JoinedOn, good = s.date(row, cells, "joined", false); !good {
		ok = false
	}
	if m.LeftOn, good = s.date(row, cells, "left", true); !good {
		ok = false
	}
	if ok && !m.JoinedOn.IsZero() && !m.LeftOn.IsZero() && m.LeftOn.Before(m.JoinedOn) {
		s.errorf(row, "left", s.cell(cells, "left"), "value.date_order", m.JoinedOn.Format("2006-01-02"))
		ok = false
	}
	return ok
}

func countyName(code string) string {
	if c, ok := reference.CountyByCode(code); ok {
		return c.Name
	}
	return code
}

// suggestions lists the municipalities nearest to a name, for messages.
func suggestions(name string) string {
	var names []string
	for _, m := range reference.Suggest(name, 3) {
		names = append(names, m.Name)
	}
	return strings.Join(names, ", ")
}
