package analytics

import (
	"context"
	"strconv"
	"strings"
)

// settingChecks check and normalise the value of a setting that is not free
// text, before SetSetting stores it.
var settingChecks = map[string]func(string) (string, error){
	SettingBudgetPercent:     budgetRuleNumber("invalid.setting." + SettingBudgetPercent),
	SettingBudgetPBBMultiple: budgetRuleNumber("invalid.setting." + SettingBudgetPBBMultiple),
}

// maxBudgetRuleNumber bounds the rule's percent and multiple: a rule that
// reports only beyond 100 % or 100 prisbasbelopp is a typo.
const maxBudgetRuleNumber = 100

// budgetRuleNumber checks a number of the reporting rule as the office
// writes it ("10", "12,5", "12.5"): above 0 and at most 100, else the
// catalogue's text key says so. It is stored with a decimal point, which the
// view budget_rule (migration 013) reads.
func budgetRuleNumber(key string) func(string) (string, error) {
	return func(value string) (string, error) {
		n, err := strconv.ParseFloat(strings.Replace(value, ",", ".", 1), 64)
		if err != nil || !(n > 0 && n <= maxBudgetRuleNumber) { // NaN fails too
			return "", Keyed(EInvalid, key, shortened(value))
		}
		return strconv.FormatFloat(n, 'f', -1, 64), nil
	}
}

// shortened is a value as a message quotes it: at most 40 characters.
func shortened(value string) string {
	if r := []rune(value); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return value
}

// BudgetRuleSetting is the reporting rule in force: the settings, or the
// defaults of the decision (10 %, 4 pbb) where none is set (the view
// budget_rule of migration 013 holds the defaults).
func (s *Store) BudgetRuleSetting(ctx context.Context) (BudgetRule, error) {
	var r BudgetRule
	err := s.db.QueryRowContext(ctx, `SELECT CAST(percent AS DOUBLE), CAST(pbb_multiple AS DOUBLE) FROM budget_rule`).
		Scan(&r.Percent, &r.PBBMultiple)
	return r, err
}
