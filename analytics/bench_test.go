package analytics_test

import (
	"context"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// benchData is a generated registry of 400 membership rows, 10 services and
// networks, about 1 300 participations, 120 events and fee schedules: the
// size of the association, with pseudo-random but fixed dates (hash).
const benchData = `
INSERT INTO members (id, name, kind, code, county_code, population, joined_on, left_on)
SELECT i, 'Medlem ' || i,
       CASE WHEN i % 20 = 0 THEN 'region' WHEN i % 25 = 1 THEN 'ovrig'
            WHEN i % 30 = 2 THEN 'kommunalforbund' ELSE 'kommun' END,
       lpad(CAST(i AS VARCHAR), 4, '0'), lpad(CAST(i % 21 + 1 AS VARCHAR), 2, '0'),
       3000 + CAST(hash(i, 'p') % 200000 AS INTEGER),
       joined,
       CASE WHEN i % 7 = 0 THEN joined + CAST(hash(i, 'l') % 3000 AS INTEGER) END
FROM (SELECT i, DATE '2008-01-01' + CAST(hash(i, 'j') % 6000 AS INTEGER) AS joined FROM range(1, 401) AS t (i));
INSERT INTO services (id, name, kind, started_on, ended_on)
SELECT i, 'Tjänst ' || i, CASE WHEN i <= 6 THEN 'service' ELSE 'network' END,
       DATE '2008-01-01', CASE WHEN i = 3 THEN DATE '2023-06-30' END
FROM range(1, 11) AS t (i);
INSERT INTO participations (member_id, service_id, from_on, to_on)
SELECT m.id, s.id, m.joined_on + CAST(hash(m.id, s.id) % 1500 AS INTEGER),
       CASE WHEN hash(m.id, s.id, 't') % 5 = 0
            THEN m.joined_on + CAST(hash(m.id, s.id) % 1500 AS INTEGER) + CAST(hash(m.id, s.id, 'e') % 2000 AS INTEGER) END
FROM members AS m, services AS s
WHERE hash(m.id, s.id, 'x') % 3 = 0;
INSERT INTO events (name, held_on, format, role)
SELECT 'Evenemang ' || i, DATE '2010-01-01' + CAST(hash(i, 'e') % 5800 AS INTEGER),
       ['digital', 'physical', 'hybrid'][1 + i % 3], ['host', 'participant'][1 + i % 2]
FROM range(120) AS t (i);
INSERT INTO fee_bands (year, category, population_from, population_to, contribution, annual_fee)
SELECT y, category, from_, to_, contribution, fee
FROM range(2008, 2027) AS years (y),
     (VALUES ('kommun', 0, 7000, 5000, 5000), ('kommun', 7000, 15000, 5000, 10000),
             ('kommun', 15000, 25000, 10000, 25000), ('kommun', 25000, 50000, 10000, 35000),
             ('kommun', 50000, 100000, 10000, 50000), ('kommun', 100000, 150000, 20000, 65000),
             ('kommun', 150000, NULL, 25000, 80000), ('ovrig', 0, NULL, 5000, 25000))
     AS bands (category, from_, to_, contribution, fee)`

func newBenchStore(b *testing.B) *analytics.Store {
	b.Helper()
	s := analyticstest.New(b)
	analyticstest.Exec(b, s, benchData)
	return s
}

func BenchmarkMetricsOneDay(b *testing.B) {
	s := newBenchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Metrics(ctx, date("2024-06-30")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSeries60Months(b *testing.B) {
	s := newBenchStore(b)
	ctx := context.Background()
	for _, m := range analytics.MetricCatalog() {
		b.Run(m.Key, func(b *testing.B) {
			for b.Loop() {
				points, err := s.Series(ctx, m.Key, nil, date("2020-01-01"), date("2024-12-31"))
				if err != nil || len(points) != 60 {
					b.Fatalf("%d points, %v", len(points), err)
				}
			}
		})
	}
}

func BenchmarkEvaluateSampleGoals(b *testing.B) {
	s := newSampleStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.EvaluateGoals(ctx, 2023, date("2023-06-30")); err != nil {
			b.Fatal(err)
		}
	}
}
