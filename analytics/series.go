package analytics

import (
	"context"
	"encoding/json"
	"time"
)

// Point is a metric's value at one day of a series. Value is nil where the
// metric is null that day; Service goes with top_service_share.
type Point struct {
	Date    time.Time
	Value   *float64
	Service string
}

// MarshalJSON writes {"date": "YYYY-MM-DD", "value": v} and the service
// where there is one.
func (p Point) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Date    string   `json:"date"`
		Value   *float64 `json:"value"`
		Service string   `json:"service,omitempty"`
	}{sqlDate(p.Date), p.Value, p.Service})
}

// maxSeriesMonths bounds a series: a century of month ends.
const maxSeriesMonths = 1200

// Series computes the metric key with parameters p at every month end in
// [from, to], oldest first, in one query; a cumulative metric counts each
// point from 1 January of the point's own year. A period with no month end
// gives an empty series. from after to, a period longer than a century, or
// what Metric refuses is EInvalid.
func (s *Store) Series(ctx context.Context, key string, p Params, from, to time.Time) ([]Point, error) {
	m, err := lookupMetric(key)
	if err != nil {
		return nil, err
	}
	args, err := m.bindParams(p)
	if err != nil {
		return nil, err
	}
	from, to = day(from), day(to)
	for _, t := range []time.Time{from, to} {
		if err := checkYear(t.Year()); err != nil {
			return nil, err
		}
	}
	if to.Before(from) {
		return nil, Keyed(EInvalid, "invalid.period.reversed", sqlDate(from), sqlDate(to))
	}
	if months(from, to) > maxSeriesMonths {
		return nil, Keyed(EInvalid, "invalid.period.long", sqlDate(from), sqlDate(to), maxSeriesMonths)
	}
	to = lastMonthEnd(to)
	if to.Before(from) {
		return []Point{}, nil
	}
	return s.metricPoints(ctx, m, args, from, to)
}
