package analytics

import (
	"context"
	"time"

	"malbild/analytics/store"
)

// FeeSchedule is the fee schedule of year: the municipalities' population
// bands by their lower bound, then the row for other organisations. A year
// with no schedule gives an empty list; a year outside 1900–2999 is EInvalid.
func (s *Store) FeeSchedule(ctx context.Context, year int) ([]FeeBand, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT year, category, population_from, coalesce(population_to, 0),
		       CAST(contribution AS DOUBLE), CAST(annual_fee AS DOUBLE)
		FROM fee_bands
		WHERE year = ?
		ORDER BY category = 'ovrig', population_from`, year)
	if err != nil {
		return nil, err
	}
	return scanRows(rows, func(b *FeeBand) []any {
		return []any{&b.Year, &b.Category, &b.PopulationFrom, &b.PopulationTo, &b.Contribution, &b.AnnualFee}
	})
}

// FeeIncomeByYear is fee_income at every 31 December from the first year
// with a fee schedule up to the year before asOf, and on asOf itself (nil
// where that year has no schedule). With no schedule at all it is asOf alone.
func (s *Store) FeeIncomeByYear(ctx context.Context, asOf time.Time) ([]Point, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	var first store.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT min(year) FROM fee_bands`).Scan(&first); err != nil {
		return nil, err
	}
	var days []time.Time
	if first.Valid {
		for y := int(first.Int64); y < asOf.Year(); y++ {
			days = append(days, time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC))
		}
	}
	days = append(days, asOf)
	out := make([]Point, len(days))
	for i, d := range days {
		v, err := s.Metric(ctx, "fee_income", nil, d)
		if err != nil {
			return nil, err
		}
		out[i] = Point{Date: d, Value: v.Value}
	}
	return out, nil
}
