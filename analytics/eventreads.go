package analytics

import (
	"context"
	"time"
)

// The events page's numbers: events dated up to the as-of day, and the
// attendance of the as-of year (1 January to the as-of day).

// EventYear counts the events of one year by format and by role.
type EventYear struct {
	Year                      int
	Events                    int
	Digital, Physical, Hybrid int
	Hosted, AsParticipant     int
}

// EventsPerYear counts the events dated up to asOf for every year from the
// year of the first event to the year of asOf (just that year when there is
// none).
func (s *Store) EventsPerYear(ctx context.Context, asOf time.Time) ([]EventYear, error) {
	return breakdown(ctx, s, "events_per_year", asOf, func(e *EventYear) []any {
		return []any{&e.Year, &e.Events, &e.Digital, &e.Physical, &e.Hybrid, &e.Hosted, &e.AsParticipant}
	})
}

// KindAttendance is who came to the year's events from members of one kind.
type KindAttendance struct {
	Kind    string
	Members int // membership rows with at least one person at an event
	People  int // people, summed over the events
}

// AttendanceByKind sums the attendance at the events of asOf's year up to
// asOf per member kind, every kind listed in the order kommun, region,
// kommunalforbund, ovrig.
func (s *Store) AttendanceByKind(ctx context.Context, asOf time.Time) ([]KindAttendance, error) {
	return breakdown(ctx, s, "attendance_by_kind", asOf, func(k *KindAttendance) []any {
		return []any{&k.Kind, &k.Members, &k.People}
	})
}

// CountyAttendance is who came to the year's events from one county.
type CountyAttendance struct {
	CountyCode string // "" for members with no county (such as SKR)
	Members    int
	People     int
}

// AttendanceByCounty sums the attendance at the events of asOf's year up to
// asOf per county code, by code; counties nobody came from are left out.
func (s *Store) AttendanceByCounty(ctx context.Context, asOf time.Time) ([]CountyAttendance, error) {
	return breakdown(ctx, s, "attendance_by_county", asOf, func(c *CountyAttendance) []any {
		return []any{&c.CountyCode, &c.Members, &c.People}
	})
}

// EventRow is an event with its attendance.
type EventRow struct {
	Event
	Members int // membership rows with at least one person there
	People  int
}

// EventsOfYear lists the events of asOf's year dated up to asOf, by date
// and name.
func (s *Store) EventsOfYear(ctx context.Context, asOf time.Time) ([]EventRow, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT e.id, e.name, e.held_on, e.format, e.role,
		       count(a.member_id) FILTER (WHERE a.attendees > 0),
		       CAST(coalesce(sum(a.attendees), 0) AS BIGINT)
		FROM events AS e
		LEFT JOIN attendance AS a ON a.event_id = e.id
		WHERE e.held_on BETWEEN date_trunc('year', CAST($1 AS DATE)) AND CAST($1 AS DATE)
		GROUP BY ALL
		ORDER BY e.held_on, e.name`, sqlDate(asOf))
	if err != nil {
		return nil, err
	}
	return scanRows(rows, func(e *EventRow) []any {
		return []any{&e.ID, &e.Name, &e.HeldOn, &e.Format, &e.Role, &e.Members, &e.People}
	})
}
