package dashboard

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// chartOptions turns a go-echarts chart into the option object that the
// template writes into a <script type="application/json"> block; the template
// escapes it, so a name such as </script> stays text.
type chartOptions = map[string]any

type validator interface {
	Validate()
	JSON() map[string]any
}

func optionsOf(c validator) chartOptions {
	c.Validate() // without it the axis data is dropped from JSON
	return c.JSON()
}

// lineChart is a line over categories (dates) with one series.
func lineChart(series string, x []string, y []int) chartOptions {
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithGridOpts(opts.Grid{Left: "48", Right: "16", Top: "24", Bottom: "32"}),
		charts.WithAnimation(false),
	)
	points := make([]opts.LineData, len(y))
	for i, v := range y {
		points[i] = opts.LineData{Value: v}
	}
	line.SetXAxis(x).AddSeries(series, points, charts.WithLineChartOpts(opts.LineChart{Smooth: opts.Bool(false)}))
	return optionsOf(line)
}
