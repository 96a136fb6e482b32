package importer

import "malbild/analytics"

// handover is the plan's changes as analytics applies them: per table the
// rows to insert and the rows to update with their image before the file.
// Updated rows are copied as they are now, so call it once the plan is made.
func (r *registry) handover() *analytics.ImportChanges {
	return &analytics.ImportChanges{
		Members:        tableChanges(&r.memberChanges),
		Services:       tableChanges(&r.serviceChanges),
		Events:         tableChanges(&r.eventChanges),
		Goals:          tableChanges(&r.goalChanges),
		GoalStatuses:   tableChanges(&r.goalInputChanges),
		FeeBands:       tableChanges(&r.feeChanges),
		Participations: tableChanges(&r.partChanges),
		Attendance:     tableChanges(&r.attendanceChanges),

		Benefits:            tableChanges(&r.benefits.benefitChanges),
		BenefitMeasurements: tableChanges(&r.benefits.measurementChanges),
		BudgetLines:         tableChanges(&r.budget.lineChanges),
		BudgetFollowups:     tableChanges(&r.budget.followupChanges),
		PriceBaseAmounts:    tableChanges(&r.budget.pbbChanges),
	}
}

func tableChanges[T any](c *changes[T]) analytics.TableChanges[T] {
	out := analytics.TableChanges[T]{Inserted: c.inserted}
	for _, row := range c.updated {
		out.Updated = append(out.Updated, analytics.RowUpdate[T]{Before: c.before[row], After: *row})
	}
	return out
}

// fingerprint is a digest of every change, to tell whether a commit would
// write what its preview showed.
func (r *registry) fingerprint() string { return r.handover().Fingerprint() }
