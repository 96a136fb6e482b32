package analytics

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"
)

// GoalResult is one goal of a business plan evaluated on a day (DESIGN
// "Goal status"). Its JSON is the shape of /api/goals and of the samples'
// expected goals_*.json, plus "manual": true for a manual goal.
type GoalResult struct {
	ID          int64
	Key         string
	Number      int
	Year        int
	Area        string
	Text        string
	Metric      string // a metric key, or MetricManual
	Params      string
	Comparator  string // "" for a manual goal
	Target      *float64
	UpperTarget *float64
	Due         time.Time
	Value       *float64  // the metric on ValueDate; nil for a manual goal or with no data
	ValueDate   time.Time // min(as-of, Due); zero for a manual goal
	Status      Status
	Rule        int      // the rule of DESIGN "Goal status" that decided (1–5)
	Pace        *float64 // the pace line on the as-of day, only when it decided
	Forecast    *float64 // the value expected on Due (DESIGN "Forecast"); nil when none
	// ForecastMeets says whether Forecast holds the comparator; nil without a forecast.
	ForecastMeets *bool
	Comment       string
	Manual        bool
	StatusDate    time.Time // a manual goal: when the board set its status
	Service       string    // top_service_share: the service the value is about
}

// EvaluateGoals evaluates every goal of year's business plan on asOf (the
// zero time: today), in the plan's order, by the rules of DESIGN "Goal
// status": the value is the metric on min(asOf, due date); before 1 January of
// the plan's year a measured goal has no data yet. A year outside 1900–2999,
// or a goal whose metric, parameters or target cannot be evaluated, is
// EInvalid; a year without a plan gives no goals.
func (s *Store) EvaluateGoals(ctx context.Context, year int, asOf time.Time) ([]GoalResult, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	goals, err := s.goalsOf(ctx, "WHERE year = ?", year)
	if err != nil {
		return nil, err
	}
	// The board's input on the plan's goals, for the manual goals and
	// comments: evaluateEach reads it as known on asOf (BoardInputOn). It is
	// the read readGoals makes for the goals, so that a request reads it once
	// for both and for the scorecard's two days.
	input, err := s.goalStatusEntries(ctx, "WHERE goal_id IN (SELECT id FROM goals WHERE year = ?)", year)
	if err != nil {
		return nil, err
	}
	return s.evaluateEach(ctx, goals, input, asOf)
}

// evaluateEach evaluates the goals on asOf with the board's input (by goal,
// as goalStatusEntries gives it; what is set after asOf is not read).
func (s *Store) evaluateEach(ctx context.Context, goals []Goal, input map[int64][]GoalStatusEntry, asOf time.Time) ([]GoalResult, error) {
	// Goals are independent and each query costs a few milliseconds however
	// small the registry: evaluate them side by side.
	out := make([]GoalResult, len(goals))
	errs := make([]error, len(goals))
	var wg sync.WaitGroup
	for i, g := range goals {
		wg.Go(func() {
			out[i], errs[i] = s.evaluateGoal(ctx, g, BoardInputOn(input[g.ID], asOf), asOf)
			var inner *Error
			if errors.As(errs[i], &inner) && inner.Code == EInvalid {
				errs[i] = Keyed(EInvalid, "invalid.goal.of", g.Number, g.Key, g.Year, inner)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// evaluateGoal evaluates g on asOf; in is the board's input known on asOf
// (the goal's own Status and Comment, the latest input, are not read here).
func (s *Store) evaluateGoal(ctx context.Context, g Goal, in BoardInput, asOf time.Time) (GoalResult, error) {
	r := GoalResult{
		ID: g.ID, Key: g.Key, Number: g.Number, Year: g.Year, Area: g.Area, Text: g.Text,
		Metric: g.Metric, Params: g.Params, Comparator: g.Comparator,
		Target: g.Target, UpperTarget: g.UpperTarget, Due: g.DueOn, Comment: in.Comment,
	}
	if g.Metric == MetricManual {
		// Rule 4: the latest status set on or before asOf; none by then is
		// no data (still rule 4: the board has not judged it yet). No forecast.
		r.Manual, r.Rule = true, RuleManual
		r.Status, r.StatusDate = in.Status, in.StatusDate
		if in.Status == "" {
			r.Status = StatusNoData
		}
		return r, nil
	}
	m, err := lookupMetric(g.Metric)
	if err != nil {
		return r, err
	}
	params, err := ParseParams(g.Params)
	if err != nil {
		return r, err
	}
	args, err := m.bindParams(params)
	if err != nil {
		return r, err
	}
	t, err := targetOf(g)
	if err != nil {
		return r, err
	}
	y1 := time.Date(g.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	if asOf.Before(y1) {
		// The plan's year has not begun: a value from the year before would
		// judge the new goal by the old year (a cumulative one could be met).
		r.Status, r.Rule = StatusNoData, RuleNoData
		return r, nil
	}
	r.ValueDate = asOf
	if g.DueOn.Before(asOf) {
		r.ValueDate = g.DueOn
	}
	v, err := s.metricOn(ctx, m, args, r.ValueDate)
	if err != nil {
		return r, err
	}
	r.Value, r.Service = v.Value, v.Service
	if r.Forecast, err = s.forecast(ctx, m, args, asOf, g.DueOn); err != nil {
		return r, err
	}
	if r.Forecast != nil {
		meets := t.holds(*r.Forecast)
		r.ForecastMeets = &meets
	}
	if v.Value == nil {
		r.Status, r.Rule = StatusNoData, RuleNoData
		return r, nil
	}
	start := func() (*float64, error) {
		v, err := s.metricOn(ctx, m, args, y1)
		return v.Value, err
	}
	j, err := judge(t, m.Cumulative, *v.Value, asOf, y1, g.DueOn, start)
	if err != nil {
		return r, err
	}
	r.Status, r.Rule, r.Pace = j.status, j.rule, j.pace
	return r, nil
}

// targetOf checks that a measured goal has the targets its comparator needs.
func targetOf(g Goal) (goalTarget, error) {
	switch g.Comparator {
	case CmpAtLeast, CmpAbove, CmpAtMost, CmpBelow, CmpEqual, CmpBetween:
	default:
		return goalTarget{}, Keyed(EInvalid, "invalid.goal.comparator", g.Comparator)
	}
	if g.Target == nil {
		return goalTarget{}, Keyed(EInvalid, "invalid.goal.target")
	}
	t := goalTarget{comparator: g.Comparator, target: *g.Target}
	if g.Comparator == CmpBetween {
		if g.UpperTarget == nil || *g.UpperTarget < *g.Target {
			return goalTarget{}, Keyed(EInvalid, "invalid.goal.upper")
		}
		t.upper = *g.UpperTarget
	}
	return t, nil
}

// readGoals reads the goals matching where (a clause with ? arguments), in
// year and plan order; a missing due date reads as 31 December of the year.
// Status, StatusSetOn and Comment are the board's latest input from
// goal_statuses (the goals table's own status columns are no longer read).
func (s *Store) readGoals(ctx context.Context, where string, args ...any) ([]Goal, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, year, number, key, coalesce(area, ''), text, metric, params,
		       coalesce(comparator, ''), target, upper_target,
		       coalesce(due_on, make_date(year, 12, 31)), coalesce(removed_reason, '')
		FROM goals `+where+`
		ORDER BY year, number, key`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var goals []Goal
	for rows.Next() {
		var g Goal
		if err := rows.Scan(&g.ID, &g.Year, &g.Number, &g.Key, &g.Area, &g.Text, &g.Metric, &g.Params,
			&g.Comparator, &g.Target, &g.UpperTarget, &g.DueOn, &g.RemovedReason); err != nil {
			return nil, err
		}
		goals = append(goals, g)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	input, err := s.goalStatusEntries(ctx, "WHERE goal_id IN (SELECT id FROM goals "+where+")", args...)
	if err != nil {
		return nil, err
	}
	for i := range goals {
		in := BoardInputOn(input[goals[i].ID], endOfTime)
		goals[i].Status, goals[i].StatusSetOn, goals[i].Comment = string(in.Status), in.StatusDate, in.Comment
	}
	return goals, nil
}

// goalJSON is a goal in the shape of /api/goals: what GoalResult's
// MarshalJSON writes and its UnmarshalJSON (an approved snapshot) reads.
type goalJSON struct {
	Key           string          `json:"key"`
	Number        int             `json:"number"`
	Year          int             `json:"year"`
	Area          *string         `json:"area"`
	Text          string          `json:"text"`
	Metric        string          `json:"metric"`
	Params        string          `json:"params"`
	Comparator    *string         `json:"comparator"`
	Target        *float64        `json:"target"`
	UpperTarget   *float64        `json:"upper_target"`
	Due           *string         `json:"due"`
	Value         *float64        `json:"value"`
	ValueDate     *string         `json:"value_date"`
	Status        Status          `json:"status"`
	Rule          int             `json:"rule"`
	Pace          *float64        `json:"pace"`
	Forecast      *float64        `json:"forecast"`
	ForecastMeets *optionalBool   `json:"forecast_meets,omitempty"`
	Comment       *string         `json:"comment"`
	Manual        bool            `json:"manual,omitempty"`
	StatusDate    *optionalString `json:"status_date,omitempty"`
	Service       string          `json:"service,omitempty"`
}

// MarshalJSON writes the goal as /api/goals shows it: dates as YYYY-MM-DD,
// empty texts and zero dates as null; "manual" and "status_date" only for a
// manual goal, "forecast_meets" only for a measured one (as the samples'
// expected JSON has them), "service" only where it applies.
func (r GoalResult) MarshalJSON() ([]byte, error) {
	var meets *optionalBool
	var statusDate *optionalString
	if r.Manual {
		statusDate = &optionalString{nullDate(r.StatusDate)}
	} else {
		meets = &optionalBool{r.ForecastMeets}
	}
	return json.Marshal(goalJSON{
		r.Key, r.Number, r.Year, nullString(r.Area), r.Text, r.Metric, r.Params, nullString(r.Comparator),
		r.Target, r.UpperTarget, nullDate(r.Due), r.Value, nullDate(r.ValueDate), r.Status, r.Rule,
		r.Pace, r.Forecast, meets, nullString(r.Comment), r.Manual, statusDate, r.Service,
	})
}

// optionalBool and optionalString are a JSON value that may be null, behind
// a pointer that is nil when the key is left out.
type (
	optionalBool   struct{ v *bool }
	optionalString struct{ v *string }
)

func (o optionalBool) MarshalJSON() ([]byte, error)    { return json.Marshal(o.v) }
func (o optionalString) MarshalJSON() ([]byte, error)  { return json.Marshal(o.v) }
func (o *optionalBool) UnmarshalJSON(b []byte) error   { return json.Unmarshal(b, &o.v) }
func (o *optionalString) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, &o.v) }

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nullDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	return nullString(sqlDate(t))
}
