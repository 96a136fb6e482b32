package analytics

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"malbild/analytics/store"
)

// A page that evaluates goals asks for the same metric on many days: the
// scorecard on the as-of day and on the day it compares with, each goal's
// value, pace start (1 January) and forecast (the month ends before the day),
// its chart (the month ends of its year) and the history's year ends. Asked
// one by one that is a query of a few milliseconds per goal, day and
// consumer. Instead the page runs inside WithDayValues: Scorecard and
// PlanHistory first compute, per metric and parameters, every day they will
// need in one query (the as_of_days macro of migration 010), and metricOn and
// metricPoints then read those values. The values are the metric's own query
// on each day, so every number is the one a query for that day alone gives.

// dayValues holds what a page has computed: the metric values, by metric
// and parameters, then by day, and the reads shared (requestreads.go), in a
// DayCache (the request's own, or one kept across requests).
type dayValues struct {
	charts  bool     // the goals page: compute the days of its charts and history too
	figures []string // metrics (default parameters) the page shows on the as-of day
	cache   *DayCache
}

// DayCache keeps metric values on days, and reads that depend on nothing but
// the data (keptRead), for one state of the data. A metric's value on a day
// depends on nothing but the data (never on today), so pages viewed on other
// as-of days can reuse the values of the days they share: 1 January, the
// month ends, the year ends, the day compared with. The dashboard keeps one
// per state of the data and makes a new one at every write, as it drops its
// cached pages (WithDayCache).
type DayCache struct {
	mu     sync.Mutex
	values map[string]map[time.Time]Point
	points int
	// pending are the days a query is computing, by metric and parameters:
	// a request that needs one of them waits for that query (claim).
	pending map[string]map[time.Time]chan struct{}
	reads   map[string]*sharedRead // keptRead (requestreads.go)
}

// maxCachedPoints bounds a DayCache's memory (about 100 bytes a value):
// past it the cache starts over.
const maxCachedPoints = 200_000

// NewDayCache returns an empty DayCache.
func NewDayCache() *DayCache {
	return &DayCache{values: map[string]map[time.Time]Point{}, pending: map[string]map[time.Time]chan struct{}{},
		reads: map[string]*sharedRead{}}
}

type dayValuesKey struct{}
type dayCacheKey struct{}

// WithDayCache returns a context in which WithDayValues keeps its metric
// values in c, shared with every other request given c. The caller vouches
// that the data do not change while c is in use: it replaces c at every
// write.
func WithDayCache(ctx context.Context, c *DayCache) context.Context {
	return context.WithValue(ctx, dayCacheKey{}, c)
}

// WithDayValues returns a context in which the metric values computed for
// the goals (Scorecard, EvaluateGoals, PlanHistory, GoalChartOf) are kept and
// reused until the context ends (or in ctx's DayCache, WithDayCache); with
// charts (the goals page), Scorecard computes the days of the goals' charts
// (GoalChartOf) and of the plan's history (PlanHistory, to be called after
// it) too. figures are metrics the page shows on the as-of day with their
// default parameters (MetricsOf): Scorecard computes them with its own. Use
// it for one request: the values are those of the data when they were
// computed.
func WithDayValues(ctx context.Context, charts bool, figures ...string) context.Context {
	if dayValuesOf(ctx) != nil {
		return ctx
	}
	cache, _ := ctx.Value(dayCacheKey{}).(*DayCache)
	if cache == nil {
		cache = NewDayCache()
	}
	return context.WithValue(ctx, dayValuesKey{}, &dayValues{charts: charts, figures: figures, cache: cache})
}

func dayValuesOf(ctx context.Context) *dayValues {
	dv, _ := ctx.Value(dayValuesKey{}).(*dayValues)
	return dv
}

// metricArgsKey names a metric with its bound parameters.
func metricArgsKey(m MetricInfo, args map[string]any) string {
	return m.Key + " " + fmt.Sprint(args) // fmt prints a map sorted by key
}

// lookup gives the values on days if every one is known, each a copy: the
// values may be shared by requests side by side.
func (dv *dayValues) lookup(key string, days []time.Time) ([]Point, bool) {
	if dv == nil {
		return nil, false
	}
	c := dv.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	known := c.values[key]
	out := make([]Point, 0, len(days))
	for _, d := range days {
		p, ok := known[day(d)]
		if !ok {
			return nil, false
		}
		if p.Value != nil {
			v := *p.Value
			p.Value = &v
		}
		out = append(out, p)
	}
	return out, true
}

// store keeps the values of a query that succeeded.
func (dv *dayValues) store(key string, points []Point) {
	if dv == nil {
		return
	}
	c := dv.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep(key, points)
}

// claim sorts the days of key that are not kept yet: those no query is
// computing are the caller's to compute (mine, until it settles them), for
// the others it gets the channels that close when their query is done.
func (c *DayCache) claim(key string, days map[time.Time]bool) (mine []time.Time, busy []chan struct{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var done chan struct{}
	for d := range days {
		d = day(d)
		if _, ok := c.values[key][d]; ok {
			continue
		}
		if ch, ok := c.pending[key][d]; ok {
			busy = append(busy, ch)
			continue
		}
		if done == nil {
			done = make(chan struct{})
		}
		if c.pending[key] == nil {
			c.pending[key] = map[time.Time]chan struct{}{}
		}
		c.pending[key][d] = done
		mine = append(mine, d)
	}
	return mine, busy
}

// settle ends a claim: it keeps the values when the query succeeded and
// wakes whoever waits for the days (who computes them itself if they are
// not kept).
func (c *DayCache) settle(key string, days []time.Time, points []Point, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err == nil {
		c.keep(key, points)
	}
	done := c.pending[key][days[0]]
	for _, d := range days {
		delete(c.pending[key], d)
	}
	close(done)
}

// keep adds values; c.mu is held.
func (c *DayCache) keep(key string, points []Point) {
	if c.points+len(points) > maxCachedPoints {
		c.values, c.points = map[string]map[time.Time]Point{}, 0
	}
	if c.values[key] == nil {
		c.values[key] = map[time.Time]Point{}
	}
	for _, p := range points {
		if p.Value != nil {
			v := *p.Value
			p.Value = &v
		}
		c.values[key][day(p.Date)] = p
		c.points++
	}
}

// monthEndDays are the days the month_ends(from, to) macro of migration 009
// gives: the last day of every month from from's month on whose first day is
// not after to, each clamped to to. It only tells which days a range means,
// to find them among the values already computed; TestMonthEndDaysMatchTheMacro
// holds it to the macro.
func monthEndDays(from, to time.Time) []time.Time {
	var out []time.Time
	for ms := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !ms.After(to); ms = ms.AddDate(0, 1, 0) {
		end := ms.AddDate(0, 1, -1)
		if end.After(to) {
			end = to
		}
		if len(out) == 0 || !out[len(out)-1].Equal(end) {
			out = append(out, end)
		}
	}
	return out
}

// metricDays runs a metric's query for the month ends of [from, to] (none
// when from's month is after to) and the extra days, in one query.
func (s *Store) metricDays(ctx context.Context, m MetricInfo, args map[string]any, from, to time.Time, extra []time.Time) ([]Point, error) {
	days := make([]string, len(extra))
	for i, d := range extra {
		days[i] = sqlDate(d)
	}
	bound := map[string]any{
		"from":                  sqlDate(from),
		"to":                    sqlDate(to),
		"days":                  strings.Join(days, ","),
		"sweden_population":     SwedenPopulation,
		"sweden_municipalities": SwedenMunicipalities,
	}
	for k, v := range args {
		bound[k] = v
	}
	var points []Point
	err := s.eachRow(ctx, m.Key, bound, func(rows *store.Rows) error {
		for rows.Next() {
			var p Point
			var service *string
			if err := rows.Scan(&p.Date, &p.Value, &service); err != nil {
				return err
			}
			if service != nil {
				p.Service = *service
			}
			points = append(points, p)
		}
		return nil
	})
	return points, err
}

// metricNeed is a metric with parameters and the days a page needs of it.
type metricNeed struct {
	m    MetricInfo
	args map[string]any
	days map[time.Time]bool
}

// metricNeeds gathers what goals evaluated on some days will ask of their
// metrics, by metric and parameters.
type metricNeeds map[string]*metricNeed

// addGoal adds the days that evaluating g on asOf (evaluateGoal: the value,
// the pace start and the forecast) and, with chart, drawing its chart
// (GoalChartOf) will ask for. A goal that cannot be evaluated adds nothing:
// evaluating it reports why.
func (n metricNeeds) addGoal(g Goal, asOf time.Time, chart bool) {
	if g.Metric == MetricManual {
		return
	}
	m, err := lookupMetric(g.Metric)
	if err != nil {
		return
	}
	params, err := ParseParams(g.Params)
	if err != nil {
		return
	}
	args, err := m.bindParams(params)
	if err != nil {
		return
	}
	y1 := time.Date(g.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	if asOf.Before(y1) {
		return
	}
	add := func(days ...time.Time) { n.add(m, args, days...) }
	valueDate := asOf
	if g.DueOn.Before(asOf) {
		valueDate = g.DueOn
	}
	add(valueDate)
	if asOf.Before(g.DueOn) || chart {
		add(y1) // the pace start (judge asks only before the due date), the chart's first point
	}
	if asOf.Before(g.DueOn) {
		if m.YearRelative {
			add(time.Date(asOf.Year(), time.January, 1, 0, 0, 0, 0, time.UTC), asOf)
		} else {
			add(monthEndDays(time.Date(asOf.Year(), asOf.Month()-forecastMonths, 1, 0, 0, 0, 0, time.UTC), asOf)...)
		}
	}
	if chart && !lastMonthEnd(valueDate).Before(y1) {
		add(monthEndDays(y1, lastMonthEnd(valueDate))...)
	}
}

// add adds days of a metric with parameters.
func (n metricNeeds) add(m MetricInfo, args map[string]any, days ...time.Time) {
	key := metricArgsKey(m, args)
	need := n[key]
	if need == nil {
		need = &metricNeed{m: m, args: args, days: map[time.Time]bool{}}
		n[key] = need
	}
	for _, d := range days {
		need.days[day(d)] = true
	}
}

// addFigures adds the days on asOf of metrics with their default
// parameters. An unknown key adds nothing: computing it reports why.
func (n metricNeeds) addFigures(keys []string, asOf time.Time) {
	for _, k := range keys {
		m, err := lookupMetric(k)
		if err != nil {
			continue
		}
		args, err := m.bindParams(nil)
		if err != nil {
			continue
		}
		n.add(m, args, asOf)
	}
}

// compute runs one query per metric and parameters for the days needed that
// ctx's values do not hold yet, side by side, and keeps the values. Days that
// another request is computing at the same moment (as the pages rendered
// after a write are) it waits for instead. Without WithDayValues it does
// nothing.
func (s *Store) compute(ctx context.Context, n metricNeeds) error {
	dv := dayValuesOf(ctx)
	if dv == nil || len(n) == 0 {
		return nil
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	errs := make([]error, len(keys))
	var busy []chan struct{}
	var wg sync.WaitGroup
	for i, key := range keys {
		need := n[key]
		days, others := dv.cache.claim(key, need.days)
		busy = append(busy, others...)
		if len(days) == 0 {
			continue
		}
		slices.SortFunc(days, time.Time.Compare)
		wg.Go(func() {
			points, err := s.metricOnDays(ctx, need.m, need.args, days)
			errs[i] = err
			dv.cache.settle(key, days, points, err)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if len(busy) == 0 {
		return nil
	}
	for _, done := range busy {
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	// What the others computed is kept now; what they failed to, this
	// request computes.
	return s.compute(ctx, n)
}

// metricOnDays runs a metric's query for exactly the days given.
func (s *Store) metricOnDays(ctx context.Context, m MetricInfo, args map[string]any, days []time.Time) ([]Point, error) {
	// An empty range (from in the month after to): only the days.
	to := days[0]
	from := time.Date(to.Year(), to.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	points, err := s.metricDays(ctx, m, args, from, to, days)
	if err == nil && len(points) != len(days) {
		err = fmt.Errorf("metric %s gave %d values for %d days", m.Key, len(points), len(days))
	}
	return points, err
}

// metricValues gives a metric's values on days (distinct, in order): inside
// WithDayValues those ctx's values hold are read and the others computed in
// one query and kept; without it, one query for them all.
func (s *Store) metricValues(ctx context.Context, m MetricInfo, args map[string]any, days []time.Time) ([]Point, error) {
	dv := dayValuesOf(ctx)
	if dv == nil {
		return s.metricOnDays(ctx, m, args, days)
	}
	key := metricArgsKey(m, args)
	if points, ok := dv.lookup(key, days); ok {
		return points, nil
	}
	need := metricNeeds{}
	need.add(m, args, days...)
	if err := s.compute(ctx, need); err != nil {
		return nil, err
	}
	points, ok := dv.lookup(key, days)
	if !ok {
		return nil, fmt.Errorf("metric %s: values computed for %d days are not all kept", m.Key, len(days))
	}
	return points, nil
}
