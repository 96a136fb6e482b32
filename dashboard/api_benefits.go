package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// apiBenefits answers GET /api/benefits?asof=YYYY-MM-DD with the benefit
// register on the day (today without it), in DESIGN's shape.
func (s *Server) apiBenefits(c *fiber.Ctx) error {
	asOf, err := analytics.ParseDate(c.Query("asof"))
	if err != nil {
		return err
	}
	r, err := s.store.Benefits(c.UserContext(), s.orToday(asOf))
	if err != nil {
		return err
	}
	return c.JSON(r)
}
