package analytics

import (
	"context"
	"fmt"
	"time"

	"malbild/analytics/store"
)

// MemberRow is a membership row as the member list shows it on a day.
type MemberRow struct {
	Member
	Active   bool // a member on the as-of day
	Services int  // active participations in services on the as-of day
	Networks int  // active participations in networks on the as-of day
}

// MemberFilter narrows and orders the member list. Empty fields do not
// filter; All includes members that were not active on the as-of day.
type MemberFilter struct {
	Kind, County, Group string
	All                 bool
	Sort                string // name (default), kind, county, population, joined, services
	Desc                bool
}

// memberSorts maps the list's sort keys to SQL; names sort in Swedish order.
var memberSorts = map[string]string{
	"name":       "name",
	"kind":       "kind, name",
	"county":     "county_code, name",
	"population": "population",
	"joined":     "joined_on",
	"services":   "services",
}

const memberList = `
WITH participation_counts AS (
    -- the active participations on $1 (migration 009's rule) per member
    SELECT member_id,
           count(*) FILTER (WHERE service_kind = 'service') AS services,
           count(*) FILTER (WHERE service_kind = 'network') AS networks
    FROM active_participations(CAST($1 AS DATE))
    GROUP BY member_id
),
listed AS (
    SELECT m.*, m.id IN (SELECT id FROM active_members(CAST($1 AS DATE))) AS active
    FROM members m
    WHERE ($2 = '' OR m.kind = $2)
      AND ($3 = '' OR m.county_code = $3)
      AND ($4 = '' OR m.group_name = $4)
)
SELECT m.id, m.name AS name, m.kind AS kind, coalesce(m.code, ''), coalesce(m.org_number, ''),
       coalesce(m.county_code, '') AS county_code, coalesce(m.population, 0) AS population,
       coalesce(m.group_name, ''), m.joined_on AS joined_on, m.left_on,
       coalesce(m.contact_name, ''), coalesce(m.contact_email, ''),
       m.active,
       CASE WHEN m.active THEN coalesce(ap.services, 0) ELSE 0 END AS services,
       CASE WHEN m.active THEN coalesce(ap.networks, 0) ELSE 0 END AS networks
FROM listed m
LEFT JOIN participation_counts ap ON ap.member_id = m.id
WHERE $5 OR m.active
ORDER BY %s, joined_on`

// ListMembers lists the members of the as-of day (or every membership row
// with All), filtered and sorted. An unknown sort key is EInvalid.
func (s *Store) ListMembers(ctx context.Context, asOf time.Time, f MemberFilter) ([]MemberRow, error) {
	if f.Sort == "" {
		f.Sort = "name"
	}
	order, ok := memberSorts[f.Sort]
	if !ok {
		return nil, Keyed(EInvalid, "invalid.sort", f.Sort)
	}
	if f.Desc {
		order += " DESC"
	}
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(memberList, order), asOf, f.Kind, f.County, f.Group, f.All)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemberRow
	for rows.Next() {
		var r MemberRow
		var left store.NullTime
		if err := rows.Scan(&r.ID, &r.Name, &r.Kind, &r.Code, &r.OrgNumber, &r.CountyCode, &r.Population, &r.Group,
			&r.JoinedOn, &left, &r.ContactName, &r.ContactEmail, &r.Active, &r.Services, &r.Networks); err != nil {
			return nil, err
		}
		r.LeftOn = left.Time
		out = append(out, r)
	}
	return out, rows.Err()
}

// MemberByID is one membership row; ENotFound when there is none.
func (s *Store) MemberByID(ctx context.Context, id int64) (Member, error) {
	ms, err := s.members(ctx, `WHERE id = ?`, id)
	if err != nil {
		return Member{}, err
	}
	if len(ms) == 0 {
		return Member{}, Errorf(ENotFound, "no member with id %d", id)
	}
	return ms[0], nil
}

// Memberships are every membership row of the organisation of m: the rows
// with its code, or with its name when it has no code, oldest first.
func (s *Store) Memberships(ctx context.Context, m Member) ([]Member, error) {
	if m.Code != "" {
		return s.members(ctx, `WHERE code = ? AND kind = ? ORDER BY joined_on`, m.Code, m.Kind)
	}
	return s.members(ctx, `WHERE code IS NULL AND name = ? ORDER BY joined_on`, m.Name)
}

func (s *Store) members(ctx context.Context, where string, args ...any) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, kind, coalesce(code, ''), coalesce(org_number, ''),
		coalesce(county_code, ''), coalesce(population, 0), coalesce(group_name, ''), joined_on, left_on,
		coalesce(contact_name, ''), coalesce(contact_email, '') FROM members `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var left store.NullTime
		if err := rows.Scan(&m.ID, &m.Name, &m.Kind, &m.Code, &m.OrgNumber, &m.CountyCode, &m.Population,
			&m.Group, &m.JoinedOn, &left, &m.ContactName, &m.ContactEmail); err != nil {
			return nil, err
		}
		m.LeftOn = left.Time
		out = append(out, m)
	}
	return out, rows.Err()
}

// ParticipationRow is a participation with its service, as a member's page
// lists it.
type ParticipationRow struct {
	Participation
	ServiceName string
	ServiceKind string
	Active      bool // active on the as-of day by DESIGN's definition
}

// ParticipationsOf lists the participations of the given membership rows,
// by start date.
func (s *Store) ParticipationsOf(ctx context.Context, asOf time.Time, memberIDs ...int64) ([]ParticipationRow, error) {
	if len(memberIDs) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT p.id, p.member_id, p.service_id, p.from_on, p.to_on, s.name, s.kind,
		       p.id IN (SELECT id FROM active_participations(CAST($1 AS DATE)))
		FROM participations p
		JOIN services s ON s.id = p.service_id
		WHERE list_contains($2::BIGINT[], p.member_id)
		ORDER BY p.from_on, s.name`, asOf, memberIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ParticipationRow
	for rows.Next() {
		var r ParticipationRow
		var to store.NullTime
		if err := rows.Scan(&r.ID, &r.MemberID, &r.ServiceID, &r.FromOn, &to, &r.ServiceName, &r.ServiceKind, &r.Active); err != nil {
			return nil, err
		}
		r.ToOn = to.Time
		out = append(out, r)
	}
	return out, rows.Err()
}
