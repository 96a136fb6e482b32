package analytics

import (
	"context"
	"strconv"
	"strings"
	"time"

	"malbild/analytics/store"
)

// ServiceByID is one service or network; ENotFound when there is none.
func (s *Store) ServiceByID(ctx context.Context, id int64) (Service, error) {
	var sv Service
	var area store.NullString
	var started, ended store.NullTime
	err := s.db.QueryRowContext(ctx, `SELECT id, name, kind, area, started_on, ended_on FROM services WHERE id = ?`, id).
		Scan(&sv.ID, &sv.Name, &sv.Kind, &area, &started, &ended)
	if err == store.ErrNoRows {
		return Service{}, Errorf(ENotFound, "no service with id %d", id)
	}
	sv.Area, sv.StartedOn, sv.EndedOn = area.String, started.Time, ended.Time
	return sv, err
}

// AdoptionPoint is the number of participants of a service on a day.
type AdoptionPoint struct {
	ServiceID    int64
	Date         time.Time
	Participants int
}

// ServiceAdoption gives the distinct active participants of the services
// given (every service and network when none is) at each year end before
// asOf and on asOf, by service and day: the adoption curves.
func (s *Store) ServiceAdoption(ctx context.Context, asOf time.Time, services ...int64) ([]AdoptionPoint, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(services))
	for i, id := range services {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return queryFile(ctx, s, "service_adoption", map[string]any{"on": sqlDate(asOf), "services": strings.Join(ids, ",")}, func(p *AdoptionPoint) []any {
		return []any{&p.ServiceID, &p.Date, &p.Participants}
	})
}

// MatrixCell says that a member takes part in a service on the day.
type MatrixCell struct {
	MemberID, ServiceID int64
}

// MemberServiceMatrix lists the member × service pairs of the active
// participations on asOf.
func (s *Store) MemberServiceMatrix(ctx context.Context, asOf time.Time) ([]MatrixCell, error) {
	return breakdown(ctx, s, "member_service_matrix", asOf, func(c *MatrixCell) []any {
		return []any{&c.MemberID, &c.ServiceID}
	})
}

// ServiceHistoryRow is one participation in a service, with its member.
type ServiceHistoryRow struct {
	Participation
	MemberName string
	Active     bool // active on the as-of day by DESIGN's definition
}

// ServiceParticipations lists every participation in the service, the
// active ones on asOf first, then by start date and member name.
func (s *Store) ServiceParticipations(ctx context.Context, serviceID int64, asOf time.Time) ([]ServiceHistoryRow, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT p.id, p.member_id, p.service_id, p.from_on, p.to_on, m.name,
		       p.id IN (SELECT id FROM active_participations(CAST($1 AS DATE))) AS active
		FROM participations p
		JOIN members m ON m.id = p.member_id
		WHERE p.service_id = $2
		ORDER BY active DESC, p.from_on, m.name`, asOf, serviceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ServiceHistoryRow
	for rows.Next() {
		var r ServiceHistoryRow
		var to store.NullTime
		if err := rows.Scan(&r.ID, &r.MemberID, &r.ServiceID, &r.FromOn, &to, &r.MemberName, &r.Active); err != nil {
			return nil, err
		}
		r.ToOn = to.Time
		out = append(out, r)
	}
	return out, rows.Err()
}
