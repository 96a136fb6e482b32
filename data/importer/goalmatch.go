package importer

import (
	"strconv"
	"time"

	"malbild/analytics"
)

// applyGoal adds the goal or changes the goal of the same year and key. Its
// status and comment are the board's dated input (boardInput): added to the
// goal's history, never written over it.
func (s *sheet) applyGoal(row int, cells []Cell, g analytics.Goal) {
	r := s.b.reg
	k := goalKey{g.Year, g.Key}
	lbl := label(strconv.Itoa(g.Year), g.Key)
	old := r.goals[k]
	if old == nil {
		if !s.require(row, cells, "number") || !s.require(row, cells, "text") {
			return
		}
		added := g
		added.ID = r.nextTempID()
		added.Status, added.StatusSetOn, added.Comment = "", time.Time{}, ""
		r.goals[k] = &added
		r.goalChanges.insert(&added)
		s.boardInput(&added, g, s.diff())
		s.added(row, "goals", lbl)
		return
	}
	updated := *old
	updated.Metric = g.Metric
	if s.given(cells, "number") {
		updated.Number = g.Number
	}
	if s.given(cells, "text") {
		updated.Text = g.Text
	}
	set := func(f field, apply func()) {
		if s.has(f) {
			apply()
		}
	}
	set("area", func() { updated.Area = g.Area })
	set("due", func() { updated.DueOn = g.DueOn })
	if g.Metric == "manual" {
		updated.Comparator, updated.Target, updated.UpperTarget, updated.Params = "", nil, nil, ""
	} else {
		updated.Comparator, updated.Target = g.Comparator, g.Target
		set("params", func() { updated.Params = g.Params })
		set("upper_target", func() { updated.UpperTarget = g.UpperTarget })
	}
	d := s.diff()
	d.add("number", old.Number, updated.Number)
	d.add("area", old.Area, updated.Area)
	d.add("text", old.Text, updated.Text)
	d.add("metric", old.Metric, updated.Metric)
	d.add("params", old.Params, updated.Params)
	d.add("comparator", old.Comparator, updated.Comparator)
	d.add("target", old.Target, updated.Target)
	d.add("upper_target", old.UpperTarget, updated.UpperTarget)
	d.add("due", old.DueOn, updated.DueOn)
	if !d.empty() {
		r.goalChanges.touch(old)
		*old = updated
	}
	// The input is dated against the due date as the file leaves it.
	if input := s.boardInput(old, g, d); !input && d.empty() {
		s.unchanged("goals")
		return
	}
	s.changed(row, "goals", lbl, d)
}
