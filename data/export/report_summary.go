package export

import (
	"github.com/xuri/excelize/v2"

	"malbild/analytics"
)

// The summary's layout: a title block, the key figures, then the goals.
// Key figures share the goals' columns: label in B, value and what it
// concerns under the goals' Värde and Avser.
const (
	summaryAsOfRow        = 2
	summaryYearRow        = 3
	summaryFiguresRow     = 5 // section title; the header follows, then a row per metric
	summaryFirstMetricRow = summaryFiguresRow + 2
	labelColumn           = 2
)

// goalColumn is one column of the summary's goal table.
type goalColumn struct {
	key   string // a text key for the header
	width float64
	value func(g analytics.GoalResult) any
	style func(g analytics.GoalResult) int
}

// goalColumns are the goal table's columns; the upper target only when a
// goal of the year has one.
func (b *book) goalColumns(d *reportData) []goalColumn {
	fixed := func(style int) func(analytics.GoalResult) int {
		return func(analytics.GoalResult) int { return style }
	}
	byMetric := func(g analytics.GoalResult) int { return b.st.metricStyle(g.Metric) }
	cols := []goalColumn{
		{"number", 5, func(g analytics.GoalResult) any { return g.Number }, fixed(0)},
		{"goal", 42, func(g analytics.GoalResult) any { return g.Text }, fixed(b.st.wrap)},
		{"area", 13, func(g analytics.GoalResult) any { return g.Area }, fixed(b.st.wrap)},
		{"metric", 20, func(g analytics.GoalResult) any { return goalMetric(d.Lang, g) }, fixed(b.st.wrap)},
		{"value", 13, func(g analytics.GoalResult) any { return g.Value }, byMetric},
		{"concerns", 13, func(g analytics.GoalResult) any { return g.Service }, fixed(b.st.wrap)},
		{"comparator", 11, func(g analytics.GoalResult) any { return comparatorLabel(d.Lang, g.Comparator) }, fixed(0)},
		{"target", 12, func(g analytics.GoalResult) any { return g.Target }, byMetric},
	}
	for _, g := range d.goals {
		if g.UpperTarget != nil {
			cols = append(cols, goalColumn{"upper", 12, func(g analytics.GoalResult) any { return g.UpperTarget }, byMetric})
			break
		}
	}
	return append(cols,
		goalColumn{"status", 13, func(g analytics.GoalResult) any { return statusLabel(d.Lang, g.Status) },
			func(g analytics.GoalResult) int { return b.st.status[g.Status] }},
		goalColumn{"forecast", 12, func(g analytics.GoalResult) any { return g.Forecast }, byMetric},
		goalColumn{"due", 12, func(g analytics.GoalResult) any { return g.Due }, fixed(b.st.date)},
		goalColumn{"comment", 32, func(g analytics.GoalResult) any { return g.Comment }, fixed(b.st.wrap)},
	)
}

// summarySheet writes the title block, the key figures and every goal of
// the year with its status in colour.
func (b *book) summarySheet(d *reportData) error {
	sheet := tr(d.Lang, "sheet.summary")
	cols := b.goalColumns(d)
	header := summaryGoalHeaderRow(d)
	ref := cellName(1, header) + ":" + cellName(len(cols), header+max(len(d.goals), 1))
	if err := b.addSheet(sheet, ref); err != nil {
		return err
	}
	valueCol, concernsCol := columnOf(cols, "value"), columnOf(cols, "concerns")
	w := cellWriter{f: b.f, sheet: sheet}
	w.set(1, 1, d.Association+" – "+tr(d.Lang, "title", d.Year), b.st.title)
	w.set(labelColumn, summaryAsOfRow, tr(d.Lang, "asof"), 0)
	w.set(valueCol, summaryAsOfRow, d.AsOf, b.st.date)
	w.set(labelColumn, summaryYearRow, tr(d.Lang, "year"), 0)
	w.set(valueCol, summaryYearRow, d.Year, 0)

	w.set(labelColumn, summaryFiguresRow, tr(d.Lang, "keyfigures"), b.st.section)
	w.set(labelColumn, summaryFiguresRow+1, tr(d.Lang, "metric"), b.st.header)
	w.set(valueCol, summaryFiguresRow+1, tr(d.Lang, "value"), b.st.header)
	w.set(concernsCol, summaryFiguresRow+1, tr(d.Lang, "concerns"), b.st.header)
	for i, kv := range d.metrics {
		row := summaryFirstMetricRow + i
		w.set(labelColumn, row, metricLabel(d.Lang, kv.Key), 0)
		w.set(valueCol, row, kv.Value.Value, b.st.metricStyle(kv.Key))
		w.set(concernsCol, row, kv.Value.Service, 0)
	}

	w.set(labelColumn, header-1, tr(d.Lang, "goals", d.Year), b.st.section)
	for i, c := range cols {
		w.set(i+1, header, tr(d.Lang, c.key), b.st.header)
		if err := b.f.SetColWidth(sheet, colName(i+1), colName(i+1), c.width); err != nil {
			return err
		}
	}
	for r, g := range d.goals {
		height := 0.0
		for i, c := range cols {
			v := c.value(g)
			w.set(i+1, header+1+r, v, b.top(c.style(g)))
			if text, ok := v.(string); ok && c.style(g) == b.st.wrap {
				height = max(height, wrappedHeight(text, c.width))
			}
		}
		if height > 0 && w.err == nil {
			w.err = b.f.SetRowHeight(sheet, header+1+r, height)
		}
	}
	if len(d.goals) == 0 {
		w.set(labelColumn, header+1, tr(d.Lang, "goals.none"), 0)
	}
	if w.err != nil {
		return w.err
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: summaryYearRow,
		TopLeftCell: cellName(1, summaryYearRow+1), ActivePane: "bottomLeft"})
}

// summaryGoalHeaderRow is the row of the goal table's header: below the key
// figures, a blank row and the section title.
func summaryGoalHeaderRow(d *reportData) int {
	return summaryFirstMetricRow + len(d.metrics) + 2
}

// goalMetric names what measures a goal: the metric, or the board.
func goalMetric(lang string, g analytics.GoalResult) string {
	if g.Manual {
		return tr(lang, "manual")
	}
	label := metricLabel(lang, g.Metric)
	if g.Params != "" {
		label += " (" + g.Params + ")"
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
		return tr(lang, "cmp.between")
	}
	return c
}

func columnOf(cols []goalColumn, key string) int {
	for i, c := range cols {
		if c.key == key {
			return i + 1
		}
	}
	panic("no goal column " + key)
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}
