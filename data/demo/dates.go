package demo

import (
	"math"
	"time"
)

// date is a calendar date as the registry stores it: midnight UTC.
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// days is the whole number of days from a to b (negative when b is earlier).
// Dates are UTC midnights, so every day is exactly 24 hours.
func days(a, b time.Time) int { return int(b.Sub(a) / (24 * time.Hour)) }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// endOfMonth is the last day of t's month.
func endOfMonth(t time.Time) time.Time {
	return date(t.Year(), t.Month()+1, 1).AddDate(0, 0, -1)
}

// clampDate limits t to [lo, hi].
func clampDate(t, lo, hi time.Time) time.Time {
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}

func maxDate(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// between draws a date uniformly from [lo, hi]; hi before lo gives lo.
func (g *gen) between(lo, hi time.Time) time.Time {
	n := days(lo, hi)
	if n <= 0 {
		return lo
	}
	return addDays(lo, g.rng.IntN(n+1))
}

// decisionDay draws a date in [lo, hi] the way organisations decide: often
// the 1st of January or of a month (decisions take effect then), otherwise
// any day.
func (g *gen) decisionDay(lo, hi time.Time) time.Time {
	return g.snap(g.between(lo, hi), lo, hi)
}

// adoptDay maps u in [0, 1) to a decision day in [lo, hi]: u^skew of the
// way from lo, so that skew > 1 leans towards lo (early adopters) and 0 or 1
// is uniform.
func (g *gen) adoptDay(lo, hi time.Time, u, skew float64) time.Time {
	if skew == 0 {
		skew = 1
	}
	n := max(days(lo, hi), 0)
	d := addDays(lo, int(float64(n+1)*math.Pow(u, skew)))
	return g.snap(clampDate(d, lo, hi), lo, hi)
}

// snap moves d to the 1st of January or of its month, as decisions do,
// four times in ten each, within [lo, hi].
func (g *gen) snap(d, lo, hi time.Time) time.Time {
	switch r := g.rng.IntN(10); {
	case r < 4:
		d = date(d.Year(), time.January, 1)
	case r < 8:
		d = date(d.Year(), d.Month(), 1)
	}
	return clampDate(d, lo, hi)
}

// active tells whether a range [from, to] (to zero: open) contains d.
func active(from, to, d time.Time) bool {
	return !from.After(d) && (to.IsZero() || !d.After(to))
}
