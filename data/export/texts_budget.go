package export

// budgetTexts are the words of the report's Budget sheet, Swedish then
// English.
var budgetTexts = map[string][2]string{
	"sheet.budget":      {"Budget", "Budget"},
	"sheet.budgetchart": {"Budgetdiagram", "Budget chart data"},

	"budget.title": {"Budgetuppföljning %d per %s", "Budget follow-up %d as of %s"},
	"budget.rule": {"Anmäls till styrelsen när prognosen överskrider budgeten med minst %s %% av budgeten eller minst %s prisbasbelopp (%d: %s kr, alltså %s kr). Inom en ram bedöms ramen som helhet.",
		"Reported to the board when the forecast exceeds the budget by at least %s%% of the budget or at least %s price base amounts (%d: SEK %s, that is SEK %s). Within a frame, the frame as a whole is judged."},
	"budget.rule_no_pbb": {"Anmäls till styrelsen när prognosen överskrider budgeten med minst %s %% av budgeten eller minst %s prisbasbelopp; prisbasbeloppet för %d saknas.",
		"Reported to the board when the forecast exceeds the budget by at least %s%% of the budget or at least %s price base amounts; the price base amount of %d is missing."},
	"budget.category":         {"Kategori", "Category"},
	"budget.budget":           {"Budget (kr)", "Budget (SEK)"},
	"budget.outcome":          {"Utfall (kr)", "Outcome (SEK)"},
	"budget.deviation":        {"Avvikelse (kr)", "Deviation (SEK)"},
	"budget.forecast":         {"Prognos (kr)", "Forecast (SEK)"},
	"budget.deviation_share":  {"Avvikelse (%)", "Deviation (%)"},
	"budget.threshold":        {"Tröskel (kr)", "Threshold (SEK)"},
	"budget.frame":            {"Hela ramen", "Whole frame"},
	"budget.frame_decides":    {"ramen avgör", "by the frame"},
	"budget.kind.investering": {"investering", "investment"},
	"budget.kind.drift":       {"drift", "running cost"},
	"budget.status.within":    {"Inom budget", "Within budget"},
	"budget.status.over":      {"Över budget", "Over budget"},
	"budget.status.report":    {"Anmäls till styrelsen", "Report to the board"},
	"budget.status.none":      {"Ingen uppföljning än", "No follow-up yet"},
	"budget.chart":            {"Budget, utfall och prognos per kategori %d", "Budget, outcome and forecast per category %d"},
	"budget.kr":               {"kr", "SEK"},
}

func init() {
	for key, pair := range budgetTexts {
		texts[key] = pair
	}
}
