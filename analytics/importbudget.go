package analytics

import (
	"context"
	"hash"

	"malbild/analytics/store"
)

// The budget follow-up's tables as an import reads, writes and undoes them
// (the import sheets Budget, Budgetuppföljning and Prisbasbelopp). They refer
// to no other table by id: a follow-up names its category and group.

var budgetLineTable = importTable[BudgetLineRow]{
	name:    "budget_lines",
	columns: []string{"id", "year", "group_name", "category", "kind", "amount"},
	selects: []string{"id", "year", "coalesce(group_name, '')", "coalesce(category, '')", "kind", "amount::DOUBLE"},
	keyCols: 1,
	values: func(l *BudgetLineRow) []any {
		return []any{l.ID, l.Year, null(l.Group), null(l.Category), l.Kind, l.Amount}
	},
	scan: func(rows *store.Rows) (*BudgetLineRow, error) {
		var l BudgetLineRow
		return &l, rows.Scan(&l.ID, &l.Year, &l.Group, &l.Category, &l.Kind, &l.Amount)
	},
}

var budgetFollowupTable = importTable[BudgetFollowupRow]{
	name:    "budget_followups",
	columns: []string{"id", "followed_on", "group_name", "category", "outcome", "forecast", "comment"},
	selects: []string{"id", "followed_on", "coalesce(group_name, '')", "coalesce(category, '')", "outcome::DOUBLE",
		"forecast::DOUBLE", "coalesce(comment, '')"},
	keyCols: 1,
	values: func(f *BudgetFollowupRow) []any {
		return []any{f.ID, f.On, null(f.Group), null(f.Category), f.Outcome, f.Forecast, null(f.Comment)}
	},
	scan: func(rows *store.Rows) (*BudgetFollowupRow, error) {
		var f BudgetFollowupRow
		var forecast store.Null[float64]
		err := rows.Scan(&f.ID, &f.On, &f.Group, &f.Category, &f.Outcome, &forecast, &f.Comment)
		f.On, f.Forecast = dayOrZero(f.On), floatPtr(forecast)
		return &f, err
	},
}

// priceBaseAmountTable is the imported prisbasbelopp; the shipped amounts are
// no rows (the view price_base_amount_by_year adds them) and never written.
var priceBaseAmountTable = importTable[PriceBaseAmount]{
	name:    "price_base_amounts",
	columns: []string{"year", "amount"},
	selects: []string{"year", "amount::DOUBLE"},
	keyCols: 1,
	values:  func(p *PriceBaseAmount) []any { return []any{p.Year, p.Amount} },
	scan: func(rows *store.Rows) (*PriceBaseAmount, error) {
		p := PriceBaseAmount{Stored: true}
		return &p, rows.Scan(&p.Year, &p.Amount)
	},
}

func init() {
	undoTables[budgetLineTable.name] = undoTable[BudgetLineRow]{&budgetLineTable}
	undoTables[budgetFollowupTable.name] = undoTable[BudgetFollowupRow]{&budgetFollowupTable}
	undoTables[priceBaseAmountTable.name] = undoTable[PriceBaseAmount]{&priceBaseAmountTable}
}

// ImportBudget is the budget's rows an import matches a file against: every
// line and follow-up, and the prisbasbelopp of every year known, imported
// (Stored) or shipped.
type ImportBudget struct {
	Lines            []BudgetLineRow
	Followups        []BudgetFollowupRow
	PriceBaseAmounts []PriceBaseAmount
}

// Budget reads the budget's rows in the view.
func (v *ImportView) Budget(ctx context.Context) (*ImportBudget, error) {
	b := &ImportBudget{}
	if err := readAllRows(ctx, v.tx, &budgetLineTable, &b.Lines); err != nil {
		return nil, err
	}
	if err := readAllRows(ctx, v.tx, &budgetFollowupTable, &b.Followups); err != nil {
		return nil, err
	}
	err := scanAll(ctx, v.tx, `SELECT v.year, v.amount::DOUBLE, p.year IS NOT NULL
		FROM price_base_amount_by_year v LEFT JOIN price_base_amounts p ON p.year = v.year ORDER BY v.year`, nil,
		func(rows *store.Rows) error {
			var p PriceBaseAmount
			err := rows.Scan(&p.Year, &p.Amount, &p.Stored)
			b.PriceBaseAmounts = append(b.PriceBaseAmounts, p)
			return err
		})
	return b, err
}

// writeBudget gives the new budget lines and follow-ups their ids from their
// sequences and writes the budget tables' changes.
func (ch *ImportChanges) writeBudget(ctx context.Context, tx *store.Tx, conn *store.Conn, log *changeLog) error {
	ids, err := reserveIDsIn(ctx, tx, "budget_line_id_seq", len(ch.BudgetLines.Inserted))
	if err != nil {
		return err
	}
	for i, id := range ids {
		ch.BudgetLines.Inserted[i].ID = id
	}
	if ids, err = reserveIDsIn(ctx, tx, "budget_followup_id_seq", len(ch.BudgetFollowups.Inserted)); err != nil {
		return err
	}
	for i, id := range ids {
		ch.BudgetFollowups.Inserted[i].ID = id
	}
	if err := writeTable(ctx, tx, conn, log, &budgetLineTable, &ch.BudgetLines); err != nil {
		return err
	}
	if err := writeTable(ctx, tx, conn, log, &budgetFollowupTable, &ch.BudgetFollowups); err != nil {
		return err
	}
	return writeTable(ctx, tx, conn, log, &priceBaseAmountTable, &ch.PriceBaseAmounts)
}

// hashBudget writes the budget tables' changes into a fingerprint.
func (ch *ImportChanges) hashBudget(h hash.Hash) {
	hashChanges(h, &budgetLineTable, &ch.BudgetLines)
	hashChanges(h, &budgetFollowupTable, &ch.BudgetFollowups)
	hashChanges(h, &priceBaseAmountTable, &ch.PriceBaseAmounts)
}
