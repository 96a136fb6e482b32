package dashboard

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type goalsPage struct {
	Year      int
	Years     []int
	Scorecard scorecardView
	Areas     []goalArea
	// Removed are the previous plan's goals this plan dropped.
	Removed []analytics.RemovedGoal
	// Meetings are the board's meeting days, for editors to set.
	Meetings []time.Time
	Approval *approvalView // the year's approved report, nil when none (approvalbanner.go)
}

// goalArea is the goals of one målområde; Name is "" when goals have none.
type goalArea struct {
	Name  string
	Goals []goalView
}

type goalView struct {
	analytics.GoalResult
	Comments []analytics.GoalComment
	History  []analytics.HistoryEntry
	Chart    *goalChartView
}

// goals shows a year's business plan goal by goal: status, value against
// target, pace, forecast, the trend of the year, comments and history.
func (s *Server) goals(c *fiber.Ctx) error {
	// The page evaluates the plan's goals on several days for the scorecard,
	// the charts and the history: compute each metric's days once.
	c.SetUserContext(analytics.WithDayValues(c.UserContext(), true))
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	years, err := s.store.PlanYears(ctx)
	if err != nil {
		return err
	}
	year, err := planYear(c, asOf, years)
	if err != nil {
		return err
	}
	data := goalsPage{Year: year, Years: years}
	// The board's meetings, the approval and the comments do not depend on
	// the scorecard: read them alongside. The scorecard computes, in one
	// query per metric, the values of its days, the goals' charts and the
	// history (the year ends of the earlier plans); the history, after it,
	// only reads them.
	l := lang(c)
	var side sync.WaitGroup
	var errMeetings, errApproval, errComments error
	var comments []analytics.GoalComment
	side.Go(func() { data.Meetings, errMeetings = s.store.BoardMeetings(ctx) })
	side.Go(func() { data.Approval, errApproval = s.approvalOf(ctx, l, year) })
	side.Go(func() { comments, errComments = s.store.GoalComments(ctx, year, asOf) })
	data.Scorecard, err = s.scorecardOf(c, year, asOf, "/goals")
	var history analytics.PlanHistory
	if err == nil {
		history, err = s.store.PlanHistory(ctx, year, asOf)
	}
	side.Wait()
	for _, err := range []error{err, errMeetings, errApproval, errComments} {
		if err != nil {
			return err
		}
	}
	data.Removed = history.Removed
	// The goals below the scorecard are those its filters show; their
	// charts are independent queries, made side by side.
	views := make([]goalView, len(data.Scorecard.Rows))
	errs := make([]error, len(views))
	var wg sync.WaitGroup
	for i, row := range data.Scorecard.Rows {
		r := row.Now
		views[i] = goalView{GoalResult: r, History: history.Goals[r.Key]}
		for _, cm := range comments {
			if cm.GoalID == r.ID { // GoalComments gives only those written by asOf
				views[i].Comments = append(views[i].Comments, cm)
			}
		}
		wg.Go(func() { views[i].Chart, errs[i] = s.goalChartOf(ctx, l, r) })
	}
	wg.Wait()
	for i, v := range views {
		if errs[i] != nil {
			return errs[i]
		}
		data.Areas = addToArea(data.Areas, v)
	}
	return s.render(c, "goals", fmt.Sprintf("%s %d", locale.Text(l, "goals.title"), year), data)
}

// planYear is ?year=, else the as-of date's year; a year outside the
// database's range of plans is still shown (as an empty plan).
func planYear(c *fiber.Ctx, asOf time.Time, years []int) (int, error) {
	y, err := analytics.ParseYear(c.Query("year"))
	if err != nil {
		return 0, &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "goals.badyear", c.Query("year"))}
	}
	if y == 0 {
		y = asOf.Year()
		if len(years) > 0 && !slices.Contains(years, y) && y > years[len(years)-1] {
			y = years[len(years)-1]
		}
	}
	return y, nil
}

// goalChartOf is the goal's chart as known on the as-of day, with a label
// naming the goal; manual goals and goals of a year not yet begun have none.
func (s *Server) goalChartOf(ctx context.Context, l string, r analytics.GoalResult) (*goalChartView, error) {
	if r.Manual || r.ValueDate.IsZero() {
		return nil, nil
	}
	gc, err := s.store.GoalChartOf(ctx, r)
	if err != nil || len(gc.Values) == 0 {
		return nil, err
	}
	v := goalChart(l, r, gc, locale.Text(l, "goals.chart.label", r.Number, r.Text))
	return &v, nil
}

// percentIf scales a share to percent for a chart axis.
func percentIf(share bool, v *float64) *float64 {
	if v == nil || !share {
		return v
	}
	p := *v * 100
	return &p
}

func addToArea(areas []goalArea, v goalView) []goalArea {
	for i := range areas {
		if areas[i].Name == v.Area {
			areas[i].Goals = append(areas[i].Goals, v)
			return areas
		}
	}
	return append(areas, goalArea{Name: v.Area, Goals: []goalView{v}})
}
