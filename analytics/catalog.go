package analytics

import "slices"

// SwedenMunicipalities is the number of Sweden's municipalities, the
// denominator of municipality_coverage.
const SwedenMunicipalities = 290

// SwedenPopulation is Sweden's population on 31 December 2024, the sum over
// the 290 municipalities of the reference data (reference.SwedenPopulation in
// data/reference, which a test there compares with this), the denominator of
// population_coverage. The domain keeps its own copy so that it does not
// depend on the data package.
const SwedenPopulation = 10_587_710

// MetricInfo describes one metric of DESIGN "Metrics".
type MetricInfo struct {
	Key        string
	Share      bool // a fraction between 0 and 1 (pages show a percentage)
	Money      bool // an amount in SEK
	Cumulative bool // counts from 1 January: within a year it can only grow
	// YearRelative: the definition starts at 1 January (every cumulative
	// metric, and the shares whose base is fixed on 1 January), so its forecast
	// extends the year so far instead of fitting across the reset (DESIGN
	// "Forecast").
	YearRelative bool
	Params       []string // the parameters it accepts
	// Signed: the value may be below zero (a budget under-run), so neither
	// its forecast nor its chart is held at 0.
	Signed bool
	// Uncapped: a share that may pass 1 (an outcome over its budget), so its
	// forecast and chart are not held at 100 %.
	Uncapped bool
	// ForGoals: a metric for goals only (DESIGN "Budget follow-up",
	// "Benefits"), not one of the key figures of DESIGN "Metrics" that
	// Metrics, the overview and the annual report list.
	ForGoals bool
}

// metricCatalog lists the metrics in DESIGN's order; each Key is also the
// name of its query file.
var metricCatalog = []MetricInfo{
	{Key: "members", Params: []string{"kind"}},
	{Key: "members_joined", Cumulative: true, YearRelative: true},
	{Key: "members_lost", Cumulative: true, YearRelative: true},
	{Key: "services_per_member"},
	{Key: "one_service_upgraded", Share: true, YearRelative: true},
	{Key: "unengaged_members"},
	{Key: "unengaged_activated", Share: true, YearRelative: true},
	{Key: "top_service_share", Share: true},
	{Key: "networks_min_participants", Params: []string{"n"}},
	{Key: "digital_conferences", Cumulative: true, YearRelative: true},
	{Key: "municipality_coverage", Share: true},
	{Key: "population_coverage", Share: true},
	{Key: "fee_income", Money: true},
	{Key: "budget_deviation", Money: true, Signed: true, ForGoals: true, Params: []string{"group", "category"}},
	{Key: "budget_outcome_share", Share: true, Uncapped: true, YearRelative: true, ForGoals: true, Params: []string{"group", "category"}},
	// DESIGN "Benefits": the kronor the benefit register realised.
	{Key: "benefit_realised", Money: true, Params: []string{"service"}, ForGoals: true},
}

// MetricCatalog returns every metric in DESIGN's order (a fresh copy).
func MetricCatalog() []MetricInfo {
	out := slices.Clone(metricCatalog)
	for i := range out {
		out[i].Params = slices.Clone(out[i].Params)
	}
	return out
}

// KeyFigures returns the metrics of DESIGN "Metrics" in its order, those
// that Metrics computes and the annual report lists (a fresh copy): the
// catalogue without the metrics for goals only.
func KeyFigures() []MetricInfo {
	var out []MetricInfo
	for _, m := range MetricCatalog() {
		if !m.ForGoals {
			out = append(out, m)
		}
	}
	return out
}

// LookupMetric returns the metric with the key, if there is one.
func LookupMetric(key string) (MetricInfo, bool) {
	for _, m := range metricCatalog {
		if m.Key == key {
			return m, true
		}
	}
	return MetricInfo{}, false
}

func lookupMetric(key string) (MetricInfo, error) {
	m, ok := LookupMetric(key)
	if !ok {
		return MetricInfo{}, Keyed(EInvalid, "invalid.metric", key)
	}
	return m, nil
}
