package store

import (
	"time"
	_ "time/tzdata" // Europe/Stockholm on machines without zoneinfo
)

// Stockholm is the time zone every calendar date of the registry is read in.
var Stockholm = mustLoadLocation("Europe/Stockholm")

// Clock is where "now" comes from. Nothing but log timings reads time.Now
// directly: tests replace Now, so that "today" is fixed.
type Clock struct {
	Now func() time.Time
}

// Today is the calendar date of the clock in Stockholm.
func (c *Clock) Today() time.Time { return DateOf(c.Now()) }

// DateOf returns the calendar date of t in Stockholm, as midnight UTC, the
// form every date of the registry is handled in.
func DateOf(t time.Time) time.Time {
	y, m, d := t.In(Stockholm).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is embedded, so this is a build defect
	}
	return loc
}
