package importer

import (
	"strconv"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// The budget follow-up's sheets (DESIGN "Budget follow-up"): the budget's
// lines, the dated follow-ups and the prisbasbelopp per year.
const (
	KindBudget          Kind = "budget"
	KindBudgetFollowups Kind = "budget_followups"
	KindPriceBase       Kind = "price_base_amounts"
)

func init() {
	specs = append(specs,
		kindSpec{KindBudget, []fieldSpec{
			{"year", []string{"år", "budgetår", "year"}},
			{"group", []string{"grupp", "ram", "budgetram", "group", "frame"}},
			{"category", []string{"kategori", "category"}},
			{"kind", []string{"typ", "slag", "kind", "type"}},
			{"amount", []string{"belopp", "budget", "budgetbelopp", "amount"}},
		}, []field{"year", "amount"}},
		kindSpec{KindBudgetFollowups, []fieldSpec{
			{"date", []string{"datum", "uppföljningsdatum", "date"}},
			{"year", []string{"år", "budgetår", "year"}},
			{"group", []string{"grupp", "ram", "budgetram", "group", "frame"}},
			{"category", []string{"kategori", "category"}},
			{"outcome", []string{"utfall", "utfallhittills", "outcome", "actual", "actuals"}},
			{"forecast", []string{"prognos", "helårsprognos", "prognoshelår", "forecast"}},
			{"comment", []string{"kommentar", "comment"}},
		}, []field{"date", "outcome"}},
		kindSpec{KindPriceBase, []fieldSpec{
			{"year", []string{"år", "year"}},
			{"price_base_amount", []string{"prisbasbelopp", "pbb", "pricebaseamount"}},
		}, []field{"year", "price_base_amount"}},
	)
	amountFields[KindBudget] = []field{"amount"}
	amountFields[KindBudgetFollowups] = []field{"outcome", "forecast"}
	amountFields[KindPriceBase] = []field{"price_base_amount"}
}

// budgetKindWords are the words for a budget line's kind.
var budgetKindWords = map[string]string{
	"investering": analytics.BudgetInvestment, "investeringar": analytics.BudgetInvestment,
	"investment": analytics.BudgetInvestment, "investments": analytics.BudgetInvestment,
	"drift": analytics.BudgetRunning, "driftkostnad": analytics.BudgetRunning,
	"driftkostnader": analytics.BudgetRunning, "running": analytics.BudgetRunning,
	"running cost": analytics.BudgetRunning, "running costs": analytics.BudgetRunning,
	"operating": analytics.BudgetRunning, "operating cost": analytics.BudgetRunning,
	"operating costs": analytics.BudgetRunning,
}

// budgetRow is a row of a Budget sheet as read, before its kind is settled.
type budgetRow struct {
	row   int
	cells []Cell
	line  analytics.BudgetLineRow
}

// readBudget reads budget lines, matched by year, group and category. A
// category of a frame written without a kind takes its frame's. Lines the
// sheet does not name are left as they are.
func (s *sheet) readBudget() error {
	s.checkAmountHeaders()
	var rows []budgetRow
	err := s.each(s.head.row, func(row int, cells []Cell) {
		if l, ok := s.parseBudgetLine(row, cells); ok {
			rows = append(rows, budgetRow{row, cells, l})
		}
	})
	if err != nil {
		return err
	}
	r := s.b.reg.budget
	// The frames' kinds first, as written in the file or stored.
	for _, br := range rows {
		if br.line.Category == "" && br.line.Kind != "" {
			r.frameKinds[budgetKey{br.line.Year, fold(br.line.Group), ""}] = br.line.Kind
		}
	}
	for _, br := range rows {
		l := br.line
		k := lineKey(&l)
		if l.Kind == "" {
			kind, ok := r.frameKind(k)
			if !ok {
				s.errorf(br.row, "kind", s.cell(br.cells, "kind"), "budgetline.kind_missing", l.Group)
				continue
			}
			l.Kind = kind
		}
		if prev, dup := r.seenLines[k]; dup {
			f := field("category")
			if l.Category == "" {
				f = "group" // a frame's row
			}
			s.errorf(br.row, f, s.cell(br.cells, f), "budgetrow.duplicate", prev.sheet, prev.row)
			continue
		}
		r.seenLines[k] = place{s.plan.Name, br.row}
		s.applyBudgetLine(br.row, l)
	}
	return nil
}

// parseBudgetLine reads a row's year, group, category, kind and amount.
func (s *sheet) parseBudgetLine(row int, cells []Cell) (analytics.BudgetLineRow, bool) {
	var l analytics.BudgetLineRow
	year, ok := s.budgetYear(row, cells)
	l.Year = year
	l.Group, l.Category = s.cell(cells, "group").Text(), s.cell(cells, "category").Text()
	if l.Group == "" && l.Category == "" {
		s.errorf(row, "category", s.cell(cells, "category"), "budgetline.no_name")
		ok = false
	}
	kind, okKind := s.choice(row, cells, "kind", budgetKindWords, "budgetline.kind")
	l.Kind = kind
	amount, given, okAmount := s.amount(row, cells, "amount")
	switch {
	case okAmount && !given:
		okAmount = s.require(row, cells, "amount")
	case okAmount && amount < 0:
		s.errorf(row, "amount", s.cell(cells, "amount"), "budgetline.negative")
		okAmount = false
	}
	l.Amount = amount
	return l, ok && okKind && okAmount
}

// budgetYear reads the row's year, which it must have.
func (s *sheet) budgetYear(row int, cells []Cell) (int, bool) {
	year, ok := s.integer(row, cells, "year", firstYear)
	if ok && year > lastYear {
		s.errorf(row, "year", s.cell(cells, "year"), "value.integer")
		return 0, false
	}
	return year, ok && s.require(row, cells, "year")
}

func (s *sheet) applyBudgetLine(row int, l analytics.BudgetLineRow) {
	r := s.b.reg.budget
	lbl := label(strconv.Itoa(l.Year), l.Group, l.Category)
	old := r.lines[lineKey(&l)]
	if old == nil {
		added := l
		added.ID = s.b.reg.nextTempID()
		r.addLine(&added)
		r.lineChanges.insert(&added)
		s.added(row, budgetLinesTable, lbl)
		return
	}
	d := s.diff()
	d.add("kind", budgetKindLabel(s.b.lang, old.Kind), budgetKindLabel(s.b.lang, l.Kind))
	d.add("amount", old.Amount, l.Amount)
	if d.empty() {
		s.unchanged(budgetLinesTable)
		return
	}
	r.lineChanges.touch(old)
	old.Kind, old.Amount = l.Kind, l.Amount
	s.changed(row, budgetLinesTable, lbl, d)
}

// budgetKindLabel is a kind as the plan shows it.
func budgetKindLabel(lang, kind string) string {
	return locale.Text(lang, "budgetline.kind."+kind)
}
