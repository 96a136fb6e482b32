package analytics

import (
	"context"
	"time"
)

// Attendee is a membership row that sent people to the year's events.
type Attendee struct {
	MemberID   int64
	Name, Kind string
	CountyCode string // as AttendanceByCounty reads it; "" for none
	People     int
}

// AttendeesOfYear lists the membership rows that sent anyone to the events
// of asOf's year up to asOf, by name: the members that AttendanceByKind and
// AttendanceByCounty count.
func (s *Store) AttendeesOfYear(ctx context.Context, asOf time.Time) ([]Attendee, error) {
	return breakdown(ctx, s, "attendees_of_year", asOf, func(a *Attendee) []any {
		return []any{&a.MemberID, &a.Name, &a.Kind, &a.CountyCode, &a.People}
	})
}
