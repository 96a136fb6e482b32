package export

import (
	"context"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// goalHistories reads the history of each goal of the year across the plans.
func goalHistories(ctx context.Context, s *analytics.Store, goals []analytics.GoalResult) ([][]analytics.HistoryEntry, error) {
	out := make([][]analytics.HistoryEntry, len(goals))
	for i, g := range goals {
		h, err := s.GoalHistory(ctx, g.Key)
		if err != nil && analytics.ErrorCode(err) != analytics.ENotFound {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

// historySheet shows each goal of the year through the plans: the year, what
// changed, the goal's text and its terms, and the terms before a change.
func (b *book) historySheet(d *reportData) error {
	type line struct {
		goal analytics.GoalResult
		analytics.HistoryEntry
	}
	var lines []line
	for i, g := range d.goals {
		text := ""
		for _, e := range d.history[i] {
			if e.Year > d.Year { // the report looks back from its year
				break
			}
			if e.Text == text { // said on the line above
				e.Text = ""
			} else {
				text = e.Text
			}
			lines = append(lines, line{g, e})
		}
	}
	top := b.top(b.st.plain)
	return b.writeTable(table{
		sheet: locale.Text(d.Lang, "export.sheet.history"),
		columns: []column{
			{header: locale.Text(d.Lang, "number"), width: 6, style: top},
			{header: locale.Text(d.Lang, "history.year"), width: 8, style: b.left(top)},
			{header: locale.Text(d.Lang, "history.change"), width: 18, style: top},
			{header: locale.Text(d.Lang, "goal"), width: 50, style: b.st.wrap},
			{header: locale.Text(d.Lang, "history.terms"), width: 28, style: b.st.wrap},
			{header: locale.Text(d.Lang, "history.before"), width: 28, style: b.st.wrap},
		},
		rows: len(lines),
		row: func(i int, dst []any) []any {
			l := lines[i]
			var before any
			if l.Previous != nil {
				before = termsText(d.Lang, *l.Previous)
			}
			return append(dst, l.goal.Number, l.Year, locale.Text(d.Lang, "history."+l.Change), l.Text, termsText(d.Lang, l.Terms), before)
		},
		rowHeight: func(i int) float64 {
			return max(wrappedHeight(lines[i].Text, 50), wrappedHeight(termsText(d.Lang, lines[i].Terms), 28))
		},
		freezeCols: 1,
	})
}

// termsText writes a goal's terms as a reader says them: "Medlemmar ≥ 125".
func termsText(lang string, t analytics.GoalTerms) string {
	g := analytics.GoalResult{Metric: t.Metric, Params: t.Params, Manual: t.Metric == analytics.MetricManual}
	text := goalMetric(lang, g)
	if g.Manual || t.Target == nil {
		return text
	}
	m, _ := analytics.LookupMetric(t.Metric)
	format := func(v float64) string {
		switch {
		case m.Share:
			return formatNumber(lang, v*100, 1) + " %"
		case v == float64(int64(v)):
			return formatNumber(lang, v, 0)
		}
		return formatNumber(lang, v, 2)
	}
	if t.Comparator == analytics.CmpBetween && t.UpperTarget != nil {
		return text + " " + locale.Text(lang, "cmp.between") + " " + format(*t.Target) + "–" + format(*t.UpperTarget)
	}
	return text + " " + comparatorLabel(lang, t.Comparator) + " " + format(*t.Target)
}
