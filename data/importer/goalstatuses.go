package importer

import "malbild/analytics"

// boardInput adds the status and comment of a goal's row as the board's
// input on the row's Statusdatum or, without one, on min(import day, due
// date), unless the goal already has that status and comment on that day.
// Only the columns the sheet has count: a sheet without Kommentar leaves the
// comment as it was. It records what changes in d and reports whether
// anything did.
func (s *sheet) boardInput(goal *analytics.Goal, row analytics.Goal, d *diff) bool {
	setStatus := s.has("status") && row.Metric == analytics.MetricManual && row.Status != ""
	setComment := s.has("comment")
	if !setStatus && !setComment {
		return false
	}
	on := row.StatusSetOn
	if on.IsZero() {
		on = analytics.UndatedInputDay(s.b.today, goal.Due())
	}
	r := s.b.reg
	was := analytics.BoardInputOn(r.goalInput[goal.ID], on)
	e := analytics.GoalStatusEntry{ID: r.nextTempID(), GoalID: goal.ID, SetOn: on, Comment: was.Comment}
	if setStatus {
		e.Status = analytics.Status(row.Status)
	}
	if setComment {
		e.Comment = row.Comment
	}
	statusChanges := setStatus && e.Status != was.Status
	if !statusChanges && e.Comment == was.Comment {
		return false
	}
	if statusChanges {
		d.add("status", string(was.Status), string(e.Status))
	}
	d.add("comment", was.Comment, e.Comment)
	d.add("status_date", was.StatusDate, on)
	r.goalInput[goal.ID] = append(r.goalInput[goal.ID], e)
	r.goalInputChanges.insert(&e)
	return true
}
