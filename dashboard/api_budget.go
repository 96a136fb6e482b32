package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// apiBudget answers GET /api/budget?year=YYYY&asof=YYYY-MM-DD with the
// year's budget follow-up on the day (DESIGN "Budget follow-up"); the year
// defaults to the as-of date's, the date to today.
func (s *Server) apiBudget(c *fiber.Ctx) error {
	asOf, err := analytics.ParseDate(c.Query("asof"))
	if err != nil {
		return err
	}
	year, err := analytics.ParseYear(c.Query("year"))
	if err != nil {
		return err
	}
	asOf = s.orToday(asOf)
	if year == 0 {
		year = asOf.Year()
	}
	report, err := s.store.Budget(c.UserContext(), year, asOf)
	if err != nil {
		return err
	}
	return c.JSON(report)
}
