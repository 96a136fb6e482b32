package export

import (
	"context"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// development is every metric at the month ends of the report's year up to
// its day, and on the day itself.
type development struct {
	metrics []analytics.MetricInfo
	dates   []time.Time
	values  [][]*float64 // by metric, then by date
	top     []string     // the service top_service_share is about, by date
	target  *float64     // the members target of the year's plan, if any
}

// developmentOf reads the series of every metric with its default
// parameters over the month ends from 1 January of the year to AsOf, or to
// 31 December when AsOf lies after the year, o.sideBySide() series at once:
// they are the report's costliest queries.
func developmentOf(ctx context.Context, s *analytics.Store, o ReportOptions) (development, error) {
	from := time.Date(o.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(o.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	if o.AsOf.Before(to) {
		to = o.AsOf
	}
	dev := development{metrics: analytics.KeyFigures()}
	points := make([][]analytics.Point, len(dev.metrics))
	fns := make([]func() error, len(dev.metrics))
	for i, m := range dev.metrics {
		fns[i] = func() (err error) { points[i], err = seriesOf(ctx, s, m.Key, from, to, o.LowMemory); return err }
	}
	if err := atMost(o.sideBySide(), fns...); err != nil {
		return dev, err
	}
	index := map[time.Time]int{}
	for _, p := range points[0] {
		index[p.Date] = len(dev.dates)
		dev.dates = append(dev.dates, p.Date)
	}
	dev.values = make([][]*float64, len(dev.metrics))
	dev.top = make([]string, len(dev.dates))
	for i, m := range dev.metrics {
		dev.values[i] = make([]*float64, len(dev.dates))
		for _, p := range points[i] {
			if j, ok := index[p.Date]; ok {
				dev.values[i][j] = p.Value
				if m.Key == "top_service_share" {
					dev.top[j] = p.Service
				}
			}
		}
	}
	return dev, nil
}

// seriesOf is store.Series of the metric key with its default parameters
// over [from, to]; with lowMemory, seriesMonths month ends a query: a
// metric's query holds the days it computes at once, and half a year of them
// at 20 000 members was the report's peak. The points are the same: each is
// the metric's value on its day alone.
func seriesOf(ctx context.Context, s *analytics.Store, key string, from, to time.Time, lowMemory bool) ([]analytics.Point, error) {
	if !lowMemory {
		return s.Series(ctx, key, nil, from, to)
	}
	var out []analytics.Point
	for first := from; !first.After(to); first = first.AddDate(0, seriesMonths, 0) {
		last := first.AddDate(0, seriesMonths, -1)
		if last.After(to) {
			last = to
		}
		points, err := s.Series(ctx, key, nil, first, last)
		if err != nil {
			return nil, err
		}
		out = append(out, points...)
	}
	return out, nil
}

// seriesMonths is how many month ends a query of seriesOf computes with
// lowMemory. Measured at 20 000 members (malbild export report, the whole
// process): all of them 141 MiB at its peak; two 128 MiB for 1.2 times the
// CPU time; one 125 MiB for 1.4 times.
const seriesMonths = 2

// complete adds the report's day when it lies within the year and is not a
// month end, with the key figures' values, so that the development ends where
// the summary stands; and takes the target line from the first goal of the
// plan that measures members.
func (dev *development) complete(ms analytics.MetricSet, asOf time.Time, year int, goals []analytics.GoalResult) {
	for _, g := range goals {
		if g.Metric == "members" && g.Target != nil {
			dev.target = g.Target
			break
		}
	}
	n := len(dev.dates)
	if asOf.Year() != year || n > 0 && !dev.dates[n-1].Before(asOf) {
		return
	}
	dev.dates = append(dev.dates, asOf)
	for i, m := range dev.metrics {
		v, _ := ms.Get(m.Key)
		dev.values[i] = append(dev.values[i], v.Value)
		if m.Key == "top_service_share" {
			dev.top = append(dev.top, v.Service)
		}
	}
}

// Rows of the development sheet that the members chart draws: the dates
// are the header (row 1), the members the first row, the target the second.
const (
	devMembersRow = 2
	devTargetRow  = 3
)

// hasTarget says whether the development has the members' target line.
func (dev *development) hasTarget() bool { return dev.target != nil }

// developmentSheet writes the development table: a row per metric (the
// members' target line below the members, the top service below its
// share), a column per date, so that a year of month ends fits a page.
func (b *book) developmentSheet(d *reportData) error {
	dev := &d.dev
	// The year is the report's: a column says its day and month, "31 jan".
	const width = 10
	cols := []column{{header: locale.Text(d.Lang, "metric"), width: 26, style: b.st.wrap}}
	for _, day := range dev.dates {
		cols = append(cols, column{header: dayMonth(d.Lang, day), width: width})
	}
	type source struct {
		label  string
		style  int
		values func(i int) any
	}
	var sources []source
	for m, info := range dev.metrics {
		style := b.st.metricStyle(info.Key)
		if info.Money { // whole kronor: a development, not an account
			style = b.st.integer
		}
		sources = append(sources, source{metricLabel(d.Lang, info.Key), style, func(i int) any { return dev.values[m][i] }})
		switch {
		case info.Key == "members" && dev.hasTarget():
			sources = append(sources, source{locale.Text(d.Lang, "target"), b.st.integer, func(int) any { return dev.target }})
		case info.Key == "top_service_share":
			sources = append(sources, source{locale.Text(d.Lang, "top.service"), b.st.wrap, func(i int) any { return dev.top[i] }})
		}
	}
	return b.writeTable(table{
		sheet:   locale.Text(d.Lang, "export.sheet.development"),
		columns: cols,
		rows:    len(sources),
		row: func(r int, dst []any) []any {
			src := sources[r]
			dst = append(dst, src.label)
			for i := range dev.dates {
				dst = append(dst, excelize.Cell{StyleID: b.top(src.style), Value: src.values(i)})
			}
			return dst
		},
		rowHeight:  func(r int) float64 { return wrappedHeight(sources[r].label, 26) },
		freezeCols: 1,
	})
}

// dayMonth is a day of the year as a column header: "31 jan", "31 Jan".
func dayMonth(lang string, t time.Time) string {
	month := locale.Text(lang, "months")[(int(t.Month())-1)*4:][:3]
	return fmt.Sprintf("%d %s", t.Day(), month)
}
