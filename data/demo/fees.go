package demo

import "malbild/analytics"

// feeSchedule is the association's schedule from 2020 (DESIGN "The data"):
// population bands [from, to) with contribution and annual fee in SEK; to 0
// is the open top band.
var feeSchedule = []analytics.FeeBand{
	{Category: "kommun", PopulationFrom: 0, PopulationTo: 7_000, Contribution: 5_000, AnnualFee: 5_000},
	{Category: "kommun", PopulationFrom: 7_000, PopulationTo: 15_000, Contribution: 5_000, AnnualFee: 10_000},
	{Category: "kommun", PopulationFrom: 15_000, PopulationTo: 25_000, Contribution: 10_000, AnnualFee: 25_000},
	{Category: "kommun", PopulationFrom: 25_000, PopulationTo: 50_000, Contribution: 10_000, AnnualFee: 35_000},
	{Category: "kommun", PopulationFrom: 50_000, PopulationTo: 100_000, Contribution: 10_000, AnnualFee: 50_000},
	{Category: "kommun", PopulationFrom: 100_000, PopulationTo: 150_000, Contribution: 20_000, AnnualFee: 65_000},
	{Category: "kommun", PopulationFrom: 150_000, PopulationTo: 0, Contribution: 25_000, AnnualFee: 80_000},
	{Category: "ovrig", Contribution: 5_000, AnnualFee: 25_000},
}

// feeBands repeats the schedule for every year from first to last: it has
// not changed since it took effect in 2020.
func feeBands(first, last int) []analytics.FeeBand {
	var out []analytics.FeeBand
	for y := first; y <= last; y++ {
		for _, b := range feeSchedule {
			b.Year = y
			out = append(out, b)
		}
	}
	return out
}
