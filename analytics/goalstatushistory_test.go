package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// DESIGN "Goal status" rule 4: a manual goal's status on d is the latest the
// board set on or before d, with its day and comment; nothing later shows.
func TestManualStatusIsKnownFromTheDayItWasSet(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	analyticstest.Exec(t, s, `INSERT INTO goals (id, year, number, key, text, metric) VALUES (1, 2022, 7, 'natverk', 'Tydliga nätverk', 'manual')`)
	setOn := func(day string, status analytics.Status, comment string) {
		t.Helper()
		s.Now = func() time.Time {
			return time.Date(2022, 1, 1, 15, 0, 0, 0, analytics.Stockholm).AddDate(0, 0, int(daysSince2022(day)))
		}
		if err := s.SetGoalJudgement(ctx, 1, status, comment); err != nil {
			t.Fatal(err)
		}
	}
	setOn("2022-04-03", analytics.StatusAtRisk, "Pausat.")
	setOn("2022-11-08", analytics.StatusMet, "")
	for _, c := range []struct {
		asOf, status, statusDate, comment string
		rule                              int
	}{
		{"2022-04-02", "no_data", "", "", 4}, // the day before it was set: not known yet
		{"2022-04-03", "at_risk", "2022-04-03", "Pausat.", 4},
		{"2022-11-07", "at_risk", "2022-04-03", "Pausat.", 4}, // the earlier status stays in the history
		{"2022-11-08", "met", "2022-11-08", "", 4},            // set with no comment: none from then on
		{"2023-03-01", "met", "2022-11-08", "", 4},
	} {
		r := evaluate(t, s, c.asOf)["natverk"]
		if string(r.Status) != c.status || r.Rule != c.rule || dateText(r.StatusDate) != c.statusDate || r.Comment != c.comment {
			t.Errorf("as of %s: %s (rule %d) set %q, comment %q; want %s (rule %d) set %q, comment %q", c.asOf,
				r.Status, r.Rule, dateText(r.StatusDate), r.Comment, c.status, c.rule, c.statusDate, c.comment)
		}
	}
	history, err := s.GoalStatusHistory(ctx, 1, time.Time{})
	if err != nil || len(history) != 2 || history[0].Status != analytics.StatusAtRisk || history[1].Status != analytics.StatusMet {
		t.Errorf("history = %+v, %v; want both statuses, oldest first", history, err)
	}
	if h, _ := s.GoalStatusHistory(ctx, 1, date("2022-11-07")); len(h) != 1 {
		t.Errorf("history as of 2022-11-07 = %+v; want the April status only", h)
	}
	// The goal itself (the edit form) carries the latest input.
	if g, _ := s.GoalByID(ctx, 1); g.Status != "met" || dateText(g.StatusSetOn) != "2022-11-08" || g.Comment != "" {
		t.Errorf("goal = %+v", g)
	}
}

func TestBoardInputOnTakesTheLatestStatusAndTheLatestComment(t *testing.T) {
	entries := []analytics.GoalStatusEntry{
		{ID: 3, SetOn: date("2022-05-01"), Comment: "Bara en kommentar."},
		{ID: 1, SetOn: date("2022-03-01"), Status: analytics.StatusOnTrack, Comment: "Först."},
		{ID: 2, SetOn: date("2022-03-01"), Status: analytics.StatusAtRisk, Comment: "Samma dag, senare."},
		{ID: 4, SetOn: date("2022-09-01"), Status: analytics.StatusMet},
	}
	for _, c := range []struct {
		asOf    string
		want    analytics.BoardInput
		comment string
	}{
		{"2022-02-28", analytics.BoardInput{}, ""},
		{"2022-03-01", analytics.BoardInput{Status: analytics.StatusAtRisk, StatusDate: date("2022-03-01"), Comment: "Samma dag, senare.", Latest: date("2022-03-01")}, ""},
		{"2022-06-01", analytics.BoardInput{Status: analytics.StatusAtRisk, StatusDate: date("2022-03-01"), Comment: "Bara en kommentar.", Latest: date("2022-05-01")}, ""},
		{"2022-09-01", analytics.BoardInput{Status: analytics.StatusMet, StatusDate: date("2022-09-01"), Latest: date("2022-09-01")}, ""},
	} {
		if got := analytics.BoardInputOn(entries, date(c.asOf)); got != c.want {
			t.Errorf("as of %s: %+v, want %+v", c.asOf, got, c.want)
		}
	}
}

func TestUndatedInputCountsFromTheImportDayOrTheDueDate(t *testing.T) {
	due := date("2022-12-31")
	for _, c := range []struct{ imported, want string }{
		{"2022-06-15", "2022-06-15"}, // imported during the year: known from that day
		{"2026-11-22", "2022-12-31"}, // typed in afterwards: known from the due date
		{"2022-12-31", "2022-12-31"},
	} {
		if got := analytics.UndatedInputDay(date(c.imported), due); !got.Equal(date(c.want)) {
			t.Errorf("imported %s: %s, want %s", c.imported, got.Format(time.DateOnly), c.want)
		}
	}
}

func TestLoadDatesUndatedBoardInput(t *testing.T) {
	s := analyticstest.New(t) // today is 2026-11-22
	ctx := context.Background()
	ds := analytics.Dataset{Goals: []analytics.Goal{
		{Year: 2022, Number: 7, Key: "undated", Text: "Nätverk", Metric: "manual", Status: "on_track", Comment: "Utan datum."},
		{Year: 2022, Number: 8, Key: "dated", Text: "Nätverk", Metric: "manual", Status: "met", StatusSetOn: date("2022-05-02")},
	}}
	if err := s.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	got := evaluate(t, s, "2022-12-30")
	if got["undated"].Status != analytics.StatusNoData || got["dated"].Status != analytics.StatusMet {
		t.Errorf("2022-12-30: undated %s, dated %s; want no_data and met", got["undated"].Status, got["dated"].Status)
	}
	if r := evaluate(t, s, "2022-12-31")["undated"]; r.Status != analytics.StatusOnTrack || r.Comment != "Utan datum." ||
		dateText(r.StatusDate) != "2022-12-31" {
		t.Errorf("on its due date: %+v", r)
	}
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func daysSince2022(day string) float64 {
	return date(day).Sub(date("2022-01-01")).Hours() / 24
}
