package export

import (
	"context"
	"time"

	"malbild/analytics"
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
// 31 December when AsOf lies after the year.
func developmentOf(ctx context.Context, s *analytics.Store, o ReportOptions) (development, error) {
	from := time.Date(o.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(o.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	if o.AsOf.Before(to) {
		to = o.AsOf
	}
	dev := development{metrics: analytics.MetricCatalog()}
	points := make([][]analytics.Point, len(dev.metrics))
	fns := make([]func() error, len(dev.metrics))
	for i, m := range dev.metrics {
		fns[i] = func() (err error) { points[i], err = s.Series(ctx, m.Key, nil, from, to); return err }
	}
	if err := parallel(fns...); err != nil {
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

// devTargetColumn is the development sheet's column of the target line, 0
// when there is none; the members are in column 2, the dates in column 1.
func (dev *development) devTargetColumn() int {
	if dev.target == nil {
		return 0
	}
	return 3
}

// developmentSheet writes the development table: a row per date, a column
// per metric (the members' target line beside the members).
func (b *book) developmentSheet(d *reportData) error {
	dev := &d.dev
	// Narrow columns with wrapped headers keep the sixteen columns on a page.
	const width = 12
	cols := []column{{header: tr(d.Lang, "date"), style: b.st.date, width: width}}
	type source struct {
		metric int // index into dev.metrics, or -1
		target bool
		top    bool
	}
	var sources []source
	for i, m := range dev.metrics {
		cols = append(cols, column{header: metricLabel(d.Lang, m.Key), style: b.st.metricStyle(m.Key), width: width})
		sources = append(sources, source{metric: i})
		switch {
		case m.Key == "members" && dev.target != nil:
			cols = append(cols, column{header: tr(d.Lang, "target"), style: b.st.integer, width: width})
			sources = append(sources, source{metric: -1, target: true})
		case m.Key == "top_service_share":
			cols = append(cols, column{header: tr(d.Lang, "top.service"), width: 2 * width})
			sources = append(sources, source{metric: -1, top: true})
		}
	}
	return b.writeTable(table{
		sheet:   tr(d.Lang, "sheet.development"),
		columns: cols,
		rows:    len(dev.dates),
		row: func(i int, dst []any) []any {
			dst = append(dst, dev.dates[i])
			for _, src := range sources {
				switch {
				case src.target:
					dst = append(dst, dev.target)
				case src.top:
					dst = append(dst, dev.top[i])
				default:
					dst = append(dst, dev.values[src.metric][i])
				}
			}
			return dst
		},
		freezeCols: 1,
	})
}
