package analytics

import (
	"encoding/json"
	"time"
)

// Words of the benefit register (DESIGN "Benefits"), stored and given in the
// API as DESIGN writes them.
const (
	DirectionHigher = "högre"
	DirectionLower  = "lägre"
	AggregateSum    = "summa"
	AggregateMean   = "medel"
)

// BenefitsReport is the benefit register evaluated on a day: the JSON of
// GET /api/benefits and `malbild benefits --json` (DESIGN "Benefits").
type BenefitsReport struct {
	AsOf     time.Time
	Benefits []BenefitResult // in Swedish order of service (association-wide last), then name
	Services []ServiceBenefit
}

// BenefitResult is one benefit on the as-of day d: its value (the latest
// measurement on or before min(d, due), per member aggregated), status, pace,
// forecast and realised kronor.
type BenefitResult struct {
	ID          int64
	Name        string
	ServiceID   *int64 // nil: an association-wide effort
	Service     string // "" when ServiceID is nil
	Category    string // ekonomisk | tid | kvalitet | miljö
	Certainty   string // grön | gul | röd
	Owner       string // a role or organisation
	Unit        string
	Direction   string // högre | lägre
	Aggregation string // summa | medel
	Baseline    float64
	BaselineOn  time.Time
	Target      float64
	Due         time.Time
	Valuation   *float64  // kr per unit; nil: no realised kronor
	Value       *float64  // on ValueDate; nil without a measurement by then
	ValueDate   time.Time // min(d, Due)
	MeasuredOn  time.Time // the day of the measurement that gives Value
	Members     int       // how many members' values make Value (0: a measurement of the whole)
	Status      Status
	Rule        int      // the rule of DESIGN "Goal status" that decided
	Pace        *float64 // the pace line on d, when it decided the status
	Forecast    *float64 // the value expected on Due; nil when none
	// ForecastMeets says whether Forecast reaches the target; nil without one.
	ForecastMeets *bool
	RealisedKr    *float64 // (value − baseline) × valuation, sign by direction
}

// ServiceBenefit is what the members got back from one service on d (the
// sum of its benefits' realised kronor) beside what it cost (the budget of
// d's year for the category named as the service).
type ServiceBenefit struct {
	ServiceID  int64
	Service    string
	RealisedKr *float64 // nil when none of its benefits has realised kronor
	Cost       *float64 // nil when the budget has no such category
}

// BenefitDetail is one benefit on d for its page: the result, every
// measurement on or before d, each member's latest value and the series of
// its value over time.
type BenefitDetail struct {
	BenefitResult
	Measurements []BenefitMeasurement // on or before d, newest first
	Members      []MemberBenefit      // each member's latest on or before d, in Swedish order
	Series       []BenefitPoint       // the benefit's value on each measurement day up to d
}

// BenefitMeasurement is one dated measurement, at a member or for the whole.
type BenefitMeasurement struct {
	ID       int64
	Date     time.Time
	MemberID *int64 // nil: the benefit as a whole
	Member   string
	Value    float64
	Source   string
	Comment  string
}

// MemberBenefit is one member's latest measurement on or before d and what
// the member realised by it.
type MemberBenefit struct {
	BenefitID  int64
	Benefit    string // the benefit's name
	MemberID   int64
	Member     string
	Date       time.Time
	Value      float64
	RealisedKr *float64
}

// BenefitPoint is the benefit's value on a day and the pace line's value
// on that day.
type BenefitPoint struct {
	Date  time.Time
	Value *float64
	Pace  float64
}

// MarshalJSON writes DESIGN's shape: {"asof", "benefits": [...], "services": [...]}.
func (r BenefitsReport) MarshalJSON() ([]byte, error) {
	benefits, services := r.Benefits, r.Services
	if benefits == nil {
		benefits = []BenefitResult{}
	}
	if services == nil {
		services = []ServiceBenefit{}
	}
	return json.Marshal(struct {
		AsOf     string           `json:"asof"`
		Benefits []BenefitResult  `json:"benefits"`
		Services []ServiceBenefit `json:"services"`
	}{sqlDate(r.AsOf), benefits, services})
}

// MarshalJSON writes DESIGN's keys of a benefit, dates as YYYY-MM-DD and an
// association-wide benefit's service as null.
func (r BenefitResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name       string   `json:"name"`
		Service    *string  `json:"service"`
		Category   string   `json:"category"`
		Certainty  string   `json:"certainty"`
		Unit       string   `json:"unit"`
		Direction  string   `json:"direction"`
		Value      *float64 `json:"value"`
		Baseline   float64  `json:"baseline"`
		Target     float64  `json:"target"`
		Due        *string  `json:"due"`
		Status     Status   `json:"status"`
		Pace       *float64 `json:"pace"`
		Forecast   *float64 `json:"forecast"`
		RealisedKr *float64 `json:"realised_kr"`
	}{
		r.Name, nullString(r.Service), r.Category, r.Certainty, r.Unit, r.Direction, r.Value,
		r.Baseline, r.Target, nullDate(r.Due), r.Status, r.Pace, r.Forecast, r.RealisedKr,
	})
}

// MarshalJSON writes DESIGN's keys of a service: {"service", "realised_kr", "cost"}.
func (r ServiceBenefit) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Service    string   `json:"service"`
		RealisedKr *float64 `json:"realised_kr"`
		Cost       *float64 `json:"cost"`
	}{r.Service, r.RealisedKr, r.Cost})
}
