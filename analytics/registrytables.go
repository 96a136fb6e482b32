package analytics

import (
	"context"
	"time"

	"malbild/analytics/store"
)

// The registry's tables read whole, in the order the data export writes them:
// names in Swedish order, then dates. These are plain reads of rows, here so
// that the export needs no SQL of its own.

// AllMembers reads every membership row by name, then start.
func (s *Store) AllMembers(ctx context.Context) ([]Member, error) {
	return queryAll(ctx, s, `
		SELECT id, name, kind, coalesce(code, ''), coalesce(org_number, ''), coalesce(county_code, ''),
		       coalesce(population, 0), coalesce(group_name, ''), joined_on, left_on,
		       coalesce(contact_name, ''), coalesce(contact_email, '')
		FROM members ORDER BY name, joined_on, id`,
		func(m *Member, left *store.NullTime) []any {
			return []any{&m.ID, &m.Name, &m.Kind, &m.Code, &m.OrgNumber, &m.CountyCode, &m.Population,
				&m.Group, &m.JoinedOn, left, &m.ContactName, &m.ContactEmail}
		},
		func(m *Member, left store.NullTime) { m.LeftOn = left.Time })
}

// AllServices reads the services, then the networks, each by name.
func (s *Store) AllServices(ctx context.Context) ([]Service, error) {
	type dates struct{ started, ended store.NullTime }
	return queryAll(ctx, s, `
		SELECT id, name, kind, coalesce(area, ''), started_on, ended_on
		FROM services ORDER BY kind = 'network', name`,
		func(sv *Service, d *dates) []any {
			return []any{&sv.ID, &sv.Name, &sv.Kind, &sv.Area, &d.started, &d.ended}
		},
		func(sv *Service, d dates) { sv.StartedOn, sv.EndedOn = d.started.Time, d.ended.Time })
}

// NamedParticipation is a participation with the names the import matches it by.
type NamedParticipation struct {
	Participation
	Member, Service string
}

// AllParticipations reads every participation by member, service and start.
func (s *Store) AllParticipations(ctx context.Context) ([]NamedParticipation, error) {
	return queryAll(ctx, s, `
		SELECT p.id, p.member_id, p.service_id, p.from_on, p.to_on, m.name, s.name
		FROM participations p
		JOIN members m ON m.id = p.member_id
		JOIN services s ON s.id = p.service_id
		ORDER BY m.name, s.name, p.from_on, p.id`,
		func(p *NamedParticipation, to *store.NullTime) []any {
			return []any{&p.ID, &p.MemberID, &p.ServiceID, &p.FromOn, to, &p.Member, &p.Service}
		},
		func(p *NamedParticipation, to store.NullTime) { p.ToOn = to.Time })
}

// AllEvents reads every event by date, then name.
func (s *Store) AllEvents(ctx context.Context) ([]Event, error) {
	return queryAll(ctx, s, `SELECT id, name, held_on, format, role FROM events ORDER BY held_on, name, id`,
		func(e *Event, _ *struct{}) []any {
			return []any{&e.ID, &e.Name, &e.HeldOn, &e.Format, &e.Role}
		},
		nil)
}

// NamedAttendance is an attendance row with the event's name and date and
// the member's name.
type NamedAttendance struct {
	Event     string
	HeldOn    time.Time
	Member    string
	Attendees int
}

// AllAttendance reads the attendance by event date, event and member.
func (s *Store) AllAttendance(ctx context.Context) ([]NamedAttendance, error) {
	return queryAll(ctx, s, `
		SELECT e.name, e.held_on, m.name, a.attendees
		FROM attendance a
		JOIN events e ON e.id = a.event_id
		JOIN members m ON m.id = a.member_id
		ORDER BY e.held_on, e.name, m.name, m.joined_on`,
		func(a *NamedAttendance, _ *struct{}) []any {
			return []any{&a.Event, &a.HeldOn, &a.Member, &a.Attendees}
		},
		nil)
}

// AllGoals reads every goal as stored (a due date left empty stays empty),
// by year and number, with the board's latest input: Status and Comment as
// they stand, StatusSetOn the day of the latest entry (the Statusdatum under
// which importing the export finds both unchanged).
func (s *Store) AllGoals(ctx context.Context) ([]Goal, error) {
	goals, err := queryAll(ctx, s, `
		SELECT id, year, number, key, coalesce(area, ''), text, metric, params, coalesce(comparator, ''),
		       target, upper_target, due_on
		FROM goals ORDER BY year, number, key`,
		func(g *Goal, due *store.NullTime) []any {
			return []any{&g.ID, &g.Year, &g.Number, &g.Key, &g.Area, &g.Text, &g.Metric, &g.Params,
				&g.Comparator, &g.Target, &g.UpperTarget, due}
		},
		func(g *Goal, due store.NullTime) { g.DueOn = due.Time })
	if err != nil {
		return nil, err
	}
	input, err := s.LatestBoardInputs(ctx)
	if err != nil {
		return nil, err
	}
	for i := range goals {
		in := input[goals[i].ID]
		goals[i].Status, goals[i].Comment, goals[i].StatusSetOn = string(in.Status), in.Comment, in.Latest
	}
	return goals, nil
}

// AllFeeBands reads every fee schedule by year, category and band.
func (s *Store) AllFeeBands(ctx context.Context) ([]FeeBand, error) {
	return queryAll(ctx, s, `
		SELECT year, category, population_from, coalesce(population_to, 0),
		       CAST(contribution AS DOUBLE), CAST(annual_fee AS DOUBLE)
		FROM fee_bands ORDER BY year, category, population_from`,
		func(b *FeeBand, _ *struct{}) []any {
			return []any{&b.Year, &b.Category, &b.PopulationFrom, &b.PopulationTo, &b.Contribution, &b.AnnualFee}
		},
		nil)
}

// queryAll scans each row of q into a T, with the help of an X for what needs
// converting (NULL dates); finish, if not nil, completes the T from its X.
func queryAll[T, X any](ctx context.Context, s *Store, q string, fields func(*T, *X) []any, finish func(*T, X)) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var t T
		var x X
		if err := rows.Scan(fields(&t, &x)...); err != nil {
			return nil, err
		}
		if finish != nil {
			finish(&t, x)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
