package analytics

import (
	"context"
	"time"
)

// The benefit register as stored (migration 012), row by row: what the
// import writes and the data export reads. Benefits evaluates it.

// Words of the register other than direction and aggregation (benefits.go),
// as DESIGN writes them and the database stores them.
const (
	CategoryEconomic    = "ekonomisk"
	CategoryTime        = "tid"
	CategoryQuality     = "kvalitet"
	CategoryEnvironment = "miljö"
	CertaintyGreen      = "grön"
	CertaintyYellow     = "gul"
	CertaintyRed        = "röd"
)

// BenefitEntry is one benefit of the register.
type BenefitEntry struct {
	ID          int64
	Name        string
	ServiceID   int64 // 0: an association-wide effort
	Category    string
	Certainty   string
	Owner       string // a role or organisation, never a person
	Unit        string
	Direction   string
	Aggregation string
	Baseline    float64
	BaselineOn  time.Time
	Target      float64
	DueOn       time.Time
	Valuation   *float64 // kr per unit; nil: none
}

// BenefitMeasurementEntry is one measurement of a benefit on a day, at a
// member or for the whole.
type BenefitMeasurementEntry struct {
	ID         int64
	BenefitID  int64
	MeasuredOn time.Time
	MemberID   int64 // 0: the benefit as a whole
	Value      float64
	Source     string
	Comment    string
}

// NamedBenefit is a benefit with the name of its service ("" for none), as
// the import matches it.
type NamedBenefit struct {
	BenefitEntry
	Service string
}

// NamedBenefitMeasurement is a measurement with the names the import
// matches it by: its benefit's and its member's ("" for the whole).
type NamedBenefitMeasurement struct {
	BenefitMeasurementEntry
	Benefit, Member string
}

// AllBenefits reads every benefit by name.
func (s *Store) AllBenefits(ctx context.Context) ([]NamedBenefit, error) {
	return queryAll(ctx, s, `
		SELECT b.id, b.name, coalesce(b.service_id, 0), coalesce(sv.name, ''), b.category, b.certainty,
		       coalesce(b.owner, ''), b.unit, b.direction, b.aggregation, b.baseline, b.baseline_on,
		       b.target, b.due_on, b.valuation
		FROM benefits b LEFT JOIN services sv ON sv.id = b.service_id
		ORDER BY b.name, b.id`,
		func(b *NamedBenefit, _ *struct{}) []any {
			return []any{&b.ID, &b.Name, &b.ServiceID, &b.Service, &b.Category, &b.Certainty, &b.Owner, &b.Unit,
				&b.Direction, &b.Aggregation, &b.Baseline, &b.BaselineOn, &b.Target, &b.DueOn, &b.Valuation}
		},
		nil)
}

// AllBenefitMeasurements reads every measurement by benefit, date and
// member (the whole first).
func (s *Store) AllBenefitMeasurements(ctx context.Context) ([]NamedBenefitMeasurement, error) {
	return queryAll(ctx, s, `
		SELECT m.id, m.benefit_id, m.measured_on, coalesce(m.member_id, 0), m.value,
		       coalesce(m.source, ''), coalesce(m.comment, ''), b.name, coalesce(mb.name, '')
		FROM benefit_measurements m
		JOIN benefits b ON b.id = m.benefit_id
		LEFT JOIN members mb ON mb.id = m.member_id
		ORDER BY b.name, m.measured_on, m.member_id IS NOT NULL, mb.name, mb.joined_on, m.id`,
		func(m *NamedBenefitMeasurement, _ *struct{}) []any {
			return []any{&m.ID, &m.BenefitID, &m.MeasuredOn, &m.MemberID, &m.Value, &m.Source, &m.Comment,
				&m.Benefit, &m.Member}
		},
		nil)
}
