package export

import "github.com/xuri/excelize/v2"

// Chart size in pixels, and rows between the tops of two charts.
const (
	chartWidth  = 760
	chartHeight = 320
	chartRows   = 20
)

// chartsSheet draws the report's native charts from the other sheets' cells:
// members over the year against the members target, the share of members per
// service against 75 %, and the municipalities per network against 20. A
// chart without data is left out.
func (b *book) chartsSheet(d *reportData) error {
	sheet := tr(d.Lang, "sheet.charts")
	if err := b.addSheet(sheet, ""); err != nil {
		return err
	}
	row := 1
	add := func(chart *excelize.Chart, combo ...*excelize.Chart) error {
		if row > 1 {
			// Each chart prints on a page of its own.
			if err := b.f.InsertPageBreak(sheet, cellName(1, row)); err != nil {
				return err
			}
		}
		err := b.f.AddChart(sheet, cellName(1, row), chart, combo...)
		row += chartRows
		return err
	}
	if n := len(d.dev.dates); n > 0 {
		if err := add(membersChart(d, n)); err != nil {
			return err
		}
	}
	if n := len(d.services); n > 0 {
		svc := tr(d.Lang, "sheet.services")
		if err := add(barsWithLine(tr(d.Lang, "chart.coverage"), svc, n, svcShareCol, "0%")); err != nil {
			return err
		}
	}
	if n := len(d.networks); n > 0 {
		nw := tr(d.Lang, "sheet.networks")
		if err := add(barsWithLine(tr(d.Lang, "chart.networks"), nw, n, svcMunicipalitiesCol, "0")); err != nil {
			return err
		}
	}
	return nil
}

// membersChart is a line of the members at each date of the development,
// with the target as a dashed line when the plan has one. Spreadsheet
// programs draw dates on a month axis, so its labels name the month.
func membersChart(d *reportData, n int) *excelize.Chart {
	sheet := tr(d.Lang, "sheet.development")
	dates := absRange(sheet, 1, 2, n+1)
	series := []excelize.ChartSeries{{
		Name: absRange(sheet, 2, 1, 1), Categories: dates, Values: absRange(sheet, 2, 2, n+1),
		Line: excelize.LineOptions{Width: 2.25}, Marker: excelize.ChartMarker{Symbol: "circle", Size: 5},
	}}
	if col := d.dev.devTargetColumn(); col > 0 {
		series = append(series, excelize.ChartSeries{
			Name: absRange(sheet, col, 1, 1), Categories: dates, Values: absRange(sheet, col, 2, n+1),
			Line: excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash}, Marker: excelize.ChartMarker{Symbol: "none"},
		})
	}
	return &excelize.Chart{
		Type:       excelize.Line,
		Series:     series,
		Title:      chartTitle(tr(d.Lang, "chart.members")),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		VaryColors: new(false),
		XAxis:      axis("yyyy-mm"),
		YAxis:      axis(""),
	}
}

// barsWithLine is a column per row of a services or networks sheet (the
// values in column col) and the sheet's reference line as a dashed line.
func barsWithLine(title, sheet string, n, col int, numFmt string) (*excelize.Chart, *excelize.Chart) {
	names := absRange(sheet, svcNameCol, 2, n+1)
	bars := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: absRange(sheet, col, 1, 1), Categories: names, Values: absRange(sheet, col, 2, n+1),
		}},
		Title:      chartTitle(title),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		VaryColors: new(false),
		XAxis:      axis(""),
		YAxis:      axis(numFmt),
	}
	line := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name: absRange(sheet, svcLineCol, 1, 1), Categories: names, Values: absRange(sheet, svcLineCol, 2, n+1),
			Line: excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash}, Marker: excelize.ChartMarker{Symbol: "none"},
		}},
		VaryColors: new(false),
		YAxis:      axis(numFmt), // the combined chart shares the axis: the same format
	}
	return bars, line
}

// axis has dark labels in numFmt ("": General) and grid lines across.
func axis(numFmt string) excelize.ChartAxis {
	return excelize.ChartAxis{
		MajorGridLines: true,
		NumFmt:         excelize.ChartNumFmt{CustomNumFmt: numFmt},
		Font:           excelize.Font{Color: "404040", Size: 9},
	}
}

func chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: 12}}}}
}
