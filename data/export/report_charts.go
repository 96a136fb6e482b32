package export

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"
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

// chartDataSheet holds the bars of a chart that summarises the rest; hidden.
const chartDataSheet = "Diagramdata"

// chartsSheet draws the report's native charts from the other sheets' cells:
// members over the year against the members target, the share of members per
// service against 75 %, and the municipalities per network against 20, each
// on a page of its own. A chart without data is left out.
func (b *book) chartsSheet(d *reportData) error {
	sheet := tr(d.Lang, "sheet.charts")
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
	for _, c := range []struct {
		lines          []serviceLine
		sheet, title   string
		valueCol       int
		numFmt, xTitle string
		yTitle         string
		share          bool
	}{
		{d.services, tr(d.Lang, "sheet.services"), tr(d.Lang, "chart.coverage"), svcShareCol, "0%",
			tr(d.Lang, "service"), tr(d.Lang, "share"), true},
		{d.networks, tr(d.Lang, "sheet.networks"), tr(d.Lang, "chart.networks"), svcMunicipalitiesCol, "0",
			tr(d.Lang, "network"), tr(d.Lang, "municipalities"), false},
	} {
		n := len(c.lines)
		if n == 0 {
			continue
		}
		src := barSource{sheet: c.sheet, first: 2, last: n + 1, nameCol: svcNameCol, valueCol: c.valueCol, lineCol: svcLineCol}
		if n > chartTop+1 {
			var err error
			if src, err = b.summarisedBars(d, c.lines, c.share); err != nil {
				return err
			}
		}
		bars, line := barsWithLine(d.Lang, c.title, c.xTitle, c.yTitle, src, c.numFmt)
		if err := add(bars, line); err != nil {
			return err
		}
	}
	return nil
}

// barSource is where a bar chart's names, values and reference line are.
type barSource struct {
	sheet                      string
	first, last                int
	nameCol, valueCol, lineCol int
}

// summarisedBars writes the largest chartTop services (or networks) and the
// rest as one bar at their mean on the hidden chart data sheet: 300 bars are
// a wall, not a chart.
func (b *book) summarisedBars(d *reportData, lines []serviceLine, share bool) (barSource, error) {
	if idx, _ := b.f.GetSheetIndex(chartDataSheet); idx < 0 {
		if _, err := b.f.NewSheet(chartDataSheet); err != nil {
			return barSource{}, err
		}
		if err := b.f.SetSheetVisible(chartDataSheet, false); err != nil {
			return barSource{}, err
		}
	}
	value := func(l serviceLine) float64 {
		if share {
			if l.Share == nil {
				return 0
			}
			return *l.Share
		}
		return float64(l.Municipalities)
	}
	sorted := append([]serviceLine(nil), lines...)
	sort.SliceStable(sorted, func(i, j int) bool { return value(sorted[i]) > value(sorted[j]) })
	// Services in columns A–C, networks in E–G.
	col := 1
	if !share {
		col = 5
	}
	line, valueName, lineName := any(serviceShareLine), tr(d.Lang, "share"), tr(d.Lang, "line.share")
	if !share {
		line, valueName, lineName = networkMunicipalLine, tr(d.Lang, "municipalities"), tr(d.Lang, "line.network")
	}
	w := b.cells(chartDataSheet)
	w.set(col, 1, tr(d.Lang, "name"), 0)
	w.set(col+1, 1, valueName, 0)
	w.set(col+2, 1, lineName, 0)
	rest, sum := 0, 0.0
	for i, l := range sorted {
		if i >= chartTop {
			rest++
			sum += value(l)
			continue
		}
		w.set(col, i+2, l.Name, 0)
		w.set(col+1, i+2, value(l), 0)
		w.set(col+2, i+2, line, 0)
	}
	w.set(col, chartTop+2, fmt.Sprintf(tr(d.Lang, "chart.others"), rest), 0)
	w.set(col+1, chartTop+2, sum/float64(rest), 0)
	w.set(col+2, chartTop+2, line, 0)
	return barSource{sheet: chartDataSheet, first: 2, last: chartTop + 2, nameCol: col, valueCol: col + 1, lineCol: col + 2}, w.err
}

// membersChart is a line of the members at each date of the development,
// labelled, with the target as a dashed line when the plan has one (a chart
// of its own, so that its value is not repeated at every point).
func membersChart(d *reportData, n int) (*excelize.Chart, []*excelize.Chart) {
	sheet := tr(d.Lang, "sheet.development")
	dates := rowRange(sheet, 1, 2, n+1)
	title := tr(d.Lang, "chart.members")
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
		Format:     excelize.GraphicOptions{AltText: altText(d.Lang, title)},
		VaryColors: new(false),
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		XAxis:      axis("", fmt.Sprintf("%s %d", tr(d.Lang, "date"), d.Year)),
		YAxis:      axis("#,##0", tr(d.Lang, "sheet.members")),
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

// barsWithLine is a column per row of src with its value as a label, and
// src's reference line as a dashed line across.
func barsWithLine(lang, title, xTitle, yTitle string, src barSource, numFmt string) (*excelize.Chart, *excelize.Chart) {
	names := absRange(src.sheet, src.nameCol, src.first, src.last)
	bars := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: absRange(src.sheet, src.valueCol, 1, 1), Categories: names, Values: absRange(src.sheet, src.valueCol, src.first, src.last),
			DataLabel: excelize.ChartDataLabel{Font: *chartFont(9, false)}, DataLabelPosition: excelize.ChartDataLabelsPositionOutsideEnd,
		}},
		Title:      chartTitle(title),
		Legend:     excelize.ChartLegend{Position: "bottom", Font: chartFont(10, false)},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:     excelize.GraphicOptions{AltText: altText(lang, title)},
		VaryColors: new(false),
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: labelFormat(numFmt)}},
		XAxis:      axis("", xTitle),
		YAxis:      axis(numFmt, yTitle),
	}
	line := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name: absRange(src.sheet, src.lineCol, 1, 1), Categories: names, Values: absRange(src.sheet, src.lineCol, src.first, src.last),
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

// altText describes a chart for a screen reader: its title and where its
// numbers are.
func altText(lang, title string) string {
	return title + ". " + tr(lang, "chart.alt")
}
