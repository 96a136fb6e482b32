package analytics

import (
	"context"
	"encoding/json"
	"fmt"
)

// Kinds of Change.
const (
	ChangeMetric     = "metric"
	ChangeGoalValue  = "goal_value"
	ChangeGoalStatus = "goal_status"
	ChangeService    = "service"
	ChangeMember     = "member"
)

// Change is one figure whose live value on the approved day differs from the
// approved one (DESIGN "changes since approval"): Old is what was approved,
// New what the data gives now; a row on one side only has nil on the other.
type Change struct {
	Kind string `json:"kind"`
	Key  string `json:"key"` // metric key, goal key, service name or member code (else name)
	Old  any    `json:"old"`
	New  any    `json:"new"`
	// Metric is the metric a value is of (metric and goal_value), for
	// formatting it.
	Metric string `json:"-"`
}

// Changes lists what differs between an approved snapshot and the live one of
// the same plan year and day: every metric (as /api/metrics's value), goal
// value, goal status, service's participants and member row, in the
// snapshot's order, what the live data adds after. A metric that a later
// Målbild added to the catalogue was not approved and is no change.
func Changes(approved, live Snapshot) []Change {
	out := []Change{}
	liveMetrics := map[string]Value{}
	for _, kv := range live.Metrics {
		liveMetrics[kv.Key] = kv.Value
	}
	for _, kv := range approved.Metrics {
		now, ok := liveMetrics[kv.Key]
		if !ok {
			out = append(out, Change{Kind: ChangeMetric, Key: kv.Key, Old: kv.Value, New: nil, Metric: kv.Key})
		} else if !sameValue(kv.Value.Value, now.Value) || kv.Value.Service != now.Service {
			out = append(out, Change{Kind: ChangeMetric, Key: kv.Key, Old: kv.Value, New: now, Metric: kv.Key})
		}
	}
	out = append(out, goalChanges(approved.Goals, live.Goals)...)
	out = append(out, changesBy(approved.Services, live.Services, ChangeService,
		func(s ApprovedService) string { return s.Kind + " " + s.Name }, func(s ApprovedService) string { return s.Name },
		func(s ApprovedService) any { return s.Participants })...)
	out = append(out, changesBy(approved.Members, live.Members, ChangeMember, ApprovedMember.Key, ApprovedMember.Key,
		func(m ApprovedMember) any { return m })...)
	return out
}

func goalChanges(approved, live []GoalResult) []Change {
	var out []Change
	byKey := map[string]GoalResult{}
	for _, g := range live {
		byKey[g.Key] = g
	}
	seen := map[string]bool{}
	for _, g := range approved {
		seen[g.Key] = true
		now, ok := byKey[g.Key]
		switch {
		case !ok:
			out = append(out, Change{Kind: ChangeGoalValue, Key: g.Key, Old: g.Value, New: nil, Metric: g.Metric},
				Change{Kind: ChangeGoalStatus, Key: g.Key, Old: g.Status, New: nil})
			continue
		case !sameValue(g.Value, now.Value):
			out = append(out, Change{Kind: ChangeGoalValue, Key: g.Key, Old: g.Value, New: now.Value, Metric: g.Metric})
		}
		if g.Status != now.Status {
			out = append(out, Change{Kind: ChangeGoalStatus, Key: g.Key, Old: g.Status, New: now.Status})
		}
	}
	for _, g := range live {
		if !seen[g.Key] {
			out = append(out, Change{Kind: ChangeGoalValue, Key: g.Key, Old: nil, New: g.Value, Metric: g.Metric},
				Change{Kind: ChangeGoalStatus, Key: g.Key, Old: nil, New: g.Status})
		}
	}
	return out
}

// changesBy compares two lists of rows by identity: a row on one side only,
// or whose value differs, is a change named by its label.
func changesBy[T comparable](approved, live []T, kind string, id, label func(T) string, value func(T) any) []Change {
	var out []Change
	liveKeys, approvedKeys := identities(live, id), identities(approved, id)
	byID := map[string]T{}
	for i, r := range live {
		byID[liveKeys[i]] = r
	}
	seen := map[string]bool{}
	for i, r := range approved {
		key := approvedKeys[i]
		seen[key] = true
		now, ok := byID[key]
		switch {
		case !ok:
			out = append(out, Change{Kind: kind, Key: label(r), Old: value(r), New: nil})
		case r != now:
			out = append(out, Change{Kind: kind, Key: label(r), Old: value(r), New: value(now)})
		}
	}
	for i, r := range live {
		if !seen[liveKeys[i]] {
			out = append(out, Change{Kind: kind, Key: label(r), Old: nil, New: value(r)})
		}
	}
	return out
}

// identities are the rows' identities, numbered where rows before have the
// same (two active rows of one code are data the import refuses, but a
// comparison must not pair them wrongly).
func identities[T any](rows []T, id func(T) string) []string {
	out := make([]string, len(rows))
	count := map[string]int{}
	for i, r := range rows {
		key := id(r)
		count[key]++
		if n := count[key]; n > 1 {
			key = fmt.Sprintf("%s#%d", key, n)
		}
		out[i] = key
	}
	return out
}

// sameValue says two values are equal within the tolerance of the goal
// rules (both unknown is equal).
func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return compare(*a, *b) == 0
}

// ChangesSince compares the approved report with the live data of its year
// on its day.
func (s *Store) ChangesSince(ctx context.Context, r ApprovedReport) ([]Change, error) {
	live, err := s.LiveSnapshot(ctx, r.Year, r.AsOf)
	if err != nil {
		return nil, err
	}
	return Changes(r.Snapshot, live), nil
}

// ApprovalDetail is an approved report with its changes since approval, as
// GET /api/approvals/{year}/{version} gives it.
type ApprovalDetail struct {
	ApprovedReport
	Changes []Change
}

// MarshalJSON writes the approval's fields, the snapshot (metrics and goals
// in the shapes of /api/metrics and /api/goals) and the changes.
func (d ApprovalDetail) MarshalJSON() ([]byte, error) {
	goals := d.Goals
	if goals == nil {
		goals = []GoalResult{}
	}
	changes := d.Changes
	if changes == nil {
		changes = []Change{}
	}
	return json.Marshal(struct {
		approvalFields
		Metrics   MetricSet         `json:"metrics"`
		Goals     []GoalResult      `json:"goals"`
		Comments  []ApprovedComment `json:"comments"`
		Services  []ApprovedService `json:"services"`
		Members   []ApprovedMember  `json:"members"`
		FeeIncome *float64          `json:"fee_income"`
		Changes   []Change          `json:"changes"`
	}{approvalJSON(d.Approval), d.Metrics, goals, d.Comments, d.Services, d.Members, d.FeeIncome, changes})
}
