package export

import (
	"math"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// benefitLine is a row of the benefits sheet: a benefit, or the total of
// its service (benefit nil) with what the service cost.
type benefitLine struct {
	service string
	benefit *analytics.BenefitResult
	total   *analytics.ServiceBenefit
}

// certaintyColours are the fill and font colours of a benefit's certainty,
// SKR's eKalkyl grades: green kronor, yellow freed time, red neither.
var certaintyColours = map[string][2]string{
	analytics.CertaintyGreen:  {"A9D08E", "1E4620"},
	analytics.CertaintyYellow: {"FFD966", "7F6000"},
	analytics.CertaintyRed:    {"F4B6B6", "9C0006"},
}

// benefitLines are the register's benefits grouped by service as Benefits
// orders them (the association-wide last), each service followed by its
// total: the realised kronor of its benefits beside its cost.
func benefitLines(lang string, r analytics.BenefitsReport) []benefitLine {
	totals := map[int64]*analytics.ServiceBenefit{}
	for i := range r.Services {
		totals[r.Services[i].ServiceID] = &r.Services[i]
	}
	var out []benefitLine
	for i := range r.Benefits {
		x := &r.Benefits[i]
		name := x.Service
		if x.ServiceID == nil {
			name = locale.Text(lang, "benefitsheet.whole")
		}
		out = append(out, benefitLine{service: name, benefit: x})
		last := i == len(r.Benefits)-1 || !sameService(x.ServiceID, r.Benefits[i+1].ServiceID)
		if !last {
			continue
		}
		total := &analytics.ServiceBenefit{Service: name}
		if x.ServiceID != nil && totals[*x.ServiceID] != nil {
			total = totals[*x.ServiceID]
		} else {
			total.RealisedKr = sumRealised(r.Benefits, x.ServiceID)
		}
		out = append(out, benefitLine{service: name, total: total})
	}
	return out
}

func sameService(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// sumRealised adds up the realised kronor of the benefits of one service
// (nil: the association-wide ones); nil when none has any.
func sumRealised(bs []analytics.BenefitResult, service *int64) *float64 {
	var sum *float64
	for _, x := range bs {
		if sameService(x.ServiceID, service) && x.RealisedKr != nil {
			if sum == nil {
				sum = new(float64)
			}
			*sum += *x.RealisedKr
		}
	}
	return sum
}

// benefitsSheet lists, when the register has benefits, each service's
// benefits on the as-of day: certainty and status in colour, baseline,
// value and target in the benefit's unit, realised kronor, and below them
// the service's realised kronor beside its cost in the budget. An owner is
// a role, never a person, and measurements' sources are not shown: the
// sheet holds no personal data.
func (b *book) benefitsSheet(d *reportData) error {
	if len(d.benefits.Benefits) == 0 {
		return nil
	}
	lines := benefitLines(d.Lang, d.benefits)
	return b.writeTable(table{
		sheet: locale.Text(d.Lang, "export.sheet.benefits"),
		columns: []column{
			{header: locale.Text(d.Lang, "service"), style: b.top(b.st.wrap), wrapAt: 18},
			{header: locale.Text(d.Lang, "benefitsheet.benefit"), style: b.top(b.st.wrap), wrapAt: 30},
			{header: locale.Text(d.Lang, "benefitsheet.certainty"), style: b.centred(b.st.plain)},
			{header: locale.Text(d.Lang, "benefitsheet.unit"), style: b.top(b.st.wrap), wrapAt: 12},
			{header: locale.Text(d.Lang, "benefitsheet.baseline"), style: b.st.decimal},
			{header: locale.Text(d.Lang, "value"), style: b.st.decimal},
			{header: locale.Text(d.Lang, "target"), style: b.st.decimal},
			{header: locale.Text(d.Lang, "benefitsheet.due"), style: b.centred(b.st.date)},
			{header: locale.Text(d.Lang, "status"), style: b.centred(b.st.plain), width: 12},
			{header: locale.Text(d.Lang, "benefitsheet.realised"), style: b.st.money},
			{header: locale.Text(d.Lang, "benefitsheet.cost"), style: b.st.money},
		},
		rows: len(lines),
		row: func(i int, dst []any) []any {
			l := lines[i]
			if l.benefit == nil {
				money := b.boldMoney()
				return append(dst, excelize.Cell{StyleID: b.st.label, Value: l.service},
					excelize.Cell{StyleID: b.st.label, Value: locale.Text(d.Lang, "total")}, nil, nil, nil, nil, nil, nil, nil,
					excelize.Cell{StyleID: money, Value: amount(l.total.RealisedKr)},
					excelize.Cell{StyleID: money, Value: amount(l.total.Cost)})
			}
			x := l.benefit
			var value any
			if x.Value != nil {
				value = b.measured(*x.Value)
			}
			return append(dst, l.service, x.Name,
				excelize.Cell{StyleID: b.certaintyStyle(x.Certainty), Value: locale.Text(d.Lang, "benefitsheet.certainty."+x.Certainty)},
				x.Unit, b.measured(x.Baseline), value, b.measured(x.Target), x.Due,
				excelize.Cell{StyleID: b.st.status[x.Status], Value: statusLabel(d.Lang, x.Status)},
				amount(x.RealisedKr), nil)
		},
		freezeCols: 2,
	})
}

// measured is a benefit's number: whole numbers without decimals.
func (b *book) measured(v float64) excelize.Cell {
	if v == math.Trunc(v) {
		return excelize.Cell{StyleID: b.st.integer, Value: v}
	}
	return excelize.Cell{StyleID: b.st.decimal, Value: v}
}

// amount is an amount in kronor, or an empty cell.
func amount(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// boldMoney is an amount of a service's total: bold, without the rule of a
// table's footer, which an empty cell could not carry across the row.
func (b *book) boldMoney() int {
	return b.derive("bold", b.st.money, func(s *excelize.Style) { s.Font = font(fontSize, true, "") })
}

// certaintyStyle colours a certainty as statusColours do a status.
func (b *book) certaintyStyle(certainty string) int {
	c, ok := certaintyColours[certainty]
	if !ok {
		return b.centred(b.st.plain)
	}
	return b.derive("certainty-"+certainty, b.st.plain, func(s *excelize.Style) {
		s.Font = font(fontSize, true, c[1])
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}}
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "top"}
	})
}
