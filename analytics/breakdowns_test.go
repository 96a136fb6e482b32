package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

const breakdownFixture = `
INSERT INTO members (id, name, kind, code, county_code, population, joined_on, left_on) VALUES
	(1, 'Ale',     'kommun', '1440', '14', 32000, DATE '2015-01-12', NULL),
	(2, 'Alingsås','kommun', '1489', NULL, 42000, DATE '2020-03-01', NULL),  -- county from its code
	(3, 'Boden',   'kommun', '2582', '25', 28000, DATE '2020-01-01', DATE '2022-06-30'),
	(4, 'Region',  'region', '20',   '20', 286000, DATE '2021-01-01', NULL),
	(5, 'SKR',     'ovrig',  NULL,   NULL, NULL, DATE '2021-06-01', NULL),
	(6, 'Kiruna',  'kommun', '2584', '25', 22000, DATE '2022-07-01', NULL);
INSERT INTO services (id, name, kind, area, started_on, ended_on) VALUES
	(1, 'Bibblix', 'service', 'bibliotek', DATE '2016-01-01', NULL),
	(2, 'Egil',    'service', 'skola', DATE '2019-01-01', DATE '2022-06-29'),
	(3, 'Digidel', 'network', NULL, DATE '2013-01-01', NULL),
	(4, 'Ärende',  'service', NULL, DATE '2023-01-01', NULL);
INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
	(1, 1, DATE '2016-01-01', NULL), (1, 2, DATE '2019-01-01', NULL), (1, 3, DATE '2016-01-01', NULL),
	(2, 1, DATE '2021-01-01', NULL),
	(3, 1, DATE '2021-01-01', NULL),
	(4, 1, DATE '2021-01-01', NULL), (4, 3, DATE '2021-01-01', NULL)`

func TestMembersByKindAndCounty(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, breakdownFixture)
	kinds, err := s.MembersByKind(context.Background(), date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	wantKinds := []analytics.KindCount{{"kommun", 3}, {"region", 1}, {"kommunalforbund", 0}, {"ovrig", 1}}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("by kind = %v, want %v", kinds, wantKinds)
	}
	counties, err := s.MembersByCounty(context.Background(), date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	wantCounties := []analytics.CountyCount{{"", 1}, {"14", 2}, {"20", 1}, {"25", 1}}
	if !reflect.DeepEqual(counties, wantCounties) {
		t.Errorf("by county = %v, want %v", counties, wantCounties)
	}
}

func TestServiceParticipation(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, breakdownFixture)
	got, err := s.ServiceParticipation(context.Background(), date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	// Five active members; Egil ended the day before; Ärende has not started.
	want := []analytics.ServiceParticipants{
		{ServiceID: 1, Name: "Bibblix", Kind: "service", Area: "bibliotek", Running: true, Participants: 4, Municipalities: 3, Share: num(4.0 / 5)},
		{ServiceID: 2, Name: "Egil", Kind: "service", Area: "skola", Running: false, Participants: 0, Municipalities: 0, Share: num(0)},
		{ServiceID: 4, Name: "Ärende", Kind: "service", Running: false, Share: num(0)},
		{ServiceID: 3, Name: "Digidel", Kind: "network", Running: true, Participants: 2, Municipalities: 1, Share: num(2.0 / 5)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d services, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !sameNumber(g.Share, w.Share) {
			t.Errorf("%s share %s, want %s", g.Name, show(g.Share), show(w.Share))
		}
		g.Share, w.Share = nil, nil
		if g != w {
			t.Errorf("service %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestServicesPerMemberDistribution(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, breakdownFixture)
	got, err := s.ServicesPerMemberDistribution(context.Background(), date("2022-06-28"))
	if err != nil {
		t.Fatal(err)
	}
	// Ale: Bibblix and Egil (the network does not count); Alingsås, Boden and
	// the region: Bibblix; SKR: none.
	want := []analytics.ServiceCount{{0, 1}, {1, 3}, {2, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	empty := analyticstest.New(t)
	if got, err := empty.ServicesPerMemberDistribution(context.Background(), date("2022-06-28")); err != nil ||
		!reflect.DeepEqual(got, []analytics.ServiceCount{{0, 0}}) {
		t.Errorf("no members: %v, %v", got, err)
	}
}

func TestJoinedLostByYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, breakdownFixture)
	got, err := s.JoinedLostByYear(context.Background(), date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 8 || got[0] != (analytics.YearFlow{Year: 2015, Joined: 1}) ||
		got[5] != (analytics.YearFlow{Year: 2020, Joined: 2}) || got[6] != (analytics.YearFlow{Year: 2021, Joined: 2}) ||
		got[7] != (analytics.YearFlow{Year: 2022, Joined: 0, Lost: 1}) {
		t.Errorf("got %v", got)
	}
	empty := analyticstest.New(t)
	if got, err := empty.JoinedLostByYear(context.Background(), date("2022-06-30")); err != nil ||
		!reflect.DeepEqual(got, []analytics.YearFlow{{Year: 2022}}) {
		t.Errorf("no members: %v, %v", got, err)
	}
}

func TestCoverageByCounty(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, breakdownFixture, `INSERT INTO members (id, name, kind, code, county_code, population, joined_on)
		VALUES (7, 'Felkod', 'kommun', '9901', '99', 1000, DATE '2020-01-01')`)
	counties := []analytics.CountyTotal{
		{Code: "14", Name: "Västra Götalands län", Municipalities: 49, Population: 1700000},
		{Code: "25", Name: "Norrbottens län", Municipalities: 14, Population: 250000},
		{Code: "01", Name: "Stockholms län", Municipalities: 26, Population: 2400000},
	}
	got, err := s.CoverageByCounty(context.Background(), date("2022-06-30"), counties)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		code          string
		munis, people int
		share         *float64
	}
	want := []row{{"14", 2, 74000, num(2.0 / 49)}, {"25", 1, 28000, num(1.0 / 14)}, {"01", 0, 0, num(0)}, {"99", 1, 1000, nil}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.Code != w.code || g.MemberMunicipalities != w.munis || g.MemberPopulation != w.people || !sameNumber(g.MunicipalityShare, w.share) {
			t.Errorf("county %d = %s %d %d %s, want %+v", i, g.Code, g.MemberMunicipalities, g.MemberPopulation, show(g.MunicipalityShare), w)
		}
	}
	if !sameNumber(got[0].PopulationShare, num(74000.0/1700000)) || got[0].Name != "Västra Götalands län" {
		t.Errorf("Västra Götaland: %+v", got[0])
	}
}
