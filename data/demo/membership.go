package demo

import (
	"math"
	"time"
)

// joinAndLeave gives the rows from first on (the municipalities and synthetic
// organisations; the fixed ones have their dates) their membership periods:
// growth that is strong in the first years and slows down, a couple of
// members joining this year, a few leavers of whom some rejoin (a second row),
// and a few members that take part in nothing. It returns rows with the
// rejoin rows appended.
func (g *gen) joinAndLeave(rows []memberRow, first int) []memberRow {
	var free []int // rows with no fixed facts, in random order
	for i := first; i < len(rows); i++ {
		if !rows[i].meta.pinned {
			free = append(free, i)
		}
	}
	g.rng.Shuffle(len(free), func(i, j int) { free[i], free[j] = free[j], free[i] })

	n := len(rows)
	thisYear := min(2, len(free))
	if n >= 1000 {
		thisYear = n / 100
	}
	span := g.today.Year() - g.startYear
	for k, i := range free {
		switch {
		case k < thisYear:
			rows[i].m.JoinedOn = g.decisionDay(date(g.today.Year(), time.January, 1), g.today)
		case k == thisYear:
			// The first member joined on the founding day.
			rows[i].m.JoinedOn = date(g.startYear, time.January, 1)
		default:
			// Most joined in the first half of the span, fewer every year.
			y := g.startYear + int(float64(span)*math.Pow(g.rng.Float64(), 2.3))
			rows[i].m.JoinedOn = g.decisionDay(date(y, time.January, 1), date(y, time.December, 31))
		}
	}

	leavers := 3 + g.rng.IntN(4)
	if n >= 1000 {
		leavers = n * 3 / 100
	}
	rejoiners := max(1, leavers/5)
	idle := 4
	if n >= 1000 {
		idle = n / 50
	}
	threeYearsAgo := g.today.AddDate(-3, 0, 0)
	yearEnd := true // the first plain leaver leaves on 31 December
	for _, i := range free[min(thisYear+1, len(free)):] {
		switch {
		case leavers > 0 && !rows[i].m.JoinedOn.After(threeYearsAgo):
			if rejoiners > 0 && leavers > 1 {
				back := g.leaveAndRejoin(&rows[i])
				rows = append(rows, back)
				rejoiners--
			} else {
				rows[i].m.LeftOn = g.leaveDay(rows[i].m.JoinedOn, yearEnd)
				yearEnd = false
			}
			leavers--
		case idle > 0:
			rows[i].meta.idle = true
			idle--
		}
	}
	return rows
}

// leaveDay draws the last day of a membership that started on joined: at
// least a year later and before today, mostly 31 December (memberships are
// cancelled for the end of a year), otherwise the end of a month.
func (g *gen) leaveDay(joined time.Time, yearEnd bool) time.Time {
	yesterday := addDays(g.today, -1)
	firstYear, lastYear := joined.Year()+1, g.today.Year()-1
	if (yearEnd || g.rng.IntN(10) < 6) && firstYear <= lastYear {
		return date(firstYear+g.rng.IntN(lastYear-firstYear+1), time.December, 31)
	}
	d := endOfMonth(g.between(joined.AddDate(1, 0, 0), yesterday))
	return clampDate(d, joined, yesterday)
}

// leaveAndRejoin ends r's membership and returns its second membership row:
// same organisation, a new period starting a year or more after the first
// one ended (a rejoining member pays half the contribution, DESIGN).
func (g *gen) leaveAndRejoin(r *memberRow) memberRow {
	latest := g.today.AddDate(-2, 0, 0)
	r.m.LeftOn = endOfMonth(g.between(r.m.JoinedOn.AddDate(1, 0, 0), latest))
	if r.m.LeftOn.After(latest) {
		r.m.LeftOn = latest
	}
	back := *r
	back.m.LeftOn = time.Time{}
	lo := date(r.m.LeftOn.Year()+1, r.m.LeftOn.Month(), 1)
	back.m.JoinedOn = g.decisionDay(lo, addDays(g.today, -30))
	if !back.m.JoinedOn.After(r.m.LeftOn) {
		back.m.JoinedOn = addDays(r.m.LeftOn, 1)
	}
	back.m.ContactName, back.m.ContactEmail = g.contact(mailDomain(back.m.Name, back.m.Kind))
	return back
}
