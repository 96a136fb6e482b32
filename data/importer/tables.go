package importer

import (
	"database/sql"
	"time"

	"malbild/analytics"
)

// table describes how one table's rows are read and written: its columns
// (the key first), the SELECT expression of each, and how a row maps to the
// column values. Zero values of the domain types are NULL in the database.
type table[T any] struct {
	name    string
	columns []string
	selects []string // SELECT expressions, parallel to columns
	keyCols int      // how many leading columns form the key
	values  func(*T) []any
	scan    func(*sql.Rows) (*T, error)
}

var memberTable = table[analytics.Member]{
	name: "members",
	columns: []string{"id", "name", "kind", "code", "org_number", "county_code", "population", "group_name",
		"joined_on", "left_on", "contact_name", "contact_email"},
	selects: []string{"id", "name", "kind", "coalesce(code, '')", "coalesce(org_number, '')",
		"coalesce(county_code, '')", "coalesce(population, 0)", "coalesce(group_name, '')", "joined_on", "left_on",
		"coalesce(contact_name, '')", "coalesce(contact_email, '')"},
	keyCols: 1,
	values: func(m *analytics.Member) []any {
		return []any{m.ID, m.Name, m.Kind, null(m.Code), null(m.OrgNumber), null(m.CountyCode), nullInt(m.Population),
			null(m.Group), m.JoinedOn, nullDate(m.LeftOn), null(m.ContactName), null(m.ContactEmail)}
	},
	scan: func(rows *sql.Rows) (*analytics.Member, error) {
		var m analytics.Member
		var left sql.NullTime
		err := rows.Scan(&m.ID, &m.Name, &m.Kind, &m.Code, &m.OrgNumber, &m.CountyCode, &m.Population, &m.Group,
			&m.JoinedOn, &left, &m.ContactName, &m.ContactEmail)
		m.JoinedOn, m.LeftOn = day(m.JoinedOn), day(left.Time)
		return &m, err
	},
}

var serviceTable = table[analytics.Service]{
	name:    "services",
	columns: []string{"id", "name", "kind", "area", "started_on", "ended_on"},
	selects: []string{"id", "name", "kind", "coalesce(area, '')", "started_on", "ended_on"},
	keyCols: 1,
	values: func(s *analytics.Service) []any {
		return []any{s.ID, s.Name, s.Kind, null(s.Area), nullDate(s.StartedOn), nullDate(s.EndedOn)}
	},
	scan: func(rows *sql.Rows) (*analytics.Service, error) {
		var s analytics.Service
		var started, ended sql.NullTime
		err := rows.Scan(&s.ID, &s.Name, &s.Kind, &s.Area, &started, &ended)
		s.StartedOn, s.EndedOn = day(started.Time), day(ended.Time)
		return &s, err
	},
}

var participationTable = table[analytics.Participation]{
	name:    "participations",
	columns: []string{"id", "member_id", "service_id", "from_on", "to_on"},
	selects: []string{"id", "member_id", "service_id", "from_on", "to_on"},
	keyCols: 1,
	values: func(p *analytics.Participation) []any {
		return []any{p.ID, p.MemberID, p.ServiceID, p.FromOn, nullDate(p.ToOn)}
	},
	scan: func(rows *sql.Rows) (*analytics.Participation, error) {
		var p analytics.Participation
		var to sql.NullTime
		err := rows.Scan(&p.ID, &p.MemberID, &p.ServiceID, &p.FromOn, &to)
		p.FromOn, p.ToOn = day(p.FromOn), day(to.Time)
		return &p, err
	},
}

var eventTable = table[analytics.Event]{
	name:    "events",
	columns: []string{"id", "name", "held_on", "format", "role"},
	selects: []string{"id", "name", "held_on", "format", "role"},
	keyCols: 1,
	values:  func(e *analytics.Event) []any { return []any{e.ID, e.Name, e.HeldOn, e.Format, e.Role} },
	scan: func(rows *sql.Rows) (*analytics.Event, error) {
		var e analytics.Event
		err := rows.Scan(&e.ID, &e.Name, &e.HeldOn, &e.Format, &e.Role)
		e.HeldOn = day(e.HeldOn)
		return &e, err
	},
}

var attendanceTable = table[analytics.Attendance]{
	name:    "attendance",
	columns: []string{"event_id", "member_id", "attendees"},
	selects: []string{"event_id", "member_id", "attendees"},
	keyCols: 2,
	values:  func(a *analytics.Attendance) []any { return []any{a.EventID, a.MemberID, a.Attendees} },
	scan: func(rows *sql.Rows) (*analytics.Attendance, error) {
		var a analytics.Attendance
		return &a, rows.Scan(&a.EventID, &a.MemberID, &a.Attendees)
	},
}

// goalTable leaves out the goals' old status, status_set_on and comment
// columns: the board's input is dated history in goal_statuses
// (goalStatusTable).
var goalTable = table[analytics.Goal]{
	name: "goals",
	columns: []string{"id", "year", "number", "key", "area", "text", "metric", "params", "comparator", "target",
		"upper_target", "due_on", "removed_reason"},
	selects: []string{"id", "year", "number", "key", "coalesce(area, '')", "text", "metric", "params",
		"coalesce(comparator, '')", "target", "upper_target", "due_on", "coalesce(removed_reason, '')"},
	keyCols: 1,
	values: func(g *analytics.Goal) []any {
		return []any{g.ID, g.Year, g.Number, g.Key, null(g.Area), g.Text, g.Metric, g.Params, null(g.Comparator),
			g.Target, g.UpperTarget, nullDate(g.DueOn), null(g.RemovedReason)}
	},
	scan: func(rows *sql.Rows) (*analytics.Goal, error) {
		var g analytics.Goal
		var target, upper sql.NullFloat64
		var due sql.NullTime
		err := rows.Scan(&g.ID, &g.Year, &g.Number, &g.Key, &g.Area, &g.Text, &g.Metric, &g.Params, &g.Comparator,
			&target, &upper, &due, &g.RemovedReason)
		g.Target, g.UpperTarget = floatPtr(target), floatPtr(upper)
		g.DueOn = day(due.Time)
		return &g, err
	},
}

var feeTable = table[analytics.FeeBand]{
	name:    "fee_bands",
	columns: []string{"year", "category", "population_from", "population_to", "contribution", "annual_fee"},
	selects: []string{"year", "category", "population_from", "coalesce(population_to, 0)",
		"contribution::DOUBLE", "annual_fee::DOUBLE"},
	keyCols: 3,
	values: func(b *analytics.FeeBand) []any {
		return []any{b.Year, b.Category, b.PopulationFrom, nullInt(b.PopulationTo), b.Contribution, b.AnnualFee}
	},
	scan: func(rows *sql.Rows) (*analytics.FeeBand, error) {
		var b analytics.FeeBand
		return &b, rows.Scan(&b.Year, &b.Category, &b.PopulationFrom, &b.PopulationTo, &b.Contribution, &b.AnnualFee)
	},
}

// null, nullInt and nullDate turn the domain types' zero values into NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func floatPtr(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	return &f.Float64
}

// day is t as a calendar date at midnight UTC; the zero time stays zero.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
