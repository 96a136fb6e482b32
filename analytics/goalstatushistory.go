package analytics

import (
	"context"
	"strings"
	"time"

	"malbild/analytics/store"
)

// GoalStatusEntry is one dated piece of board input on a goal (DESIGN
// "Precise readings: Dated board input"), a row of goal_statuses: the status
// the board set on SetOn ("" for a comment only, the only kind a measured
// goal has) and the comment that goes with it ("" for none).
type GoalStatusEntry struct {
	ID      int64
	GoalID  int64
	SetOn   time.Time
	Status  Status
	Comment string
}

// BoardInput is what the board had said about a goal by a day: the latest
// status set on or before it (with that day) and the comment of the latest
// entry on or before it.
type BoardInput struct {
	Status     Status    // "" when none was set by then
	StatusDate time.Time // the day Status was set
	Comment    string
	// Latest is the day of the latest entry, the one Comment is from: the
	// Statusdatum under which the data export writes Status and Comment, so
	// that importing the export finds them as they are (zero: no input).
	Latest time.Time
}

// BoardInputOn reads the entries of one goal (in any order) as of day d:
// nothing dated after d counts.
func BoardInputOn(entries []GoalStatusEntry, d time.Time) BoardInput {
	var in BoardInput
	var last *GoalStatusEntry
	var lastStatus *GoalStatusEntry
	for i := range entries {
		e := &entries[i]
		if e.SetOn.After(d) {
			continue
		}
		if last == nil || later(e, last) {
			last = e
		}
		if e.Status != "" && (lastStatus == nil || later(e, lastStatus)) {
			lastStatus = e
		}
	}
	if lastStatus != nil {
		in.Status, in.StatusDate = lastStatus.Status, lastStatus.SetOn
	}
	if last != nil {
		in.Comment, in.Latest = last.Comment, last.SetOn
	}
	return in
}

// LatestBoardInputs is every goal's board input with nothing left out (as
// the data export writes it), by goal id; goals without input are absent.
func (s *Store) LatestBoardInputs(ctx context.Context) (map[int64]BoardInput, error) {
	entries, err := s.goalStatusEntries(ctx, "")
	if err != nil {
		return nil, err
	}
	out := make(map[int64]BoardInput, len(entries))
	for id, es := range entries {
		out[id] = BoardInputOn(es, endOfTime)
	}
	return out, nil
}

// endOfTime is a day after every day of the registry.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// later orders entries by day, and by id (the order they were written in)
// within a day.
func later(a, b *GoalStatusEntry) bool {
	if !a.SetOn.Equal(b.SetOn) {
		return a.SetOn.After(b.SetOn)
	}
	return a.ID > b.ID
}

// UndatedInputDay is the day a status or comment imported without a date
// counts from: min(import day, due date), so history typed in afterwards is
// known from the goal's due date on, not before.
func UndatedInputDay(importDay, due time.Time) time.Time {
	if due.Before(importDay) {
		return day(due)
	}
	return day(importDay)
}

// GoalStatusHistory lists the board's input on a goal set on or before asOf
// (the zero time: all of it), oldest first.
func (s *Store) GoalStatusHistory(ctx context.Context, goalID int64, asOf time.Time) ([]GoalStatusEntry, error) {
	if asOf.IsZero() {
		asOf = endOfTime
	}
	byGoal, err := s.goalStatusEntries(ctx, "WHERE goal_id = ? AND set_on <= ?", goalID, day(asOf))
	return byGoal[goalID], err
}

// readGoalStatusEntries reads the rows of goal_statuses matching where (a clause
// with ? arguments), by goal, oldest first.
func (s *Store) readGoalStatusEntries(ctx context.Context, where string, args ...any) (map[int64][]GoalStatusEntry, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, goal_id, set_on, coalesce(status, ''), coalesce(comment, '')
		FROM goal_statuses `+where+`
		ORDER BY goal_id, set_on, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]GoalStatusEntry{}
	for rows.Next() {
		var e GoalStatusEntry
		if err := rows.Scan(&e.ID, &e.GoalID, &e.SetOn, &e.Status, &e.Comment); err != nil {
			return nil, err
		}
		e.SetOn = day(e.SetOn)
		out[e.GoalID] = append(out[e.GoalID], e)
	}
	return out, rows.Err()
}

// execer is a *store.Store, *store.Conn or *store.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (store.Result, error)
}

// insertGoalStatus writes one dated entry of board input.
func insertGoalStatus(ctx context.Context, db execer, goalID int64, setOn time.Time, status Status, comment string) error {
	_, err := db.ExecContext(ctx, `INSERT INTO goal_statuses (goal_id, set_on, status, comment) VALUES (?, ?, ?, ?)`,
		goalID, day(setOn), text(string(status)), text(strings.TrimSpace(comment)))
	return err
}
