package demo

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"malbild/analytics"
)

// Event names: conferences the association hosts, and those of others where
// it takes part (role participant).
var (
	hostedEvents = []string{
		"Sambruks vårkonferens", "Sambruks höstkonferens", "Medlemsdag",
		"Nätverksträff för tjänsteägare", webinar,
		"Inspirationsdag om digitalisering", "Förvaltningsrådens dag",
	}
	visitedEvents = []string{
		"Digitaliseringsdagarna", "Kommunaldagarna", "Almedalsveckan",
		"Offentliga rummet", "Biblioteksdagarna", "Skolforum",
	}
)

const webinar = "Webbinarium om samverkanstjänster"

const (
	formatDigital  = "digital"
	formatPhysical = "physical"
	formatHybrid   = "hybrid"
	roleHost       = "host"
	roleVisitor    = "participant"
)

// events makes three to eight events a year, from five years after the
// founding (the association's first conferences, 2010 in the default demo)
// up to today, and the attendance of members active on each event's day.
func (g *gen) events(members []analytics.Member) ([]analytics.Event, []analytics.Attendance) {
	var events []analytics.Event
	for y := min(g.startYear+5, g.today.Year()); y <= g.today.Year(); y++ {
		events = append(events, g.yearEvents(y)...)
	}
	slices.SortStableFunc(events, func(a, b analytics.Event) int {
		return cmp.Or(a.HeldOn.Compare(b.HeldOn), cmp.Compare(a.Name, b.Name))
	})
	var att []analytics.Attendance
	buf := make([]int, 0, len(members))
	for i := range events {
		events[i].ID = int64(i + 1)
		att = g.attend(att, events[i], members, buf[:0])
	}
	return events, att
}

// yearEvents are year y's events up to today: the annual meeting in spring
// and others drawn without repetition. From 2020 on at least one each year
// is digital or hybrid (the pandemic changed the habit for good).
func (g *gen) yearEvents(y int) []analytics.Event {
	var evs []analytics.Event
	keep := func(e analytics.Event) {
		if !e.HeldOn.After(g.today) {
			evs = append(evs, e)
		}
	}
	keep(analytics.Event{Name: fmt.Sprintf("Årsmöte %d", y), Role: roleHost, Format: g.format(y),
		HeldOn: g.between(date(y, time.April, 15), date(y, time.May, 31))})
	pool := make([]int, len(hostedEvents)+len(visitedEvents))
	for i := range pool {
		pool[i] = i
	}
	g.rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	for _, p := range pool[:2+g.rng.IntN(6)] {
		e := analytics.Event{Role: roleHost, Format: g.format(y),
			HeldOn: g.between(date(y, time.January, 10), date(y, time.December, 15))}
		if p < len(hostedEvents) {
			e.Name = hostedEvents[p]
		} else {
			e.Name, e.Role = visitedEvents[p-len(hostedEvents)], roleVisitor
		}
		if e.Name == webinar {
			e.Format = formatDigital // a webinar is digital by definition
		}
		e.Name = fmt.Sprintf("%s %d", e.Name, y)
		keep(e)
	}
	if y < 2020 || slices.ContainsFunc(evs, func(e analytics.Event) bool { return e.Format != formatPhysical }) {
		return evs
	}
	if len(evs) > 0 {
		evs[g.rng.IntN(len(evs))].Format = formatDigital
		return evs
	}
	return append(evs, analytics.Event{Name: fmt.Sprintf("%s %d", webinar, y),
		Role: roleHost, Format: formatDigital, HeldOn: g.between(date(y, time.January, 1), g.today)})
}

// format follows the times: physical meetings, a little digital before
// 2020, nearly all digital in 2020–2021, a mix after.
func (g *gen) format(y int) string {
	r := g.rng.IntN(100)
	switch {
	case y < 2015:
		return pick(r < 85, formatPhysical, formatDigital)
	case y < 2020:
		return pick(r < 70, formatPhysical, pick(r < 90, formatDigital, formatHybrid))
	case y < 2022:
		return pick(r < 80, formatDigital, pick(r < 90, formatHybrid, formatPhysical))
	default:
		return pick(r < 40, formatPhysical, pick(r < 70, formatDigital, formatHybrid))
	}
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// attend draws the members of e: more for the association's own events,
// among the members active on its day; mostly one to three people each.
func (g *gen) attend(att []analytics.Attendance, e analytics.Event, members []analytics.Member, act []int) []analytics.Attendance {
	for i, m := range members {
		if active(m.JoinedOn, m.LeftOn, e.HeldOn) {
			act = append(act, i)
		}
	}
	n := 3 + g.rng.IntN(10)
	if e.Role == roleHost {
		n = 10 + g.rng.IntN(31)
	}
	n = min(n, len(act))
	for j := 0; j < n; j++ {
		r := j + g.rng.IntN(len(act)-j)
		act[j], act[r] = act[r], act[j]
	}
	slices.Sort(act[:n])
	for _, i := range act[:n] {
		people := 1 + g.rng.IntN(3)
		if g.rng.IntN(100) < 15 {
			people = 4 + g.rng.IntN(9)
		}
		att = append(att, analytics.Attendance{EventID: e.ID, MemberID: members[i].ID, Attendees: people})
	}
	return att
}
