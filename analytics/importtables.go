package analytics

import (
	"time"

	"malbild/analytics/store"
)

// importTable describes how one table's rows are read and written: its columns
// (the key first), the SELECT expression of each, and how a row maps to the
// column values. Zero values of the domain types are NULL in the database.
type importTable[T any] struct {
	name    string
	columns []string
	selects []string // SELECT expressions, parallel to columns
	keyCols int      // how many leading columns form the key
	values  func(*T) []any
	scan    func(*store.Rows) (*T, error)
}

var memberTable = importTable[Member]{
	name: "members",
	columns: []string{"id", "name", "kind", "code", "org_number", "county_code", "population", "group_name",
		"joined_on", "left_on", "contact_name", "contact_email"},
	selects: []string{"id", "name", "kind", "coalesce(code, '')", "coalesce(org_number, '')",
		"coalesce(county_code, '')", "coalesce(population, 0)", "coalesce(group_name, '')", "joined_on", "left_on",
		"coalesce(contact_name, '')", "coalesce(contact_email, '')"},
	keyCols: 1,
	values: func(m *Member) []any {
		return []any{m.ID, m.Name, m.Kind, null(m.Code), null(m.OrgNumber), null(m.CountyCode), nullInt(m.Population),
			null(m.Group), m.JoinedOn, nullTime(m.LeftOn), null(m.ContactName), null(m.ContactEmail)}
	},
	scan: func(rows *store.Rows) (*Member, error) {
		var m Member
		var left store.NullTime
		err := rows.Scan(&m.ID, &m.Name, &m.Kind, &m.Code, &m.OrgNumber, &m.CountyCode, &m.Population, &m.Group,
			&m.JoinedOn, &left, &m.ContactName, &m.ContactEmail)
		m.JoinedOn, m.LeftOn = dayOrZero(m.JoinedOn), dayOrZero(left.Time)
		return &m, err
	},
}

var serviceTable = importTable[Service]{
	name:    "services",
	columns: []string{"id", "name", "kind", "area", "started_on", "ended_on"},
	selects: []string{"id", "name", "kind", "coalesce(area, '')", "started_on", "ended_on"},
	keyCols: 1,
	values: func(s *Service) []any {
		return []any{s.ID, s.Name, s.Kind, null(s.Area), nullTime(s.StartedOn), nullTime(s.EndedOn)}
	},
	scan: func(rows *store.Rows) (*Service, error) {
		var s Service
		var started, ended store.NullTime
		err := rows.Scan(&s.ID, &s.Name, &s.Kind, &s.Area, &started, &ended)
		s.StartedOn, s.EndedOn = dayOrZero(started.Time), dayOrZero(ended.Time)
		return &s, err
	},
}

var participationTable = importTable[Participation]{
	name:    "participations",
	columns: []string{"id", "member_id", "service_id", "from_on", "to_on"},
	selects: []string{"id", "member_id", "service_id", "from_on", "to_on"},
	keyCols: 1,
	values: func(p *Participation) []any {
		return []any{p.ID, p.MemberID, p.ServiceID, p.FromOn, nullTime(p.ToOn)}
	},
	scan: func(rows *store.Rows) (*Participation, error) {
		var p Participation
		var to store.NullTime
		err := rows.Scan(&p.ID, &p.MemberID, &p.ServiceID, &p.FromOn, &to)
		p.FromOn, p.ToOn = dayOrZero(p.FromOn), dayOrZero(to.Time)
		return &p, err
	},
}

var eventTable = importTable[Event]{
	name:    "events",
	columns: []string{"id", "name", "held_on", "format", "role"},
	selects: []string{"id", "name", "held_on", "format", "role"},
	keyCols: 1,
	values:  func(e *Event) []any { return []any{e.ID, e.Name, e.HeldOn, e.Format, e.Role} },
	scan: func(rows *store.Rows) (*Event, error) {
		var e Event
		err := rows.Scan(&e.ID, &e.Name, &e.HeldOn, &e.Format, &e.Role)
		e.HeldOn = dayOrZero(e.HeldOn)
		return &e, err
	},
}

var attendanceTable = importTable[Attendance]{
	name:    "attendance",
	columns: []string{"event_id", "member_id", "attendees"},
	selects: []string{"event_id", "member_id", "attendees"},
	keyCols: 2,
	values:  func(a *Attendance) []any { return []any{a.EventID, a.MemberID, a.Attendees} },
	scan: func(rows *store.Rows) (*Attendance, error) {
		var a Attendance
		return &a, rows.Scan(&a.EventID, &a.MemberID, &a.Attendees)
	},
}

// goalTable leaves out the goals' old status, status_set_on and comment
// columns: the board's input is dated history in goal_statuses
// (goalStatusTable).
var goalTable = importTable[Goal]{
	name: "goals",
	columns: []string{"id", "year", "number", "key", "area", "text", "metric", "params", "comparator", "target",
		"upper_target", "due_on", "removed_reason"},
	selects: []string{"id", "year", "number", "key", "coalesce(area, '')", "text", "metric", "params",
		"coalesce(comparator, '')", "target", "upper_target", "due_on", "coalesce(removed_reason, '')"},
	keyCols: 1,
	values: func(g *Goal) []any {
		return []any{g.ID, g.Year, g.Number, g.Key, null(g.Area), g.Text, g.Metric, g.Params, null(g.Comparator),
			g.Target, g.UpperTarget, nullTime(g.DueOn), null(g.RemovedReason)}
	},
	scan: func(rows *store.Rows) (*Goal, error) {
		var g Goal
		var target, upper store.Null[float64]
		var due store.NullTime
		err := rows.Scan(&g.ID, &g.Year, &g.Number, &g.Key, &g.Area, &g.Text, &g.Metric, &g.Params, &g.Comparator,
			&target, &upper, &due, &g.RemovedReason)
		g.Target, g.UpperTarget = floatPtr(target), floatPtr(upper)
		g.DueOn = dayOrZero(due.Time)
		return &g, err
	},
}

// goalStatusTable is the board's dated input on goals (DESIGN "Precise
// readings: Dated board input"): the import only ever adds to it, so the
// history of what the board said stays as it was.
var goalStatusTable = importTable[GoalStatusEntry]{
	name:    "goal_statuses",
	columns: []string{"id", "goal_id", "set_on", "status", "comment"},
	selects: []string{"id", "goal_id", "set_on", "coalesce(status, '')", "coalesce(comment, '')"},
	keyCols: 1,
	values: func(e *GoalStatusEntry) []any {
		return []any{e.ID, e.GoalID, e.SetOn, null(string(e.Status)), null(e.Comment)}
	},
	scan: func(rows *store.Rows) (*GoalStatusEntry, error) {
		var e GoalStatusEntry
		err := rows.Scan(&e.ID, &e.GoalID, &e.SetOn, &e.Status, &e.Comment)
		e.SetOn = dayOrZero(e.SetOn)
		return &e, err
	},
}

var feeTable = importTable[FeeBand]{
	name:    "fee_bands",
	columns: []string{"year", "category", "population_from", "population_to", "contribution", "annual_fee"},
	selects: []string{"year", "category", "population_from", "coalesce(population_to, 0)",
		"contribution::DOUBLE", "annual_fee::DOUBLE"},
	keyCols: 3,
	values: func(b *FeeBand) []any {
		return []any{b.Year, b.Category, b.PopulationFrom, nullInt(b.PopulationTo), b.Contribution, b.AnnualFee}
	},
	scan: func(rows *store.Rows) (*FeeBand, error) {
		var b FeeBand
		return &b, rows.Scan(&b.Year, &b.Category, &b.PopulationFrom, &b.PopulationTo, &b.Contribution, &b.AnnualFee)
	},
}

// null, nullInt and nullTime turn the domain types' zero values into NULL.
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

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func floatPtr(f store.Null[float64]) *float64 {
	if !f.Valid {
		return nil
	}
	return &f.V
}

// dayOrZero is t as a calendar date at midnight UTC; the zero time stays zero.
func dayOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
