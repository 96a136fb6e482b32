package analytics

import (
	"context"
	"slices"
	"sync"
	"time"
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
	// The history starts with the plan that introduced the goal.
	planYears := slices.DeleteFunc(allYears, func(y int) bool { return y < goals[0].Year })
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
	return out, nil
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

// RemovedGoal is a goal of the previous plan that a plan dropped, with the
// reason and its value and status at the end of the previous plan's year
// (nil until that day has come).
type RemovedGoal struct {
	Year   int // the last plan that had the goal
	Number int
	Key    string
	Text   string
	Reason string
	Final  *GoalResult
}

// PlanHistory is what the goals page shows of the past of year's plan as
// known on asOf: each goal's history by key, every plan year that has ended
// by asOf with the goal's value and status on its last day, and the goals of
// the previous plan that this one dropped.
type PlanHistory struct {
	Goals   map[string][]HistoryEntry
	Removed []RemovedGoal
}

// PlanHistory gathers the PlanHistory of year's plan on asOf (the zero time:
// today). A year outside 1900–2999 is EInvalid.
func (s *Store) PlanHistory(ctx context.Context, year int, asOf time.Time) (PlanHistory, error) {
	if err := checkYear(year); err != nil {
		return PlanHistory{}, err
	}
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return PlanHistory{}, err
	}
	years, err := s.PlanYears(ctx)
	if err != nil {
		return PlanHistory{}, err
	}
	finals, err := s.planYearEnds(ctx, years, asOf)
	if err != nil {
		return PlanHistory{}, err
	}
	goals, err := s.goalsOf(ctx, "WHERE year = ?", year)
	if err != nil {
		return PlanHistory{}, err
	}
	h := PlanHistory{Goals: map[string][]HistoryEntry{}}
	inPlan := map[string]bool{}
	for _, g := range goals {
		inPlan[g.Key] = true
		entries, err := s.GoalHistory(ctx, g.Key)
		if err != nil {
			return PlanHistory{}, err
		}
		for i, e := range entries {
			if r, ok := finals[e.Year][g.Key]; ok && e.Change != ChangeRemoved {
				entries[i].Final = &r
			}
		}
		h.Goals[g.Key] = entries
	}
	previous := -1
	for _, y := range years {
		if y < year {
			previous = y
		}
	}
	if previous < 0 {
		return h, nil
	}
	before, err := s.goalsOf(ctx, "WHERE year = ?", previous)
	if err != nil {
		return PlanHistory{}, err
	}
	for _, g := range before {
		if inPlan[g.Key] {
			continue
		}
		rg := RemovedGoal{Year: g.Year, Number: g.Number, Key: g.Key, Text: g.Text, Reason: g.RemovedReason}
		if r, ok := finals[g.Year][g.Key]; ok {
			rg.Final = &r
		}
		h.Removed = append(h.Removed, rg)
	}
	return h, nil
}

// planYearEnds evaluates every plan whose year has ended by asOf on its
// last day, 31 December: by year, then goal key. The years are independent
// and evaluated side by side.
func (s *Store) planYearEnds(ctx context.Context, years []int, asOf time.Time) (map[int]map[string]GoalResult, error) {
	var ended []int
	for _, y := range years {
		if !time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC).After(asOf) {
			ended = append(ended, y)
		}
	}
	results := make([][]GoalResult, len(ended))
	errs := make([]error, len(ended))
	var wg sync.WaitGroup
	for i, y := range ended {
		wg.Go(func() {
			results[i], errs[i] = s.EvaluateGoals(ctx, y, time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC))
		})
	}
	wg.Wait()
	out := map[int]map[string]GoalResult{}
	for i, y := range ended {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[y] = map[string]GoalResult{}
		for _, r := range results[i] {
			out[y][r.Key] = r
		}
	}
	return out, nil
}
