package importer

import (
	"slices"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/data/reference"
)

// applyMember matches a members sheet's row against the registry and adds
// or changes the membership row. claimed remembers which sheet row each
// membership row came from, so a period given twice is an error.
func (s *sheet) applyMember(in memberRow, cells []Cell, claimed map[*analytics.Member]int) {
	r, m, row := s.b.reg, in.m, in.row
	var buf [3]claim // the claims stay on the stack: one row's, read at once
	rows, conflict := r.organisation(s.claims(buf[:0], cells, m))
	if conflict != nil {
		s.identityConflict(row, cells, conflict)
		return
	}
	match, ambiguous := choosePeriod(rows, m.JoinedOn, m.LeftOn)
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

// claim is what one identifying column of a row says: the municipality
// code, the organisation number or the name, and the membership rows it
// points at.
type claim struct {
	field field  // the column it was read from ("name" for a code taken from a municipality's name)
	value string // as the row gives it
	kind  field  // what it is: "code", "org_number" or "name"
	code  string // the municipality or county code, for a code claim
	rows  []*analytics.Member
}

// claims appends the row's identifiers to out, strongest first: code,
// organisation number, name.
func (s *sheet) claims(out []claim, cells []Cell, m analytics.Member) []claim {
	r := s.b.reg
	if m.Code != "" {
		c := claim{field: "code", value: m.Code, kind: "code", code: m.Code, rows: r.byCode.get(m.Code)}
		if !s.given(cells, "code") {
			c.field, c.value = "name", s.cell(cells, "name").Text() // a municipality's code, from its name
		}
		out = append(out, c)
	}
	if m.OrgNumber != "" {
		out = append(out, claim{field: "org_number", value: m.OrgNumber, kind: "org_number", rows: r.byOrg.get(m.OrgNumber)})
	}
	if m.Name != "" {
		out = append(out, claim{field: "name", value: s.cell(cells, "name").Text(), kind: "name", rows: r.byName.get(fold(m.Name))})
	}
	return out
}

// organisation returns the membership rows of an organisation: by code if
// any row has it, else by organisation number, else by name. When two of
// the row's identifiers point at different organisations, or the row's
// code is not the code of the organisation its number or name points at,
// it returns the two claims that disagree and no rows: the import never
// chooses between members silently (a template row with Karlstad's code
// and Heby's organisation number once renamed Heby to Karlstad).
func (r *registry) organisation(claims []claim) ([]*analytics.Member, *[2]claim) {
	var match *claim
	for i := range claims {
		if len(claims[i].rows) > 0 {
			match = &claims[i]
			break
		}
	}
	if match == nil {
		return nil, nil
	}
	for _, c := range claims {
		if len(c.rows) > 0 && !sameOrganisation(match.rows, c.rows) {
			return nil, &[2]claim{*match, c}
		}
		if c.kind == "code" && match.kind != "code" {
			// no member has the code, but the member the number or name
			// points at has another one
			for _, m := range match.rows {
				if m.Code != "" && m.Code != c.code {
					return nil, &[2]claim{c, *match}
				}
			}
		}
	}
	return match.rows, nil
}

// sameOrganisation says whether two sets of membership rows share a row.
func sameOrganisation(a, b []*analytics.Member) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// identityConflict reports a row whose identifiers point at different
// members, naming both and the columns.
func (s *sheet) identityConflict(row int, cells []Cell, c *[2]claim) {
	s.errorf(row, c[1].field, s.cell(cells, c[1].field), "member.identity_conflict",
		s.header(c[0].field), c[0].value, s.claimedMember(c[0]),
		s.header(c[1].field), c[1].value, s.claimedMember(c[1]))
}

// claimedMember names the member a claim points at: the newest of its
// rows, or for a code no member has, the municipality it is the code of.
func (s *sheet) claimedMember(c claim) string {
	if len(c.rows) == 0 {
		name := c.value
		if m, ok := reference.MunicipalityByCode(c.code); ok {
			name = m.Name
		}
		return locale.Text(s.b.lang, "member.not_a_member", name, c.code)
	}
	m := slices.MaxFunc(c.rows, func(a, b *analytics.Member) int { return a.JoinedOn.Compare(b.JoinedOn) })
	if ids := label(m.Code, m.OrgNumber); ids != "" {
		return m.Name + " (" + ids + ")"
	}
	return m.Name
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
