package importer

import (
	"time"

	"malbild/analytics"
)

// readParticipations reads a long participation sheet: a row per member,
// service and period. A participation belongs to the membership whose
// period contains its start; it is matched by that start, else by the one
// participation of the member in the service it overlaps.
func (s *sheet) readParticipations() error {
	claimed := map[*analytics.Participation]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		orgs := s.member(row, cells, "member")
		sv := s.service(row, cells, "service")
		from, ok1 := s.date(row, cells, "from", false)
		to, ok2 := s.date(row, cells, "to", true)
		if orgs == nil || sv == nil || !ok1 || !ok2 || !s.require(row, cells, "from") {
			return
		}
		if !to.IsZero() && to.Before(from) {
			s.errorf(row, "to", s.cell(cells, "to"), "value.date_order", from.Format(time.DateOnly))
			return
		}
		m := s.membershipFor(row, cells, orgs, from)
		if m == nil {
			return
		}
		s.applyParticipation(row, cells, m, sv, from, to, claimed)
	})
}

// membershipFor picks the membership row whose period contains from. An
// organisation with a single membership takes the participation anyway,
// with a warning; with several, the row is an error.
func (s *sheet) membershipFor(row int, cells []Cell, orgs []*analytics.Member, from time.Time) *analytics.Member {
	if m := periodOn(orgs, from); m != nil {
		return m
	}
	if len(orgs) == 1 {
		s.warnf(row, "from", s.cell(cells, "from"), "participation.outside_period", orgs[0].Name, memberLabel(orgs[0]))
		return orgs[0]
	}
	s.errorf(row, "from", s.cell(cells, "from"), "participation.no_period", orgs[0].Name)
	return nil
}

func (s *sheet) applyParticipation(row int, cells []Cell, m *analytics.Member, sv *analytics.Service,
	from, to time.Time, claimed map[*analytics.Participation]int) {
	r := s.b.reg
	match, ambiguous := matchParticipation(r.parts[[2]int64{m.ID, sv.ID}], from, to)
	if ambiguous {
		s.errorf(row, "from", s.cell(cells, "from"), "participation.ambiguous", m.Name, sv.Name)
		return
	}
	if prev, dup := claimed[match]; match != nil && dup {
		s.errorf(row, "service", s.cell(cells, "service"), "row.duplicate", prev)
		return
	}
	if match == nil {
		p := &analytics.Participation{ID: r.nextTempID(), MemberID: m.ID, ServiceID: sv.ID, FromOn: from, ToOn: to}
		r.addParticipation(p)
		r.partChanges.insert(p)
		claimed[p] = row
		s.added(row, "participations", partLabel(m, sv, p))
		return
	}
	claimed[match] = row
	updated := *match
	updated.FromOn = from
	if s.has("to") {
		updated.ToOn = to
	}
	s.updateParticipation(row, m, sv, match, updated)
}

// updateParticipation changes a participation to updated, if it differs.
func (s *sheet) updateParticipation(row int, m *analytics.Member, sv *analytics.Service, p *analytics.Participation,
	updated analytics.Participation) {
	d := s.diff()
	d.add("from", p.FromOn, updated.FromOn)
	d.add("to", p.ToOn, updated.ToOn)
	if d.empty() {
		s.unchanged("participations")
		return
	}
	s.b.reg.partChanges.touch(p)
	*p = updated
	s.changed(row, "participations", partLabel(m, sv, p), d)
}

// matchParticipation finds the participation with the same start, else the
// only one overlapping [from, to].
func matchParticipation(ps []*analytics.Participation, from, to time.Time) (*analytics.Participation, bool) {
	var overlapping []*analytics.Participation
	for _, p := range ps {
		if p.FromOn.Equal(from) {
			return p, false
		}
		if overlaps(from, to, p.FromOn, p.ToOn) {
			overlapping = append(overlapping, p)
		}
	}
	switch len(overlapping) {
	case 0:
		return nil, false
	case 1:
		return overlapping[0], false
	}
	return nil, true
}

func partLabel(m *analytics.Member, sv *analytics.Service, p *analytics.Participation) string {
	period := p.FromOn.Format(time.DateOnly) + "–"
	if !p.ToOn.IsZero() {
		period += p.ToOn.Format(time.DateOnly)
	}
	return label(m.Name+" – "+sv.Name, period)
}
