package importer

import (
	"context"
	"database/sql"
	"hash"
	"time"

	"malbild/analytics"
)

// The budget tables as the import reads, matches and writes them.
const (
	budgetLinesTable     = "budget_lines"
	budgetFollowupsTable = "budget_followups"
	priceBaseTable       = "price_base_amounts"
)

func init() {
	tables = append(tables, budgetLinesTable, budgetFollowupsTable, priceBaseTable)
	order = append(order, KindBudget, KindPriceBase, KindBudgetFollowups)
	undoTables[budgetLinesTable] = undoTable[analytics.BudgetLineRow]{&budgetLineTable}
	undoTables[budgetFollowupsTable] = undoTable[analytics.BudgetFollowupRow]{&budgetFollowupTable}
	undoTables[priceBaseTable] = undoTable[analytics.PriceBaseAmount]{&priceBaseAmountTable}
	tableKinds[budgetLinesTable] = "kind." + string(KindBudget)
	tableKinds[budgetFollowupsTable] = "kind." + string(KindBudgetFollowups)
	tableKinds[priceBaseTable] = "kind." + string(KindPriceBase)
}

var budgetLineTable = table[analytics.BudgetLineRow]{
	name:    budgetLinesTable,
	columns: []string{"id", "year", "group_name", "category", "kind", "amount"},
	selects: []string{"id", "year", "coalesce(group_name, '')", "coalesce(category, '')", "kind", "amount::DOUBLE"},
	keyCols: 1,
	values: func(l *analytics.BudgetLineRow) []any {
		return []any{l.ID, l.Year, null(l.Group), null(l.Category), l.Kind, l.Amount}
	},
	scan: func(rows *sql.Rows) (*analytics.BudgetLineRow, error) {
		var l analytics.BudgetLineRow
		return &l, rows.Scan(&l.ID, &l.Year, &l.Group, &l.Category, &l.Kind, &l.Amount)
	},
}

var budgetFollowupTable = table[analytics.BudgetFollowupRow]{
	name:    budgetFollowupsTable,
	columns: []string{"id", "followed_on", "group_name", "category", "outcome", "forecast", "comment"},
	selects: []string{"id", "followed_on", "coalesce(group_name, '')", "coalesce(category, '')", "outcome::DOUBLE",
		"forecast::DOUBLE", "coalesce(comment, '')"},
	keyCols: 1,
	values: func(f *analytics.BudgetFollowupRow) []any {
		return []any{f.ID, f.On, null(f.Group), null(f.Category), f.Outcome, f.Forecast, null(f.Comment)}
	},
	scan: func(rows *sql.Rows) (*analytics.BudgetFollowupRow, error) {
		var f analytics.BudgetFollowupRow
		var forecast sql.NullFloat64
		err := rows.Scan(&f.ID, &f.On, &f.Group, &f.Category, &f.Outcome, &forecast, &f.Comment)
		f.On, f.Forecast = day(f.On), floatPtr(forecast)
		return &f, err
	},
}

// priceBaseAmountTable is the imported prisbasbelopp; the shipped ones are
// no rows (see the view price_base_amount_by_year) and never written.
var priceBaseAmountTable = table[analytics.PriceBaseAmount]{
	name:    priceBaseTable,
	columns: []string{"year", "amount"},
	selects: []string{"year", "amount::DOUBLE"},
	keyCols: 1,
	values:  func(p *analytics.PriceBaseAmount) []any { return []any{p.Year, p.Amount} },
	scan: func(rows *sql.Rows) (*analytics.PriceBaseAmount, error) {
		p := analytics.PriceBaseAmount{Stored: true}
		return &p, rows.Scan(&p.Year, &p.Amount)
	},
}

// budgetKey names a budget line: year, group and category, folded.
type budgetKey struct {
	year            int
	group, category string
}

func lineKey(l *analytics.BudgetLineRow) budgetKey {
	return budgetKey{l.Year, fold(l.Group), fold(l.Category)}
}

// followupKey names a follow-up: its day, group and category, folded.
type followupKey struct {
	on              time.Time
	group, category string
}

func followupKeyOf(f *analytics.BudgetFollowupRow) followupKey {
	return followupKey{f.On, fold(f.Group), fold(f.Category)}
}

// place is where a row of the file is.
type place struct {
	sheet string
	row   int
}

// budgetRegistry is the budget tables in memory, as read when a plan is
// made, with the file's rows applied to it.
type budgetRegistry struct {
	lines      map[budgetKey]*analytics.BudgetLineRow
	byYear     map[int][]*analytics.BudgetLineRow
	frameKinds map[budgetKey]string // a frame's kind by its key, as the file writes it
	followups  map[followupKey]*analytics.BudgetFollowupRow
	pbb        map[int]*analytics.PriceBaseAmount // imported or shipped

	// The rows the file names, where it first names them.
	seenLines     map[budgetKey]place
	seenFollowups map[followupKey]place
	seenPBB       map[int]place

	lineChanges     changes[analytics.BudgetLineRow]
	followupChanges changes[analytics.BudgetFollowupRow]
	pbbChanges      changes[analytics.PriceBaseAmount]
}

func newBudgetRegistry() *budgetRegistry {
	return &budgetRegistry{
		lines: map[budgetKey]*analytics.BudgetLineRow{}, byYear: map[int][]*analytics.BudgetLineRow{},
		frameKinds: map[budgetKey]string{}, followups: map[followupKey]*analytics.BudgetFollowupRow{},
		pbb: map[int]*analytics.PriceBaseAmount{}, seenLines: map[budgetKey]place{},
		seenFollowups: map[followupKey]place{}, seenPBB: map[int]place{},
	}
}

func (r *budgetRegistry) addLine(l *analytics.BudgetLineRow) {
	r.lines[lineKey(l)] = l
	r.byYear[l.Year] = append(r.byYear[l.Year], l)
}

// frameKind is the kind of the frame of k's group: as the file writes it,
// else as stored.
func (r *budgetRegistry) frameKind(k budgetKey) (string, bool) {
	frame := budgetKey{k.year, k.group, ""}
	if k.group == "" {
		return "", false
	}
	if kind, ok := r.frameKinds[frame]; ok {
		return kind, true
	}
	if l := r.lines[frame]; l != nil {
		return l.Kind, true
	}
	return "", false
}

// load reads the budget tables and the prisbasbelopp of every year known.
func (r *budgetRegistry) load(ctx context.Context, q queryer) error {
	if err := budgetLineTable.selectAll(ctx, q, r.addLine); err != nil {
		return err
	}
	err := budgetFollowupTable.selectAll(ctx, q, func(f *analytics.BudgetFollowupRow) {
		r.followups[followupKeyOf(f)] = f
	})
	if err != nil {
		return err
	}
	return scanAll(ctx, q, `SELECT v.year, v.amount::DOUBLE, p.year IS NOT NULL
		FROM price_base_amount_by_year v LEFT JOIN price_base_amounts p ON p.year = v.year`, nil,
		func(rows *sql.Rows) error {
			var p analytics.PriceBaseAmount
			err := rows.Scan(&p.Year, &p.Amount, &p.Stored)
			r.pbb[p.Year] = &p
			return err
		})
}

// write inserts and updates the budget tables' rows, with ids for the new
// lines and follow-ups from their sequences.
func (r *budgetRegistry) write(ctx context.Context, tx execer) ([]logEntry, error) {
	ids, err := reserveIDs(ctx, tx, "budget_line_id_seq", len(r.lineChanges.inserted))
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		r.lineChanges.inserted[i].ID = id
	}
	if ids, err = reserveIDs(ctx, tx, "budget_followup_id_seq", len(r.followupChanges.inserted)); err != nil {
		return nil, err
	}
	for i, id := range ids {
		r.followupChanges.inserted[i].ID = id
	}
	var log []logEntry
	for _, w := range []func() ([]logEntry, error){
		func() ([]logEntry, error) { return writeTable(ctx, tx, &budgetLineTable, &r.lineChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &budgetFollowupTable, &r.followupChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &priceBaseAmountTable, &r.pbbChanges) },
	} {
		entries, err := w()
		if err != nil {
			return nil, err
		}
		log = append(log, entries...)
	}
	return log, nil
}

// hash writes the budget tables' changes into a plan's fingerprint.
func (r *budgetRegistry) hash(h hash.Hash) {
	hashChanges(h, &budgetLineTable, &r.lineChanges)
	hashChanges(h, &budgetFollowupTable, &r.followupChanges)
	hashChanges(h, &priceBaseAmountTable, &r.pbbChanges)
}
