package export

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/locale"
)

// Chart size in pixels (a landscape A4 page within its margins), and rows
// between the tops of two charts.
const (
	chartWidth  = 1000
	chartHeight = 540
	chartRows   = 30
)

// chartTop is how many services or networks a chart shows one by one; the
// rest are one bar, "övriga", at their mean.
const chartTop = 15

// chartsSheet draws the report's native charts from the other sheets' cells:
// members over the year against the members target, the share of members per
// service against 75 %, and the municipalities per network against 20, each
// on a page of its own. A chart without data is left out.
func (b *book) chartsSheet(d *reportData) error {
	sheet := locale.Text(d.Lang, "export.sheet.charts")
	if err := b.addSheet(sheet, ""); err != nil {
		return err
	}
	row := 1
	add := func(chart *excelize.Chart, combo ...*excelize.Chart) error {
		if row > 1 {
			if err := b.f.InsertPageBreak(sheet, cellName(1, row)); err != nil {
				return err
			}
		}
		err := b.f.AddChart(sheet, cellName(1, row), chart, combo...)
		row += chartRows
		return err
	}
	if n := len(d.dev.dates); n > 0 {
		members, target := membersChart(d, n)
		if err := add(members, target...); err != nil {
			return err
		}
	}
	for _, bars := range d.bars {
		chart, line := barsWithLine(d.Lang, bars)
		if err := add(chart, line); err != nil {
			return err
		}
	}
	return nil
}

// barData is a bar chart of the services or the networks: its texts and the
// rows it draws, which the hidden chart data sheet holds. A slot is left
// empty at either end, so that the reference line, drawn from the first
// slot's centre to the last one's, runs across every bar. Beyond chartTop+1
// bars, the largest chartTop stay and the rest are one bar at their mean:
// 300 bars are a wall, not a chart.
type barData struct {
	col                    int // the first of its three columns on the chart data sheet
	title, source          string
	xTitle, yTitle, numFmt string
	valueName, lineName    string
	names                  []string
	values                 []*float64
	line                   float64
}

// barCharts lays out the services' and the networks' bar charts.
func barCharts(d *reportData) []barData {
	var out []barData
	services := barData{title: locale.Text(d.Lang, "chart.coverage"), source: locale.Text(d.Lang, "export.sheet.services"),
		xTitle: locale.Text(d.Lang, "service"), yTitle: locale.Text(d.Lang, "share"), numFmt: "0%",
		valueName: locale.Text(d.Lang, "share"), lineName: locale.Text(d.Lang, "line.share"), line: serviceShareLine}
	networks := barData{title: locale.Text(d.Lang, "chart.networks"), source: locale.Text(d.Lang, "export.sheet.networks"),
		xTitle: locale.Text(d.Lang, "network"), yTitle: locale.Text(d.Lang, "municipalities"), numFmt: "0",
		valueName: locale.Text(d.Lang, "municipalities"), lineName: locale.Text(d.Lang, "line.network"), line: networkMunicipalLine}
	share := func(l serviceLine) float64 {
		if l.Share == nil {
			return 0
		}
		return *l.Share
	}
	municipalities := func(l serviceLine) float64 { return float64(l.Municipalities) }
	for _, c := range []struct {
		chart barData
		lines []serviceLine
		value func(serviceLine) float64
	}{{services, d.services, share}, {networks, d.networks, municipalities}} {
		if len(c.lines) == 0 {
			continue
		}
		c.chart.col = 1 + 4*len(out)
		c.chart.fill(d.Lang, c.lines, c.value)
		out = append(out, c.chart)
	}
	return out
}

// fill takes the bars from lines, in their order or, when summarised, the
// largest first.
func (c *barData) fill(lang string, lines []serviceLine, value func(serviceLine) float64) {
	c.names, c.values = []string{""}, []*float64{nil}
	shown := lines
	if len(lines) > chartTop+1 {
		shown = append([]serviceLine(nil), lines...)
		sort.SliceStable(shown, func(i, j int) bool { return value(shown[i]) > value(shown[j]) })
		shown = shown[:chartTop]
	}
	for _, l := range shown {
		v := value(l)
		c.names, c.values = append(c.names, l.Name), append(c.values, &v)
	}
	if rest := len(lines) - len(shown); rest > 0 {
		sum := 0.0
		for _, l := range lines {
			sum += value(l)
		}
		for _, l := range shown {
			sum -= value(l)
		}
		mean := sum / float64(rest)
		c.names, c.values = append(c.names, fmt.Sprintf(locale.Text(lang, "chart.others"), rest)), append(c.values, &mean)
	}
	c.names, c.values = append(c.names, ""), append(c.values, nil)
}

// chartDataSheet writes the bar charts' rows on a hidden sheet: the name,
// the value and the reference line of each slot. It comes before the big
// streamed sheets because hiding a sheet makes excelize read every sheet
// of the file back into memory (at 20 000 members, 200 MB more).
func (b *book) chartDataSheet(d *reportData) error {
	if len(d.bars) == 0 {
		return nil
	}
	sheet := locale.Text(d.Lang, "export.sheet.chartdata")
	if _, err := b.f.NewSheet(sheet); err != nil {
		return err
	}
	w := b.cells(sheet)
	for _, c := range d.bars {
		w.set(c.col, 1, locale.Text(d.Lang, "name"), 0)
		w.set(c.col+1, 1, c.valueName, 0)
		w.set(c.col+2, 1, c.lineName, 0)
		for i, name := range c.names {
			w.set(c.col, i+2, name, 0)
			w.set(c.col+1, i+2, c.values[i], 0)
			w.set(c.col+2, i+2, c.line, 0)
		}
	}
	if w.err != nil {
		return w.err
	}
	return b.f.SetSheetVisible(sheet, false)
}

// membersChart is a line of the members at each date of the development,
// labelled, with the target as a dashed line when the plan has one (a chart
// of its own, so that its value is not repeated at every point).
func membersChart(d *reportData, n int) (*excelize.Chart, []*excelize.Chart) {
	sheet := locale.Text(d.Lang, "export.sheet.development")
	dates := rowRange(sheet, 1, 2, n+1)
	title := locale.Text(d.Lang, "chart.members")
	members := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name: absRange(sheet, 1, devMembersRow, devMembersRow), Categories: dates, Values: rowRange(sheet, devMembersRow, 2, n+1),
			Line: excelize.LineOptions{Width: 2.25}, Marker: excelize.ChartMarker{Symbol: "circle", Size: 6},
			DataLabel: excelize.ChartDataLabel{Font: *chartFont(9, false)}, DataLabelPosition: excelize.ChartDataLabelsPositionAbove,
		}},
		Title:      chartTitle(title),
		Legend:     excelize.ChartLegend{Position: "bottom", Font: chartFont(10, false)},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:     excelize.GraphicOptions{AltText: altText(d.Lang, title, sheet)},
		VaryColors: new(false),
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		XAxis:      axis("", fmt.Sprintf("%s %d", locale.Text(d.Lang, "date"), d.Year)),
		YAxis:      axis("#,##0", locale.Text(d.Lang, "export.sheet.members")),
	}
	if !d.dev.hasTarget() {
		return members, nil
	}
	target := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name: absRange(sheet, 1, devTargetRow, devTargetRow), Categories: dates, Values: rowRange(sheet, devTargetRow, 2, n+1),
			Line: excelize.LineOptions{Width: 1.75, Dash: excelize.LineDashDash}, Marker: excelize.ChartMarker{Symbol: "none"},
		}},
		VaryColors: new(false),
		XAxis:      members.XAxis,
		YAxis:      members.YAxis,
	}
	return members, []*excelize.Chart{target}
}

// barsWithLine is a column per slot of c with its value as a label, and c's
// reference line as a dashed line across.
func barsWithLine(lang string, c barData) (*excelize.Chart, *excelize.Chart) {
	sheet := locale.Text(lang, "export.sheet.chartdata")
	first, last := 2, len(c.names)+1
	names := absRange(sheet, c.col, first, last)
	bars := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: absRange(sheet, c.col+1, 1, 1), Categories: names, Values: absRange(sheet, c.col+1, first, last),
			DataLabel: excelize.ChartDataLabel{Font: *chartFont(9, false)}, DataLabelPosition: excelize.ChartDataLabelsPositionOutsideEnd,
		}},
		Title:      chartTitle(c.title),
		Legend:     excelize.ChartLegend{Position: "bottom", Font: chartFont(10, false)},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:     excelize.GraphicOptions{AltText: altText(lang, c.title, c.source)},
		VaryColors: new(false),
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: labelFormat(c.numFmt)}},
		XAxis:      axis("", c.xTitle),
		YAxis:      axis(c.numFmt, c.yTitle),
	}
	line := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name: absRange(sheet, c.col+2, 1, 1), Categories: names, Values: absRange(sheet, c.col+2, first, last),
			Line: excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash}, Marker: excelize.ChartMarker{Symbol: "none"},
		}},
		VaryColors: new(false),
		// The axes are drawn from the combined chart's: the same titles and formats.
		XAxis: bars.XAxis,
		YAxis: bars.YAxis,
	}
	return bars, line
}

// labelFormat is the data labels' format: shares with a decimal, so that
// 74.1 % is not shown as the 75 % it misses.
func labelFormat(numFmt string) string {
	if numFmt == "0%" {
		return "0.0%"
	}
	return numFmt
}

// axis has dark labels in numFmt ("": General) and a title ("" for none);
// a value axis (numFmt not "") has grid lines across.
func axis(numFmt, title string) excelize.ChartAxis {
	a := excelize.ChartAxis{
		MajorGridLines: numFmt != "",
		NumFmt:         excelize.ChartNumFmt{CustomNumFmt: numFmt},
		Font:           *chartFont(10, false),
	}
	if title != "" {
		a.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: chartFont(10, true)}}}
	}
	return a
}

func chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: chartFont(14, true)}}}
}

// chartFont is the workbook's typeface, dark, for a chart.
func chartFont(size float64, bold bool) *excelize.Font {
	return font(size, bold, "262626")
}

// altText describes a chart for a screen reader: its title and the sheet
// its numbers are on.
func altText(lang, title, sheet string) string {
	return title + ". " + locale.Text(lang, "chart.alt", sheet)
}
