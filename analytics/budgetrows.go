package analytics

import (
	"context"
	"time"

	"malbild/analytics/store"
)

// The budget tables' rows as stored (migration 011), read whole for the data
// export and matched by the import: the follow-up's computation is Budget's.

// BudgetLineRow is a row of budget_lines: a frame (Group set, Category ""),
// a category of a frame (both set) or a standalone category (Group "").
// Amount is in kr.
type BudgetLineRow struct {
	ID       int64
	Year     int
	Group    string
	Category string
	Kind     string // BudgetInvestment or BudgetRunning
	Amount   float64
}

// BudgetFollowupRow is a row of budget_followups: a follow-up of a category
// (Group its frame, or "" for a standalone category or when not written) or
// of a group alone (Category ""). Forecast nil: none given.
type BudgetFollowupRow struct {
	ID       int64
	On       time.Time
	Group    string
	Category string
	Outcome  float64
	Forecast *float64
	Comment  string
}

// PriceBaseAmount is a year's prisbasbelopp in kr. Stored says it is a row of
// price_base_amounts (imported); otherwise it is the amount shipped with
// Målbild.
type PriceBaseAmount struct {
	Year   int
	Amount float64
	Stored bool
}

// AllBudgetLines reads every budget line by year, group (standalone
// categories first), frame row before its categories, category.
func (s *Store) AllBudgetLines(ctx context.Context) ([]BudgetLineRow, error) {
	return queryAll(ctx, s, `
		SELECT id, year, coalesce(group_name, ''), coalesce(category, ''), kind, CAST(amount AS DOUBLE)
		FROM budget_lines
		ORDER BY year, group_name NULLS FIRST, category NULLS FIRST, id`,
		func(l *BudgetLineRow, _ *struct{}) []any {
			return []any{&l.ID, &l.Year, &l.Group, &l.Category, &l.Kind, &l.Amount}
		},
		nil)
}

// AllBudgetFollowups reads every follow-up by date, group, category.
func (s *Store) AllBudgetFollowups(ctx context.Context) ([]BudgetFollowupRow, error) {
	return queryAll(ctx, s, `
		SELECT id, followed_on, coalesce(group_name, ''), coalesce(category, ''), CAST(outcome AS DOUBLE),
		       CAST(forecast AS DOUBLE), coalesce(comment, '')
		FROM budget_followups
		ORDER BY followed_on, group_name NULLS FIRST, category NULLS FIRST, id`,
		func(f *BudgetFollowupRow, forecast *store.Null[float64]) []any {
			return []any{&f.ID, &f.On, &f.Group, &f.Category, &f.Outcome, forecast, &f.Comment}
		},
		func(f *BudgetFollowupRow, forecast store.Null[float64]) {
			if forecast.Valid {
				f.Forecast = &forecast.V
			}
		})
}

// PriceBaseAmounts reads the prisbasbelopp of every year known, imported or
// shipped, by year; imported only (stored) when importedOnly is true: what
// the data export carries, so that a backup of the shipped amounts is not
// made into data.
func (s *Store) PriceBaseAmounts(ctx context.Context, importedOnly bool) ([]PriceBaseAmount, error) {
	q := `SELECT v.year, CAST(v.amount AS DOUBLE), p.year IS NOT NULL
		FROM price_base_amount_by_year v LEFT JOIN price_base_amounts p ON p.year = v.year
		ORDER BY v.year`
	if importedOnly {
		q = `SELECT year, CAST(amount AS DOUBLE), true FROM price_base_amounts ORDER BY year`
	}
	return queryAll(ctx, s, q,
		func(p *PriceBaseAmount, _ *struct{}) []any { return []any{&p.Year, &p.Amount, &p.Stored} },
		nil)
}
