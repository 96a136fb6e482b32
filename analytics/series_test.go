package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestSeriesEqualsTheMetricAtEveryMonthEnd(t *testing.T) {
	s := newSampleStore(t)
	ctx := context.Background()
	params := map[string]analytics.Params{"networks_min_participants": {"n": "5"}, "members": {"kind": "kommun"}}
	for _, m := range analytics.MetricCatalog() {
		points, err := s.Series(ctx, m.Key, params[m.Key], date("2021-11-15"), date("2023-07-15"))
		if err != nil {
			t.Fatal(err)
		}
		if len(points) != 20 {
			t.Fatalf("%s: %d points from 2021-11-30 to 2023-06-30, want 20", m.Key, len(points))
		}
		for i, p := range points {
			want := time.Date(2021, time.December+time.Month(i), 0, 0, 0, 0, 0, time.UTC) // month ends from 2021-11-30
			if !p.Date.Equal(want) {
				t.Fatalf("%s point %d is on %s, want %s", m.Key, i, p.Date.Format(time.DateOnly), want.Format(time.DateOnly))
			}
			v, err := s.Metric(ctx, m.Key, params[m.Key], p.Date)
			if err != nil {
				t.Fatal(err)
			}
			if !sameNumber(p.Value, v.Value) || p.Service != v.Service {
				t.Errorf("%s on %s: series %s %q, metric %s %q", m.Key, p.Date.Format(time.DateOnly),
					show(p.Value), p.Service, show(v.Value), v.Service)
			}
		}
	}
}

func TestCumulativeSeriesStartsAgainEachJanuary(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES
		('Ale', 'kommun', DATE '2021-06-01'), ('Boden', 'kommun', DATE '2022-02-01')`)
	points, err := s.Series(context.Background(), "members_joined", nil, date("2021-11-01"), date("2022-02-28"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		day string
		n   float64
	}{{"2021-11-30", 1}, {"2021-12-31", 1}, {"2022-01-31", 0}, {"2022-02-28", 1}}
	if len(points) != len(want) {
		t.Fatalf("got %d points, want %d", len(points), len(want))
	}
	for i, w := range want {
		if points[i].Date.Format(time.DateOnly) != w.day || !sameNumber(points[i].Value, num(w.n)) {
			t.Errorf("point %d = %s %s, want %s %v", i, points[i].Date.Format(time.DateOnly), show(points[i].Value), w.day, w.n)
		}
	}
}

func TestSeriesPeriods(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	for _, c := range []struct {
		from, to string
		points   int
	}{
		{"2022-06-02", "2022-06-29", 0},  // no month end
		{"2022-06-30", "2022-06-30", 1},  // one
		{"2022-01-01", "2022-12-31", 12}, // a year
		{"2019-01-01", "2023-12-31", 60}, // five years
		{"2022-02-28", "2022-03-30", 1},  // to is clamped to the month end before it
	} {
		points, err := s.Series(ctx, "members", nil, date(c.from), date(c.to))
		if err != nil || len(points) != c.points {
			t.Errorf("%s – %s: %d points, %v; want %d", c.from, c.to, len(points), err, c.points)
		}
	}
	for _, c := range []struct{ key, from, to string }{
		{"members", "2022-02-01", "2022-01-31"},
		{"members", "1900-01-01", "2101-01-01"},
		{"nosuch", "2022-01-01", "2022-12-31"},
	} {
		if _, err := s.Series(ctx, c.key, nil, date(c.from), date(c.to)); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("%s %s – %s: err %v, want EInvalid", c.key, c.from, c.to, err)
		}
	}
}
