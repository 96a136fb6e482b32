package analytics

import (
	"context"
	"slices"
	"time"

	"malbild/analytics/store"
)

// Benefit evaluates benefit id on asOf (the zero time: today) for its page,
// with its measurements dated by then, each member's latest value and the
// series of its value over time. An unknown id is ENotFound; a year outside
// 1900–2999 EInvalid.
func (s *Store) Benefit(ctx context.Context, id int64, asOf time.Time) (BenefitDetail, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return BenefitDetail{}, err
	}
	results, err := s.benefitsOn(ctx, asOf, &id, nil)
	if err != nil {
		return BenefitDetail{}, err
	}
	if len(results) == 0 {
		return BenefitDetail{}, Errorf(ENotFound, "no benefit %d", id)
	}
	d := BenefitDetail{BenefitResult: results[0]}
	args := map[string]any{"on": sqlDate(asOf), "benefit": id}
	if d.Measurements, err = s.benefitMeasurements(ctx, args); err != nil {
		return d, err
	}
	if d.Members, err = s.benefitMembers(ctx, map[string]any{"on": args["on"], "benefit": id, "member": nil}); err != nil {
		return d, err
	}
	d.Series, err = s.benefitSeries(ctx, args, d.BenefitResult)
	return d, err
}

func (s *Store) benefitMeasurements(ctx context.Context, args map[string]any) ([]BenefitMeasurement, error) {
	var out []BenefitMeasurement
	err := s.eachRow(ctx, "benefit_measurements", args, func(rows *store.Rows) error {
		for rows.Next() {
			var m BenefitMeasurement
			var member, source, comment store.NullString
			if err := rows.Scan(&m.ID, &m.Date, &m.MemberID, &member, &m.Value, &source, &comment); err != nil {
				return err
			}
			m.Member, m.Source, m.Comment = member.String, source.String, comment.String
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// MemberBenefits is what one member realised on asOf (the zero time:
// today): its latest measurement of every benefit it is measured in, with
// its share of the realised kronor, by benefit name.
func (s *Store) MemberBenefits(ctx context.Context, memberID int64, asOf time.Time) ([]MemberBenefit, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	return s.benefitMembers(ctx, map[string]any{"on": sqlDate(asOf), "benefit": nil, "member": memberID})
}

// benefitMembers reads the members' latest values of benefit_members.sql
// with args: on, benefit and member (nil: every one).
func (s *Store) benefitMembers(ctx context.Context, args map[string]any) ([]MemberBenefit, error) {
	var out []MemberBenefit
	err := s.eachRow(ctx, "benefit_members", args, func(rows *store.Rows) error {
		for rows.Next() {
			var m MemberBenefit
			if err := rows.Scan(&m.BenefitID, &m.Benefit, &m.MemberID, &m.Member, &m.Date, &m.Value, &m.RealisedKr); err != nil {
				return err
			}
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// benefitSeries is the benefit's value on each day it was measured, with
// the pace line from the baseline to the target on those days; the baseline
// and due dates are points of it too, so the line is drawn whole.
func (s *Store) benefitSeries(ctx context.Context, args map[string]any, b BenefitResult) ([]BenefitPoint, error) {
	values := map[time.Time]*float64{}
	err := s.eachRow(ctx, "benefit_series", args, func(rows *store.Rows) error {
		for rows.Next() {
			var d time.Time
			var v *float64
			if err := rows.Scan(&d, &v); err != nil {
				return err
			}
			values[day(d)] = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	days := []time.Time{b.BaselineOn, b.Due}
	for d := range values {
		days = append(days, d)
	}
	slices.SortFunc(days, time.Time.Compare)
	var out []BenefitPoint
	for i, d := range days {
		if i > 0 && d.Equal(days[i-1]) {
			continue
		}
		out = append(out, BenefitPoint{Date: d, Value: values[d], Pace: paceLine(b.Baseline, b.Target, b.BaselineOn, b.Due, d)})
	}
	return out, nil
}
