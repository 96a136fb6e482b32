package dashboard

import (
	"fmt"
	"sync"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type overviewPage struct {
	Empty     bool
	Figures   []keyFigure
	Scorecard scorecardView
	Year      int
	Growth    []analytics.Count
	Chart     chartBlock
	Services  []analytics.ServiceParticipants
	Coverage  chartBlock
	Approval  *approvalView // the year's approved report, nil when none (approvalbanner.go)
	Budget    *budgetFigure // nil: the year has no budget (overview_budget.go)
}

// keyFigure is one of the board's headline numbers against its target.
type keyFigure struct {
	Metric     string
	Value      *float64
	Service    string
	Comparator string
	Target     *float64
	Status     analytics.Status // from the year's goal on the same metric, if any
}

// headline are the metrics of the overview's key figures, in order. Their
// targets come only from the year's plan (DESIGN "Pages").
var headline = []string{"members", "services_per_member", "top_service_share", "networks_min_participants", "members_lost"}

// overview is the board's first page: the key figures against their
// targets, the year's goals, member growth and service coverage on a day.
func (s *Server) overview(c *fiber.Ctx) error {
	// The scorecard evaluates the plan's goals on two days and the key
	// figures may measure the same: compute each metric's days once, the
	// figures' with the scorecard's (no charts of goals here).
	c.SetUserContext(analytics.WithDayValues(c.UserContext(), false, headline...))
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	data := overviewPage{Year: asOf.Year()}
	// The growth, the services' coverage and the budget do not depend on
	// the scorecard: compute them alongside.
	var errGrowth, errServices, errBudget error
	var side sync.WaitGroup
	l, links := lang(c), chartLinks(c) // read c here: the goroutines do not touch it
	side.Go(func() { data.Growth, errGrowth = s.store.MemberGrowth(ctx, asOf) })
	side.Go(func() { data.Services, errServices = s.store.ServiceParticipation(ctx, asOf) })
	side.Go(func() { data.Budget, errBudget = s.budgetFigureOf(ctx, l, asOf, links) })
	data.Scorecard, err = s.scorecardOf(c, data.Year, asOf, "/")
	var metrics analytics.MetricSet
	if err == nil {
		// The key figures, computed with the scorecard.
		metrics, err = s.store.MetricsOf(ctx, asOf, headline...)
	}
	if err == nil {
		data.Approval, err = s.approvalOf(ctx, l, data.Year)
	}
	side.Wait()
	if errGrowth != nil {
		return errGrowth
	}
	// A registry without members shows how to begin, whatever else said.
	if data.Empty = len(data.Growth) == 1 && data.Growth[0].Value == 0; data.Empty {
		return s.render(c, "overview", locale.Text(l, "overview.title"), overviewPage{Year: data.Year, Growth: data.Growth, Empty: true})
	}
	for _, err := range []error{err, errServices, errBudget} {
		if err != nil {
			return err
		}
	}
	data.Figures = keyFigures(metrics, data.Scorecard.Goals)
	data.Chart = growthChart(l, data.Growth, data.Figures[0].Target)
	data.Coverage = coverageChart(l, data.Services).withLinks(links)
	return s.render(c, "overview", locale.Text(l, "overview.title"), data)
}

// keyFigures sets each headline metric against the plan's goal on it, if
// the plan has one: a metric without a goal shows no target and no status.
func keyFigures(metrics analytics.MetricSet, goals []analytics.GoalResult) []keyFigure {
	figures := make([]keyFigure, 0, len(headline))
	for _, metric := range headline {
		v, _ := metrics.Get(metric)
		f := keyFigure{Metric: metric, Value: v.Value, Service: v.Service}
		for _, g := range goals {
			if g.Metric == metric && sameParamsAsFigure(g) {
				f.Comparator, f.Target, f.Status = g.Comparator, g.Target, g.Status
				break
			}
		}
		figures = append(figures, f)
	}
	return figures
}

// sameParamsAsFigure says the goal measures what the key figure shows: the
// metric with its default parameters (networks of at least 20).
func sameParamsAsFigure(g analytics.GoalResult) bool {
	p, err := analytics.ParseParams(g.Params)
	if err != nil {
		return false
	}
	switch s := p.String(); {
	case s == "":
		return true
	case g.Metric == "networks_min_participants":
		return s == "n=20"
	}
	return false
}

func growthChart(lang string, growth []analytics.Count, target *float64) chartBlock {
	x := make([]string, len(growth))
	y := make([]int, len(growth))
	for i, g := range growth {
		x[i], y[i] = g.Date.Format("2006-01-02"), g.Value
	}
	var lines []refLine
	if target != nil {
		lines = append(lines, refLine{Label: fmt.Sprintf("%s %g", locale.Text(lang, "goals.target"), *target), Value: *target})
	}
	return lineChart(x, []series{{Name: locale.Text(lang, "table.members"), Values: floats(y)}}, lines, 0)
}

// coverageChart is the share of members using each shared service, against
// the three-quarter line of goal 5; a bar leads to the service's page.
func coverageChart(lang string, services []analytics.ServiceParticipants) chartBlock {
	var names, links []string
	var shares []*float64
	for _, sv := range services {
		if sv.Kind != analytics.KindService {
			continue
		}
		names = append(names, sv.Name)
		links = append(links, fmt.Sprintf("/services/%d", sv.ServiceID))
		shares = append(shares, percentIf(true, sv.Share))
	}
	ss := []series{{Name: locale.Text(lang, "overview.coverage.share"), Values: shares}}
	return barChart(names, ss, []refLine{{Label: "75 %", Value: 75}}, 100, false, links)
}
