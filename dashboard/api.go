package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// apiMetrics answers GET /api/metrics?asof=YYYY-MM-DD with every metric of
// DESIGN on that day (today without it); shares are fractions.
func (s *Server) apiMetrics(c *fiber.Ctx) error {
	asOf, err := analytics.ParseDate(c.Query("asof"))
	if err != nil {
		return err
	}
	asOf = s.orToday(asOf)
	metrics, err := s.store.Metrics(c.UserContext(), asOf)
	if err != nil {
		return err
	}
	return c.JSON(analytics.MetricsReport{AsOf: asOf, Metrics: metrics})
}

// apiGoals answers GET /api/goals?year=YYYY&asof=YYYY-MM-DD with the goals of
// the year's business plan evaluated on the day; the year defaults to the
// as-of date's, the date to today.
func (s *Server) apiGoals(c *fiber.Ctx) error {
	year, asOf, err := s.yearOnDay(c)
	if err != nil {
		return err
	}
	goals, err := s.store.EvaluateGoals(c.UserContext(), year, asOf)
	if err != nil {
		return err
	}
	return c.JSON(analytics.GoalsReport{Year: year, AsOf: asOf, Goals: goals})
}

// yearOnDay reads ?year= and ?asof= as the API's year-on-a-day answers take
// them: the day defaults to today, the year to the day's year.
func (s *Server) yearOnDay(c *fiber.Ctx) (int, time.Time, error) {
	asOf, err := analytics.ParseDate(c.Query("asof"))
	if err != nil {
		return 0, time.Time{}, err
	}
	year, err := analytics.ParseYear(c.Query("year"))
	if err != nil {
		return 0, time.Time{}, err
	}
	asOf = s.orToday(asOf)
	if year == 0 {
		year = asOf.Year()
	}
	return year, asOf, nil
}

func (s *Server) orToday(d time.Time) time.Time {
	if d.IsZero() {
		return s.store.Today()
	}
	return d
}
