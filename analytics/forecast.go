package analytics

import (
	"context"
	"time"
)

// forecastMonths is how many month ends the forecast line is fitted through.
const forecastMonths = 12

// forecast is the least-squares line through the metric's values at the
// twelve most recent month ends on or before end (each computed with its own
// year), x in days, evaluated at due; nil with fewer than two values.
func (s *Store) forecast(ctx context.Context, m MetricInfo, args map[string]any, end, due time.Time) (*float64, error) {
	last := lastMonthEnd(end)
	first := time.Date(last.Year(), last.Month()-forecastMonths+1, 1, 0, 0, 0, 0, time.UTC)
	points, err := s.metricPoints(ctx, m, args, first, last)
	if err != nil {
		return nil, err
	}
	return leastSquaresAt(points, due), nil
}

// leastSquaresAt fits y = a + b·x through the points with a value, x in days,
// and returns the line's value at the day at; nil with fewer than two points.
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
