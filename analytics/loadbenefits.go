package analytics

import (
	"context"
	"fmt"

	"malbild/analytics/store"
)

// loadBenefits writes the dataset's benefit register, its ids replaced by
// the database's: member and service map the dataset's member and service
// ids. The demo's register is a few hundred rows, so plain INSERTs do.
func loadBenefits(ctx context.Context, conn *store.Conn, ds Dataset, member, service map[int64]int64) error {
	benefit := map[int64]int64{}
	for _, b := range ds.Benefits {
		var serviceID any
		if b.ServiceID != 0 {
			serviceID = service[b.ServiceID]
		}
		var id int64
		err := conn.QueryRowContext(ctx, `INSERT INTO benefits (name, service_id, category, certainty, owner, unit,
			direction, aggregation, baseline, baseline_on, target, due_on, valuation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			b.Name, serviceID, b.Category, b.Certainty, text(b.Owner), b.Unit, b.Direction, b.Aggregation,
			b.Baseline, b.BaselineOn, b.Target, b.DueOn, b.Valuation).Scan(&id)
		if err != nil {
			return fmt.Errorf("benefit %s: %w", b.Name, err)
		}
		benefit[b.ID] = id
	}
	for _, m := range ds.BenefitMeasurements {
		var memberID any
		if m.MemberID != 0 {
			memberID = member[m.MemberID]
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO benefit_measurements (benefit_id, measured_on, member_id, value, source, comment)
			VALUES (?, ?, ?, ?, ?, ?)`, benefit[m.BenefitID], m.MeasuredOn, memberID, m.Value, text(m.Source), text(m.Comment)); err != nil {
			return fmt.Errorf("measurement %d of benefit %d: %w", m.ID, m.BenefitID, err)
		}
	}
	return nil
}
