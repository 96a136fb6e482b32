package dashboard

import (
	"context"
	"strconv"
	"time"

	"malbild/analytics"
)

// budgetFigure is the overview's key figure of the year's budget: the
// total's forecast deviation, and how many lines must go to the board
// (red, and said in words, when any must).
type budgetFigure struct {
	Year      int
	Deviation *float64
	Forecast  *float64
	Budget    float64
	StatusKey string // the total's status, as on the budget page
	Status    string // within, over, report or none: the figure's colour
	Reported  int    // lines (frames, standalone categories, the total) to report
	Link      string
}

// budgetFigureOf is the figure of asOf's year, nil when the year has no
// budget.
func (s *Server) budgetFigureOf(ctx context.Context, l string, asOf time.Time, link func(string) string) (*budgetFigure, error) {
	r, err := s.store.Budget(ctx, asOf.Year(), asOf)
	if err != nil || len(r.Lines) == 0 {
		return nil, err
	}
	total := newBudgetRow(l, r, r.Total)
	f := &budgetFigure{Year: r.Year, Deviation: r.Total.Deviation, Forecast: r.Total.Forecast, Budget: r.Total.Budget,
		StatusKey: total.StatusKey, Status: "none", Link: link("/budget?year=" + strconv.Itoa(r.Year))}
	if r.Total.Status != nil {
		f.Status = *r.Total.Status
	}
	for _, line := range append(r.Lines, r.Total) {
		if line.Status != nil && *line.Status == analytics.BudgetStatusReport {
			f.Reported++
		}
	}
	if f.Reported > 0 {
		f.Status = analytics.BudgetStatusReport
	}
	return f, nil
}
