package importer

import (
	"time"

	"malbild/analytics"
)

// benefitRegister is the benefit register in memory, as read when a plan is
// made, with what the file adds and changes applied to it.
type benefitRegister struct {
	byName       map[string]*analytics.BenefitEntry // folded name
	measurements map[measurementKey]*analytics.BenefitMeasurementEntry

	benefitChanges     changes[analytics.BenefitEntry]
	measurementChanges changes[analytics.BenefitMeasurementEntry]
}

// measurementKey is what identifies a measurement: its benefit, its day and
// its member (0 for the whole).
type measurementKey struct {
	benefit int64
	on      time.Time
	member  int64
}

func (r *benefitRegister) addBenefit(b *analytics.BenefitEntry) {
	if r.byName == nil {
		r.byName = map[string]*analytics.BenefitEntry{}
	}
	r.byName[fold(b.Name)] = b
}

func (r *benefitRegister) addMeasurement(m *analytics.BenefitMeasurementEntry) {
	if r.measurements == nil {
		r.measurements = map[measurementKey]*analytics.BenefitMeasurementEntry{}
	}
	r.measurements[measurementKey{m.BenefitID, m.MeasuredOn, m.MemberID}] = m
}

// names are the benefits' names, for suggestions.
func (r *benefitRegister) names() []string {
	out := make([]string, 0, len(r.byName))
	for _, b := range r.byName {
		out = append(out, b.Name)
	}
	return out
}
