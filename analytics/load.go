package analytics

import (
	"context"
	"fmt"
	"time"

	"malbild/analytics/store"
)

// Load writes a whole registry into an empty database in one transaction,
// replacing the dataset's own ids with the database's. It is how the demo data
// gets in: members, participations and attendance go through DuckDB's
// appender, which is about a hundred times faster than row-by-row INSERTs.
//
// It fails with EConflict when the database already holds members, so a demo
// is never mixed into real data.
func (s *Store) Load(ctx context.Context, ds Dataset) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM members`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return Errorf(EConflict, "the database already holds %d members; load the demo into a new database file", n)
	}
	return s.db.Bulk(ctx, func(conn *store.Conn) error { return load(ctx, conn, ds, s.Today()) })
}

// load writes ds; today dates a goal's status or comment that has no day
// (UndatedInputDay).
func load(ctx context.Context, conn *store.Conn, ds Dataset, today time.Time) error {
	memberIDs, err := reserveIDs(ctx, conn, "member_id_seq", len(ds.Members))
	if err != nil {
		return err
	}
	serviceIDs, err := reserveIDs(ctx, conn, "service_id_seq", len(ds.Services))
	if err != nil {
		return err
	}
	partIDs, err := reserveIDs(ctx, conn, "participation_id_seq", len(ds.Participations))
	if err != nil {
		return err
	}
	eventIDs, err := reserveIDs(ctx, conn, "event_id_seq", len(ds.Events))
	if err != nil {
		return err
	}
	member := idMap(memberIDs, len(ds.Members), func(i int) int64 { return ds.Members[i].ID })
	service := idMap(serviceIDs, len(ds.Services), func(i int) int64 { return ds.Services[i].ID })
	event := idMap(eventIDs, len(ds.Events), func(i int) int64 { return ds.Events[i].ID })

	err = conn.Append("members", len(ds.Members), func(i int) []any {
		m := ds.Members[i]
		return []any{memberIDs[i], m.Name, m.Kind, text(m.Code), text(m.OrgNumber), text(m.CountyCode),
			positive(m.Population), text(m.Group), m.JoinedOn, date(m.LeftOn), text(m.ContactName), text(m.ContactEmail)}
	})
	if err != nil {
		return err
	}
	err = conn.Append("services", len(ds.Services), func(i int) []any {
		sv := ds.Services[i]
		return []any{serviceIDs[i], sv.Name, sv.Kind, text(sv.Area), date(sv.StartedOn), date(sv.EndedOn)}
	})
	if err != nil {
		return err
	}
	err = conn.Append("participations", len(ds.Participations), func(i int) []any {
		p := ds.Participations[i]
		return []any{partIDs[i], member[p.MemberID], service[p.ServiceID], p.FromOn, date(p.ToOn)}
	})
	if err != nil {
		return err
	}
	err = conn.Append("events", len(ds.Events), func(i int) []any {
		e := ds.Events[i]
		return []any{eventIDs[i], e.Name, e.HeldOn, e.Format, e.Role}
	})
	if err != nil {
		return err
	}
	err = conn.Append("attendance", len(ds.Attendance), func(i int) []any {
		a := ds.Attendance[i]
		return []any{event[a.EventID], member[a.MemberID], int32(a.Attendees)}
	})
	if err != nil {
		return err
	}
	for _, g := range ds.Goals {
		if err := insertGoal(ctx, conn, g, today); err != nil {
			return err
		}
	}
	if err := loadBenefits(ctx, conn, ds, member, service); err != nil {
		return err
	}
	for _, b := range ds.FeeBands {
		_, err := conn.ExecContext(ctx, `INSERT INTO fee_bands VALUES (?, ?, ?, ?, ?, ?)`,
			b.Year, b.Category, b.PopulationFrom, positive(b.PopulationTo), b.Contribution, b.AnnualFee)
		if err != nil {
			return fmt.Errorf("fee band %d %s %d: %w", b.Year, b.Category, b.PopulationFrom, err)
		}
	}
	return loadBudget(ctx, conn, ds)
}

// insertGoal writes a goal and, when it carries a status or comment, that
// input as the first entry of its status history, dated its StatusSetOn or,
// without one, UndatedInputDay(today, due).
func insertGoal(ctx context.Context, conn *store.Conn, g Goal, today time.Time) error {
	var id int64
	err := conn.QueryRowContext(ctx, `INSERT INTO goals
		(year, number, key, area, text, metric, params, comparator, target, upper_target, due_on, removed_reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		g.Year, g.Number, g.Key, text(g.Area), g.Text, g.Metric, g.Params, text(g.Comparator),
		g.Target, g.UpperTarget, date(g.DueOn), text(g.RemovedReason)).Scan(&id)
	if err == nil && (g.Status != "" || g.Comment != "") {
		setOn := g.StatusSetOn
		if setOn.IsZero() {
			setOn = UndatedInputDay(today, g.Due())
		}
		err = insertGoalStatus(ctx, conn, id, setOn, Status(g.Status), g.Comment)
	}
	if err != nil {
		return fmt.Errorf("goal %d/%s: %w", g.Year, g.Key, err)
	}
	return nil
}

// reserveIDs takes n values from a sequence, so that rows appended with them
// never collide with rows inserted later through the column default.
func reserveIDs(ctx context.Context, conn *store.Conn, sequence string, n int) ([]int64, error) {
	rows, err := conn.QueryContext(ctx, fmt.Sprintf(`SELECT nextval('%s') FROM range(?)`, sequence), n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func idMap(dbIDs []int64, n int, own func(int) int64) map[int64]int64 {
	m := make(map[int64]int64, n)
	for i := 0; i < n; i++ {
		m[own(i)] = dbIDs[i]
	}
	return m
}

// text, date and positive turn the zero values of the domain types into NULL.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func positive(n int) any {
	if n <= 0 {
		return nil
	}
	return int32(n)
}
