package dashboard

func init() { addMessages(budgetMessages) }

// budgetMessages are the words of the budget page (/budget), its key figure
// on the overview, the budget metrics and the reporting rule's settings.
var budgetMessages = map[string]map[string]string{
	"admin.budget_rule.percent":  {langSv: "Budget: rapportera vid överskridande med minst (%)", langEn: "Budget: report an overrun of at least (%)"},
	"admin.budget_rule.multiple": {langSv: "… eller minst (prisbasbelopp)", langEn: "… or at least (price base amounts)"},
	"admin.budget_rule.note": {langSv: "En prognos som överskrider budgeten med minst procentsatsen eller minst antalet prisbasbelopp (årets) ska till styrelsen. Tomt: 10 % och 4 prisbasbelopp.",
		langEn: "A forecast over its budget by at least the percentage or at least the number of price base amounts (of the year) goes to the board. Empty: 10 % and 4 price base amounts."},
	"admin.budget_rule.default": {langSv: "%s (standard)", langEn: "%s (default)"},
	"admin.budget_rule.bad.budget_rule_percent": {langSv: "Procentsatsen för budgetregeln ska vara ett tal över 0 och högst 100, till exempel 10. Inget sparades.",
		langEn: "The budget rule's percentage must be a number above 0 and at most 100, such as 10. Nothing was saved."},
	"admin.budget_rule.bad.budget_rule_pbb_multiple": {langSv: "Antalet prisbasbelopp för budgetregeln ska vara ett tal över 0 och högst 100, till exempel 4. Inget sparades.",
		langEn: "The budget rule's number of price base amounts must be a number above 0 and at most 100, such as 4. Nothing was saved."},

	"metric.budget_deviation":     {langSv: "Budgetavvikelse (prognos − budget)", langEn: "Budget deviation (forecast − budget)"},
	"metric.budget_outcome_share": {langSv: "Utfall som andel av budget", langEn: "Outcome as a share of the budget"},
}
