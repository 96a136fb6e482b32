package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

type feesPage struct {
	Year        int
	Schedule    []bandRow // empty: the year has no schedule
	Income      []analytics.Point
	IncomeChart chartBlock
	Fees        []feeRow // this page of the fee list
	Billed      int      // rows in the whole fee list
	Pager       pager
	Total       analytics.Fee // the sums of Contribution, AnnualFee and Total
	Groups      []groupTotal
}

type bandRow struct {
	analytics.FeeBand
	Band string
}

type feeRow struct {
	analytics.Fee
	Band string
}

// groupTotal is what the members of one group pay together: a group that
// joined through a joint body is often invoiced as one.
type groupTotal struct {
	Name    string
	Members int
	Total   float64
}

// fees shows the fee schedule and the fee list of the as-of year, and the
// fee income of every year since the first schedule.
func (s *Server) fees(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	ctx, l := c.UserContext(), lang(c)
	data := feesPage{Year: asOf.Year()}
	bands, err := s.store.FeeSchedule(ctx, data.Year)
	if err != nil {
		return err
	}
	for _, b := range bands {
		data.Schedule = append(data.Schedule, bandRow{FeeBand: b, Band: bandLabel(l, b.Category, b.PopulationFrom, b.PopulationTo)})
	}
	if data.Income, err = s.store.FeeIncomeByYear(ctx, asOf); err != nil {
		return err
	}
	data.IncomeChart = incomeChart(l, data.Income)
	if len(bands) > 0 {
		fees, err := s.store.Fees(ctx, data.Year)
		if err != nil {
			return err
		}
		byGroup := map[string]groupTotal{}
		data.Billed = len(fees)
		shown, pg := paginate(c, fees)
		data.Pager = pg
		for _, f := range shown {
			data.Fees = append(data.Fees, newFeeRow(l, f))
		}
		for _, f := range fees {
			data.Total.Contribution += f.Contribution
			data.Total.AnnualFee += f.AnnualFee
			data.Total.Total += f.Total
			if f.Group != "" {
				g := byGroup[f.Group]
				g.Members++
				g.Total += f.Total
				byGroup[f.Group] = g
			}
		}
		// MemberGroups gives the groups in Swedish order.
		names, err := s.store.MemberGroups(ctx)
		if err != nil {
			return err
		}
		for _, name := range names {
			if g, ok := byGroup[name]; ok {
				g.Name = name
				data.Groups = append(data.Groups, g)
			}
		}
	}
	return s.render(c, "fees", locale.Text(l, "fees.title"), data)
}

func newFeeRow(l string, f analytics.Fee) feeRow {
	to := 0
	if f.PopulationTo != nil {
		to = *f.PopulationTo
	}
	return feeRow{Fee: f, Band: bandLabel(l, f.Category, f.PopulationFrom, to)}
}

// bandLabel names a row of the schedule: the population band [from, to) of
// municipalities (to 0: no upper bound), or other organisations.
func bandLabel(l, category string, from, to int) string {
	switch {
	case category == analytics.KindOvrig:
		return locale.Text(l, "fees.band.other")
	case category == "":
		return locale.Text(l, "fees.band.none")
	case to == 0:
		return locale.Text(l, "fees.band.above", formatInt(l, from))
	case from == 0:
		return locale.Text(l, "fees.band.below", formatInt(l, to))
	}
	return locale.Text(l, "fees.band.between", formatInt(l, from), formatInt(l, to))
}

// incomeChart draws fee_income per day, labelled in millions of kronor; a
// click shows that day's fees.
func incomeChart(l string, income []analytics.Point) chartBlock {
	n := len(income)
	x, labels, tooltips, links := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	values := make([]*float64, n)
	for i, p := range income {
		x[i] = p.Date.Format(time.DateOnly)
		values[i] = p.Value
		links[i] = "/fees?asof=" + x[i]
		tooltips[i] = x[i] + "\n" + formatMetric(l, "fee_income", p.Value)
		if p.Value != nil {
			labels[i] = locale.Text(l, "fees.income.millions", formatDecimal(l, *p.Value/1e6, 2))
		}
	}
	return amountBarChart(locale.Text(l, "fees.income"), x, values, labels, tooltips, links)
}
