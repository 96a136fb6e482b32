package analytics

import (
	"context"
	"slices"
	"sync"
	"time"
)

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
	scope, err := s.historyScope(ctx, year)
	if err != nil {
		return PlanHistory{}, err
	}
	years, goals, previous, inPlan := scope.years, scope.goals, scope.previous, scope.inPlan
	// The year ends, every plan's goals with a key of this plan (for their
	// histories) and the previous plan's goals are read side by side.
	var finals map[int]map[string]GoalResult
	var sameKeys, before []Goal
	var errFinals, errSame, errBefore error
	var wg sync.WaitGroup
	wg.Go(func() { finals, errFinals = s.planYearEnds(ctx, years, asOf, scope.shown) })
	wg.Go(func() {
		sameKeys, errSame = s.goalsOf(ctx, "WHERE key IN (SELECT key FROM goals WHERE year = ?)", year)
	})
	if previous >= 0 {
		wg.Go(func() { before, errBefore = s.goalsOf(ctx, "WHERE year = ?", previous) })
	}
	wg.Wait()
	for _, err := range []error{errFinals, errSame, errBefore} {
		if err != nil {
			return PlanHistory{}, err
		}
	}
	byKey := map[string][]Goal{}
	for _, g := range sameKeys {
		byKey[g.Key] = append(byKey[g.Key], g)
	}
	h := PlanHistory{Goals: map[string][]HistoryEntry{}}
	for _, g := range goals {
		entries := historyOf(byKey[g.Key], years)
		for i, e := range entries {
			if r, ok := finals[e.Year][g.Key]; ok && e.Change != ChangeRemoved {
				entries[i].Final = &r
			}
		}
		h.Goals[g.Key] = entries
	}
	for _, g := range before { // none without a previous plan
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

// historyScope is what PlanHistory of a plan looks at: the plan years, the
// plan's goals (inPlan by key), the previous plan's year (-1: none) and which
// goals' year ends it shows.
type historyScope struct {
	years    []int
	goals    []Goal
	inPlan   map[string]bool
	previous int
}

// shown says whether the history shows g's year end: a goal with a key of
// this plan, or a goal of the previous plan (this one may have dropped it).
func (h historyScope) shown(g Goal) bool { return h.inPlan[g.Key] || g.Year == h.previous }

// historyScope reads the historyScope of year's plan.
func (s *Store) historyScope(ctx context.Context, year int) (historyScope, error) {
	years, err := s.PlanYears(ctx)
	if err != nil {
		return historyScope{}, err
	}
	goals, err := s.goalsOf(ctx, "WHERE year = ?", year)
	if err != nil {
		return historyScope{}, err
	}
	h := historyScope{years: years, goals: goals, inPlan: map[string]bool{}, previous: -1}
	for _, g := range goals {
		h.inPlan[g.Key] = true
	}
	for _, y := range years {
		if y < year {
			h.previous = y
		}
	}
	return h, nil
}

// addHistoryNeeds adds to needs the days PlanHistory of year on asOf will
// evaluate its goals on (planYearEnds), so that a page computes them with
// the scorecard's in one query per metric.
func (s *Store) addHistoryNeeds(ctx context.Context, needs metricNeeds, year int, asOf time.Time) error {
	scope, err := s.historyScope(ctx, year)
	if err != nil {
		return err
	}
	_, goals, err := s.yearEndGoals(ctx, scope.years, asOf, scope.shown)
	if err != nil {
		return err
	}
	for _, g := range goals {
		needs.addGoal(g, yearEnd(g.Year), false)
	}
	return nil
}

// yearEndGoals are the goals shown keeps of every plan whose year has ended
// by asOf (ended, in order).
func (s *Store) yearEndGoals(ctx context.Context, years []int, asOf time.Time, shown func(Goal) bool) (ended []int, goals []Goal, err error) {
	for _, y := range years {
		if !yearEnd(y).After(asOf) {
			ended = append(ended, y)
		}
	}
	if len(ended) == 0 {
		return nil, nil, nil
	}
	goals, err = s.goalsOf(ctx, "WHERE year BETWEEN ? AND ?", ended[0], ended[len(ended)-1])
	if err != nil {
		return nil, nil, err
	}
	goals = slices.DeleteFunc(goals, func(g Goal) bool { return !slices.Contains(ended, g.Year) || !shown(g) })
	return ended, goals, nil
}

// planYearEnds evaluates the goals shown keeps of every plan whose year has
// ended by asOf on its last day, 31 December: by year, then goal key. With
// WithDayValues the values they need are first computed in one query per
// metric.
func (s *Store) planYearEnds(ctx context.Context, years []int, asOf time.Time, shown func(Goal) bool) (map[int]map[string]GoalResult, error) {
	ended, goals, err := s.yearEndGoals(ctx, years, asOf, shown)
	if err != nil {
		return nil, err
	}
	out := map[int]map[string]GoalResult{}
	if len(ended) == 0 {
		return out, nil
	}
	first, last := ended[0], ended[len(ended)-1]
	// The board's input up to the last year end; evaluating a year reads
	// what was set by its own end.
	input, err := s.goalStatusEntries(ctx, "WHERE set_on <= ? AND goal_id IN (SELECT id FROM goals WHERE year BETWEEN ? AND ?)",
		yearEnd(last), first, last)
	if err != nil {
		return nil, err
	}
	needs := metricNeeds{}
	for _, g := range goals {
		needs.addGoal(g, yearEnd(g.Year), false)
	}
	if err := s.compute(ctx, needs); err != nil {
		return nil, err
	}
	for _, y := range ended {
		var ofYear []Goal
		for _, g := range goals {
			if g.Year == y {
				ofYear = append(ofYear, g)
			}
		}
		results, err := s.evaluateEach(ctx, ofYear, input, yearEnd(y))
		if err != nil {
			return nil, err
		}
		out[y] = map[string]GoalResult{}
		for _, r := range results {
			out[y][r.Key] = r
		}
	}
	return out, nil
}

// yearEnd is 31 December of year.
func yearEnd(year int) time.Time { return time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC) }
