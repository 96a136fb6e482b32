package export

import (
	"context"

	"malbild/analytics"
)

// The budget follow-up's sheets of the import's format (DESIGN "Budget
// follow-up"), amounts in kronor: the data export writes them after the
// registry's, and the template lays them out.
var (
	budgetFormat = importSheet{"Budget", []importColumn{
		{header: "År", example: 2025},
		{header: "Grupp", example: "Användarhårdvara"},
		{header: "Kategori", example: "Klienter"},
		{header: "Typ", list: "budget_kinds", example: "investering"},
		{header: "Belopp", kind: kindMoney, example: 12000000},
	}}
	budgetFollowupsFormat = importSheet{"Budgetuppföljning", []importColumn{
		{header: "Datum", kind: kindDate, example: "2025-03-31"},
		{header: "Grupp", example: "Användarhårdvara"},
		{header: "Kategori", example: "Klienter"},
		{header: "Utfall", kind: kindMoney, example: 3000000},
		{header: "Prognos", kind: kindMoney, example: 12500000},
		{header: "Kommentar", example: "Fler klienter än planerat"},
	}}
	priceBaseFormat = importSheet{"Prisbasbelopp", []importColumn{
		{header: "År", example: 2027},
		{header: "Prisbasbelopp", kind: kindMoney, example: 60000},
	}}
)

func init() {
	importFormat = append(importFormat, budgetFormat, budgetFollowupsFormat, priceBaseFormat)
}

// budgetKindWords are the import's words for a budget line's kind.
var budgetKindWords = map[string]string{analytics.BudgetInvestment: "investering", analytics.BudgetRunning: "drift"}

// budgetTables reads the budget tables and lays them out as the import's
// sheets: every budget line and follow-up, and the prisbasbelopp imported
// (the amounts shipped with Målbild are no data).
func (b *book) budgetTables(ctx context.Context, s *analytics.Store) ([]table, error) {
	var (
		lines     []analytics.BudgetLineRow
		followups []analytics.BudgetFollowupRow
		pbb       []analytics.PriceBaseAmount
	)
	err := parallel(
		func() (err error) { lines, err = s.AllBudgetLines(ctx); return err },
		func() (err error) { followups, err = s.AllBudgetFollowups(ctx); return err },
		func() (err error) { pbb, err = s.PriceBaseAmounts(ctx, true); return err },
	)
	if err != nil {
		return nil, err
	}
	return []table{
		b.importTable(budgetFormat, false, len(lines), func(i int, dst []any) []any {
			l := lines[i]
			return append(dst, l.Year, l.Group, l.Category, word(budgetKindWords, l.Kind), l.Amount)
		}),
		b.importTable(budgetFollowupsFormat, false, len(followups), func(i int, dst []any) []any {
			f := followups[i]
			return append(dst, f.On, f.Group, f.Category, f.Outcome, f.Forecast, f.Comment)
		}),
		b.importTable(priceBaseFormat, false, len(pbb), func(i int, dst []any) []any {
			return append(dst, pbb[i].Year, pbb[i].Amount)
		}),
	}, nil
}

// budgetInstructions explain the budget sheets in the template, Swedish then
// English; they go before the last paragraph, which says how to import.
var budgetInstructions = [2]string{
	"Budget, Budgetuppföljning och Prisbasbelopp: en ram är en rad med Grupp men utan Kategori, och ramens kategorier har samma Grupp; en kategori utan Grupp står för sig. Typ är investering eller drift (en kategori utan typ får sin rams). Belopp skrivs i kronor (17 481 000), eller i tkr när rubriken säger tkr, till exempel Belopp (tkr); andra enheter, som mkr, läses inte. En uppföljning gäller en dag och en kategori eller grupp i årets budget: Utfall hittills under året och Prognos för helåret.",
	"Budget, Budgetuppföljning (follow-up) and Prisbasbelopp (price base amount): a frame is a row with a Grupp (group) and no Kategori (category), and the frame's categories have the same Grupp; a category without a Grupp stands alone. Typ (kind) is investering (investment) or drift (running cost); a category without one takes its frame's. Write amounts in kronor (17 481 000), or in tkr when the header says tkr, for example Belopp (tkr); other units, such as mkr, are not read. A follow-up is of a day and of a category or group of the year's budget: Utfall (outcome) so far this year and Prognos (forecast) for the whole year.",
}

func init() {
	for i := range instructions {
		p := instructions[i].paragraphs
		last := p[len(p)-1]
		instructions[i].paragraphs = append(append(p[:len(p)-1:len(p)-1], budgetInstructions[i]), last)
	}
}
