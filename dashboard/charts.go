package dashboard

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// chartBlock is what a page writes into a <script type="application/json">
// block for charts.js: the ECharts option built by go-echarts, the page each
// data point leads to when clicked, and the boundaries a map chart needs. The
// template escapes it, so a name such as </script> stays text.
type chartBlock struct {
	Option map[string]any `json:"option"`
	// Links[i] is where a click on the i-th category goes ("" for nowhere).
	Links []string `json:"links,omitempty"`
	// SeriesLinks[s][i], when set, is where a click on the i-th point of
	// the s-th series goes: each bar of a group leads to what it counts.
	SeriesLinks [][]string `json:"seriesLinks,omitempty"`
	// MapURL is the GeoJSON to register, under MapName, before drawing.
	MapURL  string `json:"mapURL,omitempty"`
	MapName string `json:"mapName,omitempty"`
}

type validator interface {
	Validate()
	JSON() map[string]any
}

func optionsOf(c validator) map[string]any {
	c.Validate() // without it the axis data is dropped from JSON
	return c.JSON()
}

// series is one named row of values over the chart's categories; nil values
// are gaps (no data).
type series struct {
	Name   string
	Values []*float64
}

// refLine is a horizontal reference line: a target, the 75 % line.
type refLine struct {
	Label string
	Value float64
}

func commonOptions(legend bool) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "56", Right: "24", Top: "32", Bottom: "40", ContainLabel: opts.Bool(true)}),
		charts.WithAnimation(false),
	}
}

// refLineOpts marks the lines on the value axis: y, or x when the bars lie.
func refLineOpts(lines []refLine, horizontal bool) []charts.SeriesOpts {
	if len(lines) == 0 {
		return nil
	}
	var mark charts.SeriesOpts
	if horizontal {
		items := make([]opts.MarkLineNameXAxisItem, len(lines))
		for i, l := range lines {
			items[i] = opts.MarkLineNameXAxisItem{Name: l.Label, XAxis: l.Value}
		}
		mark = charts.WithMarkLineNameXAxisItemOpts(items...)
	} else {
		items := make([]opts.MarkLineNameYAxisItem, len(lines))
		for i, l := range lines {
			items[i] = opts.MarkLineNameYAxisItem{Name: l.Label, YAxis: l.Value}
		}
		mark = charts.WithMarkLineNameYAxisItemOpts(items...)
	}
	return []charts.SeriesOpts{
		mark,
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
			Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}"}}),
	}
}

// lineChart draws series over categories (dates), with reference lines on
// the first series. yMax 0 lets ECharts choose the scale.
func lineChart(x []string, ss []series, lines []refLine, yMax float64) chartBlock {
	line := charts.NewLine()
	line.SetGlobalOptions(commonOptions(len(ss) > 1)...)
	line.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Type: "category"}), charts.WithYAxisOpts(yAxis(yMax)))
	line.SetXAxis(x)
	for i, s := range ss {
		data := make([]opts.LineData, len(s.Values))
		for j, v := range s.Values {
			data[j] = opts.LineData{Value: valueOrDash(v)}
		}
		var so []charts.SeriesOpts
		if i == 0 {
			so = refLineOpts(lines, false)
		}
		line.AddSeries(s.Name, data, so...)
	}
	return chartBlock{Option: optionsOf(line)}
}

// barChart draws bars per category, horizontal when there are many long
// names; links make each bar lead to what it counts.
func barChart(x []string, ss []series, lines []refLine, yMax float64, horizontal bool, links []string) chartBlock {
	bar := charts.NewBar()
	bar.SetGlobalOptions(commonOptions(len(ss) > 1)...)
	cat, val := opts.XAxis{Type: "category"}, yAxis(yMax)
	if horizontal {
		bar.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Max: val.Max}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}))
	} else {
		bar.SetGlobalOptions(charts.WithXAxisOpts(cat), charts.WithYAxisOpts(val))
	}
	bar.SetXAxis(x)
	for i, s := range ss {
		data := make([]opts.BarData, len(s.Values))
		for j, v := range s.Values {
			data[j] = opts.BarData{Value: valueOrDash(v)}
		}
		var so []charts.SeriesOpts
		if i == 0 {
			so = refLineOpts(lines, horizontal)
		}
		bar.AddSeries(s.Name, data, so...)
	}
	if horizontal {
		bar.XYReversal()
	}
	return chartBlock{Option: optionsOf(bar), Links: links}
}

func yAxis(max float64) opts.YAxis {
	y := opts.YAxis{Type: "value", Min: 0}
	if max > 0 {
		y.Max = max
	}
	return y
}

// valueOrDash is ECharts' way of writing "no value" in a series.
func valueOrDash(v *float64) any {
	if v == nil {
		return "-"
	}
	return *v
}

func floats[T int | int64 | float64](xs []T) []*float64 {
	out := make([]*float64, len(xs))
	for i, x := range xs {
		f := float64(x)
		out[i] = &f
	}
	return out
}

// withLinks passes the chart's click targets through link, such as the
// page's Link that carries the chosen as-of date along.
func (b chartBlock) withLinks(link func(string) string) chartBlock {
	for i, l := range b.Links {
		if l != "" {
			b.Links[i] = link(l)
		}
	}
	for _, ls := range b.SeriesLinks {
		for i, l := range ls {
			if l != "" {
				ls[i] = link(l)
			}
		}
	}
	return b
}
