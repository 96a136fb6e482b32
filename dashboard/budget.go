package dashboard

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// budgetPage is the year's budget follow-up (DESIGN "Budget follow-up"):
// the table of frames and categories, their bars, the follow-ups over the
// year against the budget, and each line's follow-up history.
type budgetPage struct {
	Year        int
	Years       []int // the years with a budget, for the year's choice
	Report      analytics.BudgetReport
	Rows        []budgetRow // the lines, then the total
	Total       budgetRow
	Bars        chartBlock
	Series      []budgetPointRow
	SeriesChart chartBlock
	Histories   []budgetHistory
	Unmatched   []analytics.BudgetFollowup // follow-ups that belong to no line
	Rule        string                     // the rule in words, with the year's prisbasbelopp
}

// budgetPointRow is the total on a follow-up day, against the budget.
type budgetPointRow struct {
	analytics.BudgetPoint
	Budget float64
}

// budgetHistory is one line's follow-ups over the year, with the comments.
type budgetHistory struct {
	ID        string // the anchor the line's bars and name lead to
	Name      string
	Followups []analytics.BudgetFollowup
}

// budget shows the budget of ?year= (default: the as-of date's year, or the
// latest year with a budget before it) as of the as-of date.
func (s *Server) budget(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx, l := c.UserContext(), lang(c)
	years, err := s.store.BudgetYears(ctx)
	if err != nil {
		return err
	}
	year, err := planYear(c, asOf, years)
	if err != nil {
		return err
	}
	data := budgetPage{Year: year, Years: years}
	if data.Report, err = s.store.Budget(ctx, year, asOf); err != nil {
		return err
	}
	title := fmt.Sprintf("%s %d", locale.Text(l, "budgetpage.title"), year)
	data.Rule = budgetRuleText(l, data.Report)
	if len(data.Report.Lines) == 0 {
		return s.render(c, "budget", title, data)
	}
	followups, err := s.store.BudgetFollowups(ctx, year, asOf)
	if err != nil {
		return err
	}
	points, err := s.store.BudgetSeries(ctx, year, asOf)
	if err != nil {
		return err
	}
	link := chartLinks(c)
	for i, line := range data.Report.Lines {
		row := newBudgetRow(l, data.Report, line)
		row.Link = link("/budget?year="+strconv.Itoa(year)) + "#" + historyID(i)
		data.Rows = append(data.Rows, row)
		h := budgetHistory{ID: historyID(i), Name: row.Name}
		for _, f := range followups {
			if f.Line != nil && f.Line.Of(line) {
				h.Followups = append(h.Followups, f)
			}
		}
		data.Histories = append(data.Histories, h)
	}
	for _, f := range followups {
		if f.Line == nil {
			data.Unmatched = append(data.Unmatched, f)
		}
	}
	data.Total = newBudgetRow(l, data.Report, data.Report.Total)
	for _, p := range points {
		data.Series = append(data.Series, budgetPointRow{BudgetPoint: p, Budget: data.Report.Total.Budget})
	}
	data.Bars = budgetBars(l, data.Rows)
	data.SeriesChart = budgetSeriesChart(l, data.Series)
	return s.render(c, "budget", title, data)
}

// historyID is the anchor of the i-th line's history.
func historyID(i int) string { return "history-" + strconv.Itoa(i+1) }
