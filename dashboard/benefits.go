package dashboard

import (
	"fmt"
	"math"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// benefitRow is a benefit as the pages show it: numbers written in the
// page's language, words translated, the certainty as a colour with its
// word beside it (never colour alone).
type benefitRow struct {
	ID                                  int64
	Name, Service                       string
	ServiceID                           int64 // 0: association-wide
	Category, Certainty, CertaintyClass string
	Owner, Unit, Direction, Aggregation string
	AggregationKey                      string // summa or medel, untranslated
	Value, Baseline, Target, Valuation  string
	BaselineOn, Due, ValueDate          time.Time
	MeasuredOn                          time.Time
	Status                              analytics.Status
	Pace, Forecast, Realised            string
	ForecastMeets                       *bool
}

// certaintyClasses name the CSS class of each certainty in ASCII.
var certaintyClasses = map[string]string{"grön": "green", "gul": "yellow", "röd": "red"}

func benefitRowOf(l string, b analytics.BenefitResult) benefitRow {
	return benefitRow{
		ID: b.ID, Name: b.Name, Service: b.Service, ServiceID: idOrZero(b.ServiceID),
		Category:  locale.Text(l, "benefits.category."+b.Category),
		Certainty: locale.Text(l, "benefits.certainty."+b.Certainty), CertaintyClass: certaintyClasses[b.Certainty],
		Owner: b.Owner, Unit: b.Unit,
		Direction:   locale.Text(l, "benefits.direction."+b.Direction),
		Aggregation: locale.Text(l, "benefits.aggregation."+b.Aggregation), AggregationKey: b.Aggregation,
		Value: benefitNumber(l, b.Value), Baseline: benefitNumber(l, &b.Baseline), Target: benefitNumber(l, &b.Target),
		Valuation:  kronor(l, b.Valuation),
		BaselineOn: b.BaselineOn, Due: b.Due, ValueDate: b.ValueDate, MeasuredOn: b.MeasuredOn,
		Status: b.Status, Pace: benefitNumber(l, b.Pace), Forecast: benefitNumber(l, b.Forecast),
		Realised: kronor(l, b.RealisedKr), ForecastMeets: b.ForecastMeets,
	}
}

// benefitNumber writes a measured value: whole, or with two decimals.
func benefitNumber(l string, v *float64) string {
	if v == nil {
		return "–"
	}
	if math.Abs(*v-math.Round(*v)) < 1e-9 {
		return formatDecimal(l, math.Round(*v), 0)
	}
	return formatDecimal(l, *v, 2)
}

// kronor writes an amount in whole kronor, as the metrics do.
func kronor(l string, v *float64) string { return formatMetric(l, "benefit_realised", v) }

// serviceBenefits is one service's part of the register page.
type serviceBenefits struct {
	ServiceID      int64 // 0: association-wide
	Service        string
	Realised, Cost string
	Benefits       benefitRows
}

// benefitRows are benefits for the benefit-table partial, which also needs
// the page (its language and links): {{template "benefit-table" (.Benefits.With $)}}.
type benefitRows []benefitRow

// With pairs the rows with the page for the partial.
func (r benefitRows) With(p page) map[string]any { return map[string]any{"Page": p, "Rows": r} }

type benefitsPage struct {
	Services []serviceBenefits
	Chart    chartBlock
	Table    []serviceBenefits // the services with realised kronor or cost, as the chart
}

// benefits shows the register on a day: per service its benefits with
// status, value against baseline and target, realised kronor and certainty,
// and a chart of what each service realised against what it cost.
func (s *Server) benefits(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	r, err := s.store.Benefits(c.UserContext(), asOf)
	if err != nil {
		return err
	}
	l := lang(c)
	var data benefitsPage
	costs := map[int64]analytics.ServiceBenefit{}
	for _, sv := range r.Services {
		costs[sv.ServiceID] = sv
	}
	for _, b := range r.Benefits {
		last := len(data.Services) - 1
		if last < 0 || data.Services[last].ServiceID != idOrZero(b.ServiceID) {
			group := serviceBenefits{ServiceID: idOrZero(b.ServiceID), Service: b.Service}
			if b.ServiceID == nil {
				group.Service = locale.Text(l, "benefits.association")
			} else {
				group.Realised, group.Cost = kronor(l, costs[*b.ServiceID].RealisedKr), kronor(l, costs[*b.ServiceID].Cost)
			}
			data.Services = append(data.Services, group)
			last++
		}
		data.Services[last].Benefits = append(data.Services[last].Benefits, benefitRowOf(l, b))
	}
	var names, links []string
	var realised, cost []*float64
	for _, sv := range r.Services {
		data.Table = append(data.Table, serviceBenefits{ServiceID: sv.ServiceID, Service: sv.Service,
			Realised: kronor(l, sv.RealisedKr), Cost: kronor(l, sv.Cost)})
		names, links = append(names, sv.Service), append(links, fmt.Sprintf("/services/%d", sv.ServiceID))
		realised, cost = append(realised, sv.RealisedKr), append(cost, sv.Cost)
	}
	data.Chart = barChart(names, []series{{Name: locale.Text(l, "benefits.realised"), Values: realised},
		{Name: locale.Text(l, "benefits.cost"), Values: cost}}, nil, 0, true, links).withLinks(chartLinks(c))
	return s.render(c, "benefits", locale.Text(l, "benefits.title"), data)
}

func idOrZero(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
