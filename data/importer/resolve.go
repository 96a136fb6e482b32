package importer

import (
	"strings"
	"time"

	"malbild/analytics"
)

// memberships finds the membership rows of the organisation a cell names:
// by the name it has in the registry, by a code ("180" for "0180", "20" for
// Region Dalarna), or by any name the reference data knows for a
// municipality ("Karlstads kommun") or a region's county.
func (r *registry) memberships(c Cell, l *lookups) []*analytics.Member {
	if rows := r.byName.get(fold(c.Text())); len(rows) > 0 {
		return rows
	}
	if digits, ok := parseDigits(c); ok {
		switch {
		case len(digits) <= 2:
			return r.byCode.get(strings.Repeat("0", 2-len(digits)) + digits)
		case len(digits) <= 4:
			return r.byCode.get(strings.Repeat("0", 4-len(digits)) + digits)
		}
		return nil
	}
	if m, ok := l.municipality(c.Text()); ok {
		return r.byCode.get(m.Code)
	}
	if county, ok := l.county(c.Text()); ok {
		var regions []*analytics.Member
		for _, m := range r.byCode.get(county.Code) {
			if m.Kind == analytics.KindRegion {
				regions = append(regions, m)
			}
		}
		return regions
	}
	return nil
}

// member resolves a row's member cell to its membership rows, reporting a
// problem when there are none.
func (s *sheet) member(row int, cells []Cell, f field) []*analytics.Member {
	c := s.cell(cells, f)
	if c.Empty() {
		s.errorf(row, f, c, "value.required")
		return nil
	}
	rows := s.b.reg.memberships(c, &s.b.lookups)
	if len(rows) > 0 {
		return rows
	}
	if m, ok := s.b.lookups.municipality(c.Text()); ok {
		s.errorf(row, f, c, "member.not_member", m.Name)
	} else {
		s.errorf(row, f, c, "member.not_found", suggestions(c.Text()))
	}
	return nil
}

// service resolves a service or network by name, reporting a problem when
// there is none.
func (s *sheet) service(row int, cells []Cell, f field) *analytics.Service {
	c := s.cell(cells, f)
	if c.Empty() {
		s.errorf(row, f, c, "value.required")
		return nil
	}
	if sv := s.b.reg.serviceByName[fold(c.Text())]; sv != nil {
		return sv
	}
	s.errorf(row, f, c, "service.not_found")
	return nil
}

// periodOn is the membership row active on day, or nil.
func periodOn(rows []*analytics.Member, day time.Time) *analytics.Member {
	for _, m := range rows {
		if contains(m.JoinedOn, m.LeftOn, day) {
			return m
		}
	}
	return nil
}

// latestBy is the membership row that started last on or before day, else
// the first one.
func latestBy(rows []*analytics.Member, day time.Time) *analytics.Member {
	var best *analytics.Member
	for _, m := range rows {
		if !m.JoinedOn.After(day) && (best == nil || m.JoinedOn.After(best.JoinedOn)) {
			best = m
		}
	}
	if best == nil {
		for _, m := range rows {
			if best == nil || m.JoinedOn.Before(best.JoinedOn) {
				best = m
			}
		}
	}
	return best
}
