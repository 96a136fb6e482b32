package analytics

import (
	"context"
	"sync"
	"time"
)

// Statuses are the goal statuses in the order a scorecard counts them.
var Statuses = []Status{StatusMet, StatusOnTrack, StatusAtRisk, StatusMissed, StatusNoData}

// StatusCount is how many goals of a scorecard have a status.
type StatusCount struct {
	Status Status
	Goals  int
}

// ScorecardRow is one goal on the as-of day beside the same goal on the
// earlier day the board compares with.
type ScorecardRow struct {
	Now  GoalResult
	Then GoalResult
	// Change is Now.Value − Then.Value, nil unless both are known.
	Change *float64
}

// Scorecard is a plan's goals on a day, counted by status, with what moved
// since an earlier day.
type Scorecard struct {
	Year        int
	AsOf, Since time.Time
	Counts      []StatusCount // one per status of Statuses, in that order
	Rows        []ScorecardRow
}

// Scorecard evaluates year's plan on asOf and on since, an earlier day. A
// since that is not before asOf is EInvalid; otherwise what EvaluateGoals
// refuses.
func (s *Store) Scorecard(ctx context.Context, year int, asOf, since time.Time) (Scorecard, error) {
	asOf, since = day(asOf), day(since)
	if !since.Before(asOf) {
		return Scorecard{}, Keyed(EInvalid, "invalid.scorecard.since", sqlDate(since), sqlDate(asOf))
	}
	// Every value the two days, the goals' charts and the plan's history
	// need, in one query per metric (with WithDayValues; without it each goal
	// asks on its own).
	if dv := dayValuesOf(ctx); dv != nil {
		goals, err := s.goalsOf(ctx, "WHERE year = ?", year)
		if err != nil {
			return Scorecard{}, err
		}
		needs := metricNeeds{}
		for _, g := range goals {
			needs.addGoal(g, asOf, dv.charts)
			needs.addGoal(g, since, false)
		}
		needs.addFigures(dv.figures, asOf)
		if dv.charts { // the goals page: its history too
			if err := s.addHistoryNeeds(ctx, needs, year, asOf); err != nil {
				return Scorecard{}, err
			}
		}
		if err := s.compute(ctx, needs); err != nil {
			return Scorecard{}, err
		}
	}
	var now, then []GoalResult
	var errNow, errThen error
	var wg sync.WaitGroup
	wg.Go(func() { now, errNow = s.EvaluateGoals(ctx, year, asOf) })
	wg.Go(func() { then, errThen = s.EvaluateGoals(ctx, year, since) })
	wg.Wait()
	for _, err := range []error{errNow, errThen} {
		if err != nil {
			return Scorecard{}, err
		}
	}
	byKey := make(map[string]GoalResult, len(then))
	for _, g := range then {
		byKey[g.Key] = g
	}
	sc := Scorecard{Year: year, AsOf: asOf, Since: since}
	for _, g := range now {
		row := ScorecardRow{Now: g, Then: byKey[g.Key]}
		if g.Value != nil && row.Then.Value != nil {
			d := *g.Value - *row.Then.Value
			row.Change = &d
		}
		sc.Rows = append(sc.Rows, row)
	}
	sc.Counts = countStatuses(sc.Rows)
	return sc, nil
}

// Filter keeps the rows with the status and in the area ("" keeps all); the
// counts are of the rows in the area, so that they say what each status
// filter would show.
func (sc Scorecard) Filter(status Status, area string) Scorecard {
	var inArea, shown []ScorecardRow
	for _, r := range sc.Rows {
		if area != "" && r.Now.Area != area {
			continue
		}
		inArea = append(inArea, r)
		if status == "" || r.Now.Status == status {
			shown = append(shown, r)
		}
	}
	sc.Counts, sc.Rows = countStatuses(inArea), shown
	return sc
}

// Areas lists the målområden of the scorecard's goals in plan order.
func (sc Scorecard) Areas() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range sc.Rows {
		if r.Now.Area != "" && !seen[r.Now.Area] {
			seen[r.Now.Area] = true
			out = append(out, r.Now.Area)
		}
	}
	return out
}

func countStatuses(rows []ScorecardRow) []StatusCount {
	counts := make([]StatusCount, len(Statuses))
	for i, st := range Statuses {
		counts[i].Status = st
		for _, r := range rows {
			if r.Now.Status == st {
				counts[i].Goals++
			}
		}
	}
	return counts
}
