package dashboard

import (
	"math"
	"strings"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// budgetRow is a line of the budget table as the page writes it.
type budgetRow struct {
	analytics.BudgetLine
	Name     string // the frame's, the category's, or "Totalt"
	Indented bool   // a category of a frame
	Link     string // its follow-up history
	// StatusKey is the status's text key ("budgetpage.status.none" before any
	// follow-up); Threshold spells the triggers out in kronor.
	StatusKey string
	Threshold string
	KindKey   string // the kind's text key, "" when the line has none
}

func newBudgetRow(l string, r analytics.BudgetReport, line analytics.BudgetLine) budgetRow {
	row := budgetRow{BudgetLine: line, Indented: line.InFrame(), StatusKey: "budgetpage.status.none"}
	switch {
	case line.IsTotal():
		row.Name = locale.Text(l, "budgetpage.total")
	case line.IsFrame():
		row.Name = *line.Group
	default:
		row.Name = *line.Category
	}
	if line.Status != nil {
		row.StatusKey = "budgetpage.status." + *line.Status
	}
	if line.Kind != nil {
		row.KindKey = "budgetpage.kind." + *line.Kind
	}
	row.Threshold = thresholdText(l, r, line)
	return row
}

// thresholdText spells out the triggers the line is judged by, such as "10 %
// av 17 481 tkr = 1 748 tkr; 4 pbb = 235 200 kr"; inside a frame it says the
// frame judges.
func thresholdText(l string, r analytics.BudgetReport, line analytics.BudgetLine) string {
	if line.InFrame() {
		return locale.Text(l, "budgetpage.threshold.inframe")
	}
	var parts []string
	if line.PercentTrigger != nil {
		parts = append(parts, locale.Text(l, "budgetpage.threshold.percent", rulePercent(l, r.Rule.Percent),
			formatKronor(l, line.Budget), formatKronor(l, *line.PercentTrigger)))
	}
	if line.PBBTrigger != nil {
		parts = append(parts, locale.Text(l, "budgetpage.threshold.pbb", formatDecimal(l, r.Rule.PBBMultiple, decimalsOf(r.Rule.PBBMultiple)),
			formatKronor(l, *line.PBBTrigger)))
	}
	return strings.Join(parts, "; ")
}

// budgetRuleText is the rule in words with the year's prisbasbelopp, or a
// warning that the year has none (the percent alone then judges).
func budgetRuleText(l string, r analytics.BudgetReport) string {
	percent := rulePercent(l, r.Rule.Percent)
	multiple := formatDecimal(l, r.Rule.PBBMultiple, decimalsOf(r.Rule.PBBMultiple))
	if r.PBB == nil {
		return locale.Text(l, "budgetpage.rule.nopbb", percent, multiple, r.Year)
	}
	return locale.Text(l, "budgetpage.rule", percent, multiple, r.Year, formatDecimal(l, *r.PBB, 0)+nbsp+"kr")
}

// rulePercent writes the rule's percent as pages write percentages: "10 %"
// in Swedish, "10%" in English.
func rulePercent(l string, percent float64) string {
	if l == locale.En {
		return formatDecimal(l, percent, decimalsOf(percent)) + "%"
	}
	return formatDecimal(l, percent, decimalsOf(percent)) + nbsp + "%"
}

// formatKronor writes an amount as the office reads it: whole thousands as
// tkr from a million up ("17 481 tkr"), kronor below ("235 200 kr").
func formatKronor(l string, kr float64) string {
	if math.Abs(kr) >= 1_000_000 {
		return formatDecimal(l, math.Round(kr/1000), 0) + nbsp + "tkr"
	}
	return formatDecimal(l, math.Round(kr), 0) + nbsp + "kr"
}

// decimalsOf is how many decimals a setting such as 12,5 needs (at most 2).
func decimalsOf(f float64) int {
	switch {
	case f == math.Trunc(f):
		return 0
	case f*10 == math.Trunc(f*10):
		return 1
	}
	return 2
}

// Kr writes an amount in whole kronor, "–" when it is not known.
func (p page) Kr(v *float64) string {
	if v == nil {
		return "–"
	}
	return formatDecimal(p.Lang, math.Round(*v), 0)
}

// KrOf is Kr of a known amount.
func (p page) KrOf(v float64) string { return p.Kr(&v) }

// Signed writes a deviation with its sign ("+12 000", "−3 400").
func (p page) Signed(v *float64) string {
	if v == nil {
		return "–"
	}
	if *v > 0 {
		return "+" + p.Kr(v)
	}
	return p.Kr(v)
}

// SharePercent writes a share such as A/B as a signed percentage.
func (p page) SharePercent(v *float64) string {
	if v == nil {
		return "–"
	}
	if *v > 0 {
		return "+" + formatPercent(p.Lang, *v)
	}
	if *v < 0 {
		return "−" + formatPercent(p.Lang, -*v)
	}
	return formatPercent(p.Lang, *v)
}
