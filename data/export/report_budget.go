package export

import (
	"context"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// The report's Budget sheet (DESIGN "Budget follow-up"): the year's budget
// follow-up on the report's day as analytics.Store.Budget computes it, a
// line per frame, category and standalone category and the total, each with
// its status in words and colour and the threshold in kronor, then a native
// bar chart of budget, outcome and forecast per category. A year without a
// budget has no Budget sheet.

// The sheet's layout: a title, the rule, a blank row, the header, the lines.
const (
	budgetHeaderRow = 4
	budgetColumns   = 10
)

// budgetOf is the year's budget follow-up on the report's day; nil when the
// year has no budget.
func budgetOf(ctx context.Context, s *analytics.Store, year int, asOf time.Time) (*analytics.BudgetReport, error) {
	r, err := s.Budget(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	if len(r.Lines) == 0 {
		return nil, nil
	}
	return &r, nil
}

// budgetSheet writes the Budget sheet when the year has a budget.
func (b *book) budgetSheet(d *reportData) error {
	r := d.budget
	if r == nil {
		return nil
	}
	sheet := locale.Text(d.Lang, "export.sheet.budget")
	if err := b.addSheet(sheet, cellName(1, budgetHeaderRow)+":"+cellName(budgetColumns, budgetHeaderRow+len(r.Lines))); err != nil {
		return err
	}
	for i, width := range []float64{20, 23, 11, 13, 13, 13, 13, 10, 20, 13} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	// Two lines for the header: "Avvikelse (kr)" and its English wrap.
	if err := b.f.SetRowHeight(sheet, budgetHeaderRow, 2*lineHeight); err != nil {
		return err
	}
	w := b.cells(sheet)
	w.set(1, 1, locale.Text(d.Lang, "export.budget.title", r.Year, r.AsOf.Format(time.DateOnly)), b.st.section)
	w.set(1, 2, budgetRuleText(d.Lang, r), 0)
	for i, key := range []string{"group", "export.budget.category", "kind", "export.budget.budget", "export.budget.outcome",
		"export.budget.forecast", "export.budget.deviation", "export.budget.deviation_share", "status", "export.budget.threshold"} {
		style := b.st.header
		if i >= 3 && i != 8 { // over amounts and shares
			style = b.headerOver(b.st.integer)
		}
		w.set(i+1, budgetHeaderRow, locale.Text(d.Lang, key), style)
	}
	row := budgetHeaderRow + 1
	for _, l := range r.Lines {
		b.budgetLine(w, d.Lang, row, l)
		row++
	}
	b.budgetLine(w, d.Lang, row, r.Total)
	if w.err != nil {
		return w.err
	}
	// The header under the title: frozen and printed on every page there.
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: budgetHeaderRow,
		TopLeftCell: cellName(1, budgetHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := b.repeatHeader(sheet, budgetHeaderRow); err != nil {
		return err
	}
	return b.budgetChart(d, sheet, row+2)
}

// budgetLine writes one line: a frame and the total in bold, a category of
// a frame indented under it, its status in words on its colour.
func (b *book) budgetLine(w *cellWriter, lang string, row int, l analytics.BudgetLine) {
	text, amount, share := 0, b.st.integer, b.st.percent
	if l.IsFrame() || l.IsTotal() {
		text, amount, share = b.boldOf(b.st.plain), b.boldOf(b.st.integer), b.boldOf(b.st.percent)
	}
	if l.IsTotal() {
		text, amount, share = b.st.bold, b.st.totalInt, b.topBorder(share)
	}
	group, category := orEmpty(l.Group), orEmpty(l.Category)
	switch {
	case l.IsTotal():
		group = locale.Text(lang, "total")
	case l.IsFrame():
		category = locale.Text(lang, "export.budget.frame")
	}
	categoryStyle := text
	if l.InFrame() {
		categoryStyle = b.indented(text)
	}
	w.set(1, row, group, text)
	w.set(2, row, category, categoryStyle)
	kind := ""
	if l.Kind != nil {
		kind = locale.Text(lang, "export.budget.kind."+*l.Kind)
	}
	w.set(3, row, kind, text)
	w.set(4, row, l.Budget, amount)
	w.set(5, row, l.Outcome, amount)
	w.set(6, row, l.Forecast, amount)
	w.set(7, row, l.Deviation, amount)
	w.set(8, row, l.Share, share)
	status, style := budgetStatus(lang, l.Status)
	w.set(9, row, status, b.st.status[style])
	switch {
	case l.Threshold != nil:
		w.set(10, row, *l.Threshold, amount)
	case l.InFrame():
		w.set(10, row, locale.Text(lang, "export.budget.frame_decides"), text)
	default:
		w.set(10, row, nil, amount)
	}
}

// budgetStatus is a line's status in words and the goal status whose colours
// it takes: within green, over amber, report red, none grey.
func budgetStatus(lang string, status *string) (string, analytics.Status) {
	if status == nil {
		return locale.Text(lang, "export.budget.status.none"), analytics.StatusNoData
	}
	colour := map[string]analytics.Status{
		analytics.BudgetStatusWithin: analytics.StatusMet,
		analytics.BudgetStatusOver:   analytics.StatusAtRisk,
		analytics.BudgetStatusReport: analytics.StatusMissed,
	}[*status]
	if colour == "" {
		return *status, analytics.StatusNoData
	}
	return locale.Text(lang, "export.budget.status."+*status), colour
}

// budgetRuleText says the rule in kronor: the percent of the budget or the
// multiple of the year's prisbasbelopp, either one.
func budgetRuleText(lang string, r *analytics.BudgetReport) string {
	percent := formatNumber(lang, r.Rule.Percent, decimalsOf(r.Rule.Percent))
	multiple := formatNumber(lang, r.Rule.PBBMultiple, decimalsOf(r.Rule.PBBMultiple))
	if r.PBB == nil {
		return locale.Text(lang, "export.budget.rule_no_pbb", percent, multiple, r.Year)
	}
	return locale.Text(lang, "export.budget.rule", percent, multiple, r.Year, formatNumber(lang, *r.PBB, 0),
		formatNumber(lang, r.Rule.PBBMultiple**r.PBB, 0))
}

// decimalsOf is 0 for a whole number, else 1.
func decimalsOf(v float64) int {
	if v == float64(int64(v)) {
		return 0
	}
	return 1
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// boldOf is style in bold.
func (b *book) boldOf(style int) int {
	return b.derive("bold", style, func(s *excelize.Style) {
		if s.Font == nil {
			s.Font = font(fontSize, true, "")
		}
		s.Font.Bold = true
	})
}

// topBorder is style with a line above, as the totals have.
func (b *book) topBorder(style int) int {
	return b.derive("topborder", style, func(s *excelize.Style) {
		s.Border = append(s.Border, excelize.Border{Type: "top", Color: "808080", Style: 1})
	})
}

// budgetChartLines are the lines the chart shows: the categories (of frames
// and standalone), or the frames when no line has a category.
func budgetChartLines(r *analytics.BudgetReport) []analytics.BudgetLine {
	var out []analytics.BudgetLine
	for _, l := range r.Lines {
		if l.Category != nil {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = r.Lines
	}
	return out
}

// budgetChart draws budget, outcome and forecast per category as grouped
// columns at row, on a page of its own, from the hidden budget chart sheet.
func (b *book) budgetChart(d *reportData, sheet string, row int) error {
	lines := budgetChartLines(d.budget)
	data := locale.Text(d.Lang, "export.sheet.budgetchart")
	first, last := 2, len(lines)+1
	names := absRange(data, 1, first, last)
	var series []excelize.ChartSeries
	for i, colour := range []string{"8EA9C1", "2F5597", "ED7D31"} {
		series = append(series, excelize.ChartSeries{
			Name: absRange(data, i+2, 1, 1), Categories: names, Values: absRange(data, i+2, first, last),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
		})
	}
	title := locale.Text(d.Lang, "export.budget.chart", d.budget.Year)
	chart := &excelize.Chart{
		Type:       excelize.Col,
		Series:     series,
		Title:      chartTitle(title),
		Legend:     excelize.ChartLegend{Position: "bottom", Font: chartFont(10, false)},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:     excelize.GraphicOptions{AltText: altText(d.Lang, title, sheet)},
		VaryColors: new(false),
		XAxis:      axis("", locale.Text(d.Lang, "export.budget.category")),
		YAxis:      axis("#,##0", locale.Text(d.Lang, "export.budget.kr")),
	}
	if err := b.f.InsertPageBreak(sheet, cellName(1, row)); err != nil {
		return err
	}
	return b.f.AddChart(sheet, cellName(1, row), chart)
}

// budgetChartSheet writes the chart's rows on a hidden sheet, before the
// big streamed sheets as chartDataSheet does: per category its name,
// budget, outcome and forecast.
func (b *book) budgetChartSheet(d *reportData) error {
	if d.budget == nil {
		return nil
	}
	sheet := locale.Text(d.Lang, "export.sheet.budgetchart")
	if _, err := b.f.NewSheet(sheet); err != nil {
		return err
	}
	w := b.cells(sheet)
	for i, key := range []string{"export.budget.category", "export.budget.budget", "export.budget.outcome", "export.budget.forecast"} {
		w.set(i+1, 1, locale.Text(d.Lang, key), 0)
	}
	for i, l := range budgetChartLines(d.budget) {
		name := orEmpty(l.Category)
		if name == "" {
			name = orEmpty(l.Group)
		}
		w.set(1, i+2, name, 0)
		w.set(2, i+2, l.Budget, 0)
		w.set(3, i+2, l.Outcome, 0)
		w.set(4, i+2, l.Forecast, 0)
	}
	if w.err != nil {
		return w.err
	}
	return b.f.SetSheetVisible(sheet, false)
}
