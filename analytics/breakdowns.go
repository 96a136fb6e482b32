package analytics

import (
	"context"
	"time"

	"malbild/analytics/store"
)

// The breakdowns the pages show beside the metrics, each one query of
// queries/ on one day asOf (the zero time: today; a year outside 1900–2999 is
// EInvalid), with the metrics' definitions of active.

// KindCount is the number of active members of one kind.
type KindCount struct {
	Kind    string
	Members int
}

// MembersByKind counts the active members on asOf per kind, every kind
// listed in the order kommun, region, kommunalforbund, ovrig.
func (s *Store) MembersByKind(ctx context.Context, asOf time.Time) ([]KindCount, error) {
	return breakdown(ctx, s, "members_by_kind", asOf, func(k *KindCount) []any { return []any{&k.Kind, &k.Members} })
}

// CountyCount is the number of active members in one county.
type CountyCount struct {
	CountyCode string // "" for members with no county (such as SKR)
	Members    int
}

// MembersByCounty counts the active members on asOf per county code, by
// code; counties without members are left out.
func (s *Store) MembersByCounty(ctx context.Context, asOf time.Time) ([]CountyCount, error) {
	return breakdown(ctx, s, "members_by_county", asOf, func(c *CountyCount) []any { return []any{&c.CountyCode, &c.Members} })
}

// ServiceParticipants is one service or network on a day.
type ServiceParticipants struct {
	ServiceID      int64
	Name           string
	Kind           string // service or network
	Area           string
	Running        bool     // neither started after nor ended before the day
	Participants   int      // distinct active members with an active participation
	Municipalities int      // of them, members of kind kommun
	Share          *float64 // Participants ÷ active members; nil with no active member
}

// ServiceParticipation lists every service and network with its participants
// on asOf: services first, then networks, each by name in Swedish order.
func (s *Store) ServiceParticipation(ctx context.Context, asOf time.Time) ([]ServiceParticipants, error) {
	return breakdown(ctx, s, "service_participants", asOf, func(p *ServiceParticipants) []any {
		return []any{&p.ServiceID, &p.Name, &p.Kind, &p.Area, &p.Running, &p.Participants, &p.Municipalities, &p.Share}
	})
}

// ServiceCount is how many active members take part in a number of services.
type ServiceCount struct {
	Services int // distinct services of kind service
	Members  int
}

// ServicesPerMemberDistribution counts the active members on asOf by how many
// services (kind service, not networks) they take part in: every number from
// 0 to the largest, in order.
func (s *Store) ServicesPerMemberDistribution(ctx context.Context, asOf time.Time) ([]ServiceCount, error) {
	return breakdown(ctx, s, "services_per_member_distribution", asOf, func(c *ServiceCount) []any { return []any{&c.Services, &c.Members} })
}

// YearFlow is the membership rows that joined and were lost in one year.
type YearFlow struct {
	Year   int
	Joined int
	Lost   int
}

// JoinedLostByYear gives, for every year from the first membership to the
// year of asOf, the rows that joined and were lost: members_joined and
// members_lost at 31 December, and at asOf for its own year.
func (s *Store) JoinedLostByYear(ctx context.Context, asOf time.Time) ([]YearFlow, error) {
	return breakdown(ctx, s, "joined_lost_by_year", asOf, func(f *YearFlow) []any { return []any{&f.Year, &f.Joined, &f.Lost} })
}

// breakdown runs a query of one day and scans each row with the fields of T
// that fields names.
func breakdown[T any](ctx context.Context, s *Store, name string, asOf time.Time, fields func(*T) []any) ([]T, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	return queryFile(ctx, s, name, map[string]any{"on": sqlDate(asOf)}, fields)
}

// queryFile runs the named query file (eachRow) and scans each row with the
// fields of T that fields names.
func queryFile[T any](ctx context.Context, s *Store, name string, args map[string]any, fields func(*T) []any) ([]T, error) {
	var out []T
	err := s.eachRow(ctx, name, args, func(rows *store.Rows) error {
		var err error
		out, err = scanRows(rows, fields)
		return err
	})
	return out, err
}

func scanRows[T any](rows *store.Rows, fields func(*T) []any) ([]T, error) {
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		var t T
		if err := rows.Scan(fields(&t)...); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
