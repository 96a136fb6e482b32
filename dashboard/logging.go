package dashboard

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/accounts"
)

// requestLog logs every request with an id (also sent back as X-Request-Id,
// so a user can quote it), the route, the status and the duration. It logs
// no query string, form, cookie or header: those can hold passwords, tokens
// or personal data.
func (s *Server) requestLog(c *fiber.Ctx) error {
	start := time.Now()
	id := accounts.NewSecret(6)
	c.Set("X-Request-Id", id)
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		status = statusOf(err)
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	if c.Locals(prewarmKey) != nil {
		return err // the prewarmer logs its rounds
	}
	route := c.Route().Path
	s.log.Log(c.UserContext(), level, "request", "id", id, "method", c.Method(), "route", route,
		"status", status, "duration_ms", float64(time.Since(start).Microseconds())/1000)
	return err
}
