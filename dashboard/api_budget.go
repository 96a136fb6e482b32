package dashboard

import "github.com/gofiber/fiber/v2"

// apiBudget answers GET /api/budget?year=YYYY&asof=YYYY-MM-DD with the
// year's budget follow-up on the day (DESIGN "Budget follow-up"); the year
// defaults to the as-of date's, the date to today.
func (s *Server) apiBudget(c *fiber.Ctx) error {
	year, asOf, err := s.yearOnDay(c)
	if err != nil {
		return err
	}
	report, err := s.store.Budget(c.UserContext(), year, asOf)
	if err != nil {
		return err
	}
	return c.JSON(report)
}
