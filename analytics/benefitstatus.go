package analytics

import (
	"context"
	"time"

	"malbild/analytics/store"
)

// A benefit is followed like a goal whose value is measured rather than
// computed (DESIGN "Benefits"): its status is judged by the goal rules
// (judge), its forecast by the goal's least-squares line (leastSquaresAt,
// clampToRange); only what differs is here. The readings where DESIGN leaves
// room (README "Benefits" says them for the office too):
//
//   - The value on d is read on the benefit's day min(d, due) by the macros of
//     migration 015: each member's latest measurement by then, summed or
//     averaged; a measurement of the whole is the value when it is dated on or
//     after the members' latest (the latest measurement wins, the whole on a
//     tie). Realised kronor come from that value.
//   - The comparator follows from the direction (>= for högre, <= for lägre);
//     the pace line runs from the baseline on its date to the target on the
//     due date; a benefit is never cumulative (rules 1, 3 and 5 apply).
//   - The forecast goes through the values at the twelve month ends strictly
//     before d and on d, at the due date; none on or after it.
//   - Per service: the services with a benefit, the sum of the realised kronor
//     that are not null (null when none), beside the amounts of d's budget year
//     on the lines whose category is the service's name (null when none).

// Benefits evaluates every benefit on asOf (the zero time: today): the
// register of /api/benefits and `malbild benefits`. A year outside
// 1900–2999 is EInvalid.
func (s *Store) Benefits(ctx context.Context, asOf time.Time) (BenefitsReport, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return BenefitsReport{}, err
	}
	r := BenefitsReport{AsOf: asOf}
	if r.Benefits, err = s.benefitsOn(ctx, asOf, nil, nil); err != nil {
		return r, err
	}
	r.Services, err = s.serviceBenefits(ctx, asOf)
	return r, err
}

// ServiceBenefits is the benefits of one service evaluated on asOf (the zero
// time: today), for the service's page.
func (s *Store) ServiceBenefits(ctx context.Context, serviceID int64, asOf time.Time) ([]BenefitResult, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	return s.benefitsOn(ctx, asOf, nil, &serviceID)
}

// benefitsOn evaluates the benefits on asOf: every one, or only benefit, or
// only those of service.
func (s *Store) benefitsOn(ctx context.Context, asOf time.Time, benefit, service *int64) ([]BenefitResult, error) {
	var out []BenefitResult
	err := s.eachRow(ctx, "benefits_on", map[string]any{"on": sqlDate(asOf), "benefit": benefit, "service": service}, func(rows *store.Rows) error {
		for rows.Next() {
			var b BenefitResult
			var service, owner store.NullString
			var measuredOn store.NullTime
			if err := rows.Scan(&b.ID, &b.Name, &b.ServiceID, &service, &b.Category, &b.Certainty, &owner, &b.Unit,
				&b.Direction, &b.Aggregation, &b.Baseline, &b.BaselineOn, &b.Target, &b.Due, &b.Valuation,
				&b.Value, &measuredOn, &b.Members, &b.RealisedKr); err != nil {
				return err
			}
			b.Service, b.Owner, b.MeasuredOn = service.String, owner.String, measuredOn.Time
			out = append(out, b)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	points, err := s.benefitForecastPoints(ctx, asOf, benefit)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].judge(asOf, points[out[i].ID])
	}
	return out, nil
}

// benefitForecastPoints reads the values the forecasts made on asOf go
// through (DESIGN "Forecast": the twelve month ends strictly before asOf and
// asOf itself), per benefit; only benefit's when given.
func (s *Store) benefitForecastPoints(ctx context.Context, asOf time.Time, benefit *int64) (map[int64][]Point, error) {
	// month_ends from the first of the twelfth month before asOf's gives
	// those month ends, the last clamped to asOf, as for a metric's forecast.
	first := time.Date(asOf.Year(), asOf.Month()-forecastMonths, 1, 0, 0, 0, 0, time.UTC)
	out := map[int64][]Point{}
	err := s.eachRow(ctx, "benefit_points", map[string]any{"from": sqlDate(first), "to": sqlDate(asOf), "benefit": benefit}, func(rows *store.Rows) error {
		for rows.Next() {
			var id int64
			var p Point
			if err := rows.Scan(&id, &p.Date, &p.Value); err != nil {
				return err
			}
			out[id] = append(out[id], p)
		}
		return nil
	})
	return out, err
}

// target is the benefit as a goal: its target reached from the good side.
func (b BenefitResult) target() goalTarget {
	if b.Direction == DirectionLower {
		return goalTarget{comparator: CmpAtMost, target: b.Target}
	}
	return goalTarget{comparator: CmpAtLeast, target: b.Target}
}

// judge sets the status, pace and forecast of a benefit whose value is read
// on asOf (DESIGN "Goal status" with the baseline as the pace line's start;
// "Forecast" through points).
func (b *BenefitResult) judge(asOf time.Time, points []Point) {
	b.ValueDate = asOf
	if b.Due.Before(asOf) {
		b.ValueDate = b.Due
	}
	t := b.target()
	if asOf.Before(b.Due) {
		b.Forecast = clampToRange(MetricInfo{}, leastSquaresAt(points, b.Due))
		if b.Forecast != nil {
			meets := t.holds(*b.Forecast)
			b.ForecastMeets = &meets
		}
	}
	if b.Value == nil {
		b.Status, b.Rule = StatusNoData, RuleNoData
		return
	}
	baseline := b.Baseline
	j, _ := judge(t, false, *b.Value, asOf, b.BaselineOn, b.Due, func() (*float64, error) { return &baseline, nil })
	b.Status, b.Rule, b.Pace = j.status, j.rule, j.pace
}

// serviceBenefits reads per service with benefits its realised kronor and
// its cost on asOf.
func (s *Store) serviceBenefits(ctx context.Context, asOf time.Time) ([]ServiceBenefit, error) {
	var out []ServiceBenefit
	err := s.eachRow(ctx, "benefit_services", map[string]any{"on": sqlDate(asOf)}, func(rows *store.Rows) error {
		for rows.Next() {
			var sb ServiceBenefit
			if err := rows.Scan(&sb.ServiceID, &sb.Service, &sb.RealisedKr, &sb.Cost); err != nil {
				return err
			}
			out = append(out, sb)
		}
		return nil
	})
	return out, err
}
