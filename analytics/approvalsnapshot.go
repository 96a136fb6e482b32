package analytics

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Snapshot is the figures of a plan year's report as of a day: what an
// approval freezes, and what the live data gives on the same day to compare
// with it (LiveSnapshot).
type Snapshot struct {
	Metrics   MetricSet         // every metric on the day, as /api/metrics
	Goals     []GoalResult      // the plan's goals on the day, as /api/goals
	Comments  []ApprovedComment // the goals' comments written on or before the day
	Services  []ApprovedService // participants per service and network
	Members   []ApprovedMember  // the members active on the day, no personal data
	FeeIncome *float64          // fee_income on the day; nil without a fee schedule
}

// ApprovedComment is a comment on a goal as the snapshot keeps it.
type ApprovedComment struct {
	Goal      string `json:"goal"` // the goal's key
	WrittenOn string `json:"written_on"`
	Author    string `json:"author"`
	Body      string `json:"body"`
}

// ApprovedService is a service's or network's participants on the day.
type ApprovedService struct {
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	Participants int    `json:"participants"`
}

// ApprovedMember is a membership row without personal data: no contact
// name, no e-mail, no organisation number.
type ApprovedMember struct {
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Code       string `json:"code"`
	County     string `json:"county"`     // the county code
	Population int    `json:"population"` // 0: unknown
	Joined     string `json:"joined"`
	Left       string `json:"left"` // "" while a member
}

// Key identifies a member row among those active on one day: its code
// (a rejoined member's periods do not overlap), else its name.
func (m ApprovedMember) Key() string {
	if m.Code != "" {
		return m.Code
	}
	return m.Name
}

// LiveSnapshot is the snapshot the live data gives for plan year on asOf.
func (s *Store) LiveSnapshot(ctx context.Context, year int, asOf time.Time) (Snapshot, error) {
	return s.snapshot(ctx, year, day(asOf))
}

func (s *Store) snapshot(ctx context.Context, year int, asOf time.Time) (Snapshot, error) {
	var snap Snapshot
	var err error
	if snap.Metrics, err = s.Metrics(ctx, asOf); err != nil {
		return snap, err
	}
	if snap.Goals, err = s.EvaluateGoals(ctx, year, asOf); err != nil {
		return snap, err
	}
	comments, err := s.GoalComments(ctx, year, asOf)
	if err != nil {
		return snap, err
	}
	keys := map[int64]string{}
	for _, g := range snap.Goals {
		keys[g.ID] = g.Key
	}
	snap.Comments = []ApprovedComment{}
	for _, c := range comments {
		snap.Comments = append(snap.Comments, ApprovedComment{Goal: keys[c.GoalID], WrittenOn: sqlDate(c.WrittenOn), Author: c.Author, Body: c.Body})
	}
	services, err := s.ServiceParticipation(ctx, asOf)
	if err != nil {
		return snap, err
	}
	snap.Services = []ApprovedService{}
	for _, sv := range services {
		snap.Services = append(snap.Services, ApprovedService{Name: sv.Name, Kind: sv.Kind, Participants: sv.Participants})
	}
	if snap.Members, err = breakdown(ctx, s, "approved_members", asOf, func(m *ApprovedMember) []any {
		return []any{&m.Name, &m.Kind, &m.Code, &m.County, &m.Population, &m.Joined, &m.Left}
	}); err != nil {
		return snap, err
	}
	fee, _ := snap.Metrics.Get("fee_income")
	snap.FeeIncome = fee.Value
	return snap, nil
}

// columns are the snapshot's JSON columns: metrics, goals, comments,
// services, members.
func (snap Snapshot) columns() ([5]string, error) {
	var out [5]string
	goals := snap.Goals
	if goals == nil {
		goals = []GoalResult{}
	}
	for i, v := range []any{snap.Metrics, goals, snap.Comments, snap.Services, snap.Members} {
		b, err := json.Marshal(v)
		if err != nil {
			return out, err
		}
		out[i] = string(b)
	}
	return out, nil
}

func (snap *Snapshot) fromColumns(cols [5]string) error {
	for i, v := range []any{&snap.Metrics, &snap.Goals, &snap.Comments, &snap.Services, &snap.Members} {
		if err := json.Unmarshal([]byte(cols[i]), v); err != nil {
			return fmt.Errorf("read approved snapshot column %d: %w", i, err)
		}
	}
	return nil
}

// UnmarshalJSON reads {"members": {"value": 33}, ...} keeping the order.
func (ms *MetricSet) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	*ms = MetricSet{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var v Value
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*ms = append(*ms, KeyedValue{Key: key, Value: v})
	}
	return nil
}

// UnmarshalJSON reads a goal in the shape MarshalJSON writes (/api/goals),
// so that an approved snapshot reads back as it was; the id is not in it.
func (r *GoalResult) UnmarshalJSON(b []byte) error {
	var g goalJSON
	if err := json.Unmarshal(b, &g); err != nil {
		return err
	}
	due, errDue := optionalDate(g.Due)
	valueDate, errValue := optionalDate(g.ValueDate)
	statusDate, errStatus := optionalDate(optionalValue(g.StatusDate))
	if err := errors.Join(errDue, errValue, errStatus); err != nil {
		return err
	}
	var meets *bool
	if g.ForecastMeets != nil {
		meets = g.ForecastMeets.v
	}
	*r = GoalResult{Key: g.Key, Number: g.Number, Year: g.Year, Area: deref(g.Area), Text: g.Text, Metric: g.Metric,
		Params: g.Params, Comparator: deref(g.Comparator), Target: g.Target, UpperTarget: g.UpperTarget,
		Due: due, Value: g.Value, ValueDate: valueDate, Status: g.Status, Rule: g.Rule,
		Pace: g.Pace, Forecast: g.Forecast, ForecastMeets: meets, Comment: deref(g.Comment),
		Manual: g.Manual, StatusDate: statusDate, Service: g.Service}
	return nil
}

// optionalValue is the string behind an optional key, nil when the key was
// left out or null.
func optionalValue(o *optionalString) *string {
	if o == nil {
		return nil
	}
	return o.v
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// optionalDate reads a YYYY-MM-DD date that may be null (the zero time); a
// snapshot whose date does not read is refused, not read as no date.
func optionalDate(s *string) (time.Time, error) {
	if s == nil {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, *s)
}
