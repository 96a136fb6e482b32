package analytics

import (
	"context"
	"math"
	"time"
)

// forecastMonths is how many month ends strictly before the as-of day the
// least-squares line goes through, besides the as-of day itself.
const forecastMonths = 12

// forecast is the metric's expected value on due, seen from asOf (DESIGN
// "Forecast"); nil when there is none: on or after due (the value is final)
// and without enough data. Manual goals never get here.
func (s *Store) forecast(ctx context.Context, m MetricInfo, args map[string]any, asOf, due time.Time) (*float64, error) {
	if !asOf.Before(due) {
		return nil, nil
	}
	var v *float64
	if m.YearRelative {
		// The year so far, extended: the line from the value on 1 January of
		// asOf's year through the value on asOf, at the year's end or due.
		y1 := time.Date(asOf.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
		if asOf.Equal(y1) {
			return nil, nil // one point: no line yet
		}
		start, err := s.metricOn(ctx, m, args, y1)
		if err != nil {
			return nil, err
		}
		now, err := s.metricOn(ctx, m, args, asOf)
		if err != nil {
			return nil, err
		}
		v = leastSquaresAt([]Point{{Date: y1, Value: start.Value}, {Date: asOf, Value: now.Value}}, forecastDay(m, asOf, due))
	} else {
		// The month ends of the twelve months before asOf's month (each
		// strictly before asOf) and asOf itself: metricPoints clamps the
		// last month end to asOf.
		first := time.Date(asOf.Year(), asOf.Month()-forecastMonths, 1, 0, 0, 0, 0, time.UTC)
		points, err := s.metricPoints(ctx, m, args, first, asOf)
		if err != nil {
			return nil, err
		}
		v = leastSquaresAt(points, due)
	}
	return clampToRange(m, v), nil
}

// forecastDay is the day a forecast made on asOf is about: the due date, or
// for a year-relative metric the earlier of it and 31 December of asOf's
// year (the year so far cannot be extended past its own end).
func forecastDay(m MetricInfo, asOf, due time.Time) time.Time {
	if end := time.Date(asOf.Year(), time.December, 31, 0, 0, 0, 0, time.UTC); m.YearRelative && end.Before(due) {
		return end
	}
	return due
}

// clampToRange keeps a forecast inside the metric's range: a share in
// [0, 1], anything else at least 0; a signed metric (a budget deviation) may
// be below 0 and an uncapped share above 1.
func clampToRange(m MetricInfo, v *float64) *float64 {
	if v == nil {
		return nil
	}
	c := *v
	if !m.Signed {
		c = math.Max(c, 0)
	}
	if m.Share && !m.Uncapped {
		c = math.Min(c, 1)
	}
	return &c
}

// leastSquaresAt fits y = a + b·x through the points with a value, x in days,
// and returns the line's value at the day at; nil with fewer than two points
// (two points: the straight line through them).
func leastSquaresAt(points []Point, at time.Time) *float64 {
	var xs, ys []float64
	for _, p := range points {
		if p.Value != nil {
			xs = append(xs, daysBetween(at, p.Date)) // x = 0 at the day asked for
			ys = append(ys, *p.Value)
		}
	}
	if len(xs) < 2 {
		return nil
	}
	n := float64(len(xs))
	var meanX, meanY float64
	for i := range xs {
		meanX += xs[i]
		meanY += ys[i]
	}
	meanX, meanY = meanX/n, meanY/n
	var sxx, sxy float64
	for i := range xs {
		sxx += (xs[i] - meanX) * (xs[i] - meanX)
		sxy += (xs[i] - meanX) * (ys[i] - meanY)
	}
	if sxx == 0 {
		return nil
	}
	v := meanY - sxy/sxx*meanX
	return &v
}
