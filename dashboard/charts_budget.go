package dashboard

import "malbild/analytics/locale"

// budgetBars draws budget, outcome and forecast per line, lying down as the
// names are long: a frame as its total, before its categories. A bar leads
// to the line's follow-up history, as the line's name in the table does.
func budgetBars(l string, rows []budgetRow) chartBlock {
	names := make([]string, len(rows))
	links := make([]string, len(rows))
	budget, outcome, forecast := make([]*float64, len(rows)), make([]*float64, len(rows)), make([]*float64, len(rows))
	for i, r := range rows {
		names[i], links[i] = r.Name, r.Link
		if r.IsFrame() {
			names[i] = locale.Text(l, "budgetpage.frame.total", r.Name)
		}
		b := r.Budget
		budget[i], outcome[i], forecast[i] = &b, r.Outcome, r.Forecast
	}
	return barChart(names, []series{
		{Name: locale.Text(l, "budgetpage.col.budget"), Values: budget},
		{Name: locale.Text(l, "budgetpage.col.outcome"), Values: outcome},
		{Name: locale.Text(l, "budgetpage.col.forecast"), Values: forecast},
	}, nil, 0, true, links)
}

// budgetSeriesChart draws the total's outcome and forecast on each follow-up
// day of the year against the budget.
func budgetSeriesChart(l string, points []budgetPointRow) chartBlock {
	days := make([]string, len(points))
	outcome, forecast := make([]*float64, len(points)), make([]*float64, len(points))
	var budget float64
	for i, p := range points {
		days[i] = p.Date.Format("2006-01-02")
		outcome[i], forecast[i], budget = p.Outcome, p.Forecast, p.Budget
	}
	return lineChart(days, []series{
		{Name: locale.Text(l, "budgetpage.col.outcome"), Values: outcome},
		{Name: locale.Text(l, "budgetpage.col.forecast"), Values: forecast},
	}, []refLine{{Label: locale.Text(l, "budgetpage.col.budget"), Value: budget}}, 0)
}
