package importer

import (
	"strconv"
	"time"

	"malbild/analytics"
)

// applyGoal adds the goal or changes the goal of the same year and key. A
// manual goal's status carries the import date as the day it was set, when
// it is new or changes.
func (s *sheet) applyGoal(row int, cells []Cell, g analytics.Goal) {
	r := s.b.reg
	k := goalKey{g.Year, g.Key}
	lbl := label(strconv.Itoa(g.Year), g.Key)
	old := r.goals[k]
	if old == nil {
		if !s.require(row, cells, "number") || !s.require(row, cells, "text") {
			return
		}
		if g.Status != "" {
			g.StatusSetOn = s.b.today
		}
		added := g
		added.ID = r.nextTempID()
		r.goals[k] = &added
		r.goalChanges.insert(&added)
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
	set("comment", func() { updated.Comment = g.Comment })
	set("due", func() { updated.DueOn = g.DueOn })
	if g.Metric == "manual" {
		updated.Comparator, updated.Target, updated.UpperTarget, updated.Params = "", nil, nil, ""
		set("status", func() { updated.Status = g.Status })
	} else {
		updated.Comparator, updated.Target, updated.Status = g.Comparator, g.Target, ""
		set("params", func() { updated.Params = g.Params })
		set("upper_target", func() { updated.UpperTarget = g.UpperTarget })
	}
	switch {
	case updated.Status == "":
		updated.StatusSetOn = time.Time{}
	case updated.Status != old.Status:
		updated.StatusSetOn = s.b.today
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
	d.add("status", old.Status, updated.Status)
	d.add("comment", old.Comment, updated.Comment)
	if d.empty() {
		s.unchanged("goals")
		return
	}
	r.goalChanges.touch(old)
	*old = updated
	s.changed(row, "goals", lbl, d)
}
