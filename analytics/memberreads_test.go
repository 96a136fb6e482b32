package analytics_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestMembersByKindOverTime(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on, left_on) VALUES
		('Arboga',   'kommun', DATE '2020-01-01', NULL),
		('Boxholm',  'kommun', DATE '2020-12-31', DATE '2021-12-31'), -- last day 31 Dec: counted that day
		('Region X', 'region', DATE '2021-06-01', DATE '2022-01-01'),
		('SKR',      'ovrig',  DATE '2021-02-01', NULL),
		('Ydre',     'kommun', DATE '2022-03-15', NULL)`)
	got, err := s.MembersByKindOverTime(context.Background(), date("2022-03-15"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		day                            string
		kommun, region, förbund, övrig int
	}{{"2020-12-31", 2, 0, 0, 0}, {"2021-12-31", 2, 1, 0, 1}, {"2022-03-15", 2, 0, 0, 1}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		wantKinds := []analytics.KindCount{{"kommun", w.kommun}, {"region", w.region}, {"kommunalforbund", w.förbund}, {"ovrig", w.övrig}}
		if d := got[i].Date.Format(time.DateOnly); d != w.day || !reflect.DeepEqual(got[i].Kinds, wantKinds) {
			t.Errorf("point %d = %s %v, want %s %v", i, d, got[i].Kinds, w.day, wantKinds)
		}
	}
	if got[1].Total() != 4 {
		t.Errorf("total at 2021-12-31 = %d, want 4", got[1].Total())
	}
	// The totals are the overview's growth line, day by day.
	growth, err := s.MemberGrowth(context.Background(), date("2022-03-15"))
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range growth {
		if got[i].Total() != g.Value {
			t.Errorf("%s: total %d, growth %d", g.Date.Format(time.DateOnly), got[i].Total(), g.Value)
		}
	}
}

func TestMembersByKindOverTimeOfAnEmptyRegistryIsOneDay(t *testing.T) {
	s := analyticstest.New(t)
	got, err := s.MembersByKindOverTime(context.Background(), date("2022-06-30"))
	if err != nil || len(got) != 1 || got[0].Total() != 0 || len(got[0].Kinds) != 4 {
		t.Fatalf("got %v, %v; want one day with four zero kinds", got, err)
	}
}

func TestMemberGroupsInSwedishOrder(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, group_name, joined_on) VALUES
		('A', 'kommun', 'Östra', DATE '2020-01-01'), ('B', 'kommun', 'Ale', DATE '2020-01-01'),
		('C', 'kommun', 'Östra', DATE '2020-01-01'), ('D', 'kommun', NULL, DATE '2020-01-01'),
		('E', 'kommun', 'Zeta', DATE '2020-01-01')`)
	got, err := s.MemberGroups(context.Background())
	if err != nil || !slices.Equal(got, []string{"Ale", "Zeta", "Östra"}) {
		t.Errorf("groups %v, %v", got, err)
	}
}

func TestEngagementOverTimeFollowsTheDefinitionOfActive(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (id, name, kind, code, joined_on, left_on) VALUES
		(1, 'Håbo', 'kommun', '0305', DATE '2019-02-01', DATE '2020-12-31'),
		(2, 'Håbo', 'kommun', '0305', DATE '2022-04-01', NULL),
		(3, 'Annan', 'kommun', '0999', DATE '2019-01-01', NULL);
	INSERT INTO services (id, name, kind, ended_on) VALUES
		(1, 'Bibblix', 'service', NULL), (2, 'Egil', 'service', DATE '2022-06-30'), (3, 'Digidel', 'network', NULL);
	INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
		(1, 1, DATE '2019-03-01', NULL),          -- runs past the first membership's end
		(1, 3, DATE '2019-03-01', DATE '2020-06-30'),
		(2, 1, DATE '2022-05-01', NULL),
		(2, 2, DATE '2022-05-01', NULL),          -- open after the service ended
		(3, 1, DATE '2019-01-01', NULL)`)
	got, err := s.EngagementOverTime(context.Background(), date("2023-03-31"), 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []analytics.Engagement{
		{Date: date("2019-12-31"), Services: 1, Networks: 1},
		{Date: date("2020-12-31"), Services: 1},
		{Date: date("2021-12-31")},              // between the memberships
		{Date: date("2022-12-31"), Services: 1}, // Egil ended on 30 June
		{Date: date("2023-03-31"), Services: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	none, err := s.EngagementOverTime(context.Background(), date("2023-03-31"))
	if err != nil || len(none) != 1 || none[0] != (analytics.Engagement{Date: date("2023-03-31")}) {
		t.Errorf("no membership rows: %v, %v", none, err)
	}
}
