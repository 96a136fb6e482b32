package importer

import (
	"context"
	"database/sql"
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

var benefitTable = table[analytics.BenefitEntry]{
	name: "benefits",
	columns: []string{"id", "name", "service_id", "category", "certainty", "owner", "unit", "direction",
		"aggregation", "baseline", "baseline_on", "target", "due_on", "valuation"},
	selects: []string{"id", "name", "coalesce(service_id, 0)", "category", "certainty", "coalesce(owner, '')",
		"unit", "direction", "aggregation", "baseline", "baseline_on", "target", "due_on", "valuation"},
	keyCols: 1,
	values: func(b *analytics.BenefitEntry) []any {
		return []any{b.ID, b.Name, nullID(b.ServiceID), b.Category, b.Certainty, null(b.Owner), b.Unit, b.Direction,
			b.Aggregation, b.Baseline, b.BaselineOn, b.Target, b.DueOn, b.Valuation}
	},
	scan: func(rows *sql.Rows) (*analytics.BenefitEntry, error) {
		var b analytics.BenefitEntry
		var valuation sql.NullFloat64
		err := rows.Scan(&b.ID, &b.Name, &b.ServiceID, &b.Category, &b.Certainty, &b.Owner, &b.Unit, &b.Direction,
			&b.Aggregation, &b.Baseline, &b.BaselineOn, &b.Target, &b.DueOn, &valuation)
		b.BaselineOn, b.DueOn, b.Valuation = day(b.BaselineOn), day(b.DueOn), floatPtr(valuation)
		return &b, err
	},
}

var benefitMeasurementTable = table[analytics.BenefitMeasurementEntry]{
	name:    "benefit_measurements",
	columns: []string{"id", "benefit_id", "measured_on", "member_id", "value", "source", "comment"},
	selects: []string{"id", "benefit_id", "measured_on", "coalesce(member_id, 0)", "value", "coalesce(source, '')",
		"coalesce(comment, '')"},
	keyCols: 1,
	values: func(m *analytics.BenefitMeasurementEntry) []any {
		return []any{m.ID, m.BenefitID, m.MeasuredOn, nullID(m.MemberID), m.Value, null(m.Source), null(m.Comment)}
	},
	scan: func(rows *sql.Rows) (*analytics.BenefitMeasurementEntry, error) {
		var m analytics.BenefitMeasurementEntry
		err := rows.Scan(&m.ID, &m.BenefitID, &m.MeasuredOn, &m.MemberID, &m.Value, &m.Source, &m.Comment)
		m.MeasuredOn = day(m.MeasuredOn)
		return &m, err
	},
}

// nullID is NULL for the id 0 of no row.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// assignIDs gives the benefits and measurements the file adds their ids,
// and points the measurements at their benefits' and members' ids; ids maps
// the other tables' temporary ids to theirs.
func (r *benefitRegister) assignIDs(ctx context.Context, tx execer, ids map[int64]int64) error {
	got, err := reserveIDs(ctx, tx, "benefit_id_seq", len(r.benefitChanges.inserted))
	if err != nil {
		return err
	}
	benefitIDs := map[int64]int64{}
	for i, b := range r.benefitChanges.inserted {
		benefitIDs[b.ID], b.ID = got[i], got[i]
		b.ServiceID = realID(ids, b.ServiceID)
	}
	for _, b := range r.benefitChanges.updated {
		b.ServiceID = realID(ids, b.ServiceID)
	}
	if got, err = reserveIDs(ctx, tx, "benefit_measurement_id_seq", len(r.measurementChanges.inserted)); err != nil {
		return err
	}
	for i, m := range r.measurementChanges.inserted {
		m.ID, m.BenefitID, m.MemberID = got[i], realID(benefitIDs, m.BenefitID), realID(ids, m.MemberID)
	}
	return nil
}
