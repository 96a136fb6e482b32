package dashboard

import (
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// stackedBarChart draws the series on top of each other per category, so
// that a bar's height is their sum (events per year by format); links make
// each bar lead to what it counts.
func stackedBarChart(x []string, ss []series, links []string) chartBlock {
	bar := charts.NewBar()
	bar.SetGlobalOptions(commonOptions(len(ss) > 1)...)
	bar.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Type: "category"}), charts.WithYAxisOpts(yAxis(0)))
	bar.SetXAxis(x)
	for _, s := range ss {
		data := make([]opts.BarData, len(s.Values))
		for j, v := range s.Values {
			data[j] = opts.BarData{Value: valueOrDash(v)}
		}
		bar.AddSeries(s.Name, data, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
	}
	return chartBlock{Option: optionsOf(bar), Links: links}
}

// described gives a chart a description that screen readers announce in
// place of the canvas (ECharts' aria option), such as whose numbers it shows.
func described(b chartBlock, description string) chartBlock {
	b.Option["aria"] = map[string]any{"enabled": true, "label": map[string]any{"description": description}}
	return b
}

// chartLinks is page.Link for links built in Go, such as where a click on a
// chart leads: it carries the chosen as-of date along.
func chartLinks(c *fiber.Ctx) func(string) string {
	var p page
	if d, ok := c.Locals(chosenDate).(time.Time); ok {
		p.AsOf, p.AsOfSet = d, true
	}
	return p.Link
}

// yearEnd is the day a year's numbers are read on: 31 December, or asOf in
// its own year.
func yearEnd(year int, asOf time.Time) string {
	if year == asOf.Year() {
		return asOf.Format(time.DateOnly)
	}
	return time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// kindGrowthChart draws a line per member kind over the days of byKind; a
// click on a point shows the members of that kind on that day.
func kindGrowthChart(l string, byKind []analytics.KindsOnDay) chartBlock {
	x := make([]string, len(byKind))
	ss := make([]series, len(memberKinds))
	links := make([][]string, len(memberKinds))
	for k, kind := range memberKinds {
		ss[k] = series{Name: locale.Text(l, "members.kind."+kind), Values: make([]*float64, len(byKind))}
		links[k] = make([]string, len(byKind))
	}
	for i, d := range byKind {
		x[i] = d.Date.Format(time.DateOnly)
		for k, kc := range d.Kinds {
			n := float64(kc.Members)
			ss[k].Values[i] = &n
			links[k][i] = kindOnDayLink(kc.Kind, x[i])
		}
	}
	b := wholeNumbers(lineChart(x, ss, nil, 0))
	b.SeriesLinks = links
	return b
}

// kindOnDayLink is the list of the members of a kind on a day.
func kindOnDayLink(kind, day string) string { return "/members?kind=" + kind + "&asof=" + day }

// flowChart draws the members joined and lost per year; a click on a bar
// lists the membership rows that joined, or were lost, that year.
func flowChart(l string, flows []analytics.YearFlow) chartBlock {
	x := make([]string, len(flows))
	links := [][]string{make([]string, len(flows)), make([]string, len(flows))}
	joined, lost := make([]int, len(flows)), make([]int, len(flows))
	for i, f := range flows {
		x[i] = strconv.Itoa(f.Year)
		links[0][i], links[1][i] = flowLink("joined", f.Year), flowLink("left", f.Year)
		joined[i], lost[i] = f.Joined, f.Lost
	}
	b := wholeNumbers(barChart(x, []series{{Name: locale.Text(l, "members.joined"), Values: floats(joined)},
		{Name: locale.Text(l, "members.lost"), Values: floats(lost)}}, nil, 0, false, nil))
	b.SeriesLinks = links
	return b
}

// flowLink is the list of the membership rows that joined (or left) in a
// year: the page's as-of date bounds its own year and is carried along.
func flowLink(which string, year int) string { return "/members?" + which + "=" + strconv.Itoa(year) }

// amountBarChart draws one bar per category with its amount written above
// it as labels has it, and tooltips per bar. The value axis shows no
// numbers: ECharts writes them with English thousands commas, which read as
// decimals in Swedish.
func amountBarChart(name string, x []string, values []*float64, labels, tooltips, links []string) chartBlock {
	bar := charts.NewBar()
	bar.SetGlobalOptions(commonOptions(false)...)
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Show: opts.Bool(false)}}))
	bar.SetXAxis(x)
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: valueOrDash(v),
			Label:   &opts.Label{Show: opts.Bool(v != nil), Position: "top", Formatter: labels[i]},
			Tooltip: &opts.Tooltip{Formatter: types.FuncStr(tooltips[i])}}
	}
	bar.AddSeries(name, data)
	return chartBlock{Option: optionsOf(bar), Links: links}
}

// wholeNumbers keeps a chart of counts from ticks such as 0,5 and 1,5.
func wholeNumbers(b chartBlock) chartBlock {
	if xs, ok := b.Option["xAxis"].([]opts.XAxis); ok {
		for i := range xs {
			if xs[i].Type == "value" {
				xs[i].MinInterval = 1
			}
		}
	}
	if ys, ok := b.Option["yAxis"].([]opts.YAxis); ok {
		for i := range ys {
			if ys[i].Type == "value" {
				ys[i].MinInterval = 1
			}
		}
	}
	return b
}
