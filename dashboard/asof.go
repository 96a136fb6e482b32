package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
)

// asOf reads ?asof=YYYY-MM-DD; without it, today by the store's clock. A date
// that cannot be read is the user's error, answered with 400 and the format.
func (s *Server) asOf(c *fiber.Ctx) (time.Time, error) {
	raw := c.Query("asof")
	if raw == "" {
		return s.store.Today(), nil
	}
	d, err := time.Parse(time.DateOnly, raw)
	if err != nil || d.Year() < 1900 || d.Year() > 2200 {
		return time.Time{}, &analytics.Error{Code: analytics.EInvalid, Message: translate(lang(c), "asof.invalid", raw)}
	}
	return d, nil
}
