package dashboard

import (
	"context"
	"fmt"
	"strings"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// approvalView is the approved report of a plan year as the overview and the
// goals page show it: who approved it, when and at which meeting, the
// approved figures beside what the data gives on the same day now, and the
// changes since approval (DESIGN "The approved report").
type approvalView struct {
	analytics.Approval
	ApprovedOn time.Time // the day of ApprovedAt in Stockholm
	Figures    []approvedFigure
	Goals      []approvedGoal
	Changes    []changeView
}

// approvedFigure is a key figure as approved and as it is now on the
// approved day.
type approvedFigure struct {
	Metric         string
	Approved, Live analytics.Value
	Changed        bool
}

// approvedGoal is a goal's value and status as approved and now.
type approvedGoal struct {
	Number                       int
	Key, Text, Metric            string
	Approved, Live               analytics.GoalResult
	LiveMissing, ApprovedMissing bool
	Changed                      bool
}

// changeView is a Change said in the page's language.
type changeView struct {
	Kind, What, Old, New string
}

// approvalOf is the approved report in force for year, nil when the year
// has none.
func (s *Server) approvalOf(ctx context.Context, l string, year int) (*approvalView, error) {
	a, ok, err := s.store.InForce(ctx, year)
	if err != nil || !ok {
		return nil, err
	}
	r, err := s.store.ApprovedReportOf(ctx, a.Year, a.Version)
	if err != nil {
		return nil, err
	}
	live, err := s.store.LiveSnapshot(ctx, r.Year, r.AsOf)
	if err != nil {
		return nil, err
	}
	v := &approvalView{Approval: a, ApprovedOn: analytics.DateOf(a.ApprovedAt)}
	changes := analytics.Changes(r.Snapshot, live)
	changed := map[string]bool{}
	for _, ch := range changes {
		changed[ch.Kind+" "+ch.Key] = true
	}
	for _, m := range headline {
		approved, _ := r.Metrics.Get(m)
		now, _ := live.Metrics.Get(m)
		v.Figures = append(v.Figures, approvedFigure{Metric: m, Approved: approved, Live: now, Changed: changed[analytics.ChangeMetric+" "+m]})
	}
	v.Goals = approvedGoals(r.Goals, live.Goals, changed)
	names := map[string]string{}
	for _, g := range v.Goals {
		names[g.Key] = locale.Text(l, "approval.goal", g.Number, g.Text)
	}
	for _, ch := range changes {
		v.Changes = append(v.Changes, describeChange(l, ch, names))
	}
	return v, nil
}

// approvedGoals pairs the approved goals with the live ones by key, the
// approved plan's order first.
func approvedGoals(approved, live []analytics.GoalResult, changed map[string]bool) []approvedGoal {
	byKey := map[string]analytics.GoalResult{}
	for _, g := range live {
		byKey[g.Key] = g
	}
	var out []approvedGoal
	seen := map[string]bool{}
	for _, g := range approved {
		now, ok := byKey[g.Key]
		seen[g.Key] = true
		out = append(out, approvedGoal{Number: g.Number, Key: g.Key, Text: g.Text, Metric: g.Metric, Approved: g, Live: now,
			LiveMissing: !ok, Changed: changed[analytics.ChangeGoalValue+" "+g.Key] || changed[analytics.ChangeGoalStatus+" "+g.Key]})
	}
	for _, g := range live {
		if !seen[g.Key] {
			out = append(out, approvedGoal{Number: g.Number, Key: g.Key, Text: g.Text, Metric: g.Metric, Live: g, ApprovedMissing: true, Changed: true})
		}
	}
	return out
}

// describeChange says a change's figure and its old and new value.
func describeChange(l string, ch analytics.Change, goals map[string]string) changeView {
	v := changeView{Kind: locale.Text(l, "approval.kind."+ch.Kind), What: ch.Key}
	var say func(x any) string
	switch ch.Kind {
	case analytics.ChangeMetric:
		v.What = locale.Text(l, "metric."+ch.Key)
		say = func(x any) string {
			val, ok := x.(analytics.Value)
			if !ok {
				return "–"
			}
			text := formatMetric(l, ch.Metric, val.Value)
			if val.Service != "" {
				text += " (" + val.Service + ")"
			}
			return text
		}
	case analytics.ChangeGoalValue, analytics.ChangeGoalStatus:
		v.What = goals[ch.Key]
		say = func(x any) string {
			switch x := x.(type) {
			case *float64:
				return formatMetric(l, ch.Metric, x)
			case analytics.Status:
				return locale.Text(l, "status."+string(x))
			}
			return "–"
		}
	case analytics.ChangeService:
		say = func(x any) string {
			if n, ok := x.(int); ok {
				return formatInt(l, n)
			}
			return "–"
		}
	case analytics.ChangeMember:
		for _, row := range []any{ch.New, ch.Old} {
			if m, ok := row.(analytics.ApprovedMember); ok {
				v.What = m.Name
			}
		}
		say = func(x any) string {
			if m, ok := x.(analytics.ApprovedMember); ok {
				return memberLine(l, m)
			}
			return "–"
		}
	default:
		say = func(x any) string { return fmt.Sprint(x) }
	}
	v.Old, v.New = say(ch.Old), say(ch.New)
	return v
}

// memberLine is a member row of a snapshot in one line.
func memberLine(l string, m analytics.ApprovedMember) string {
	parts := []string{m.Name, locale.Text(l, "kind."+m.Kind)}
	if m.Code != "" {
		parts = append(parts, m.Code)
	}
	if m.Population > 0 {
		parts = append(parts, locale.Text(l, "approval.population", formatInt(l, m.Population)))
	}
	period := locale.Text(l, "approval.joined", m.Joined)
	if m.Left != "" {
		period += " – " + m.Left
	}
	return strings.Join(append(parts, period), ", ")
}
