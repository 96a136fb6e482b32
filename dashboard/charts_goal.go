package dashboard

import (
	"math"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// goalChartRow is one day of a goal's chart in its table: the value, the
// pace line and the forecast that day, where the chart has them.
type goalChartRow struct {
	Date                   time.Time
	Value, Pace, Forecast  *float64
	ValueKnown, IsForecast bool
}

// goalChartView is a goal's chart and the table with its numbers.
type goalChartView struct {
	Block chartBlock
	Label string // names the goal, for the chart's aria-label and the table's caption
	Unit  string
	Rows  []goalChartRow
}

// Names of a goal chart's series, in the order they are drawn; the browser
// test finds the series by them.
const (
	seriesValue    = "goals.value"
	seriesTarget   = "goals.target"
	seriesUpper    = "goals.upper"
	seriesPace     = "goals.pace"
	seriesForecast = "goals.forecast"
)

// goalChart draws the goal's value over time on a time axis with the target
// as a line, the pace line and the dashed forecast; the value axis includes
// every one of them, carries the metric's unit and counts whole for counts.
func goalChart(l string, r analytics.GoalResult, gc analytics.GoalChart, label string) goalChartView {
	info, _ := analytics.LookupMetric(r.Metric)
	scale := func(v *float64) *float64 { return percentIf(info.Share, v) }
	line := charts.NewLine()
	line.SetGlobalOptions(commonOptions(true)...)
	var all []float64
	add := func(name string, points []analytics.Point, style opts.LineStyle, symbols bool) {
		data := make([]opts.LineData, len(points))
		for i, p := range points {
			v := scale(p.Value)
			data[i] = opts.LineData{Value: []any{p.Date.Format(time.DateOnly), valueOrDash(v)}}
			if v != nil {
				all = append(all, *v)
			}
		}
		line.AddSeries(locale.Text(l, name), data, charts.WithLineStyleOpts(style),
			charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(symbols)}))
	}
	y1 := time.Date(r.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	// Each line has a second cue besides its colour: the value is solid with
	// markers, the target solid without, the pace dotted, the forecast dashed.
	add(seriesValue, gc.Values, opts.LineStyle{Type: "solid", Width: 2}, true)
	if r.Target != nil {
		add(seriesTarget, []analytics.Point{{Date: y1, Value: r.Target}, {Date: r.Due, Value: r.Target}}, opts.LineStyle{Type: "solid", Width: 3}, false)
	}
	if r.UpperTarget != nil {
		add(seriesUpper, []analytics.Point{{Date: y1, Value: r.UpperTarget}, {Date: r.Due, Value: r.UpperTarget}}, opts.LineStyle{Type: "solid", Width: 3}, false)
	}
	if gc.Pace != nil {
		add(seriesPace, gc.Pace[:], opts.LineStyle{Type: "dotted", Width: 2}, false)
	}
	if gc.Forecast != nil {
		add(seriesForecast, gc.Forecast[:], opts.LineStyle{Type: "dashed", Width: 2}, true)
	}
	unit := unitOf(l, r.Metric)
	y := opts.YAxis{Type: "value", Name: unit}
	y.Min, y.Max = axisRange(all, info.Share && !info.Uncapped, countMetric(info), info.Signed)
	if countMetric(info) {
		y.MinInterval = 1
	}
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "time", Min: y1.Format(time.DateOnly), Max: r.Due.Format(time.DateOnly),
			AxisLabel: &opts.AxisLabel{Formatter: "{yyyy}-{MM}"}}),
		charts.WithYAxisOpts(y))
	block := described(chartBlock{Option: optionsOf(line)}, label)
	return goalChartView{Block: block, Label: label, Unit: unit, Rows: goalChartRows(r, gc)}
}

// goalChartRows are the chart's numbers by day, as the metric's values (a
// share as a fraction): the value's days, the forecast's day and the due date.
func goalChartRows(r analytics.GoalResult, gc analytics.GoalChart) []goalChartRow {
	var rows []goalChartRow
	for _, p := range gc.Values {
		rows = append(rows, goalChartRow{Date: p.Date, Value: p.Value, ValueKnown: true})
	}
	if gc.Forecast != nil {
		rows[len(rows)-1].Forecast = gc.Forecast[0].Value
		end := gc.Forecast[1]
		rows = append(rows, goalChartRow{Date: end.Date, Forecast: end.Value, IsForecast: true})
	}
	if last := rows[len(rows)-1].Date; gc.Pace != nil && last.Before(r.Due) {
		rows = append(rows, goalChartRow{Date: r.Due})
	}
	for i := range rows {
		rows[i].Pace = gc.PaceOn(rows[i].Date)
	}
	return rows
}

// axisRange is the value axis from below the least to above the greatest of
// values, on round numbers, so that the target, pace and forecast lie inside
// it; never below 0 (no metric but a signed one, a budget deviation, is
// negative) nor, for a share in percent, above 100. A count's axis steps by
// whole numbers.
func axisRange(values []float64, share, whole, signed bool) (lo, hi any) {
	if len(values) == 0 {
		return 0, nil
	}
	least, most := values[0], values[0]
	for _, v := range values {
		least, most = math.Min(least, v), math.Max(most, v)
	}
	step := niceStep((most - least) / 5)
	if most == least {
		step = niceStep(math.Max(math.Abs(most)/5, 1))
	}
	if whole {
		step = math.Max(1, math.Round(step))
	}
	low := math.Floor(least/step)*step - step
	if !signed {
		low = math.Max(0, low)
	}
	high := math.Ceil(most/step)*step + step
	// Round the ends to the step ECharts will choose for the padded range,
	// so that the lowest label does not crowd the first tick.
	if outer := niceStep((high - low) / 5); outer > step {
		low, high = math.Floor(low/outer)*outer, math.Ceil(high/outer)*outer
	}
	if share {
		high = math.Min(100, high)
	}
	return low, high
}

// niceStep is the least of 1, 2 or 5 times a power of ten that is at least x.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// countMetric says the metric counts things: its axis has whole numbers.
func countMetric(info analytics.MetricInfo) bool {
	return !info.Share && !info.Money && info.Key != "services_per_member"
}

// unitOf is what a metric's axis measures in: percent, kronor, or what it
// counts.
func unitOf(l, metric string) string {
	info, _ := analytics.LookupMetric(metric)
	switch {
	case info.Share:
		return "%"
	case info.Money:
		return "kr"
	}
	return locale.Text(l, "unit."+metric)
}
