package dashboard

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// budgetRuleForm is the budget's reporting rule on the admin page's settings
// form: the values set ("" for the default) and, as the placeholders, the
// rule in force, which is the default where a value is not set.
type budgetRuleForm struct {
	Percent, Multiple               string
	DefaultPercent, DefaultMultiple string
}

// Form fields of the rule and their settings.
var budgetRuleSettings = [][2]string{
	{"budget_percent", analytics.SettingBudgetPercent},
	{"budget_pbb_multiple", analytics.SettingBudgetPBBMultiple},
}

func (s *Server) budgetRuleForm(c *fiber.Ctx) (budgetRuleForm, error) {
	ctx, l := c.UserContext(), lang(c)
	var f budgetRuleForm
	var err error
	if f.Percent, err = s.store.Setting(ctx, analytics.SettingBudgetPercent); err != nil {
		return f, err
	}
	if f.Multiple, err = s.store.Setting(ctx, analytics.SettingBudgetPBBMultiple); err != nil {
		return f, err
	}
	if l != locale.En {
		f.Percent, f.Multiple = strings.Replace(f.Percent, ".", ",", 1), strings.Replace(f.Multiple, ".", ",", 1)
	}
	// Unset, the rule in force is the default (the view budget_rule holds it).
	rule, err := s.store.BudgetRuleSetting(ctx)
	f.DefaultPercent = locale.Text(l, "admin.budget_rule.default", formatDecimal(l, rule.Percent, decimalsOf(rule.Percent)))
	f.DefaultMultiple = locale.Text(l, "admin.budget_rule.default", formatDecimal(l, rule.PBBMultiple, decimalsOf(rule.PBBMultiple)))
	return f, err
}

// budgetRuleFields are the rule's settings the form sent; a field it did not
// send is left as it is.
func budgetRuleFields(c *fiber.Ctx) [][2]string {
	var out [][2]string
	for _, f := range budgetRuleSettings {
		if c.Request().PostArgs().Has(f[0]) {
			out = append(out, [2]string{f[1], c.FormValue(f[0])})
		}
	}
	return out
}
