package analytics

import (
	"context"
	"fmt"

	"malbild/analytics/store"
)

// loadBudget writes the dataset's budget lines and follow-ups (Load), the
// follow-ups in their order so that a day's last one is the one that counts.
func loadBudget(ctx context.Context, conn *store.Conn, ds Dataset) error {
	for _, l := range ds.BudgetLines {
		_, err := conn.ExecContext(ctx, `INSERT INTO budget_lines (year, group_name, category, kind, amount) VALUES (?, ?, ?, ?, ?)`,
			l.Year, text(l.Group), text(l.Category), l.Kind, l.Amount)
		if err != nil {
			return fmt.Errorf("budget line %d %s/%s: %w", l.Year, l.Group, l.Category, err)
		}
	}
	for _, f := range ds.BudgetFollowups {
		_, err := conn.ExecContext(ctx, `INSERT INTO budget_followups (followed_on, group_name, category, outcome, forecast, comment)
			VALUES (?, ?, ?, ?, ?, ?)`, f.On, text(f.Group), text(f.Category), f.Outcome, f.Forecast, text(f.Comment))
		if err != nil {
			return fmt.Errorf("budget follow-up %s %s/%s: %w", sqlDate(f.On), f.Group, f.Category, err)
		}
	}
	return nil
}
