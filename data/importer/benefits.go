package importer

import (
	"regexp"
	"strings"
	"time"

	"malbild/analytics"
	"malbild/data/reference"
)

// readBenefits reads a Nyttor sheet: the benefit register, matched by the
// benefit's name. A new benefit needs every column but service, owner and
// valuation; an existing one changes in the columns the sheet has, and a
// required column's empty cell leaves its value as it is.
func (s *sheet) readBenefits() error {
	seen := map[string]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		name := s.cell(cells, "benefit").Text()
		if name == "" {
			s.errorf(row, "benefit", Cell{}, "value.required")
			return
		}
		if prev, dup := seen[fold(name)]; dup {
			s.errorf(row, "benefit", s.cell(cells, "benefit"), "row.duplicate", prev)
			return
		}
		seen[fold(name)] = row
		old := s.b.reg.benefits.byName[fold(name)]
		b, ok := s.parseBenefit(row, cells, old)
		if !ok {
			return
		}
		if old == nil {
			b.Name = name
		}
		s.applyBenefit(row, old, b)
	})
}

// benefitRequired are the columns a new benefit must have.
var benefitRequired = []field{"category", "certainty", "unit", "direction", "aggregation", "baseline",
	"baseline_date", "target", "due"}

// parseBenefit reads a row over old (nil for a new benefit) and checks the
// benefit it describes.
func (s *sheet) parseBenefit(row int, cells []Cell, old *analytics.BenefitEntry) (analytics.BenefitEntry, bool) {
	var b analytics.BenefitEntry
	if old != nil {
		b = *old
	}
	ok := true
	if old == nil {
		for _, f := range benefitRequired {
			ok = s.require(row, cells, f) && ok
		}
	}
	for _, w := range []struct {
		f     field
		to    *string
		words map[string]string
		code  string
	}{
		{"category", &b.Category, benefitCategoryWords, "benefit.category_word"},
		{"certainty", &b.Certainty, certaintyWords, "benefit.certainty_word"},
		{"direction", &b.Direction, directionWords, "benefit.direction_word"},
		{"aggregation", &b.Aggregation, aggregationWords, "benefit.aggregation_word"},
	} {
		v, read := s.choice(row, cells, w.f, w.words, w.code)
		ok = read && ok
		if v != "" {
			*w.to = v
		}
	}
	if s.given(cells, "unit") {
		b.Unit = s.cell(cells, "unit").Text()
	}
	if s.has("owner") {
		b.Owner = s.cell(cells, "owner").Text()
		if looksLikeEmail(b.Owner) {
			s.errorf(row, "owner", s.cell(cells, "owner"), "benefit.owner_email")
			ok = false
		}
	}
	if s.has("service") {
		sv, found := s.benefitService(row, cells)
		b.ServiceID, ok = sv, found && ok
	}
	if v, read := s.measure(row, cells, "baseline", b.Unit); read && s.given(cells, "baseline") {
		b.Baseline = v
	} else if !read {
		ok = false
	}
	if v, read := s.measure(row, cells, "target", b.Unit); read && s.given(cells, "target") {
		b.Target = v
	} else if !read {
		ok = false
	}
	if d, read := s.date(row, cells, "baseline_date", false); !read {
		ok = false
	} else if !d.IsZero() {
		b.BaselineOn = d
	}
	if d, read := s.date(row, cells, "due", true); !read {
		ok = false
	} else if !d.IsZero() {
		b.DueOn = d
	}
	if s.has("valuation") {
		v, read := s.valuation(row, cells)
		b.Valuation, ok = v, read && ok
	}
	if !ok {
		return b, false
	}
	return b, s.checkBenefit(row, cells, b)
}

// checkBenefit checks what a benefit's fields say together.
func (s *sheet) checkBenefit(row int, cells []Cell, b analytics.BenefitEntry) bool {
	ok := true
	if !b.DueOn.After(b.BaselineOn) {
		at := field("due")
		if !s.given(cells, at) {
			at = "baseline_date"
		}
		s.errorf(row, at, s.cell(cells, at), "benefit.due_order", b.DueOn.Format(time.DateOnly), b.BaselineOn.Format(time.DateOnly))
		ok = false
	}
	// SKR's eKalkyl grades a benefit red when it is neither kronor nor freed
	// time: valuing it in kronor would contradict its own grade.
	if b.Valuation != nil && b.Certainty == analytics.CertaintyRed {
		s.errorf(row, "valuation", s.cell(cells, "valuation"), "benefit.valuation_red")
		ok = false
	}
	return ok
}

// benefitService reads the service or network a benefit belongs to: 0 for
// an empty cell (an association-wide effort), else one that exists or is
// imported in the same file.
func (s *sheet) benefitService(row int, cells []Cell) (int64, bool) {
	c := s.cell(cells, "service")
	if c.Empty() {
		return 0, true
	}
	if sv := s.b.reg.serviceByName[fold(c.Text())]; sv != nil {
		return sv.ID, true
	}
	names := make([]string, len(s.b.reg.services))
	for i, sv := range s.b.reg.services {
		names[i] = sv.Name
	}
	s.errorf(row, "service", c, "benefit.service_not_found", nearestNames(c.Text(), names))
	return 0, false
}

// nearestNames lists the three names nearest to a name, for messages.
func nearestNames(name string, names []string) string {
	near := reference.Nearest(name, names, 3)
	if len(near) == 0 {
		return "–"
	}
	return strings.Join(near, ", ")
}

// measure reads a number in unit: a unit written beside it must be unit.
func (s *sheet) measure(row int, cells []Cell, f field, unit string) (float64, bool) {
	if !s.given(cells, f) {
		return 0, true
	}
	c := s.cell(cells, f)
	v, written, ok := parseMeasure(c)
	switch {
	case !ok:
		s.errorf(row, f, c, "benefit.number")
		return 0, false
	case written != "" && !sameUnit(written, unit):
		s.errorf(row, f, c, "benefit.unit_mismatch", written, unit)
		return 0, false
	}
	return v, true
}

// valuation reads kr per unit: a number, perhaps followed by "kr", "kr per
// timme" or "kr/h"; nil for an empty cell.
func (s *sheet) valuation(row int, cells []Cell) (*float64, bool) {
	if !s.given(cells, "valuation") {
		return nil, true
	}
	c := s.cell(cells, "valuation")
	v, written, ok := parseMeasure(c)
	if !ok || v < 0 || (written != "" && !krPer.MatchString(fold(written))) {
		s.errorf(row, "valuation", c, "benefit.valuation_number")
		return nil, false
	}
	return &v, true
}

// krPer is what may follow a valuation's number: kronor, per any unit.
var krPer = regexp.MustCompile(`^(kr|kronor|sek|:-)(\s*(/|per\b).*)?$`)

// emailLike finds an e-mail address: an owner is a role, never a person.
var emailLike = regexp.MustCompile(`[^\s@]+@[^\s@]+\.[^\s@]+`)

func looksLikeEmail(s string) bool { return emailLike.MatchString(s) }

// applyBenefit adds b, or changes old into b.
func (s *sheet) applyBenefit(row int, old *analytics.BenefitEntry, b analytics.BenefitEntry) {
	r := &s.b.reg.benefits
	if old == nil {
		added := b
		added.ID = s.b.reg.nextTempID()
		r.addBenefit(&added)
		r.benefitChanges.insert(&added)
		s.added(row, "benefits", added.Name)
		return
	}
	b.Baseline, b.Target = keepStored(old.Baseline, b.Baseline), keepStored(old.Target, b.Target)
	if old.Valuation != nil && b.Valuation != nil {
		v := keepStored(*old.Valuation, *b.Valuation)
		b.Valuation = &v
	}
	d := s.diff()
	d.add("service", s.serviceName(old.ServiceID), s.serviceName(b.ServiceID))
	d.add("category", old.Category, b.Category)
	d.add("certainty", old.Certainty, b.Certainty)
	d.add("owner", old.Owner, b.Owner)
	d.add("unit", old.Unit, b.Unit)
	d.add("direction", old.Direction, b.Direction)
	d.add("aggregation", old.Aggregation, b.Aggregation)
	d.add("baseline", old.Baseline, b.Baseline)
	d.add("baseline_date", old.BaselineOn, b.BaselineOn)
	d.add("target", old.Target, b.Target)
	d.add("due", old.DueOn, b.DueOn)
	d.add("valuation", old.Valuation, b.Valuation)
	if d.empty() {
		s.unchanged("benefits")
		return
	}
	r.benefitChanges.touch(old)
	*old = b
	s.changed(row, "benefits", old.Name, d)
}

// serviceName names a service by id for the plan; "" for none.
func (s *sheet) serviceName(id int64) string {
	if sv := s.b.reg.serviceByID[id]; sv != nil {
		return sv.Name
	}
	return ""
}
