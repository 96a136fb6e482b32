package analytics

import (
	"context"
	"slices"
)

// Changes of a goal from one business plan to the next (DESIGN "Goal status").
const (
	ChangeIntroduced    = "introduced"     // first in this plan (or back after a removal)
	ChangeTargetChanged = "target_changed" // comparator, target, metric or parameters differ from the previous plan
	ChangeCarriedOver   = "carried_over"   // as in the previous plan (the text may differ)
	ChangeRemoved       = "removed"        // missing from this plan although in the previous one
)

// GoalTerms are what a goal measures and aims at in one plan.
type GoalTerms struct {
	Metric      string   `json:"metric"`
	Params      string   `json:"params"`
	Comparator  string   `json:"comparator"`
	Target      *float64 `json:"target"`
	UpperTarget *float64 `json:"upper_target"`
}

// HistoryEntry is one plan's step in a goal's history. For a removal, Year
// is the plan without the goal and Terms and Reason come from the last plan
// that had it; Previous is set for a changed target. Final, set by
// PlanHistory, is the goal of that plan evaluated on the plan year's last
// day, once that day has come.
type HistoryEntry struct {
	Year     int         `json:"year"`
	Number   int         `json:"number"`
	Change   string      `json:"change"`
	Text     string      `json:"text"`
	Terms    GoalTerms   `json:"terms"`
	Previous *GoalTerms  `json:"previous,omitempty"`
	Reason   string      `json:"removed_reason,omitempty"`
	Final    *GoalResult `json:"final,omitempty"`
}

// GoalHistory is the goal with the key across the business plans, oldest
// first: introduced, target changed, carried over, removed. A plan is the
// goals of one year; a goal is removed when the next year that has a plan
// lacks its key, so the latest plan's goals are never removed. An unknown key
// is ENotFound.
func (s *Store) GoalHistory(ctx context.Context, key string) ([]HistoryEntry, error) {
	goals, err := s.goalsOf(ctx, "WHERE key = ?", key)
	if err != nil {
		return nil, err
	}
	if len(goals) == 0 {
		return nil, Errorf(ENotFound, "no goal has the key %q", key)
	}
	allYears, err := s.PlanYears(ctx)
	if err != nil {
		return nil, err
	}
	return historyOf(goals, allYears), nil
}

// historyOf is the history of the goals of one key (in year order, at least
// one) across the plan years.
func historyOf(goals []Goal, allYears []int) []HistoryEntry {
	// The history starts with the plan that introduced the goal.
	planYears := slices.DeleteFunc(slices.Clone(allYears), func(y int) bool { return y < goals[0].Year })
	byYear := map[int]Goal{}
	for _, g := range goals {
		byYear[g.Year] = g
	}
	var out []HistoryEntry
	var previous *Goal
	for _, year := range planYears {
		g, ok := byYear[year]
		switch {
		case !ok && previous != nil:
			out = append(out, HistoryEntry{Year: year, Number: previous.Number, Change: ChangeRemoved,
				Text: previous.Text, Terms: termsOf(*previous), Reason: previous.RemovedReason})
			previous = nil
		case !ok:
		case previous == nil:
			out = append(out, HistoryEntry{Year: year, Number: g.Number, Change: ChangeIntroduced, Text: g.Text, Terms: termsOf(g)})
			previous = &g
		default:
			e := HistoryEntry{Year: year, Number: g.Number, Change: ChangeCarriedOver, Text: g.Text, Terms: termsOf(g)}
			if before := termsOf(*previous); !before.equal(e.Terms) {
				e.Change, e.Previous = ChangeTargetChanged, &before
			}
			out = append(out, e)
			previous = &g
		}
	}
	return out
}

func termsOf(g Goal) GoalTerms {
	return GoalTerms{Metric: g.Metric, Params: g.Params, Comparator: g.Comparator, Target: g.Target, UpperTarget: g.UpperTarget}
}

func (t GoalTerms) equal(u GoalTerms) bool {
	same := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return t.Metric == u.Metric && t.Comparator == u.Comparator && same(t.Target, u.Target) &&
		same(t.UpperTarget, u.UpperTarget) && normalParams(t.Params) == normalParams(u.Params)
}

// normalParams compares parameters as parsed, so "n=5" equals " n = 5 ".
func normalParams(s string) string {
	p, err := ParseParams(s)
	if err != nil {
		return s
	}
	return p.String()
}
