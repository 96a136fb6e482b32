package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"malbild/analytics/locale"
	"malbild/data/export"
)

// accessibility shows the accessibility statement that the DOS law asks of a
// public-sector web service, in DIGG's model: how accessible the service is,
// what is not, how that was checked and when, and how to report a problem.
// It is public: a person who cannot log in must be able to read it and
// report that.
func (s *Server) accessibility(c *fiber.Ctx) error {
	return s.render(c, "accessibility", locale.Text(lang(c), "a11y.title"), nil)
}

// association is the name on the header of every printed page, as on the
// reports: the admin's setting, else the default.
func (s *Server) association(c *fiber.Ctx) (string, error) {
	return export.Association(c.UserContext(), s.store, "")
}
