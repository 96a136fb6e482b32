package demo

import (
	"math"
	"math/rand/v2"
	"time"

	"malbild/analytics"
)

// benefitSpec is one benefit of the demo's register (DESIGN "Benefits"): a
// service's effect measured at its members, moving from the baseline towards
// the target at pace times the pace line's speed (below 1: behind it).
type benefitSpec struct {
	entry analytics.BenefitEntry
	// service is the service's name; the benefit is left out of a demo
	// without it.
	service  string
	pace     float64 // the members' progress relative to the pace line, on average
	decimals int     // how the office writes the measured value
}

var benefitSpecs = []benefitSpec{
	{service: "Egil", pace: 1.15, decimals: 1, entry: analytics.BenefitEntry{
		Name: "Frigjord tid för kontoadministration", Category: analytics.CategoryTime, Certainty: analytics.CertaintyYellow,
		Owner: "Skolchef", Unit: "timmar per skola och år", Direction: analytics.DirectionHigher, Aggregation: analytics.AggregateMean,
		Baseline: 0, BaselineOn: date(2021, time.January, 1), Target: 40, DueOn: date(2026, time.December, 31), Valuation: ptr(450)}},
	{service: "Bibblix", pace: 0.5, decimals: 1, entry: analytics.BenefitEntry{
		Name: "Lån per barn", Category: analytics.CategoryQuality, Certainty: analytics.CertaintyRed,
		Owner: "Bibliotekschef", Unit: "lån per barn och år", Direction: analytics.DirectionHigher, Aggregation: analytics.AggregateMean,
		Baseline: 8, BaselineOn: date(2020, time.January, 1), Target: 12, DueOn: date(2026, time.December, 31)}},
	{service: "FixaMinGata", pace: 1.2, decimals: 0, entry: analytics.BenefitEntry{
		Name: "Handläggningskostnad per felanmälan", Category: analytics.CategoryEconomic, Certainty: analytics.CertaintyGreen,
		Owner: "Gatuchef", Unit: "kr per ärende", Direction: analytics.DirectionLower, Aggregation: analytics.AggregateMean,
		Baseline: 620, BaselineOn: date(2021, time.January, 1), Target: 400, DueOn: date(2026, time.December, 31), Valuation: ptr(1)}},
}

// measuredMembers is how many of a service's members report a benefit.
const measuredMembers = 12

// benefits builds the register: each benefit of benefitSpecs whose service
// the demo has, measured on 30 June and 31 December of every year from its
// baseline to today at up to measuredMembers of the members taking part on
// that day. Values are the pace line's at the benefit's pace, varied per
// member; the variation comes from a generator of its own, so that the rest
// of the demo is the same with or without the register.
func benefits(o Options, today time.Time, ds analytics.Dataset) ([]analytics.BenefitEntry, []analytics.BenefitMeasurementEntry) {
	rng := rand.New(rand.NewPCG(uint64(o.Seed), pcgStream+1))
	serviceIDs := map[string]int64{}
	for _, s := range ds.Services {
		serviceIDs[s.Name] = s.ID
	}
	members := map[int64]analytics.Member{}
	for _, m := range ds.Members {
		members[m.ID] = m
	}
	var entries []analytics.BenefitEntry
	var measurements []analytics.BenefitMeasurementEntry
	for _, spec := range benefitSpecs {
		serviceID, ok := serviceIDs[spec.service]
		if !ok {
			continue
		}
		b := spec.entry
		b.ID, b.ServiceID = int64(len(entries)+1), serviceID
		entries = append(entries, b)
		days := halfYears(b.BaselineOn, today)
		if len(days) == 0 {
			continue
		}
		// The members that report are measuredMembers of those taking part
		// on the last day, so that none reports a value long out of date.
		var chosen []int64
		speed := map[int64]float64{}
		for _, p := range ds.Participations {
			if len(chosen) < measuredMembers && p.ServiceID == serviceID && takesPart(p, members[p.MemberID], days[len(days)-1]) {
				if _, dup := speed[p.MemberID]; !dup {
					chosen = append(chosen, p.MemberID)
					speed[p.MemberID] = spec.pace * (0.85 + 0.3*rng.Float64())
				}
			}
		}
		for _, on := range days {
			for _, id := range chosen {
				if !takesPartIn(ds.Participations, serviceID, members[id], on) {
					continue
				}
				progress := (b.Target - b.Baseline) * speed[id] * daysFrom(b.BaselineOn, on) / daysFrom(b.BaselineOn, b.DueOn)
				measurements = append(measurements, analytics.BenefitMeasurementEntry{
					ID: int64(len(measurements) + 1), BenefitID: b.ID, MeasuredOn: on, MemberID: id,
					Value: round(b.Baseline+progress, spec.decimals), Source: "Medlemmens uppföljning",
				})
			}
		}
	}
	return entries, measurements
}

// halfYears are the 30 Junes and 31 Decembers after from up to today.
func halfYears(from, today time.Time) []time.Time {
	var out []time.Time
	for y := from.Year(); y <= today.Year(); y++ {
		for _, d := range []time.Time{date(y, time.June, 30), date(y, time.December, 31)} {
			if d.After(from) && !d.After(today) {
				out = append(out, d)
			}
		}
	}
	return out
}

// takesPart says whether participation p of member m is active on the day.
func takesPart(p analytics.Participation, m analytics.Member, on time.Time) bool {
	return !p.FromOn.After(on) && (p.ToOn.IsZero() || !p.ToOn.Before(on)) &&
		!m.JoinedOn.After(on) && (m.LeftOn.IsZero() || !m.LeftOn.Before(on))
}

// takesPartIn says whether member m takes part in the service on the day.
func takesPartIn(ps []analytics.Participation, serviceID int64, m analytics.Member, on time.Time) bool {
	for _, p := range ps {
		if p.ServiceID == serviceID && p.MemberID == m.ID && takesPart(p, m, on) {
			return true
		}
	}
	return false
}

func daysFrom(a, b time.Time) float64 { return b.Sub(a).Hours() / 24 }

func round(v float64, decimals int) float64 {
	f := math.Pow(10, float64(decimals))
	return math.Round(v*f) / f
}

func ptr(f float64) *float64 { return &f }
