package importer

import (
	"time"

	"malbild/analytics"
)

// readEvents reads a sheet of events, matched by name and date.
func (s *sheet) readEvents() error {
	seen := map[string]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		name := s.cell(cells, "name").Text()
		held, ok1 := s.date(row, cells, "date", false)
		format, ok2 := s.choice(row, cells, "format", formatWords, "event.format")
		role, ok3 := s.choice(row, cells, "role", roleWords, "event.role")
		if !ok1 || !ok2 || !ok3 || !s.require(row, cells, "name") || !s.require(row, cells, "date") {
			return
		}
		key := fold(name) + "|" + held.Format(time.DateOnly)
		if prev, dup := seen[key]; dup {
			s.errorf(row, "name", s.cell(cells, "name"), "row.duplicate", prev)
			return
		}
		seen[key] = row
		r := s.b.reg
		var old *analytics.Event
		for _, e := range r.eventsByName[fold(name)] {
			if e.HeldOn.Equal(held) {
				old = e
			}
		}
		lbl := label(name, held.Format(time.DateOnly))
		if old == nil {
			if !s.require(row, cells, "format") || !s.require(row, cells, "role") {
				return
			}
			e := &analytics.Event{ID: r.nextTempID(), Name: name, HeldOn: held, Format: format, Role: role}
			r.addEvent(e)
			r.eventChanges.insert(e)
			s.added(row, "events", lbl)
			return
		}
		updated := *old
		if format != "" {
			updated.Format = format
		}
		if role != "" {
			updated.Role = role
		}
		d := s.diff()
		d.add("format", old.Format, updated.Format)
		d.add("role", old.Role, updated.Role)
		if d.empty() {
			s.unchanged("events")
			return
		}
		r.eventChanges.touch(old)
		*old = updated
		s.changed(row, "events", lbl, d)
	})
}

// readAttendance reads how many people of each member came to each event.
// An event is named by its name, with its date when two share a name; the
// member's row is the membership active on the event's day.
func (s *sheet) readAttendance() error {
	seen := map[[2]int64]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		e := s.event(row, cells)
		orgs := s.member(row, cells, "member")
		n, ok := s.integer(row, cells, "attendees", 0)
		if e == nil || orgs == nil || !ok || !s.require(row, cells, "attendees") {
			return
		}
		m := periodOn(orgs, e.HeldOn)
		if m == nil {
			m = latestBy(orgs, e.HeldOn)
		}
		key := [2]int64{e.ID, m.ID}
		if prev, dup := seen[key]; dup {
			s.errorf(row, "member", s.cell(cells, "member"), "row.duplicate", prev)
			return
		}
		seen[key] = row
		r := s.b.reg
		lbl := e.Name + " – " + m.Name
		old := r.attendance[key]
		if old == nil {
			a := &analytics.Attendance{EventID: e.ID, MemberID: m.ID, Attendees: n}
			r.attendance[key] = a
			r.attendanceChanges.insert(a)
			s.added(row, "attendance", lbl)
			return
		}
		d := s.diff()
		d.add("attendees", old.Attendees, n)
		if d.empty() {
			s.unchanged("attendance")
			return
		}
		r.attendanceChanges.touch(old)
		old.Attendees = n
		s.changed(row, "attendance", lbl, d)
	})
}

// event finds the event a row names.
func (s *sheet) event(row int, cells []Cell) *analytics.Event {
	c := s.cell(cells, "event")
	if c.Empty() {
		s.errorf(row, "event", c, "value.required")
		return nil
	}
	events := s.b.reg.eventsByName[fold(c.Text())]
	if s.given(cells, "date") {
		held, ok := s.date(row, cells, "date", false)
		if !ok {
			return nil
		}
		for _, e := range events {
			if e.HeldOn.Equal(held) {
				return e
			}
		}
		events = nil
	}
	switch len(events) {
	case 0:
		s.errorf(row, "event", c, "event.not_found")
		return nil
	case 1:
		return events[0]
	}
	s.errorf(row, "event", c, "event.ambiguous")
	return nil
}
