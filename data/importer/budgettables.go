package importer

import (
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
	tableKinds[budgetLinesTable] = "kind." + string(KindBudget)
	tableKinds[budgetFollowupsTable] = "kind." + string(KindBudgetFollowups)
	tableKinds[priceBaseTable] = "kind." + string(KindPriceBase)
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

// load puts the budget's rows in the indexes.
func (r *budgetRegistry) load(b *analytics.ImportBudget) {
	for i := range b.Lines {
		r.addLine(&b.Lines[i])
	}
	for i := range b.Followups {
		f := &b.Followups[i]
		r.followups[followupKeyOf(f)] = f
	}
	for i := range b.PriceBaseAmounts {
		p := &b.PriceBaseAmounts[i]
		r.pbb[p.Year] = p
	}
}
