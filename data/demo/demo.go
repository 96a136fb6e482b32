// Package demo generates Målbild's demo registry: a believable association of
// Swedish municipalities with members, services, networks, events, goals and
// fee schedules, for the dashboard's demo mode and for benchmarks.
//
// Generation is a pure function of its Options: the same options give the
// same Dataset, bit for bit. Randomness comes only from a PCG generator seeded
// with Options.Seed, and "today" is an option, never the clock, so that tests
// and screenshots are stable.
package demo

import (
	"math/rand/v2"
	"time"

	"malbild/analytics"
)

// Defaults of the demo (DESIGN "The data").
const (
	// DefaultMembers is the number of member organisations of the default
	// demo: 145 municipalities, three regions, two kommunalförbund and SKR.
	DefaultMembers = 151
	// DefaultStartYear is the year the association was founded (Sambruk 2005).
	DefaultStartYear = 2005
)

// DefaultToday is the "today" of the default demo.
var DefaultToday = date(2026, time.November, 22)

// pcgStream is the second PCG word; a constant so that only Seed varies.
const pcgStream = 0x6d616c62696c64 // "malbild"

// Options sizes the demo; the zero value of a field means its default.
//
// Members is the number of member organisations (default DefaultMembers).
// The first come from fixed facts: the regions, kommunalförbund and SKR (only
// when Members is at least 50), then real municipalities up to all 290; any
// beyond those are synthetic organisations, kind ovrig ("Förening 00297") or
// every fifth kommunalforbund ("Kommunalförbund 00301"), with no code, so that
// every kommun in a dataset is a real one. An organisation that left and
// rejoined has two membership rows, so len(Dataset.Members) may exceed Members
// by the few rejoins.
//
// Services is the number of services and networks (default: the eleven named
// ones); beyond those, generated ones are named "Tjänst 042" or "Nätverk 017".
// Years is how many years back from Today's year membership starts (default:
// from DefaultStartYear). Seed 0 is an ordinary seed. Today defaults to
// DefaultToday; only its calendar date counts.
type Options struct {
	Members, Services, Years int
	Seed                     int64
	Today                    time.Time
}

// gen holds the state of one generation run.
type gen struct {
	rng       *rand.Rand
	today     time.Time
	startYear int
	o         Options
}

// Generate builds the demo dataset for o. IDs are 1-based per table and the
// references between rows use them.
func Generate(o Options) analytics.Dataset {
	g := newGen(o)
	var ds analytics.Dataset
	members, meta := g.members()
	ds.Members = members
	services, specs := g.services()
	ds.Services = services
	ds.Participations = g.participations(members, meta, specs)
	ds.Events, ds.Attendance = g.events(members)
	ds.Goals = goals(g.today)
	ds.FeeBands = feeBands(2020, g.today.Year())
	ds.Benefits, ds.BenefitMeasurements = benefits(g.o, g.today, ds)
	ds.BudgetLines, ds.BudgetFollowups = budget(g.today)
	return ds
}

func newGen(o Options) *gen {
	if o.Today.IsZero() {
		o.Today = DefaultToday
	}
	y, m, d := o.Today.Date()
	o.Today = date(y, m, d)
	if o.Members <= 0 {
		o.Members = DefaultMembers
	}
	if o.Services <= 0 {
		o.Services = len(namedServices)
	}
	start := DefaultStartYear
	if o.Years > 0 {
		start = y - o.Years
	}
	if start >= y {
		// Joins need at least one full year before the current one.
		start = y - 1
	}
	return &gen{
		rng:       rand.New(rand.NewPCG(uint64(o.Seed), pcgStream)),
		today:     o.Today,
		startYear: start,
		o:         o,
	}
}
