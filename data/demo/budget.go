package demo

import (
	"math"
	"time"

	"malbild/analytics"
)

// The association's budget from 2021 (DESIGN "Budget follow-up"): the
// office, the conferences (the 20-year conference of 2022 with its 200 000
// kr), the networks, and a frame for the services' management followed per
// service, each category named as its service so that a service's cost can
// be read from the budget. Every amount is fixed here rather than drawn, so
// that the rest of the demo's random stream is what it was before.

// managementFrame is the frame of the services' management.
const managementFrame = "Tjänsteförvaltning"

// budgetFirstYear is the first year of the demo's budget.
const budgetFirstYear = 2021

// budgetItem is a budget line's amount in its first year; from and to bound
// the years it is budgeted (to 0: every year since from).
type budgetItem struct {
	category string
	kind     string
	amount   float64
	from, to int
}

// serviceBudgets are the services' shares of the management frame; the
// frame adds sharedManagement, followed by the group alone (not split by
// service).
var serviceBudgets = []budgetItem{
	{"Bibblix", analytics.BudgetRunning, 900_000, budgetFirstYear, 0},
	{"Egil", analytics.BudgetRunning, 600_000, budgetFirstYear, 0},
	{"FixaMinGata", analytics.BudgetRunning, 400_000, budgetFirstYear, 0},
	{"Multifråga", analytics.BudgetRunning, 300_000, budgetFirstYear, 0},
	{"SS 12000", analytics.BudgetRunning, 350_000, budgetFirstYear, 0},
	{"Tjänstekollen", analytics.BudgetRunning, 250_000, budgetFirstYear, 2023}, // ended mid-2023
}

const sharedManagement = 200_000

// standaloneBudgets are the categories outside any frame.
var standaloneBudgets = []budgetItem{
	{"Kansli", analytics.BudgetRunning, 1_800_000, budgetFirstYear, 0},
	{"Konferenser", analytics.BudgetRunning, 150_000, budgetFirstYear, 0},
	{"Konferens: Sambruk 20 år", analytics.BudgetRunning, 200_000, 2022, 2022},
	{"Nätverk", analytics.BudgetRunning, 120_000, budgetFirstYear, 0},
	{"Webbplats", analytics.BudgetInvestment, 300_000, 2023, 2023},
}

// budgetOutcomes are the years' final outcomes as a factor of the budget
// where they are not the ordinary few percent either side (ordinaryFactor):
// in 2024 the management frame goes over by more than four prisbasbelopp
// (though by less than 10 %), in 2025 Egil goes over inside the frame while
// the frame stays within, the jubilee of 2022 costs a little more, and this
// year's autumn conference more than 10 % more.
var budgetOutcomes = map[int]map[string]float64{
	2022: {"Konferens: Sambruk 20 år": 1.06},
	2024: {"Bibblix": 1.12, "Egil": 1.15, "FixaMinGata": 1.08, managementFrame: 1.10},
	2025: {"Egil": 1.18, "Bibblix": 0.93, "FixaMinGata": 0.93, "Multifråga": 0.93, "SS 12000": 0.93},
	2026: {"Konferenser": 1.14},
}

// budgetComments are what the office wrote beside a follow-up, by year,
// line and quarter.
var budgetComments = map[int]map[string]map[int]string{
	2022: {"Konferens: Sambruk 20 år": {2: "Fler deltagare än väntat till jubileet", 4: "Slutkostnad efter jubileet"}},
	2024: {"Egil": {2: "Ny licensmodell från leverantören"}, managementFrame: {3: "Gemensam upphandling av drift blev dyrare"},
		"Bibblix": {3: "Fler bibliotek anslutna än planerat"}},
	2025: {"Egil": {2: "Egil över sin del; ramen håller"}},
	2026: {"Konferenser": {3: "Höstkonferensen blev dyrare: lokal och resor"}},
}

// ordinaryFactor is a year's ordinary outcome: between 4 % under and 2 %
// over the budget, varying by year and line.
func ordinaryFactor(year int, line string) float64 {
	return 1 + float64((year*31+len(line)*3)%7-4)/100
}

// budgetAmount is an item's budget in year: its first year's amount grown
// by 3 % a year, to whole thousands.
func budgetAmount(first float64, year int) float64 {
	return math.Round(first*math.Pow(1.03, float64(year-budgetFirstYear))/1000) * 1000
}

// budget builds the budget lines of every year from budgetFirstYear to
// today's, and a follow-up per line and quarter end up to today: the outcome
// so far grows by a quarter of the year's outcome each quarter, the forecast
// moves from the budget to that outcome; the year's last follow-up gives the
// outcome alone (the outcome is then the forecast).
func budget(today time.Time) ([]analytics.BudgetLineRow, []analytics.BudgetFollowupRow) {
	var lines []analytics.BudgetLineRow
	var followups []analytics.BudgetFollowupRow
	follow := func(year int, group, category string, amount float64) {
		name := category
		if name == "" {
			name = group
		}
		final, ok := budgetOutcomes[year][name]
		if !ok {
			final = ordinaryFactor(year, name)
		}
		final *= amount
		for q := 1; q <= 4; q++ {
			on := date(year, time.Month(3*q+1), 1).AddDate(0, 0, -1)
			if on.After(today) {
				return
			}
			f := analytics.BudgetFollowupRow{On: on, Group: group, Category: category,
				Outcome: hundreds(final * float64(q) / 4), Comment: budgetComments[year][name][q]}
			if q < 4 {
				forecast := hundreds(amount + (final-amount)*float64(q)/4)
				f.Forecast = &forecast
			}
			followups = append(followups, f)
		}
	}
	for year := budgetFirstYear; year <= today.Year(); year++ {
		frame := float64(sharedManagement)
		for _, item := range serviceBudgets {
			if item.from <= year && (item.to == 0 || year <= item.to) {
				frame += budgetAmount(item.amount, year)
			}
		}
		lines = append(lines, analytics.BudgetLineRow{Year: year, Group: managementFrame,
			Kind: analytics.BudgetRunning, Amount: frame})
		follow(year, managementFrame, "", sharedManagement)
		for _, item := range serviceBudgets {
			if item.from <= year && (item.to == 0 || year <= item.to) {
				amount := budgetAmount(item.amount, year)
				lines = append(lines, analytics.BudgetLineRow{Year: year, Group: managementFrame,
					Category: item.category, Kind: item.kind, Amount: amount})
				follow(year, managementFrame, item.category, amount)
			}
		}
		for _, item := range standaloneBudgets {
			if item.from <= year && (item.to == 0 || year <= item.to) {
				amount := budgetAmount(item.amount, year)
				if item.from == item.to {
					amount = item.amount // a one-off keeps its decided amount
				}
				lines = append(lines, analytics.BudgetLineRow{Year: year, Category: item.category, Kind: item.kind, Amount: amount})
				follow(year, "", item.category, amount)
			}
		}
	}
	return lines, followups
}

// hundreds rounds an amount to whole hundreds of kronor, as the office
// reports them.
func hundreds(kr float64) float64 { return math.Round(kr/100) * 100 }
