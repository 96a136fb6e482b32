package analytics

import (
	"encoding/json"
	"time"
)

// MetricsReport is the JSON of /api/metrics and `malbild metrics --json`:
// {"asof": "YYYY-MM-DD", "metrics": {...}}.
type MetricsReport struct {
	AsOf    time.Time
	Metrics MetricSet
}

// MarshalJSON writes the report with the date as YYYY-MM-DD.
func (r MetricsReport) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		AsOf    string    `json:"asof"`
		Metrics MetricSet `json:"metrics"`
	}{sqlDate(r.AsOf), r.Metrics})
}

// GoalsReport is the JSON of /api/goals and `malbild goals --json`:
// {"year": Y, "asof": "YYYY-MM-DD", "goals": [...]}.
type GoalsReport struct {
	Year  int
	AsOf  time.Time
	Goals []GoalResult
}

// MarshalJSON writes the report with the date as YYYY-MM-DD and an empty
// plan as [].
func (r GoalsReport) MarshalJSON() ([]byte, error) {
	goals := r.Goals
	if goals == nil {
		goals = []GoalResult{}
	}
	return json.Marshal(struct {
		Year  int          `json:"year"`
		AsOf  string       `json:"asof"`
		Goals []GoalResult `json:"goals"`
	}{r.Year, sqlDate(r.AsOf), goals})
}
