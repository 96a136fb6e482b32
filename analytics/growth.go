package analytics

import (
	"context"
	"fmt"
	"time"
)

// Count is a number of members on a day.
type Count struct {
	Date  time.Time
	Value int
}

// MemberGrowth is the number of active members (the members metric, every
// kind) at each 31 December from the year of the first membership up to the
// year before asOf, and on asOf: the overview's growth chart. Inside
// WithDayValues the year ends, the same for every as-of day of a year, are
// computed once per DayCache.
func (s *Store) MemberGrowth(ctx context.Context, asOf time.Time) ([]Count, error) {
	// The year of the first membership, 0 when there is none; once per
	// state of the data inside WithDayValues (keptRead).
	first, err := keptRead(ctx, "first membership year", func() (int, error) {
		var first int
		err := s.db.QueryRowContext(ctx, `SELECT coalesce(year(min(joined_on)), 0) FROM members`).Scan(&first)
		return first, err
	})
	if err != nil {
		return nil, err
	}
	if first == 0 {
		first = asOf.Year()
	}
	var days []time.Time
	for y := first; y < asOf.Year(); y++ {
		days = append(days, time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC))
	}
	days = append(days, day(asOf))
	m, err := lookupMetric("members")
	if err != nil {
		return nil, err
	}
	args, err := m.bindParams(nil)
	if err != nil {
		return nil, err
	}
	points, err := s.metricValues(ctx, m, args, days)
	if err != nil {
		return nil, err
	}
	out := make([]Count, len(points))
	for i, p := range points {
		if p.Value == nil {
			return nil, fmt.Errorf("members on %s is null", p.Date.Format(time.DateOnly))
		}
		out[i] = Count{Date: p.Date, Value: int(*p.Value)}
	}
	return out, nil
}
