package analytics_test

import (
	"context"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestScorecardComparesTwoDaysAndFilters(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES
		('Arboga', 'kommun', DATE '2020-01-01'), ('Eda', 'kommun', DATE '2022-02-01'), ('Falun', 'kommun', DATE '2022-05-10')`,
		`INSERT INTO goals (year, number, key, area, text, metric, comparator, target) VALUES
		(2022, 1, 'tre', 'Medlemmar', 'Tre medlemmar', 'members', '>=', 3),
		(2022, 2, 'konf', 'Konferenser', 'En konferens', 'digital_conferences', '>=', 1),
		(2022, 3, 'styrelsen', NULL, 'Styrelsen bedömer', 'manual', NULL, NULL)`)
	ctx := context.Background()
	sc, err := s.Scorecard(ctx, 2022, date("2022-06-30"), date("2022-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Rows) != 3 || sc.Rows[0].Change == nil || *sc.Rows[0].Change != 1 || sc.Rows[2].Change != nil {
		t.Fatalf("rows %+v", sc.Rows)
	}
	want := map[analytics.Status]int{analytics.StatusMet: 0, analytics.StatusOnTrack: 1, analytics.StatusAtRisk: 1, analytics.StatusNoData: 1}
	for _, c := range sc.Counts {
		if c.Goals != want[c.Status] {
			t.Errorf("%s: %d goals, want %d", c.Status, c.Goals, want[c.Status])
		}
	}
	if got := sc.Areas(); len(got) != 2 || got[0] != "Medlemmar" || got[1] != "Konferenser" {
		t.Errorf("areas %v", got)
	}
	f := sc.Filter(analytics.StatusAtRisk, "")
	if len(f.Rows) != 1 || f.Rows[0].Now.Key != "konf" || f.Counts[1].Goals != 1 {
		t.Errorf("at risk: %+v", f)
	}
	if f := sc.Filter("", "Medlemmar"); len(f.Rows) != 1 || f.Counts[2].Goals != 0 {
		t.Errorf("area Medlemmar: %+v", f)
	}
	if _, err := s.Scorecard(ctx, 2022, date("2022-06-30"), date("2022-06-30")); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("since = as-of: %v, want EInvalid", err)
	}
}

func TestBoardMeetings(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	if d, err := s.PreviousBoardMeeting(ctx, date("2022-06-30")); err != nil || !d.IsZero() {
		t.Fatalf("no meetings: %v %v", d, err)
	}
	for _, d := range []string{"2022-04-20", "2022-06-30", "2022-04-20"} {
		if err := s.AddBoardMeeting(ctx, date(d), "kansliet"); err != nil {
			t.Fatal(err)
		}
	}
	if d, _ := s.PreviousBoardMeeting(ctx, date("2022-06-30")); d != date("2022-04-20") {
		t.Errorf("before 2022-06-30: %v, want the meeting before, not the one that day", d)
	}
	if d, _ := s.PreviousBoardMeeting(ctx, date("2022-07-01")); d != date("2022-06-30") {
		t.Errorf("before 2022-07-01: %v", d)
	}
	if d, err := s.PreviousBoardMeeting(ctx, date("2022-04-20")); err != nil || !d.IsZero() {
		t.Errorf("before the first meeting: %v %v, want none", d, err)
	}
	if ms, _ := s.BoardMeetings(ctx); len(ms) != 2 || ms[0] != date("2022-06-30") {
		t.Errorf("meetings %v, want two, the latest first", ms)
	}
	if err := s.RemoveBoardMeeting(ctx, date("2022-06-30")); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveBoardMeeting(ctx, date("2022-06-30")); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("removing twice: %v, want ENotFound", err)
	}
	if err := s.AddBoardMeeting(ctx, date("0999-01-01"), "x"); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("year 999: %v", err)
	}
}
