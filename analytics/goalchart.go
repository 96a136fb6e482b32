package analytics

import (
	"context"
	"time"
)

// GoalChart is what a measured goal's chart draws, as known on the as-of day:
// its value on 1 January of the goal's year, at every month end after it and
// on the value date; the pace line from the value on 1 January to the target
// on the due date; and the forecast from the value date to the day it is
// about. A line is nil when it cannot be drawn.
type GoalChart struct {
	Values   []Point   // 1 January, the month ends, the value date; oldest first
	Pace     *[2]Point // from 1 January to the pace target on the due date
	Forecast *[2]Point // from the value date to the forecast's day
}

// GoalChartOf gathers the chart of a goal evaluated by EvaluateGoals. A
// manual goal, or one whose year had not begun on the as-of day, has none
// (the zero GoalChart).
func (s *Store) GoalChartOf(ctx context.Context, r GoalResult) (GoalChart, error) {
	if r.Manual || r.ValueDate.IsZero() {
		return GoalChart{}, nil
	}
	m, err := lookupMetric(r.Metric)
	if err != nil {
		return GoalChart{}, err
	}
	params, err := ParseParams(r.Params)
	if err != nil {
		return GoalChart{}, err
	}
	y1 := time.Date(r.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	start, err := s.Metric(ctx, r.Metric, params, y1)
	if err != nil {
		return GoalChart{}, err
	}
	ends, err := s.Series(ctx, r.Metric, params, y1, r.ValueDate)
	if err != nil {
		return GoalChart{}, err
	}
	var c GoalChart
	c.Values = append(c.Values, Point{Date: y1, Value: start.Value, Service: start.Service})
	for _, p := range ends {
		if p.Date.After(y1) && p.Date.Before(r.ValueDate) {
			c.Values = append(c.Values, p)
		}
	}
	if r.ValueDate.After(y1) {
		c.Values = append(c.Values, Point{Date: r.ValueDate, Value: r.Value, Service: r.Service})
	}
	if bound := paceBound(r, start.Value); start.Value != nil && bound != nil {
		c.Pace = &[2]Point{{Date: y1, Value: start.Value}, {Date: r.Due, Value: bound}}
	}
	if r.Forecast != nil && r.Value != nil {
		c.Forecast = &[2]Point{{Date: r.ValueDate, Value: r.Value}, {Date: forecastDay(m, r.ValueDate, r.Due), Value: r.Forecast}}
	}
	return c, nil
}

// paceBound is the target the pace line heads for: the target, or for a
// between goal the bound nearer to the start (DESIGN "Precise readings").
func paceBound(r GoalResult, start *float64) *float64 {
	if r.Comparator != CmpBetween || r.UpperTarget == nil || start == nil || r.Target == nil {
		return r.Target
	}
	if *start > *r.UpperTarget {
		return r.UpperTarget
	}
	return r.Target
}

// PaceOn is the pace line of the chart on day, linear in days; nil outside
// the line or without one.
func (c GoalChart) PaceOn(day time.Time) *float64 {
	if c.Pace == nil {
		return nil
	}
	from, to := c.Pace[0], c.Pace[1]
	if day.Before(from.Date) || day.After(to.Date) {
		return nil
	}
	span := daysBetween(from.Date, to.Date)
	if span <= 0 {
		return to.Value
	}
	v := *from.Value + (*to.Value-*from.Value)*daysBetween(from.Date, day)/span
	return &v
}
