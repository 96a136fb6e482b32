package export

import (
	"context"
	"sync"
	"time"

	"malbild/analytics"
)

// reportData is everything a report shows, read from the store before the
// first sheet is written.
type reportData struct {
	ReportOptions
	yearAgo  time.Time // the same day a year before AsOf
	madeAt   time.Time // when the report is made, by the store's clock
	metrics  analytics.MetricSet
	lastYear analytics.MetricSet        // on yearAgo; nil before 1900
	changes  []memberChange             // joined or left from 1 January to AsOf
	history  [][]analytics.HistoryEntry // by goal, as goals
	bars     []barData                  // the bar charts of the services and networks
	goals    []analytics.GoalResult
	members  []memberLine                    // active on AsOf, by name
	fees     map[int64]float64               // the annual fee of Year by membership row; nil: no schedule
	services []serviceLine                   // kind service
	networks []serviceLine                   // kind network
	columns  []analytics.ServiceParticipants // the matrix's: those that run or have participants
	active   map[int64][]int64               // member id → services and networks it takes part in on AsOf
	dev      development
	benefits analytics.BenefitsReport // the benefit register on AsOf
	budget   *analytics.BudgetReport  // the year's budget follow-up on AsOf; nil: the year has no budget
}

// memberLine is a member active on AsOf with the services and networks it
// takes part in that day.
type memberLine struct {
	analytics.Member
	services, networks int
}

// serviceLine is a service or network on AsOf with its participants a year
// earlier.
type serviceLine struct {
	analytics.ServiceParticipants
	before int
}

// gather reads the report's data, one read after the other: side by side
// they were a third faster at 20 000 members but took DuckDB ~100 MB more.
// The key figures and the development's series, a query per metric, run
// two side by side, or one at a time with LowMemory. The metric values are
// shared (analytics.WithDayValues): the development, read first, holds the
// key figures on the day and the month ends the goals' forecasts read, so
// those are not computed again.
func gather(ctx context.Context, s *analytics.Store, o ReportOptions) (*reportData, error) {
	ctx = analytics.WithDayValues(ctx, false)
	d := &reportData{ReportOptions: o, yearAgo: yearBefore(o.AsOf), madeAt: s.Now()}
	var now, before []analytics.ServiceParticipants
	var all []analytics.Member
	err := sequential(
		func() (err error) { d.dev, err = developmentOf(ctx, s, o); return err },
		func() (err error) { d.metrics, err = keyFigures(ctx, s, o.AsOf, o.sideBySide()); return err },
		func() (err error) { d.goals, err = s.EvaluateGoals(ctx, o.Year, o.AsOf); return err },
		func() (err error) { all, err = s.AllMembers(ctx); return err },
		func() (err error) { d.fees, err = annualFees(ctx, s, o.Year); return err },
		func() (err error) { now, err = s.ServiceParticipation(ctx, o.AsOf); return err },
		func() (err error) { before, err = participationBefore(ctx, s, d.yearAgo); return err },
		func() (err error) { d.active, err = activeParticipations(ctx, s, o.AsOf); return err },
		func() (err error) { d.benefits, err = s.Benefits(ctx, o.AsOf); return err },
		func() (err error) { d.budget, err = budgetOf(ctx, s, o.Year, o.AsOf); return err },
		func() (err error) {
			if d.yearAgo.Year() >= 1900 {
				d.lastYear, err = keyFigures(ctx, s, d.yearAgo, o.sideBySide())
			}
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	if d.history, err = goalHistories(ctx, s, d.goals); err != nil {
		return nil, err
	}
	d.changes = memberChanges(all, o.Year, o.AsOf)
	d.splitServices(now, before)
	d.bars = barCharts(d)
	d.activeMembers(all, now)
	d.dev.complete(d.metrics, o.AsOf, o.Year, d.goals)
	return d, nil
}

// splitServices lists the services and networks that run on AsOf or had
// participants on either day; the matrix has a column for each that runs or
// has participants.
func (d *reportData) splitServices(now, before []analytics.ServiceParticipants) {
	earlier := map[int64]int{}
	for _, p := range before {
		earlier[p.ServiceID] = p.Participants
	}
	for _, p := range now {
		line := serviceLine{p, earlier[p.ServiceID]}
		if !p.Running && p.Participants == 0 && line.before == 0 {
			continue
		}
		if p.Kind == analytics.KindNetwork {
			d.networks = append(d.networks, line)
		} else {
			d.services = append(d.services, line)
		}
		if p.Running || p.Participants > 0 {
			d.columns = append(d.columns, p)
		}
	}
}

// activeMembers keeps the members active on AsOf and counts the services
// and networks each takes part in that day. (store.ListMembers says the same
// but joins in a way that takes seconds at 20 000 members.)
func (d *reportData) activeMembers(all []analytics.Member, services []analytics.ServiceParticipants) {
	kind := make(map[int64]string, len(services))
	for _, s := range services {
		kind[s.ServiceID] = s.Kind
	}
	for _, m := range all {
		if m.JoinedOn.After(d.AsOf) || !m.LeftOn.IsZero() && m.LeftOn.Before(d.AsOf) {
			continue
		}
		line := memberLine{Member: m}
		for _, id := range d.active[m.ID] {
			if kind[id] == analytics.KindNetwork {
				line.networks++
			} else {
				line.services++
			}
		}
		d.members = append(d.members, line)
	}
}

// keyFigures is store.Metrics on day with at most width of its queries side
// by side: Metrics runs them all at once, each with its own hash tables.
func keyFigures(ctx context.Context, s *analytics.Store, day time.Time, width int) (analytics.MetricSet, error) {
	metrics := analytics.KeyFigures()
	sets := make([]analytics.MetricSet, len(metrics))
	fns := make([]func() error, len(metrics))
	for i, m := range metrics {
		fns[i] = func() (err error) { sets[i], err = s.MetricsOf(ctx, day, m.Key); return err }
	}
	if err := atMost(width, fns...); err != nil {
		return nil, err
	}
	var out analytics.MetricSet
	for _, set := range sets {
		out = append(out, set...)
	}
	return out, nil
}

// annualFees maps each membership row to its annual fee of year; a year
// without a fee schedule gives nil.
func annualFees(ctx context.Context, s *analytics.Store, year int) (map[int64]float64, error) {
	fees, err := s.Fees(ctx, year)
	if analytics.ErrorCode(err) == analytics.ENotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := make(map[int64]float64, len(fees))
	for _, f := range fees {
		out[f.MemberID] = roundToOre(f.AnnualFee)
	}
	return out, nil
}

// participationBefore is ServiceParticipation on day, nothing before 1900.
func participationBefore(ctx context.Context, s *analytics.Store, day time.Time) ([]analytics.ServiceParticipants, error) {
	if day.Year() < 1900 {
		return nil, nil
	}
	return s.ServiceParticipation(ctx, day)
}

// activeParticipations maps each member active on day to the services and
// networks it takes part in that day, by DESIGN's definition of active.
func activeParticipations(ctx context.Context, s *analytics.Store, day time.Time) (map[int64][]int64, error) {
	cells, err := s.MemberServiceMatrix(ctx, day)
	if err != nil {
		return nil, err
	}
	out := map[int64][]int64{}
	for _, c := range cells {
		out[c.MemberID] = append(out[c.MemberID], c.ServiceID)
	}
	return out, nil
}

// yearBefore is the same day a year earlier; 29 February gives 28 February.
func yearBefore(t time.Time) time.Time {
	d := time.Date(t.Year()-1, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if d.Month() != t.Month() {
		d = d.AddDate(0, 0, -d.Day())
	}
	return d
}

// sideBySide is how many of the report's queries of one kind (a metric
// each) run at once: two keep two cores busy; more took DuckDB more memory
// for no more speed.
func (o ReportOptions) sideBySide() int {
	if o.LowMemory {
		return 1
	}
	return 2
}

// parallel runs fns side by side and returns the first error in their order.
func parallel(fns ...func() error) error { return atMost(len(fns), fns...) }

// atMost runs fns, at most n of them side by side, and returns the first
// error in their order.
func atMost(n int, fns ...func() error) error {
	errs := make([]error, len(fns))
	slots := make(chan struct{}, max(n, 1))
	var wg sync.WaitGroup
	for i, fn := range fns {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			errs[i] = fn()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sequential runs fns in their order and returns the first error.
func sequential(fns ...func() error) error {
	for _, fn := range fns {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}
