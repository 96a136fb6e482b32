package analytics

import (
	"context"
	"fmt"

	"malbild/analytics/store"
)

// The tables that refer to members, services, events and goals carry no
// FOREIGN KEY constraints (migration 004: DuckDB refuses to update a row that
// a foreign key refers to when the update touches an indexed column, so a
// used service or member could not be corrected). The references are
// checked here instead, inside the writing transaction, by every writer that
// can break them: the import and its undo (which delete and insert the
// referenced rows) and the edits that add referring rows.

// Reference is one column that refers to another table's id.
type Reference struct {
	Table, Column, Refers string
}

// References lists every reference the schema no longer enforces. A NULL
// reference (a benefit of no service, a measurement of no member) refers to
// nothing and is never dangling.
var References = []Reference{
	{"participations", "member_id", "members"},
	{"participations", "service_id", "services"},
	{"attendance", "event_id", "events"},
	{"attendance", "member_id", "members"},
	{"goal_comments", "goal_id", "goals"},
	{"goal_statuses", "goal_id", "goals"},
	{"benefits", "service_id", "services"},
	{"benefit_measurements", "benefit_id", "benefits"},
	{"benefit_measurements", "member_id", "members"},
}

// Dangling is a row that refers to a row that does not exist.
type Dangling struct {
	Reference
	ID int64 // the missing id
}

// queryRower is a *store.Store, *store.Tx or *store.Conn (or, in tests, analyticstest.Handle).
type queryRower interface {
	QueryContext(ctx context.Context, query string, args ...any) (*store.Rows, error)
}

// CheckReferences finds the rows that refer to a missing member, service,
// event or goal; q is normally the transaction about to commit. It returns
// nil when every reference holds.
func CheckReferences(ctx context.Context, q queryRower) ([]Dangling, error) {
	var out []Dangling
	for _, r := range References {
		rows, err := q.QueryContext(ctx, fmt.Sprintf(`SELECT DISTINCT x.%[2]s FROM %[1]s x
			WHERE x.%[2]s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %[3]s y WHERE y.id = x.%[2]s) ORDER BY 1 LIMIT 10`, r.Table, r.Column, r.Refers))
		if err != nil {
			return nil, fmt.Errorf("check %s.%s: %w", r.Table, r.Column, err)
		}
		for rows.Next() {
			d := Dangling{Reference: r}
			if err := rows.Scan(&d.ID); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, d)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Added are the dangling references in after that were not in before: a
// writer checks that it broke no reference, and does not refuse its work
// for one it found broken.
func Added(before, after []Dangling) []Dangling {
	seen := map[Dangling]bool{}
	for _, d := range before {
		seen[d] = true
	}
	var out []Dangling
	for _, d := range after {
		if !seen[d] {
			out = append(out, d)
		}
	}
	return out
}
