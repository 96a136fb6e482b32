package demo

import (
	"fmt"
	"math"
	"time"

	"malbild/analytics"
)

// serviceSpec describes a service or network and how members adopt it.
type serviceSpec struct {
	name, kind, area string
	started, ended   time.Time
	kinds            []string // member kinds that take part; nil: every kind
	// share of the eligible members active on ref that take part on ref;
	// the adoption dates spread from the service's start to ref.
	share float64
	ref   time.Time // zero: today
	// skew > 1 makes adoption early, towards the start (see skewedDay).
	skew float64
	// later is the chance that an eligible member not taking part on ref
	// starts between ref and today.
	later float64
	// former is the number of participations that ended by choice before
	// ref, as a share of those active on ref.
	former float64
	// openPastEnd participations stay open after the service ended
	// (legal data, inactive by definition).
	openPastEnd int
	pilots      []pilot
}

// pilot is a documented early user (../shared/data/samverkan_belagg_per_kommun.csv).
type pilot struct {
	code string
	from time.Time
}

var (
	kommunRegion = []string{analytics.KindKommun, analytics.KindRegion}
	kommunOnly   = []string{analytics.KindKommun}
	kommunFb     = []string{analytics.KindKommun, analytics.KindKommunalforbund}
)

// namedServices are the association's services and networks (DESIGN, and
// ../shared/data for the dates). The shares are chosen so that Bibblix passes
// three quarters of all members during 2023 (goal 5 is met on its due date)
// and is well above by 2024, Egil has about 40 municipalities today, two
// networks have 20 municipalities by 2021 (goal 8 of 2021 is met, the raised
// target of 2022 is not) and networks fall on both sides of 20 today.
var namedServices = []serviceSpec{
	{name: "Bibblix", kind: analytics.KindService, area: "bibliotek", started: date(2016, time.June, 1),
		kinds: kommunRegion, share: 0.9, ref: date(2024, time.December, 31), skew: 2, later: 0.4, former: 0.03,
		pilots: []pilot{
			{"0180", date(2016, time.June, 1)}, {"1280", date(2016, time.June, 1)}, {"0483", date(2016, time.June, 1)},
			{"0181", date(2021, time.March, 1)}, {"1490", date(2022, time.January, 1)}, {"1452", date(2022, time.January, 1)},
		}},
	{name: "Egil", kind: analytics.KindService, area: "skola", started: date(2018, time.August, 1),
		kinds: kommunFb, share: 0.28, former: 0.08,
		pilots: []pilot{{"0586", date(2019, time.November, 27)}}},
	{name: "SS 12000", kind: analytics.KindService, area: "skola", started: date(2017, time.January, 1),
		kinds: kommunFb, share: 0.2, former: 0.05},
	{name: "FixaMinGata", kind: analytics.KindService, area: "samhällsbyggnad", started: date(2013, time.April, 10),
		kinds: kommunOnly, share: 0.3, former: 0.15,
		pilots: []pilot{{"1489", date(2013, time.April, 10)}, {"2101", date(2016, time.September, 1)}, {"1763", date(2015, time.January, 1)}}},
	{name: "Multifråga", kind: analytics.KindService, area: "socialtjänst", started: date(2010, time.September, 1),
		kinds: kommunOnly, share: 0.25, former: 0.15},
	{name: "Tjänstekollen", kind: analytics.KindService, area: "e-förvaltning", started: date(2011, time.March, 1),
		ended: date(2023, time.June, 30), kinds: kommunOnly, share: 0.18, ref: date(2021, time.December, 31),
		former: 0.2, openPastEnd: 3},
	{name: "Digidel", kind: analytics.KindNetwork, area: "digital inkludering", started: date(2013, time.September, 1),
		kinds: []string{analytics.KindKommun, analytics.KindRegion, analytics.KindOvrig}, share: 0.3, skew: 1.6, former: 0.1},
	{name: "e-underskrifter", kind: analytics.KindNetwork, area: "e-förvaltning", started: date(2015, time.February, 1),
		kinds: kommunRegion, share: 0.09, former: 0.1},
	{name: "Skolnätverket", kind: analytics.KindNetwork, area: "skola", started: date(2014, time.August, 15),
		kinds: kommunFb, share: 0.19, former: 0.1},
	{name: "Biblioteksnätverket", kind: analytics.KindNetwork, area: "bibliotek", started: date(2012, time.January, 1),
		kinds: kommunRegion, share: 0.25, skew: 2.5, former: 0.1},
	{name: "Informationssäkerhet", kind: analytics.KindNetwork, area: "informationssäkerhet", started: date(2017, time.March, 1),
		kinds: []string{analytics.KindKommun, analytics.KindRegion, analytics.KindKommunalforbund}, share: 0.12, former: 0.1},
}

// pilotCodes are the municipalities the named services need as members.
func pilotCodes() []string {
	var codes []string
	for _, s := range namedServices {
		for _, p := range s.pilots {
			codes = append(codes, p.code)
		}
	}
	return codes
}

var generatedAreas = []string{
	"skola", "bibliotek", "e-förvaltning", "samhällsbyggnad", "digital inkludering",
	"socialtjänst", "vård och omsorg", "informationssäkerhet", "öppna data", "kultur och fritid",
}

// services returns the services with IDs and their adoption specs, aligned.
// A service that starts after today is left out.
func (g *gen) services() ([]analytics.Service, []serviceSpec) {
	specs := make([]serviceSpec, 0, g.o.Services)
	for i := 0; i < g.o.Services; i++ {
		if i < len(namedServices) {
			specs = append(specs, namedServices[i])
		} else {
			specs = append(specs, g.generatedService(i+1))
		}
	}
	var services []analytics.Service
	var kept []serviceSpec
	for _, s := range specs {
		if s.started.After(g.today) {
			continue
		}
		kept = append(kept, s)
		services = append(services, analytics.Service{ID: int64(len(services) + 1), Name: s.name,
			Kind: s.kind, Area: s.area, StartedOn: s.started, EndedOn: s.ended})
	}
	return services, kept
}

// generatedService makes up service number ordinal for large demos. Shares
// are sized so that a member takes part in about three of them on average,
// whatever the number of services.
func (g *gen) generatedService(ordinal int) serviceSpec {
	s := serviceSpec{kind: analytics.KindService, name: fmt.Sprintf("Tjänst %03d", ordinal), former: 0.1}
	if g.rng.IntN(10) < 3 {
		s.kind, s.name = analytics.KindNetwork, fmt.Sprintf("Nätverk %03d", ordinal)
	}
	s.area = generatedAreas[g.rng.IntN(len(generatedAreas))]
	start := date(g.startYear, time.January, 1)
	s.started = g.decisionDay(start, addDays(g.today, -180))
	if g.rng.IntN(100) < 15 {
		s.ended = endOfMonth(g.between(s.started.AddDate(1, 0, 0), addDays(g.today, -1)))
		s.ended = clampDate(s.ended, s.started, addDays(g.today, -1))
		s.openPastEnd = g.rng.IntN(2)
	}
	mean := min(0.1, 3/float64(g.o.Services))
	// e^U for U uniform on [-1, 1] has mean sinh(1).
	s.share = mean * math.Exp(2*g.rng.Float64()-1) / math.Sinh(1)
	s.later = 0.05
	return s
}
