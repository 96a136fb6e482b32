package analytics

import (
	"context"
	"time"
)

// Count is a number of members on a day.
type Count struct {
	Date  time.Time
	Value int
}

// memberGrowth counts the active members at every 31 December from the year
// of the first membership up to the year before asOf, and on asOf itself.
const memberGrowth = `
WITH first AS (
    SELECT coalesce(year(min(joined_on)), year(?::DATE)) AS year FROM members
),
days AS (
    SELECT make_date(y::INTEGER, 12, 31) AS day
    FROM first, range(first.year, year(?::DATE)) AS t(y)
    UNION ALL
    SELECT ?::DATE
)
SELECT d.day, count(m.id)
FROM days d
LEFT JOIN LATERAL active_members(d.day) AS m ON true
GROUP BY d.day
ORDER BY d.day`

// MemberGrowth is the number of active members at each year end before asOf
// and on asOf: the overview's growth chart.
func (s *Store) MemberGrowth(ctx context.Context, asOf time.Time) ([]Count, error) {
	rows, err := s.db.QueryContext(ctx, memberGrowth, asOf, asOf, asOf)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Count
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Date, &c.Value); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
