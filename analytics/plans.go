package analytics

import (
	"context"
	"slices"
	"time"
)

// PlanYears lists the years that have a business plan, oldest first (once
// per state of the data inside WithDayValues, as goalsOf).
func (s *Store) PlanYears(ctx context.Context) ([]int, error) {
	years, err := keptRead(ctx, "plan years", func() ([]int, error) { return s.readPlanYears(ctx) })
	return slices.Clone(years), err
}

func (s *Store) readPlanYears(ctx context.Context) ([]int, error) {
	return s.years(ctx, `SELECT DISTINCT year FROM goals ORDER BY year`)
}

// years runs a query of one column of years (plans, budgets) and gives them
// in its order.
func (s *Store) years(ctx context.Context, query string) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var years []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		years = append(years, y)
	}
	return years, rows.Err()
}

// GoalComment is a dated remark on a goal by someone of the office or board.
type GoalComment struct {
	GoalID    int64
	WrittenOn time.Time
	Author    string
	Body      string
}

// GoalComments lists the comments on the goals of a year's plan written on
// or before asOf (DESIGN "Goal status" rule 4: nothing dated after the as-of
// day is shown), by goal and date.
func (s *Store) GoalComments(ctx context.Context, year int, asOf time.Time) ([]GoalComment, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT c.goal_id, c.written_on, c.author, c.body
		FROM goal_comments c JOIN goals g ON g.id = c.goal_id
		WHERE g.year = ? AND c.written_on <= ?
		ORDER BY c.goal_id, c.written_on, c.id`, year, day(asOf))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []GoalComment
	for rows.Next() {
		var c GoalComment
		if err := rows.Scan(&c.GoalID, &c.WrittenOn, &c.Author, &c.Body); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
