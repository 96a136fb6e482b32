package importer

import (
	"time"

	"malbild/analytics"
)

// readBenefitMeasurements reads a Nyttomätningar sheet: measurements of
// benefits that exist or are imported in the same file, matched by benefit,
// date and member (none: the benefit as a whole). A member is matched as
// everywhere (code, organisation number, name), its membership the one
// active on the measurement's date.
func (s *sheet) readBenefitMeasurements() error {
	seen := map[measurementKey]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		b := s.benefit(row, cells)
		on, okDate := s.date(row, cells, "date", false)
		okDate = s.require(row, cells, "date") && okDate
		var m *analytics.Member
		if s.given(cells, "member") && okDate {
			if m = s.measuredMember(row, cells, on); m == nil {
				return
			}
		}
		if b == nil || !okDate || !s.require(row, cells, "value") {
			return
		}
		value, ok := s.measure(row, cells, "value", b.Unit)
		if !ok {
			return
		}
		e := analytics.BenefitMeasurementEntry{BenefitID: b.ID, MeasuredOn: on, Value: value,
			Source: s.cell(cells, "source").Text(), Comment: s.cell(cells, "comment").Text()}
		lbl := label(b.Name, on.Format(time.DateOnly))
		if m != nil {
			e.MemberID = m.ID
			lbl = label(b.Name+" – "+m.Name, on.Format(time.DateOnly))
		}
		k := measurementKey{e.BenefitID, e.MeasuredOn, e.MemberID}
		if prev, dup := seen[k]; dup {
			s.errorf(row, "date", s.cell(cells, "date"), "row.duplicate", prev)
			return
		}
		seen[k] = row
		s.applyMeasurement(row, k, e, lbl)
	})
}

// benefit finds the benefit a row names, reporting the nearest names when
// there is none.
func (s *sheet) benefit(row int, cells []Cell) *analytics.BenefitEntry {
	c := s.cell(cells, "benefit")
	if c.Empty() {
		s.errorf(row, "benefit", c, "value.required")
		return nil
	}
	reg := &s.b.reg.benefits
	if b := reg.byName[fold(c.Text())]; b != nil {
		return b
	}
	s.errorf(row, "benefit", c, "benefit.not_found", nearestNames(c.Text(), reg.names()))
	return nil
}

// measuredMember is the membership row a measurement belongs to, named by
// code, organisation number or name: the one active on its date, else (with
// a warning) the one that started last before it.
func (s *sheet) measuredMember(row int, cells []Cell, on time.Time) *analytics.Member {
	var orgs []*analytics.Member
	if org, ok := parseOrgNumber(s.cell(cells, "member")); ok {
		orgs = s.b.reg.byOrg.get(org)
	}
	if orgs == nil {
		if orgs = s.member(row, cells, "member"); orgs == nil {
			return nil
		}
	}
	if m := periodOn(orgs, on); m != nil {
		return m
	}
	m := latestBy(orgs, on)
	s.warnf(row, "member", s.cell(cells, "member"), "benefit.not_member_on", on.Format(time.DateOnly), memberLabel(m))
	return m
}

// applyMeasurement adds e, or changes the measurement with its key.
func (s *sheet) applyMeasurement(row int, k measurementKey, e analytics.BenefitMeasurementEntry, lbl string) {
	r := &s.b.reg.benefits
	old := r.measurements[k]
	if old == nil {
		added := e
		added.ID = s.b.reg.nextTempID()
		r.addMeasurement(&added)
		r.measurementChanges.insert(&added)
		s.added(row, "benefit_measurements", lbl)
		return
	}
	updated := *old
	updated.Value = keepStored(old.Value, e.Value)
	if s.has("source") {
		updated.Source = e.Source
	}
	if s.has("comment") {
		updated.Comment = e.Comment
	}
	d := s.diff()
	d.add("value", old.Value, updated.Value)
	d.add("source", old.Source, updated.Source)
	d.add("comment", old.Comment, updated.Comment)
	if d.empty() {
		s.unchanged("benefit_measurements")
		return
	}
	r.measurementChanges.touch(old)
	*old = updated
	s.changed(row, "benefit_measurements", lbl, d)
}
