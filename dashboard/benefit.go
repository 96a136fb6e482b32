package dashboard

import (
	"fmt"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type benefitPage struct {
	Benefit      benefitRow
	Series       []benefitPointRow
	Chart        chartBlock
	Members      []memberBenefitRow
	MemberChart  chartBlock
	Measurements []measurementRow
}

// measurementRow is a measurement as the page writes it; MemberID 0 is the
// benefit as a whole.
type measurementRow struct {
	Date            time.Time
	MemberID        int64
	Member, Value   string
	Source, Comment string
}

type benefitPointRow struct {
	Date        string
	Value, Pace string
}

type memberBenefitRow struct {
	analytics.MemberBenefit
	Value, Realised string
}

// benefit shows one benefit on a day: its figures, its value over time
// against its pace line from the baseline to the target, each member's
// latest value (a bar leads to the member) and every measurement by then.
func (s *Server) benefit(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	d, err := s.store.Benefit(c.UserContext(), id, asOf)
	if err != nil {
		return err
	}
	l := lang(c)
	data := benefitPage{Benefit: benefitRowOf(l, d.BenefitResult)}
	for _, m := range d.Measurements {
		row := measurementRow{Date: m.Date, Member: m.Member, Value: benefitNumber(l, &m.Value), Source: m.Source, Comment: m.Comment}
		if m.MemberID != nil {
			row.MemberID = *m.MemberID
		}
		data.Measurements = append(data.Measurements, row)
	}
	var days []string
	var values, pace []*float64
	for _, p := range d.Series {
		day := p.Date.Format("2006-01-02")
		data.Series = append(data.Series, benefitPointRow{Date: day, Value: benefitNumber(l, p.Value), Pace: benefitNumber(l, &p.Pace)})
		v := p.Pace
		days, values, pace = append(days, day), append(values, p.Value), append(pace, &v)
	}
	data.Chart = benefitChart(days, series{Name: locale.Text(l, "benefit.measured"), Values: values},
		series{Name: locale.Text(l, "benefit.pace"), Values: pace})
	var names, links []string
	var memberValues []*float64
	for _, m := range d.Members {
		data.Members = append(data.Members, memberBenefitRow{MemberBenefit: m, Value: benefitNumber(l, &m.Value), Realised: kronor(l, m.RealisedKr)})
		v := m.Value
		names, links, memberValues = append(names, m.Member), append(links, fmt.Sprintf("/members/%d", m.MemberID)), append(memberValues, &v)
	}
	data.MemberChart = barChart(names, []series{{Name: d.Unit, Values: memberValues}}, nil, 0, true, links).withLinks(chartLinks(c))
	return s.render(c, "benefit", d.Name, data)
}

// benefitChart draws the measured values against the pace line over the
// days of either; the measured line runs across the days that only the pace
// line has (the baseline's and the due date), so it reads as one line.
func benefitChart(days []string, measured, pace series) chartBlock {
	line := charts.NewLine()
	line.SetGlobalOptions(commonOptions(true)...)
	line.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Type: "category"}), charts.WithYAxisOpts(yAxis(0)))
	line.SetXAxis(days)
	for i, s := range []series{measured, pace} {
		data := make([]opts.LineData, len(s.Values))
		for j, v := range s.Values {
			data[j] = opts.LineData{Value: valueOrDash(v)}
		}
		line.AddSeries(s.Name, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(i == 0)}))
	}
	return chartBlock{Option: optionsOf(line)}
}

// memberBenefits are the benefits measured at the membership rows ids on
// asOf with what each realised, for the member's page.
func (s *Server) memberBenefits(c *fiber.Ctx, asOf time.Time, ids []int64) ([]memberBenefitRow, error) {
	var out []memberBenefitRow
	for _, id := range ids {
		bs, err := s.store.MemberBenefits(c.UserContext(), id, asOf)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			out = append(out, memberBenefitRow{MemberBenefit: b, Value: benefitNumber(lang(c), &b.Value), Realised: kronor(lang(c), b.RealisedKr)})
		}
	}
	return out, nil
}
