package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// saveSettings stores the settings of the admin page's form (the
// association's name on the report); a bad value is shown on the page.
func (s *Server) saveSettings(c *fiber.Ctx) error {
	name := c.FormValue("association")
	err := s.store.SetSetting(c.UserContext(), analytics.SettingAssociation, name)
	if analytics.ErrorCode(err) == analytics.EInvalid {
		c.Status(fiber.StatusBadRequest)
		return s.renderAdmin(c, adminPage{Message: analytics.ErrorText(lang(c), err)})
	}
	if err != nil {
		return err
	}
	s.written() // the name is on every page's print header
	s.audit(c, actor(c), accounts.AuditSettings, "set "+analytics.SettingAssociation)
	return s.renderAdmin(c, adminPage{Notice: locale.Text(lang(c), "admin.saved")})
}
