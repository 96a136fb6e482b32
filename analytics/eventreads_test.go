package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

const eventFixture = `
INSERT INTO members (id, name, kind, code, county_code, joined_on) VALUES
	(1, 'Ale',    'kommun', '1440', '14', DATE '2015-01-01'),
	(2, 'Boden',  'kommun', '2582', NULL, DATE '2015-01-01'),  -- county from its code
	(3, 'Region', 'region', '20',   '20', DATE '2015-01-01'),
	(4, 'SKR',    'ovrig',  NULL,   NULL, DATE '2015-01-01');
INSERT INTO events (id, name, held_on, format, role) VALUES
	(1, 'Vårkonferens 2020', DATE '2020-04-01', 'physical', 'host'),
	(2, 'Webbinarium 2022',  DATE '2022-02-01', 'digital',  'host'),
	(3, 'Almedalen 2022',    DATE '2022-07-01', 'hybrid',   'participant'),
	(4, 'Höstkonferens 2022',DATE '2022-10-01', 'physical', 'host');
INSERT INTO attendance (event_id, member_id, attendees) VALUES
	(1, 1, 5),
	(2, 1, 2), (2, 2, 1), (2, 3, 4), (2, 4, 0),  -- SKR signed up, nobody came
	(3, 1, 1), (3, 2, 3),
	(4, 1, 7)`

func TestEventsPerYearUpToTheDay(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, eventFixture)
	got, err := s.EventsPerYear(context.Background(), date("2022-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	want := []analytics.EventYear{
		{Year: 2020, Events: 1, Physical: 1, Hosted: 1},
		{Year: 2021},
		{Year: 2022, Events: 2, Digital: 1, Hybrid: 1, Hosted: 1, AsParticipant: 1}, // the autumn conference is later
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	empty := analyticstest.New(t)
	if got, err := empty.EventsPerYear(context.Background(), date("2022-07-01")); err != nil ||
		!reflect.DeepEqual(got, []analytics.EventYear{{Year: 2022}}) {
		t.Errorf("no events: %v, %v", got, err)
	}
}

func TestAttendanceOfTheYearByKindAndCounty(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, eventFixture)
	ctx := context.Background()
	kinds, err := s.AttendanceByKind(ctx, date("2022-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	wantKinds := []analytics.KindAttendance{{"kommun", 2, 7}, {"region", 1, 4}, {"kommunalforbund", 0, 0}, {"ovrig", 0, 0}}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("by kind %v, want %v", kinds, wantKinds)
	}
	counties, err := s.AttendanceByCounty(ctx, date("2022-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	wantCounties := []analytics.CountyAttendance{{"14", 1, 3}, {"20", 1, 4}, {"25", 1, 4}}
	if !reflect.DeepEqual(counties, wantCounties) {
		t.Errorf("by county %v, want %v", counties, wantCounties)
	}
}

func TestEventsOfYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, eventFixture)
	got, err := s.EventsOfYear(context.Background(), date("2022-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %+v, want the two events of 2022 up to 1 July", got)
	}
	if g := got[0]; g.Name != "Webbinarium 2022" || g.Format != "digital" || g.Role != "host" || g.Members != 3 || g.People != 7 ||
		!g.HeldOn.Equal(date("2022-02-01")) {
		t.Errorf("first event %+v", g)
	}
	if g := got[1]; g.Name != "Almedalen 2022" || g.Members != 2 || g.People != 4 {
		t.Errorf("second event %+v", g)
	}
}
