package dashboard

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// routes is the one list of every route of the dashboard.
func (s *Server) routes(app *fiber.App) {
	app.Use(securityHeaders, s.language)
	app.Get("/static/*", s.assets.serve)
	app.Get("/healthz", s.health)
	app.Get("/", s.overview)
	app.Get("/members", s.members)
	app.Get("/members/:id", s.member)
	app.Get("/events", s.events)
	app.Get("/fees", s.fees)
	app.Get("/goals", s.goals)
	app.Get("/services", s.services)
	app.Get("/services/:id", s.service)
	imp := s.importPages()
	app.Get("/import", imp.form)
	app.Post("/import", imp.preview)
	app.Post("/import/commit", imp.commit)
	app.Post("/import/undo", imp.undo)
	app.Get("/export", s.exportForms)
	app.Get("/export/report.xlsx", s.exportReport)
	app.Get("/export/data.xlsx", s.exportData)
	app.Get("/export/template.xlsx", s.exportTemplate)
	app.Get("/export/fees.xlsx", s.exportFees)
	app.Get("/api/metrics", s.apiMetrics)
	app.Get("/api/goals", s.apiGoals)
	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }

// health answers 200 while the database answers.
func (s *Server) health(c *fiber.Ctx) error {
	if err := s.store.DB.PingContext(c.UserContext()); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable")
	}
	return c.SendString("ok")
}
