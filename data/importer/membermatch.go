package importer

import (
	"slices"
	"time"

	"malbild/analytics"
)

// applyMember matches a members sheet's row against the registry and adds
// or changes the membership row. claimed remembers which sheet row each
// membership row came from, so a period given twice is an error.
func (s *sheet) applyMember(in memberRow, cells []Cell, claimed map[*analytics.Member]int) {
	r, m, row := s.b.reg, in.m, in.row
	match, ambiguous := choosePeriod(r.organisation(m.Code, m.OrgNumber, m.Name), m.JoinedOn, m.LeftOn)
	if ambiguous {
		s.errorf(row, "joined", s.cell(cells, "joined"), "member.ambiguous_period", m.Name)
		return
	}
	if prev, dup := claimed[match]; match != nil && dup {
		s.errorf(row, "name", s.cell(cells, "name"), "member.duplicate", prev)
		return
	}
	if m.Kind == "" {
		if match == nil {
			at := field("kind")
			if !s.has(at) {
				at = "name" // the sheet has no kind column: the name is what to look at
			}
			s.errorf(row, at, s.cell(cells, at), "member.kind_missing", m.Name, suggestions(m.Name))
			return
		}
		// The row does not say the kind: the organisation keeps its kind,
		// and with it the code and county the kind gave it.
		m.Kind = match.Kind
		if m.Code == "" {
			m.Code = match.Code
		}
		if m.CountyCode == "" {
			m.CountyCode = match.CountyCode
		}
	}
	if match == nil {
		if m.JoinedOn.IsZero() {
			s.errorf(row, "joined", s.cell(cells, "joined"), "member.joined_required", m.Name)
			return
		}
		added := m
		added.ID = r.nextTempID()
		r.addMember(&added)
		r.memberChanges.insert(&added)
		claimed[&added] = row
		s.added(row, "members", memberLabel(&added))
		return
	}
	claimed[match] = row
	updated := s.mergeMember(*match, m, in.kindSaid, cells)
	if !updated.LeftOn.IsZero() && updated.LeftOn.Before(updated.JoinedOn) {
		s.errorf(row, "left", s.cell(cells, "left"), "value.date_order", updated.JoinedOn.Format(time.DateOnly))
		return
	}
	d := s.diff()
	d.add("name", match.Name, updated.Name)
	d.add("kind", match.Kind, updated.Kind)
	d.add("code", match.Code, updated.Code)
	d.add("org_number", match.OrgNumber, updated.OrgNumber)
	d.add("county", match.CountyCode, updated.CountyCode)
	d.add("population", match.Population, updated.Population)
	d.add("group", match.Group, updated.Group)
	d.add("joined", match.JoinedOn, updated.JoinedOn)
	d.add("left", match.LeftOn, updated.LeftOn)
	d.add("contact", match.ContactName, updated.ContactName)
	d.add("email", match.ContactEmail, updated.ContactEmail)
	if d.empty() {
		s.unchanged("members")
		return
	}
	r.memberChanges.touch(match)
	r.unindexMember(match)
	*match = updated
	r.indexMember(match)
	s.changed(row, "members", memberLabel(match), d)
}

// mergeMember is old with what the row says: every column the sheet has
// counts, an empty cell included, except an empty start, which keeps the
// old one. A municipality's or region's code and county always follow the
// reference data.
func (s *sheet) mergeMember(old, m analytics.Member, kindSaid bool, cells []Cell) analytics.Member {
	out := old
	out.Name = m.Name
	if kindSaid || m.Kind == analytics.KindKommun {
		out.Kind = m.Kind
	}
	if m.Kind == analytics.KindKommun || m.Kind == analytics.KindRegion {
		out.Code, out.CountyCode = m.Code, m.CountyCode
	} else if s.has("county") {
		out.CountyCode = m.CountyCode
	}
	set := func(f field, dst *string, v string) {
		if s.has(f) {
			*dst = v
		}
	}
	set("org_number", &out.OrgNumber, m.OrgNumber)
	set("group", &out.Group, m.Group)
	set("contact", &out.ContactName, m.ContactName)
	set("email", &out.ContactEmail, m.ContactEmail)
	if s.has("population") {
		out.Population = m.Population
	}
	if s.given(cells, "joined") {
		out.JoinedOn = m.JoinedOn
	}
	if s.has("left") {
		out.LeftOn = m.LeftOn
	}
	return out
}

// organisation returns the membership rows of an organisation: by code if
// any row has it, else by organisation number, else by name.
func (r *registry) organisation(code, org, name string) []*analytics.Member {
	if rows := r.byCode[code]; code != "" && len(rows) > 0 {
		return rows
	}
	if rows := r.byOrg[org]; org != "" && len(rows) > 0 {
		return rows
	}
	return r.byName[fold(name)]
}

// choosePeriod picks the membership row a period describes: the one that
// starts the same day, else the one it overlaps. Without a start, an
// organisation's only row, or its latest. ambiguous: it overlaps several.
func choosePeriod(rows []*analytics.Member, joined, left time.Time) (match *analytics.Member, ambiguous bool) {
	if len(rows) == 0 {
		return nil, false
	}
	if joined.IsZero() {
		return slices.MaxFunc(rows, func(a, b *analytics.Member) int { return a.JoinedOn.Compare(b.JoinedOn) }), false
	}
	var overlapping []*analytics.Member
	for _, m := range rows {
		if m.JoinedOn.Equal(joined) {
			return m, false
		}
		if overlaps(joined, left, m.JoinedOn, m.LeftOn) {
			overlapping = append(overlapping, m)
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

// overlaps says whether two inclusive periods share a day; a zero end is open.
func overlaps(from1, to1, from2, to2 time.Time) bool {
	return (to2.IsZero() || !from1.After(to2)) && (to1.IsZero() || !from2.After(to1))
}

// contains says whether day lies in the inclusive period [from, to].
func contains(from, to, day time.Time) bool {
	return !day.Before(from) && (to.IsZero() || !day.After(to))
}

func memberLabel(m *analytics.Member) string {
	period := m.JoinedOn.Format(time.DateOnly) + "–"
	if !m.LeftOn.IsZero() {
		period += m.LeftOn.Format(time.DateOnly)
	}
	return label(m.Name, m.Code, period)
}
