package export

import (
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// The summary's layout: a title block (year, as-of date, who made it when,
// the goals' status counts), the key figures against a year earlier, then
// the goals. Labels are in column B; the key figures share the goals'
// columns: what they concern under Mått, this year under Värde, a year
// earlier under Målvärde and the change beside it.
const (
	summaryYearRow        = 2
	summaryAsOfRow        = 3
	summaryMadeRow        = 4
	summaryCountsRow      = 5
	summaryFiguresRow     = 7 // section title; the header follows, then a row per metric
	summaryFirstMetricRow = summaryFiguresRow + 2
	labelColumn           = 2
	infoColumn            = 3
	valueColumn           = 4
	earlierColumn         = 5
	changeColumn          = 6
)

// goalColumn is one column of the summary's goal table.
type goalColumn struct {
	key   string // a text key for the header
	width float64
	value func(g analytics.GoalResult) any
	style func(g analytics.GoalResult) int
}

// goalColumns are the goal table's columns; the upper target only when a
// goal of the year has one. Their widths add up to a page's width, so that
// the summary prints at full size.
func (b *book) goalColumns(d *reportData) []goalColumn {
	fixed := func(style int) func(analytics.GoalResult) int {
		return func(analytics.GoalResult) int { return style }
	}
	byMetric := func(g analytics.GoalResult) int { return b.st.metricStyle(g.Metric) }
	cols := []goalColumn{
		{"number", 4.5, func(g analytics.GoalResult) any { return g.Number }, fixed(0)},
		{"goal", 28, func(g analytics.GoalResult) any { return g.Text }, fixed(b.st.wrap)},
		{"metric", 16, func(g analytics.GoalResult) any { return goalMetric(d.Lang, g) }, fixed(b.st.wrap)},
		{"value", 13, func(g analytics.GoalResult) any { return g.Value }, byMetric},
		{"target", 13, func(g analytics.GoalResult) any { return g.Target },
			func(g analytics.GoalResult) int { return b.boundStyle(g, false) }},
	}
	for _, g := range d.goals {
		if g.UpperTarget != nil {
			cols = append(cols, goalColumn{"upper", 13, func(g analytics.GoalResult) any { return g.UpperTarget },
				func(g analytics.GoalResult) int { return b.boundStyle(g, true) }})
			break
		}
	}
	return append(cols,
		goalColumn{"status", 12, func(g analytics.GoalResult) any { return statusLabel(d.Lang, g.Status) },
			func(g analytics.GoalResult) int { return b.st.status[g.Status] }},
		goalColumn{"forecast", 13, func(g analytics.GoalResult) any { return g.Forecast }, byMetric},
		goalColumn{"verdict", 13, func(g analytics.GoalResult) any { return verdict(d.Lang, g.ForecastMeets) }, fixed(b.centred(b.st.wrap))},
		goalColumn{"statusdate", 12, func(g analytics.GoalResult) any { return g.StatusDate }, fixed(b.centred(b.st.date))},
		goalColumn{"comment", 24, func(g analytics.GoalResult) any { return g.Comment }, fixed(b.st.wrap)},
	)
}

// summarySheet writes the title block, the key figures and every goal of
// the year with its status in colour.
func (b *book) summarySheet(d *reportData) error {
	sheet := locale.Text(d.Lang, "export.sheet.summary")
	cols := b.goalColumns(d)
	header := summaryGoalHeaderRow(d)
	ref := cellName(1, header) + ":" + cellName(len(cols), header+max(len(d.goals), 1))
	if err := b.addSheet(sheet, ref); err != nil {
		return err
	}
	w := b.cells(sheet)
	w.set(1, 1, d.Association+" – "+locale.Text(d.Lang, "title", d.Year), b.st.title)
	w.set(labelColumn, summaryYearRow, locale.Text(d.Lang, "year"), b.st.label)
	w.set(infoColumn, summaryYearRow, d.Year, b.left(b.st.plain))
	w.set(labelColumn, summaryAsOfRow, locale.Text(d.Lang, "asof"), b.st.label)
	w.set(infoColumn, summaryAsOfRow, d.AsOf, b.left(b.st.date))
	w.set(labelColumn, summaryMadeRow, locale.Text(d.Lang, "made"), b.st.label)
	w.set(infoColumn, summaryMadeRow, madeText(d), 0)
	w.set(labelColumn, summaryCountsRow, locale.Text(d.Lang, "goals.counts"), b.st.label)
	w.set(infoColumn, summaryCountsRow, statusCounts(d.Lang, d.goals), 0)

	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = max(c.width, headerWidth(locale.Text(d.Lang, c.key)))
		if err := b.f.SetColWidth(sheet, colName(i+1), colName(i+1), widths[i]); err != nil {
			return err
		}
	}
	b.keyFigures(w, d, widths)

	w.set(labelColumn, header-1, locale.Text(d.Lang, "goals", d.Year), b.st.section)
	headHeight := 0.0
	// Headers align as their values do.
	numeric := map[string]bool{"value": true, "target": true, "upper": true, "forecast": true}
	centred := map[string]bool{"status": true, "verdict": true, "statusdate": true}
	for i, c := range cols {
		style := b.st.header
		switch {
		case numeric[c.key]:
			style = b.headerOver(b.st.integer)
		case centred[c.key]:
			style = b.centred(b.st.header)
		}
		w.set(i+1, header, locale.Text(d.Lang, c.key), style)
		headHeight = max(headHeight, headerHeight(locale.Text(d.Lang, c.key), widths[i]))
	}
	b.setHeight(w, header, headHeight)
	for r, g := range d.goals {
		height := 0.0
		for i, c := range cols {
			v := c.value(g)
			w.set(i+1, header+1+r, v, b.top(c.style(g)))
			if text, ok := v.(string); ok {
				height = max(height, wrappedHeight(text, widths[i]))
			}
		}
		b.setHeight(w, header+1+r, height)
	}
	if len(d.goals) == 0 {
		w.set(labelColumn, header+1, locale.Text(d.Lang, "export.goals.none"), 0)
	}
	if w.err != nil {
		return w.err
	}
	if err := b.repeatHeader(sheet, header); err != nil {
		return err
	}
	// The goals start a page: the first page is the cover with the key figures.
	if err := b.f.InsertPageBreak(sheet, cellName(1, header-1)); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: summaryAsOfRow,
		TopLeftCell: cellName(1, summaryAsOfRow+1), ActivePane: "bottomLeft"})
}

// keyFigures writes the key figures on the report's day and a year earlier
// with the change. Fee income is the members sheet's total, so that the two
// agree to the öre.
func (b *book) keyFigures(w *cellWriter, d *reportData, widths []float64) {
	w.set(labelColumn, summaryFiguresRow, locale.Text(d.Lang, "keyfigures"), b.st.section)
	head := summaryFiguresRow + 1
	w.set(labelColumn, head, locale.Text(d.Lang, "metric"), b.st.header)
	w.set(infoColumn, head, locale.Text(d.Lang, "concerns"), b.st.header)
	right := b.headerOver(b.st.integer)
	w.set(valueColumn, head, d.AsOf.Format(time.DateOnly), right)
	w.set(earlierColumn, head, d.yearAgo.Format(time.DateOnly), right)
	w.set(changeColumn, head, locale.Text(d.Lang, "change.short"), right)
	for i, kv := range d.metrics {
		row := summaryFirstMetricRow + i
		style := b.top(b.st.metricStyle(kv.Key))
		now := kv.Value.Value
		if kv.Key == "fee_income" && d.fees != nil {
			total := d.feeTotal()
			now = &total
		}
		label := metricLabel(d.Lang, kv.Key)
		w.set(labelColumn, row, label, b.st.wrap)
		w.set(infoColumn, row, kv.Value.Service, b.st.wrap)
		w.set(valueColumn, row, now, style)
		b.setHeight(w, row, max(wrappedHeight(label, widths[labelColumn-1]), wrappedHeight(kv.Value.Service, widths[infoColumn-1])))
		if d.lastYear == nil {
			continue
		}
		before, _ := d.lastYear.Get(kv.Key)
		w.set(earlierColumn, row, before.Value, style)
		if now != nil && before.Value != nil {
			change := *now - *before.Value
			if m, _ := analytics.LookupMetric(kv.Key); m.Money {
				change = roundToOre(change)
			}
			w.set(changeColumn, row, change, b.signed(style))
		}
	}
}

// setHeight gives row a height of points (0: leave it).
func (b *book) setHeight(w *cellWriter, row int, points float64) {
	if points > 0 && w.err == nil {
		w.err = b.f.SetRowHeight(w.sheet, row, points)
	}
}

// summaryGoalHeaderRow is the row of the goal table's header: below the key
// figures, a blank row and the section title.
func summaryGoalHeaderRow(d *reportData) int {
	return summaryFirstMetricRow + len(d.metrics) + 2
}

// madeText says when the report was made, by the store's clock, and by whom.
func madeText(d *reportData) string {
	text := d.madeAt.In(analytics.Stockholm).Format("2006-01-02 15:04")
	if d.MadeBy != "" {
		text += " " + locale.Text(d.Lang, "made.by", d.MadeBy)
	}
	return text
}

// statusCounts says how many goals have each status: "3 uppnådda, 2 i fas,
// 2 risk, 1 ej uppnått".
func statusCounts(lang string, goals []analytics.GoalResult) string {
	counts := map[analytics.Status]int{}
	for _, g := range goals {
		counts[g.Status]++
	}
	var parts []string
	for _, s := range []analytics.Status{analytics.StatusMet, analytics.StatusOnTrack, analytics.StatusAtRisk,
		analytics.StatusMissed, analytics.StatusNoData} {
		if n := counts[s]; n > 0 {
			one, many, _ := strings.Cut(locale.Text(lang, "count."+string(s)), "|")
			if n > 1 {
				one = many
			}
			parts = append(parts, formatNumber(lang, float64(n), 0)+" "+one)
		}
	}
	if len(parts) == 0 {
		return locale.Text(lang, "export.goals.none")
	}
	return strings.Join(parts, ", ")
}

// verdict says whether the forecast meets the target; "" without a forecast.
func verdict(lang string, meets *bool) string {
	switch {
	case meets == nil:
		return ""
	case *meets:
		return locale.Text(lang, "verdict.meets")
	}
	return locale.Text(lang, "verdict.short")
}

// goalMetric names what measures a goal: the metric, or the board.
func goalMetric(lang string, g analytics.GoalResult) string {
	if g.Manual {
		return locale.Text(lang, "manual")
	}
	label := metricLabel(lang, g.Metric)
	if g.Params != "" {
		label += " (" + g.Params + ")"
	}
	if g.Service != "" {
		label += ": " + g.Service
	}
	return label
}

// comparatorLabel writes a comparator as a reader expects it.
func comparatorLabel(lang, c string) string {
	switch c {
	case analytics.CmpAtLeast:
		return "≥"
	case analytics.CmpAtMost:
		return "≤"
	case analytics.CmpBetween:
		return locale.Text(lang, "cmp.between")
	}
	return c
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}
