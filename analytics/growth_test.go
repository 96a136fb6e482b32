package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics/analyticstest"
)

func TestMemberGrowthCountsYearEndsAndTheAsOfDay(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on, left_on) VALUES
		('Arboga',   'kommun', DATE '2020-01-01', NULL),
		('Boxholm',  'kommun', DATE '2020-12-31', DATE '2021-12-31'), -- last day 31 Dec: counted that day
		('Region X', 'region', DATE '2021-06-01', DATE '2022-01-01'), -- gone by 2022-12-31
		('Ydre',     'kommun', DATE '2022-03-15', NULL)`)
	got, err := s.MemberGrowth(context.Background(), time.Date(2022, 3, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		day string
		n   int
	}{{"2020-12-31", 2}, {"2021-12-31", 3}, {"2022-03-15", 2}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if d := got[i].Date.Format(time.DateOnly); d != w.day || got[i].Value != w.n {
			t.Errorf("point %d = %s %d, want %s %d", i, d, got[i].Value, w.day, w.n)
		}
	}
}

func TestMemberGrowthOfAnEmptyRegistryIsOneZero(t *testing.T) {
	s := analyticstest.New(t)
	got, err := s.MemberGrowth(context.Background(), time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(got) != 1 || got[0].Value != 0 {
		t.Fatalf("got %v, %v; want one point with 0", got, err)
	}
}
