package importer

import (
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
)

var wideSpec = kindSpec{kind: KindWide, fields: []fieldSpec{{"member", wideMemberNames}}}

// readWide reads a wide participation sheet: a row per member, a column per
// service or network. It is a picture of one day (a title row's "Per
// 2023-03-31", else the import date): a cell with x, ja or ✓ means taking
// part since the later of the member's and the service's start, a year or a
// date is the start, and an empty cell ends, the day before, a
// participation that is active in the registry on that day and has no end.
func (s *sheet) readWide() error {
	names := make([]string, len(s.wideHead))
	for i, c := range s.wideHead {
		names[i] = c.Text()
	}
	s.head = &header{spec: &wideSpec, row: s.wideRow, names: names, columns: map[field]int{"member": 0}}
	var services []wideColumn
	var unknown []int
	for col := 1; col < len(names); col++ {
		if names[col] == "" {
			continue
		}
		if sv := s.b.reg.serviceByName[fold(names[col])]; sv != nil {
			services = append(services, wideColumn{col, sv})
		} else {
			unknown = append(unknown, col)
		}
	}
	if len(services) == 0 {
		s.head = nil
		s.unknownKind(s.wideRow)
		return nil
	}
	s.describe(KindWide, s.wideRow)
	for _, wc := range services {
		s.plan.Columns = append(s.plan.Columns, Column{Header: names[wc.col], Field: "service", Label: locale.Text(s.b.lang, "field.service")})
	}
	for _, col := range unknown {
		s.failAt(s.wideRow, names[col], names[col], "wide.unknown_service", names[col])
	}
	day := s.b.today
	for _, t := range s.titles {
		if d, ok := dayOfTitle(t); ok {
			day = d
			break
		}
	}
	s.plan.Day = day.Format(time.DateOnly)
	w := &wide{sheet: s, day: day, services: services, claimed: map[*analytics.Participation]int{},
		rows: map[*analytics.Member]int{}}
	return s.each(s.wideRow, w.row)
}

// wideColumn is a wide sheet's column of a service.
type wideColumn struct {
	col int
	sv  *analytics.Service
}

// wide is the state of reading a wide sheet.
type wide struct {
	*sheet
	day      time.Time
	services []wideColumn
	claimed  map[*analytics.Participation]int
	rows     map[*analytics.Member]int // membership row → the sheet row naming it
}

func (w *wide) row(row int, cells []Cell) {
	orgs := w.member(row, cells, "member")
	if orgs == nil {
		return
	}
	current := periodOn(orgs, w.day)
	if current == nil {
		current = latestBy(orgs, w.day)
	}
	if prev, dup := w.rows[current]; dup {
		w.errorf(row, "member", w.cell(cells, "member"), "row.duplicate", prev)
		return
	}
	w.rows[current] = row
	for _, wc := range w.services {
		col, sv := wc.col, wc.sv
		c := Cell{}
		if col < len(cells) {
			c = cells[col]
		}
		if c.Empty() {
			w.end(row, col, orgs, sv)
			continue
		}
		w.cellValue(row, col, c, orgs, current, sv)
	}
}

// cellValue applies one non-empty cell: a mark or a start.
func (w *wide) cellValue(row, col int, c Cell, orgs []*analytics.Member, current *analytics.Member, sv *analytics.Service) {
	column := w.head.names[col]
	if markWords[word(c)] {
		from := current.JoinedOn
		if sv.StartedOn.After(from) {
			from = sv.StartedOn
		}
		ps := w.b.reg.parts[[2]int64{current.ID, sv.ID}]
		for _, p := range ps {
			if contains(p.FromOn, p.ToOn, w.day) || p.FromOn.Equal(from) {
				if w.claim(row, column, c, p) {
					w.unchanged("participations")
				}
				return
			}
		}
		w.add(row, column, c, current, sv, from)
		return
	}
	from, problem := parseDate(c, false)
	if problem != dateOK {
		w.fail(row, column, c, "wide.cell")
		return
	}
	m := periodOn(orgs, from)
	if m == nil {
		m = current
		w.warn(row, column, c, "participation.outside_period", m.Name, memberLabel(m))
	}
	ps := w.b.reg.parts[[2]int64{m.ID, sv.ID}]
	var active *analytics.Participation
	for _, p := range ps {
		if p.FromOn.Equal(from) {
			if w.claim(row, column, c, p) {
				w.unchanged("participations")
			}
			return
		}
		if contains(p.FromOn, p.ToOn, w.day) {
			active = p
		}
	}
	if active == nil {
		w.add(row, column, c, m, sv, from)
		return
	}
	if !w.claim(row, column, c, active) {
		return
	}
	updated := *active
	updated.FromOn = from
	if !updated.ToOn.IsZero() && updated.ToOn.Before(from) {
		w.fail(row, column, c, "value.date_order_to", updated.ToOn.Format(time.DateOnly))
		return
	}
	w.updateParticipation(row, m, sv, active, updated)
}

func (w *wide) add(row int, column string, c Cell, m *analytics.Member, sv *analytics.Service, from time.Time) {
	r := w.b.reg
	p := &analytics.Participation{ID: r.nextTempID(), MemberID: m.ID, ServiceID: sv.ID, FromOn: from}
	r.addParticipation(p)
	r.partChanges.insert(p)
	w.claim(row, column, c, p)
	w.added(row, "participations", partLabel(m, sv, p))
}

// claim marks a participation as described by a cell; a second cell
// describing it is an error.
func (w *wide) claim(row int, column string, c Cell, p *analytics.Participation) bool {
	if prev, dup := w.claimed[p]; dup {
		w.fail(row, column, c, "row.duplicate", prev)
		return false
	}
	w.claimed[p] = row
	return true
}

// end ends the participations of the member in the service that are active
// on the sheet's day and open: they end the day before.
func (w *wide) end(row, col int, orgs []*analytics.Member, sv *analytics.Service) {
	m := periodOn(orgs, w.day)
	if m == nil || (!sv.EndedOn.IsZero() && sv.EndedOn.Before(w.day)) {
		return
	}
	for _, p := range w.b.reg.parts[[2]int64{m.ID, sv.ID}] {
		if !p.ToOn.IsZero() || p.FromOn.After(w.day) || w.claimed[p] != 0 {
			continue
		}
		column := w.head.names[col]
		if p.FromOn.Equal(w.day) {
			w.failAt(row, column, "", "wide.starts_on_day", m.Name, sv.Name, w.day.Format(time.DateOnly))
			continue
		}
		w.b.reg.partChanges.touch(p)
		p.ToOn = w.day.AddDate(0, 0, -1)
		w.claimed[p] = row
		w.b.plan.Counts["participations"].Changed++
		w.plan.Ended = append(w.plan.Ended, Ending{Row: row, Column: column, Label: m.Name + " – " + sv.Name,
			From: p.FromOn.Format(time.DateOnly), To: p.ToOn.Format(time.DateOnly)})
	}
}
