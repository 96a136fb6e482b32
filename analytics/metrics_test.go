package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestMembersCountsTheActiveOnTheDayByKind(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on, left_on) VALUES
		('Arboga',  'kommun',          DATE '2022-01-01', NULL),
		('Boxholm', 'kommun',          DATE '2022-06-15', NULL),              -- joins on the day: active
		('Region',  'region',          DATE '2020-01-01', DATE '2022-06-15'), -- last day is the day: active
		('SKR',     'ovrig',           DATE '2020-01-01', DATE '2022-06-14'), -- gone the day before
		('Förbund', 'kommunalforbund', DATE '2022-06-16', NULL)               -- joins the day after`)
	wantValue(t, s, "members", nil, "2022-06-15", num(3))
	wantValue(t, s, "members", analytics.Params{"kind": "kommun"}, "2022-06-15", num(2))
	wantValue(t, s, "members", analytics.Params{"kind": "region"}, "2022-06-15", num(1))
	wantValue(t, s, "members", analytics.Params{"kind": "ovrig"}, "2022-06-15", num(0))
	wantValue(t, s, "members", analytics.Params{"kind": "kommunalforbund"}, "2022-06-16", num(1))
	wantValue(t, s, "members", nil, "2021-12-31", num(2))
}

func TestEveryMetricOfAnEmptyRegistry(t *testing.T) {
	s := analyticstest.New(t)
	set, err := s.Metrics(context.Background(), date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*float64{
		"members": num(0), "members_joined": num(0), "members_lost": num(0),
		"services_per_member":  nil,                                                                // no active member
		"one_service_upgraded": num(1), "unengaged_members": num(0), "unengaged_activated": num(1), // empty base
		"top_service_share":         nil,
		"networks_min_participants": num(0), "digital_conferences": num(0),
		"municipality_coverage": num(0), "population_coverage": num(0),
		"fee_income": nil, // no schedule
	}
	if len(set) != len(want) {
		t.Fatalf("got %d metrics, want %d", len(set), len(want))
	}
	for _, kv := range set {
		if !sameNumber(kv.Value.Value, want[kv.Key]) || kv.Value.Service != "" {
			t.Errorf("%s = %s %q, want %s", kv.Key, show(kv.Value.Value), kv.Value.Service, show(want[kv.Key]))
		}
	}
}

func TestJoinedAndLostCountFromFirstJanuaryOfTheDaysYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, code, joined_on, left_on) VALUES
		('Arboga', 'kommun', '1984', DATE '2021-12-31', DATE '2022-01-01'), -- joined last year, lost on 1 January
		('Boxholm','kommun', '0560', DATE '2022-01-01', NULL),              -- joined on 1 January
		('Region', 'region', '20',   DATE '2010-01-01', DATE '2021-12-31'), -- lost last year
		('SKR',    'ovrig',  NULL,   DATE '2022-12-31', NULL),              -- joined on 31 December
		('Förbund','kommunalforbund', NULL, DATE '2015-01-01', DATE '2022-12-31'),
		('Arboga', 'kommun', '1984', DATE '2022-06-01', NULL)               -- rejoins: joined again`)
	for _, c := range []struct {
		day          string
		joined, lost float64
	}{
		{"2021-12-31", 1, 1},
		{"2022-01-01", 1, 1},
		{"2022-05-31", 1, 1},
		{"2022-06-01", 2, 1},
		{"2022-12-30", 2, 1},
		{"2022-12-31", 3, 2},
		{"2023-01-01", 0, 0},
	} {
		wantValue(t, s, "members_joined", nil, c.day, num(c.joined))
		wantValue(t, s, "members_lost", nil, c.day, num(c.lost))
	}
	// A member whose last day is 1 January is both active and lost that day.
	wantValue(t, s, "members", analytics.Params{"kind": "kommun"}, "2022-01-01", num(2))
}

// participationFixture: three services, a network, members of several kinds,
// and participations that are active or inactive for each reason DESIGN gives.
const participationFixture = `
INSERT INTO services (id, name, kind, started_on, ended_on) VALUES
	(1, 'Bibblix',     'service', DATE '2015-01-01', NULL),
	(2, 'Egil',        'service', DATE '2015-01-01', NULL),
	(3, 'Gammal',      'service', DATE '2015-01-01', DATE '2022-03-31'),
	(4, 'Digidel',     'network', DATE '2015-01-01', NULL);
INSERT INTO members (id, name, kind, joined_on, left_on) VALUES
	(1, 'Ale',      'kommun', DATE '2020-01-01', NULL),
	(2, 'Boden',    'kommun', DATE '2020-01-01', NULL),
	(3, 'Eda',      'kommun', DATE '2020-01-01', DATE '2022-05-31'),
	(4, 'Region',   'region', DATE '2020-01-01', NULL),
	(5, 'Gnesta',   'kommun', DATE '2020-01-01', NULL);
INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
	(1, 1, DATE '2021-01-01', NULL),              -- Ale: Bibblix
	(1, 4, DATE '2021-01-01', NULL),              -- Ale: Digidel, a network
	(2, 2, DATE '2022-06-30', DATE '2022-06-30'), -- Boden: Egil, one day only
	(3, 1, DATE '2021-01-01', NULL),              -- Eda left: runs past its member's last day
	(4, 1, DATE '2021-01-01', NULL),              -- Region: Bibblix
	(5, 3, DATE '2021-01-01', NULL),              -- Gnesta: open after its service ended
	(5, 2, DATE '2021-01-01', DATE '2022-06-29')  -- Gnesta: Egil, ended the day before
`

func TestServicesPerMemberCountsActiveServiceParticipations(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, participationFixture)
	// Active members on 2022-06-30: Ale, Boden, Region, Gnesta. Active service
	// participations: Ale–Bibblix, Boden–Egil, Region–Bibblix (the network,
	// Eda's, Gnesta's ended service and ended Egil do not count).
	wantValue(t, s, "services_per_member", nil, "2022-06-30", num(3.0/4))
	wantValue(t, s, "services_per_member", nil, "2022-07-01", num(2.0/4))
	// On 2022-03-31 Gammal has not ended yet and Eda is a member.
	wantValue(t, s, "services_per_member", nil, "2022-03-31", num(5.0/5))
}

func TestUnengagedMembersHaveNoActiveParticipationAtAll(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, participationFixture)
	// 2022-07-01: Ale (network too), Region engaged; Boden's day has passed and
	// Gnesta's services have ended: 2 unengaged; Eda is no member.
	wantValue(t, s, "unengaged_members", nil, "2022-07-01", num(2))
	// 2022-06-30: Boden takes part that day; Gnesta's Egil ended the day before.
	wantValue(t, s, "unengaged_members", nil, "2022-06-30", num(1))
	analyticstest.Exec(t, s, `INSERT INTO members (id, name, kind, joined_on) VALUES (6, 'Habo', 'kommun', DATE '2022-06-30')`)
	wantValue(t, s, "unengaged_members", nil, "2022-06-30", num(2))
}

func TestOneServiceUpgraded(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `
	INSERT INTO services (id, name, kind, ended_on) VALUES
		(1, 'Bibblix', 'service', NULL), (2, 'Egil', 'service', NULL), (3, 'Gammal', 'service', DATE '2022-03-01'),
		(4, 'Digidel', 'network', NULL);
	INSERT INTO members (id, name, kind, joined_on, left_on) VALUES
		(1, 'Ale',    'kommun', DATE '2020-01-01', NULL),              -- one service, then two: upgraded
		(2, 'Boden',  'kommun', DATE '2020-01-01', NULL),              -- one service all year
		(3, 'Eda',    'kommun', DATE '2020-01-01', NULL),              -- two services on Y1: not in the base
		(4, 'Gnesta', 'kommun', DATE '2020-01-01', NULL),              -- one service and a network, adds a network
		(5, 'Region', 'region', DATE '2020-01-01', NULL),              -- not a municipality
		(6, 'Habo',   'kommun', DATE '2022-02-01', NULL),              -- not a member on Y1
		(7, 'Kiruna', 'kommun', DATE '2020-01-01', DATE '2022-05-01'), -- not a member on d
		(8, 'Mora',   'kommun', DATE '2020-01-01', NULL);              -- its one service ends
	INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
		(1, 1, DATE '2021-01-01', NULL), (1, 2, DATE '2022-03-01', NULL),
		(2, 1, DATE '2021-01-01', NULL),
		(3, 1, DATE '2021-01-01', NULL), (3, 2, DATE '2021-01-01', NULL),
		(4, 1, DATE '2021-01-01', NULL), (4, 4, DATE '2021-01-01', NULL), (4, 4, DATE '2022-02-01', NULL),
		(5, 1, DATE '2021-01-01', NULL), (5, 2, DATE '2022-02-01', NULL),
		(6, 1, DATE '2022-02-01', NULL), (6, 2, DATE '2022-03-01', NULL),
		(7, 1, DATE '2021-01-01', NULL), (7, 2, DATE '2022-02-01', NULL),
		(8, 3, DATE '2021-01-01', NULL), (8, 1, DATE '2022-06-01', NULL)`)
	// Base: Ale, Boden, Gnesta, Mora; upgraded: Ale (Mora swapped one for one).
	wantValue(t, s, "one_service_upgraded", nil, "2022-06-30", num(1.0/4))
	// On 1 January nobody has upgraded yet.
	wantValue(t, s, "one_service_upgraded", nil, "2022-01-01", num(0))
	// 2020: on Y1 = 2020-01-01 nobody took part yet: the base is empty.
	wantValue(t, s, "one_service_upgraded", nil, "2020-06-30", num(1))
}

func TestUnengagedActivated(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `
	INSERT INTO services (id, name, kind) VALUES (1, 'Bibblix', 'service'), (2, 'Digidel', 'network');
	INSERT INTO members (id, name, kind, joined_on, left_on) VALUES
		(1, 'Ale',    'kommun', DATE '2020-01-01', NULL), -- nothing on Y1, a network later: activated
		(2, 'Boden',  'kommun', DATE '2020-01-01', NULL), -- nothing all year
		(3, 'Eda',    'kommun', DATE '2020-01-01', NULL), -- a service on Y1: not in the base
		(4, 'Region', 'region', DATE '2020-01-01', NULL), -- not a municipality
		(5, 'Gnesta', 'kommun', DATE '2020-01-01', NULL); -- took part until the day before Y1
	INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
		(1, 2, DATE '2022-06-30', NULL),
		(3, 1, DATE '2021-01-01', NULL),
		(4, 1, DATE '2022-03-01', NULL),
		(5, 1, DATE '2021-01-01', DATE '2021-12-31')`)
	wantValue(t, s, "unengaged_activated", nil, "2022-06-30", num(1.0/3))
	wantValue(t, s, "unengaged_activated", nil, "2022-06-29", num(0))
	analyticstest.Exec(t, s, `DELETE FROM participations WHERE member_id <> 3; DELETE FROM members WHERE id <> 3`)
	wantValue(t, s, "unengaged_activated", nil, "2022-06-30", num(1)) // empty base
}

func TestTopServiceShareTiesGoToTheFirstNameInSwedishOrder(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `
	INSERT INTO services (id, name, kind, ended_on) VALUES
		(1, 'Egil', 'service', NULL), (2, 'bokatid', 'service', NULL), -- byte order puts Egil first
		(3, 'Digidel', 'network', NULL), (4, 'Ärendekollen', 'service', NULL);
	INSERT INTO members (id, name, kind, joined_on, left_on) VALUES
		(1, 'Ale', 'kommun', DATE '2020-01-01', NULL), (2, 'Boden', 'kommun', DATE '2020-01-01', NULL),
		(3, 'Region', 'region', DATE '2020-01-01', NULL), (4, 'SKR', 'ovrig', DATE '2020-01-01', NULL),
		(5, 'Eda', 'kommun', DATE '2020-01-01', DATE '2021-12-31');
	INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
		(1, 1, DATE '2021-01-01', NULL), (3, 1, DATE '2021-01-01', NULL),
		(2, 2, DATE '2021-01-01', NULL), (4, 2, DATE '2021-01-01', NULL),
		(2, 2, DATE '2019-01-01', DATE '2020-12-31'), -- the same member twice counts once
		(5, 4, DATE '2021-01-01', NULL), (5, 1, DATE '2021-01-01', NULL), -- a member that left
		(1, 3, DATE '2021-01-01', NULL), (2, 3, DATE '2021-01-01', NULL), (3, 3, DATE '2021-01-01', NULL)`)
	got := metricOn(t, s, "top_service_share", nil, "2022-06-30")
	if !sameNumber(got.Value, num(0.5)) || got.Service != "bokatid" {
		t.Errorf("top_service_share = %s %q, want 0.5 bokatid", show(got.Value), got.Service)
	}
	analyticstest.Exec(t, s, `INSERT INTO participations (member_id, service_id, from_on) VALUES (2, 1, DATE '2022-06-30')`)
	got = metricOn(t, s, "top_service_share", nil, "2022-06-30")
	if !sameNumber(got.Value, num(0.75)) || got.Service != "Egil" {
		t.Errorf("top_service_share = %s %q, want 0.75 Egil", show(got.Value), got.Service)
	}
	got = metricOn(t, s, "top_service_share", nil, "2019-06-30") // no active member
	if got.Value != nil || got.Service != "" {
		t.Errorf("with no member: %s %q, want null", show(got.Value), got.Service)
	}
}

// Services that exist with no one taking part: the share is 0, and the
// service named is the first in Swedish order (Ä after Z, case aside).
func TestTopServiceShareWithNoParticipantIsZero(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `
	INSERT INTO services (id, name, kind) VALUES (1, 'Ärendekollen', 'service'), (2, 'Egil', 'service'), (3, 'bokatid', 'service');
	INSERT INTO members (id, name, kind, joined_on) VALUES (1, 'Ale', 'kommun', DATE '2020-01-01')`)
	got := metricOn(t, s, "top_service_share", nil, "2022-06-30")
	if !sameNumber(got.Value, num(0)) || got.Service != "bokatid" {
		t.Errorf("top_service_share = %s %q, want 0 bokatid", show(got.Value), got.Service)
	}
}

func TestNetworksMinParticipantsCountsActiveMunicipalities(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `
	INSERT INTO services (id, name, kind) VALUES
		(1, 'Digidel', 'network'), (2, 'e-underskrifter', 'network'), (3, 'Skola', 'network'), (4, 'Bibblix', 'service');
	INSERT INTO members (id, name, kind, joined_on) VALUES
		(1, 'Ale', 'kommun', DATE '2020-01-01'), (2, 'Boden', 'kommun', DATE '2020-01-01'),
		(3, 'Region', 'region', DATE '2020-01-01');
	INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
		(1, 1, DATE '2021-01-01', NULL), (2, 1, DATE '2021-01-01', NULL), -- two municipalities
		(1, 2, DATE '2021-01-01', NULL), (3, 2, DATE '2021-01-01', NULL), -- one, and a region
		(1, 3, DATE '2021-01-01', NULL), (2, 3, DATE '2021-01-01', DATE '2022-06-29'),
		(1, 4, DATE '2021-01-01', NULL), (2, 4, DATE '2021-01-01', NULL)  -- a service`)
	wantValue(t, s, "networks_min_participants", analytics.Params{"n": "2"}, "2022-06-30", num(1))
	wantValue(t, s, "networks_min_participants", analytics.Params{"n": "2"}, "2022-06-29", num(2))
	wantValue(t, s, "networks_min_participants", analytics.Params{"n": "1"}, "2022-06-30", num(3))
	wantValue(t, s, "networks_min_participants", nil, "2022-06-30", num(0)) // n = 20
}

func TestDigitalConferencesCountDigitalAndHybridEventsOfTheYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO events (name, held_on, format, role) VALUES
		('Webbinarium', DATE '2022-01-01', 'digital',  'host'),
		('Dagarna',     DATE '2022-12-31', 'hybrid',   'participant'),
		('Årsmöte',     DATE '2022-05-01', 'physical', 'host'),
		('Förra året',  DATE '2021-12-31', 'digital',  'host')`)
	wantValue(t, s, "digital_conferences", nil, "2021-12-31", num(1))
	wantValue(t, s, "digital_conferences", nil, "2022-01-01", num(1))
	wantValue(t, s, "digital_conferences", nil, "2022-12-30", num(1))
	wantValue(t, s, "digital_conferences", nil, "2022-12-31", num(2))
}

func TestCoverageCountsActiveMunicipalitiesOnly(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, population, joined_on, left_on) VALUES
		('Ale',    'kommun', 1000, DATE '2020-01-01', NULL),
		('Boden',  'kommun', 2000, DATE '2020-01-01', DATE '2022-06-30'),
		('Eda',    'kommun', NULL, DATE '2020-01-01', NULL),
		('Region', 'region', 5000, DATE '2020-01-01', NULL),
		('Gnesta', 'kommun', 4000, DATE '2022-07-01', NULL)`)
	wantValue(t, s, "municipality_coverage", nil, "2022-06-30", num(3.0/290))
	wantValue(t, s, "population_coverage", nil, "2022-06-30", num(3000.0/10587710))
	wantValue(t, s, "population_coverage", nil, "2022-07-01", num(5000.0/10587710))
}

func TestFeeIncome(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, feeSchedule(2022), `INSERT INTO members (name, kind, population, joined_on, left_on) VALUES
		('Ale',    'kommun', 6999, DATE '2010-01-01', NULL),              -- 5 000
		('Boden',  'kommun', 7000, DATE '2022-03-15', NULL),              -- 10 000 × 9/12
		('Region', 'region', 9999, DATE '2022-01-01', NULL),              -- 25 000 × 11/12
		('Eda',    'kommun', 8000, DATE '2010-01-01', DATE '2022-05-31'), -- not active on the day
		('SKR',    'ovrig',  NULL, DATE '2010-01-01', DATE '2022-06-30')  -- active: the whole fee`)
	wantValue(t, s, "fee_income", nil, "2022-06-30", num(5000+7500+22916.67+25000))
	wantValue(t, s, "fee_income", nil, "2023-06-30", nil) // no schedule for 2023
}

func TestMetricRefusesWhatItCannotCompute(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	for _, c := range []struct {
		key string
		p   analytics.Params
	}{
		{"nosuch", nil},
		{"members", analytics.Params{"kind": "stad"}},
		{"members", analytics.Params{"n": "2"}},
		{"networks_min_participants", analytics.Params{"n": "0"}},
		{"networks_min_participants", analytics.Params{"n": "many"}},
		{"fee_income", analytics.Params{"kind": "kommun"}},
	} {
		if _, err := s.Metric(ctx, c.key, c.p, date("2022-01-01")); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("%s %v: err %v, want EInvalid", c.key, c.p, err)
		}
	}
	if _, err := s.Metric(ctx, "members", nil, date("1850-01-01")); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("year 1850: err %v, want EInvalid", err)
	}
}

func TestMetricOfTheZeroTimeIsToday(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES
		('Ale', 'kommun', DATE '2026-11-22'), ('Boden', 'kommun', DATE '2026-11-23')`)
	v, err := s.Metric(context.Background(), "members", nil, analyticstest.Today) // noon in Stockholm
	if err != nil || !sameNumber(v.Value, num(1)) {
		t.Fatalf("members on today's date = %s, %v", show(v.Value), err)
	}
	set, err := s.Metrics(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := set.Get("members"); !sameNumber(got.Value, num(1)) {
		t.Errorf("members today = %s, want 1 (clock fixed on 2026-11-22)", show(got.Value))
	}
}

func TestMetricSetJSONKeepsDesignOrder(t *testing.T) {
	s := analyticstest.New(t)
	set, err := s.Metrics(context.Background(), date("2022-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := set.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"members":{"value":0},"members_joined":{"value":0},"members_lost":{"value":0},` +
		`"services_per_member":{"value":null},"one_service_upgraded":{"value":1},"unengaged_members":{"value":0},` +
		`"unengaged_activated":{"value":1},"top_service_share":{"value":null},"networks_min_participants":{"value":0},` +
		`"digital_conferences":{"value":0},"municipality_coverage":{"value":0},"population_coverage":{"value":0},` +
		`"fee_income":{"value":null}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

// feeSchedule is the association's schedule from 2020 (DESIGN) for a year.
func feeSchedule(year int) string {
	y := itoa(year)
	return `INSERT INTO fee_bands (year, category, population_from, population_to, contribution, annual_fee) VALUES
		(` + y + `, 'kommun', 0, 7000, 5000, 5000),
		(` + y + `, 'kommun', 7000, 15000, 5000, 10000),
		(` + y + `, 'kommun', 15000, 25000, 10000, 25000),
		(` + y + `, 'kommun', 25000, 50000, 10000, 35000),
		(` + y + `, 'kommun', 50000, 100000, 10000, 50000),
		(` + y + `, 'kommun', 100000, 150000, 20000, 65000),
		(` + y + `, 'kommun', 150000, NULL, 25000, 80000),
		(` + y + `, 'ovrig', 0, NULL, 5000, 25000)`
}
