package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// asOf reads ?asof=YYYY-MM-DD; without it, today by the store's clock. A date
// that cannot be read is the user's error, answered with 400 and the format
// in the user's language. The date is kept for render, which carries a chosen
// date along in every link.
func (s *Server) asOf(c *fiber.Ctx) (time.Time, error) {
	raw := c.Query("asof")
	d, err := analytics.ParseDate(raw)
	if err != nil {
		return time.Time{}, &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "asof.invalid", raw)}
	}
	if d.IsZero() {
		return s.store.Today(), nil
	}
	c.Locals(chosenDate, d)
	return d, nil
}

// chosenDate is the Locals key of a valid ?asof= date.
const chosenDate = "malbild.asof"
