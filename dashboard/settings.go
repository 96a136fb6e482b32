package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// saveSettings stores the settings of the admin page's form (the
// association's name on the report, the budget's reporting rule), all or
// none; a bad value is shown on the page. A field the form does not send is
// left as it is.
func (s *Server) saveSettings(c *fiber.Ctx) error {
	settings := [][2]string{{analytics.SettingAssociation, c.FormValue("association")}}
	settings = append(settings, budgetRuleFields(c)...)
	err := s.store.SetSettings(c.UserContext(), settings)
	if analytics.ErrorCode(err) == analytics.EInvalid {
		c.Status(fiber.StatusBadRequest)
		return s.renderAdmin(c, adminPage{Message: analytics.ErrorText(lang(c), err)})
	}
	if err != nil {
		return err
	}
	s.written() // the name is on every page's print header
	for _, kv := range settings {
		s.audit(c, actor(c), accounts.AuditSettings, "set "+kv[0])
	}
	return s.renderAdmin(c, adminPage{Notice: locale.Text(lang(c), "admin.saved")})
}
