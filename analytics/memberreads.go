package analytics

import (
	"context"
	"time"
)

// KindsOnDay is the number of active members of each kind on one day.
type KindsOnDay struct {
	Date  time.Time
	Kinds []KindCount // kommun, region, kommunalforbund, ovrig
}

// Total is the number of active members of every kind.
func (k KindsOnDay) Total() int {
	n := 0
	for _, c := range k.Kinds {
		n += c.Members
	}
	return n
}

// MembersByKindOverTime counts the active members per kind at every year end
// from the year of the first membership up to the year before asOf, and on
// asOf: the days of MemberGrowth, split by kind.
func (s *Store) MembersByKindOverTime(ctx context.Context, asOf time.Time) ([]KindsOnDay, error) {
	type row struct {
		day time.Time
		KindCount
	}
	rows, err := breakdown(ctx, s, "members_by_kind_over_time", asOf, func(r *row) []any {
		return []any{&r.day, &r.Kind, &r.Members}
	})
	if err != nil {
		return nil, err
	}
	var out []KindsOnDay
	for _, r := range rows {
		if len(out) == 0 || !out[len(out)-1].Date.Equal(r.day) {
			out = append(out, KindsOnDay{Date: r.day})
		}
		last := &out[len(out)-1]
		last.Kinds = append(last.Kinds, r.KindCount)
	}
	return out, nil
}

// MemberGroups lists the groups members joined through, in Swedish order,
// for the member list's filter.
func (s *Store) MemberGroups(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT group_name FROM members
		WHERE group_name <> '' ORDER BY group_name COLLATE sv`)
	if err != nil {
		return nil, err
	}
	return scanRows(rows, func(g *string) []any { return []any{g} })
}

// Engagement is how many services and networks an organisation takes part in
// on one day.
type Engagement struct {
	Date     time.Time
	Services int // distinct services of kind service with an active participation
	Networks int // distinct networks with an active participation
}

// engagementOverTime counts, at each day of a member's history, the distinct
// services and networks with a participation active by DESIGN's definition:
// running on the day, its membership row active and its service not ended.
const engagementOverTime = `
WITH memberships AS (
    SELECT * FROM members WHERE list_contains(CAST($2 AS BIGINT[]), id)
),
first_year AS (
    SELECT least(coalesce(year(min(joined_on)), year(CAST($1 AS DATE))), year(CAST($1 AS DATE))) AS year
    FROM memberships
),
as_of AS (
    SELECT make_date(CAST(year AS INTEGER), 12, 31) AS d
    FROM (SELECT unnest(range(first_year.year, year(CAST($1 AS DATE)))) AS year FROM first_year)
    UNION ALL
    SELECT CAST($1 AS DATE)
),
participations_on AS (
    SELECT as_of.d, ap.service_kind AS kind, ap.service_id
    FROM as_of, active_participations(as_of.d) AS ap
    WHERE list_contains(CAST($2 AS BIGINT[]), ap.member_id)
)
SELECT as_of.d,
       count(DISTINCT ap.service_id) FILTER (WHERE ap.kind = 'service'),
       count(DISTINCT ap.service_id) FILTER (WHERE ap.kind = 'network')
FROM as_of
LEFT JOIN participations_on AS ap ON ap.d = as_of.d
GROUP BY as_of.d
ORDER BY as_of.d`

// EngagementOverTime counts the services and networks that the membership
// rows memberIDs (one organisation's) take part in at every year end from the
// year of the first of them up to the year before asOf, and on asOf.
func (s *Store) EngagementOverTime(ctx context.Context, asOf time.Time, memberIDs ...int64) ([]Engagement, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	if memberIDs == nil {
		memberIDs = []int64{}
	}
	rows, err := s.db.QueryContext(ctx, engagementOverTime, sqlDate(asOf), memberIDs)
	if err != nil {
		return nil, err
	}
	return scanRows(rows, func(e *Engagement) []any { return []any{&e.Date, &e.Services, &e.Networks} })
}
