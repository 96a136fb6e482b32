package export

func init() {
	// The budget's metrics for goals (DESIGN "Budget follow-up"), as the
	// template's instructions and the goals of a report name them.
	texts["m.budget_deviation"] = [2]string{"Budgetavvikelse (prognos − budget, kr)", "Budget deviation (forecast − budget, kr)"}
	texts["m.budget_outcome_share"] = [2]string{"Utfall som andel av budget", "Outcome as a share of the budget"}
}
