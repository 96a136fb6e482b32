package importer

import (
	"malbild/analytics"
)

// readServices reads a sheet of services and networks, matched by name.
func (s *sheet) readServices() error {
	seen := map[string]int{}
	return s.each(s.head.row, func(row int, cells []Cell) {
		name := s.cell(cells, "name").Text()
		if name == "" {
			s.errorf(row, "name", Cell{}, "value.required")
			return
		}
		if prev, dup := seen[fold(name)]; dup {
			s.errorf(row, "name", s.cell(cells, "name"), "row.duplicate", prev)
			return
		}
		seen[fold(name)] = row
		kind, ok1 := s.choice(row, cells, "kind", serviceKindWords, "service.kind")
		started, ok2 := s.date(row, cells, "started", false)
		ended, ok3 := s.date(row, cells, "ended", true)
		if !ok1 || !ok2 || !ok3 {
			return
		}
		if !started.IsZero() && !ended.IsZero() && ended.Before(started) {
			s.errorf(row, "ended", s.cell(cells, "ended"), "value.date_order", started.Format("2006-01-02"))
			return
		}
		area := s.cell(cells, "area").Text()
		old := s.b.reg.serviceByName[fold(name)]
		if old == nil {
			if !s.require(row, cells, "kind") {
				return
			}
			sv := &analytics.Service{ID: s.b.reg.nextTempID(), Name: name, Kind: kind, Area: area,
				StartedOn: started, EndedOn: ended}
			s.b.reg.addService(sv)
			s.b.reg.serviceChanges.insert(sv)
			s.added(row, "services", name)
			return
		}
		updated := *old
		if kind != "" {
			updated.Kind = kind
		}
		if s.has("area") {
			updated.Area = area
		}
		if s.has("started") {
			updated.StartedOn = started
		}
		if s.has("ended") {
			updated.EndedOn = ended
		}
		if !updated.StartedOn.IsZero() && !updated.EndedOn.IsZero() && updated.EndedOn.Before(updated.StartedOn) {
			s.errorf(row, "ended", s.cell(cells, "ended"), "value.date_order", updated.StartedOn.Format("2006-01-02"))
			return
		}
		d := s.diff()
		d.add("kind", old.Kind, updated.Kind)
		d.add("area", old.Area, updated.Area)
		d.add("started", old.StartedOn, updated.StartedOn)
		d.add("ended", old.EndedOn, updated.EndedOn)
		if d.empty() {
			s.unchanged("services")
			return
		}
		s.b.reg.serviceChanges.touch(old)
		*old = updated
		s.changed(row, "services", old.Name, d)
	})
}
