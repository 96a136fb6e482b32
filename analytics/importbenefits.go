package analytics

import (
	"context"

	"malbild/analytics/store"
)

// The benefit register's tables as the import reads and writes them
// (migration 012): a benefit's service and a measurement's member may be
// none (0, NULL in the database).

var benefitTable = importTable[BenefitEntry]{
	name: "benefits",
	columns: []string{"id", "name", "service_id", "category", "certainty", "owner", "unit", "direction",
		"aggregation", "baseline", "baseline_on", "target", "due_on", "valuation"},
	selects: []string{"id", "name", "coalesce(service_id, 0)", "category", "certainty", "coalesce(owner, '')",
		"unit", "direction", "aggregation", "baseline", "baseline_on", "target", "due_on", "valuation"},
	keyCols: 1,
	values: func(b *BenefitEntry) []any {
		return []any{b.ID, b.Name, nullID(b.ServiceID), b.Category, b.Certainty, null(b.Owner), b.Unit, b.Direction,
			b.Aggregation, b.Baseline, b.BaselineOn, b.Target, b.DueOn, b.Valuation}
	},
	scan: func(rows *store.Rows) (*BenefitEntry, error) {
		var b BenefitEntry
		var valuation store.Null[float64]
		err := rows.Scan(&b.ID, &b.Name, &b.ServiceID, &b.Category, &b.Certainty, &b.Owner, &b.Unit, &b.Direction,
			&b.Aggregation, &b.Baseline, &b.BaselineOn, &b.Target, &b.DueOn, &valuation)
		b.BaselineOn, b.DueOn, b.Valuation = dayOrZero(b.BaselineOn), dayOrZero(b.DueOn), floatPtr(valuation)
		return &b, err
	},
}

var benefitMeasurementTable = importTable[BenefitMeasurementEntry]{
	name:    "benefit_measurements",
	columns: []string{"id", "benefit_id", "measured_on", "member_id", "value", "source", "comment"},
	selects: []string{"id", "benefit_id", "measured_on", "coalesce(member_id, 0)", "value", "coalesce(source, '')",
		"coalesce(comment, '')"},
	keyCols: 1,
	values: func(m *BenefitMeasurementEntry) []any {
		return []any{m.ID, m.BenefitID, m.MeasuredOn, nullID(m.MemberID), m.Value, null(m.Source), null(m.Comment)}
	},
	scan: func(rows *store.Rows) (*BenefitMeasurementEntry, error) {
		var m BenefitMeasurementEntry
		err := rows.Scan(&m.ID, &m.BenefitID, &m.MeasuredOn, &m.MemberID, &m.Value, &m.Source, &m.Comment)
		m.MeasuredOn = dayOrZero(m.MeasuredOn)
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

// assignBenefitIDs gives the benefits and measurements an import adds their
// ids, and points the benefits at their services' ids and the measurements
// at their benefits' and members' ids; ids maps the other tables'
// temporary ids to theirs.
func (ch *ImportChanges) assignBenefitIDs(ctx context.Context, tx *store.Tx, ids map[int64]int64) error {
	got, err := reserveIDsIn(ctx, tx, "benefit_id_seq", len(ch.Benefits.Inserted))
	if err != nil {
		return err
	}
	for i, b := range ch.Benefits.Inserted {
		ids[b.ID], b.ID = got[i], got[i]
		b.ServiceID = realID(ids, b.ServiceID)
	}
	for i := range ch.Benefits.Updated {
		b := &ch.Benefits.Updated[i].After
		b.ServiceID = realID(ids, b.ServiceID)
	}
	if got, err = reserveIDsIn(ctx, tx, "benefit_measurement_id_seq", len(ch.BenefitMeasurements.Inserted)); err != nil {
		return err
	}
	for i, m := range ch.BenefitMeasurements.Inserted {
		m.ID, m.BenefitID, m.MemberID = got[i], realID(ids, m.BenefitID), realID(ids, m.MemberID)
	}
	return nil
}
