package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

const listData = `
INSERT INTO members (id, name, kind, code, county_code, population, group_name, joined_on, left_on) VALUES
	(1, 'Örebro',  'kommun', '1880', '18', 160000, NULL,     DATE '2010-01-01', NULL),
	(2, 'Arboga',  'kommun', '1984', '19', 14000,  'Västra', DATE '2012-05-01', NULL),
	(3, 'Ystad',   'kommun', '1286', '12', 31000,  'Västra', DATE '2011-01-01', DATE '2020-12-31'),
	(4, 'Ystad',   'kommun', '1286', '12', 31000,  NULL,     DATE '2022-01-01', NULL),
	(5, 'SKR',     'ovrig',  NULL,   NULL, NULL,   NULL,     DATE '2015-01-01', NULL);
INSERT INTO services (id, name, kind, started_on, ended_on) VALUES
	(1, 'Bibblix', 'service', DATE '2016-01-01', NULL),
	(2, 'Digidel', 'network', DATE '2013-01-01', NULL),
	(3, 'Gammal',  'service', DATE '2010-01-01', DATE '2021-06-30');
INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
	(1, 1, DATE '2016-01-01', NULL),
	(1, 2, DATE '2016-01-01', NULL),
	(1, 3, DATE '2012-01-01', NULL),          -- open past the service's end: inactive after it
	(2, 1, DATE '2017-01-01', DATE '2022-06-30'),
	(3, 1, DATE '2017-01-01', NULL),          -- runs past the member's last day
	(4, 1, DATE '2022-02-01', NULL);`

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func names(rows []analytics.MemberRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name)
	}
	return out
}

func TestListMembersOnADay(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, listData)
	ctx := context.Background()
	rows, err := s.ListMembers(ctx, day("2022-06-30"), analytics.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(rows), []string{"Arboga", "SKR", "Ystad", "Örebro"}; !equal(got, want) {
		t.Fatalf("members on 2022-06-30 = %v, want %v (Swedish order, Ystad's second membership)", got, want)
	}
	byName := map[string]analytics.MemberRow{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	if r := byName["Örebro"]; r.Services != 1 || r.Networks != 1 {
		t.Errorf("Örebro: %d services, %d networks; want 1 and 1 (the ended service does not count)", r.Services, r.Networks)
	}
	if r := byName["Arboga"]; r.Services != 1 {
		t.Errorf("Arboga on its participation's last day: %d services, want 1", r.Services)
	}
	if r := byName["Ystad"]; r.ID != 4 || r.Services != 1 {
		t.Errorf("Ystad: row %d with %d services, want row 4 with 1", r.ID, r.Services)
	}

	rows, err = s.ListMembers(ctx, day("2022-06-30"), analytics.MemberFilter{All: true, Group: "Västra"})
	if got := names(rows); err != nil || !equal(got, []string{"Arboga", "Ystad"}) {
		t.Errorf("group Västra with former members = %v", got)
	}
	rows, err = s.ListMembers(ctx, day("2022-06-30"), analytics.MemberFilter{Sort: "population", Desc: true, Kind: "kommun"})
	if got := names(rows); err != nil || !equal(got, []string{"Örebro", "Ystad", "Arboga"}) {
		t.Errorf("by population, descending = %v (%v)", got, err)
	}
	for sort := range map[string]bool{"name": true, "kind": true, "county": true, "population": true, "joined": true, "services": true} {
		if _, err := s.ListMembers(ctx, day("2022-06-30"), analytics.MemberFilter{Sort: sort}); err != nil {
			t.Errorf("sort %s: %v", sort, err)
		}
	}
	if _, err := s.ListMembers(ctx, day("2022-06-30"), analytics.MemberFilter{Sort: "1; DROP TABLE members"}); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("unknown sort: %v, want invalid", err)
	}
}

func TestMembershipsAndParticipationsOfARejoiningMember(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, listData)
	ctx := context.Background()
	m, err := s.MemberByID(ctx, 4)
	if err != nil {
		t.Fatal(err)
	}
	periods, err := s.Memberships(ctx, m)
	if err != nil || len(periods) != 2 || periods[0].ID != 3 || !periods[0].LeftOn.Equal(day("2020-12-31")) {
		t.Fatalf("Ystad's memberships = %+v (%v), want rows 3 and 4", periods, err)
	}
	parts, err := s.ParticipationsOf(ctx, day("2021-06-30"), 3, 4)
	if err != nil || len(parts) != 2 {
		t.Fatalf("participations = %+v (%v)", parts, err)
	}
	if parts[0].Active || !parts[1].ToOn.IsZero() {
		t.Errorf("the first period's Bibblix must be inactive on 2021-06-30 (member gone): %+v", parts[0])
	}
	if _, err := s.MemberByID(ctx, 99); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("unknown id: %v", err)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
