package analytics

import (
	"context"
	"time"

	"malbild/analytics/store"
)

// MatrixMember is a row of the member × service matrix: an active member
// and the services and networks it takes part in on the day.
type MatrixMember struct {
	ID       int64
	Name     string
	Services []int64 // by id
}

// MatrixPage is one page of the matrix's rows: of the Total active members
// (of the county, when one is given), those of page Page, in Swedish order.
type MatrixPage struct {
	Total, Page, Pages int
	Rows               []MatrixMember
}

// matrixMembers are the active members on $1 of county $2 (every county
// when empty), in the member list's order.
const matrixMembers = `
    SELECT id, name, joined_on FROM active_members(CAST($1 AS DATE))
    WHERE ($2 = '' OR county_code = $2)`

// MemberServiceMatrixPage gives page (from 1; clamped to the pages there
// are) of size rows of the matrix on asOf: a registry of 20 000 members
// asks DuckDB for one page's members and their participations, not for
// every pair.
func (s *Store) MemberServiceMatrixPage(ctx context.Context, asOf time.Time, county string, page, size int) (MatrixPage, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return MatrixPage{}, err
	}
	var p MatrixPage
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+matrixMembers+`)`, sqlDate(asOf), county).Scan(&p.Total); err != nil {
		return p, err
	}
	p.Pages = max(1, (p.Total+size-1)/size)
	p.Page = min(max(page, 1), p.Pages)
	rows, err := s.db.QueryContext(ctx, `
		WITH shown AS (`+matrixMembers+`
		    ORDER BY name, joined_on, id LIMIT $3 OFFSET $4)
		SELECT m.id, m.name, ap.service_id
		FROM shown AS m
		LEFT JOIN (SELECT DISTINCT member_id, service_id FROM active_participations(CAST($1 AS DATE))) AS ap
		       ON ap.member_id = m.id
		ORDER BY m.name, m.joined_on, m.id, ap.service_id`, sqlDate(asOf), county, size, (p.Page-1)*size)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		var service store.NullInt64
		if err := rows.Scan(&id, &name, &service); err != nil {
			return p, err
		}
		if n := len(p.Rows); n == 0 || p.Rows[n-1].ID != id {
			p.Rows = append(p.Rows, MatrixMember{ID: id, Name: name})
		}
		if service.Valid {
			last := &p.Rows[len(p.Rows)-1]
			last.Services = append(last.Services, service.Int64)
		}
	}
	return p, rows.Err()
}
