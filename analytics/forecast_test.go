package analytics_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// Each branch of DESIGN "Forecast", on data small enough to check by hand.
// Days of 2022 from 1 January: 2 July is day 182, 30 September day 272,
// 31 December day 364.

func TestForecastOfACumulativeMetricExtendsTheYearSoFar(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO events (name, held_on, format, role) VALUES
		('Webbinarium', DATE '2022-03-01', 'digital', 'host'),
		('Hybriddag', DATE '2022-05-01', 'hybrid', 'participant'),
		('Årsmöte', DATE '2022-06-01', 'physical', 'host')`,
		goal("three", "digital_conferences", "", ">=", "3", "", ""),
		goal("five", "digital_conferences", "", ">=", "5", "", ""),
		goal("by-september", "digital_conferences", "", ">=", "3", "", "2022-09-30"),
		goal("next-summer", "digital_conferences", "", ">=", "3", "", "2023-06-30"))
	for _, c := range []struct {
		name, asOf, key string
		forecast        *float64
		meets           *bool
	}{
		// On 1 January the year so far is one day: no line, no forecast.
		{"on 1 January", "2022-01-01", "three", nil, nil},
		// 0 on 1 January, 2 on 2 July: 2 × 364/182 = 4 on 31 December.
		{"mid-year", "2022-07-02", "three", num(4), yes()},
		{"mid-year, higher target", "2022-07-02", "five", num(4), no()},
		// A due date before the year's end: the line at the due date, 2 × 272/182.
		{"due in September", "2022-07-02", "by-september", num(2.0 * 272 / 182), no()},
		// A due date in the next year: the count restarts on 1 January, so the
		// line stops at 31 December of the as-of day's year.
		{"due next year", "2022-07-02", "next-summer", num(4), yes()},
		// On or after the due date the value is final: no forecast.
		{"on the due date", "2022-12-31", "three", nil, nil},
		{"after the due date", "2023-02-01", "three", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := evaluate(t, s, c.asOf)[c.key]
			checkForecast(t, r, c.forecast, c.meets)
			if r.Forecast != nil && *r.Forecast < *r.Value {
				t.Errorf("a cumulative count's forecast %s is below its value %s", show(r.Forecast), show(r.Value))
			}
		})
	}
}

func TestForecastOfAYearRelativeShareExtendsTheYearAndStaysAtMostOne(t *testing.T) {
	// Four municipalities with one service (A) each on 1 January 2022; some
	// take a second (B) from 1 April. one_service_upgraded is 0 on 1 January.
	for _, c := range []struct {
		name     string
		upgrades int
		forecast float64
	}{
		{"one of four", 1, 0.5},   // 0.25 on 2 July: 0.25 × 364/182
		{"three of four", 3, 1.0}, // 0.75 × 2 = 1.5, kept at 1
	} {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			analyticstest.Exec(t, s,
				`INSERT INTO members (id, name, kind, joined_on) SELECT i, 'Kommun ' || i, 'kommun', DATE '2020-01-01' FROM range(1, 5) AS t (i)`,
				`INSERT INTO services (id, name, kind, started_on) VALUES (1, 'A', 'service', DATE '2020-01-01'), (2, 'B', 'service', DATE '2020-01-01')`,
				`INSERT INTO participations (member_id, service_id, from_on) SELECT i, 1, DATE '2021-01-01' FROM range(1, 5) AS t (i)`,
				`INSERT INTO participations (member_id, service_id, from_on) SELECT i, 2, DATE '2022-04-01' FROM range(1, `+itoa(c.upgrades+1)+`) AS t (i)`,
				goal("g", "one_service_upgraded", "", "=", "1", "", ""))
			r := evaluate(t, s, "2022-07-02")["g"]
			if !sameNumber(r.Value, num(float64(c.upgrades)/4)) {
				t.Fatalf("value %s, want %v", show(r.Value), float64(c.upgrades)/4)
			}
			meets := c.forecast == 1
			checkForecast(t, r, num(c.forecast), &meets)
			checkForecast(t, evaluate(t, s, "2022-01-01")["g"], nil, nil)
		})
	}
}

func TestForecastOfALevelMetricFitsTheLastTwelveMonthEndsAndTheDay(t *testing.T) {
	s := analyticstest.New(t)
	joins := map[string]int{"2021-05-10": 1, "2021-08-15": 1, "2021-10-15": 2, "2022-01-15": 1, "2022-05-15": 3}
	statements := []string{tenMembers, goal("g", "members", "", ">=", "30", "", "")}
	for day, n := range joins {
		statements = append(statements, joinOn(n, day))
	}
	analyticstest.Exec(t, s, statements...)
	// As of 30 June 2022 (itself a month end): the month ends strictly before
	// it are 30 June 2021 … 31 May 2022; with the day itself, 13 points.
	asOf := date("2022-06-30")
	var points []point
	for m := 0; m <= 12; m++ {
		d := time.Date(2021, time.July+time.Month(m), 0, 0, 0, 0, 0, time.UTC)
		v := 10.0
		for day, n := range joins {
			if !date(day).After(d) {
				v += float64(n)
			}
		}
		points = append(points, point{d, v})
	}
	if !points[12].day.Equal(asOf) || !points[0].day.Equal(date("2021-06-30")) {
		t.Fatalf("the test's own points run %s … %s", points[0].day, points[12].day)
	}
	want := fitAt(points, date("2022-12-31"))
	if want < 18 || want > 24 { // the members grow from 11 to 18: the line goes on up
		t.Fatalf("the test's own fit %v is implausible", want)
	}
	r := evaluate(t, s, "2022-06-30")["g"]
	if !sameNumber(r.Value, num(18)) {
		t.Fatalf("value %s, want 18", show(r.Value))
	}
	checkForecast(t, r, num(want), no())
}

func TestForecastOfADecliningLevelMetricStopsAtZero(t *testing.T) {
	s := analyticstest.New(t)
	// Twelve members; one leaves each month from July 2021 (its last day the
	// 10th), so one is left from May 2022: the line crosses zero long before 2024.
	analyticstest.Exec(t, s,
		`INSERT INTO members (name, kind, joined_on, left_on)
		SELECT 'Kommun ' || i, 'kommun', DATE '2020-01-01',
		       CASE WHEN i < 11 THEN DATE '2021-07-10' + to_months(CAST(i AS INTEGER)) END
		FROM range(12) AS t (i)`,
		goal("g", "members", "", ">=", "5", "", "2024-12-31"))
	r := evaluate(t, s, "2022-06-30")["g"]
	if !sameNumber(r.Value, num(1)) {
		t.Fatalf("value %s, want 1", show(r.Value))
	}
	checkForecast(t, r, num(0), no())
}

func TestNoForecastOnOrAfterTheDueDateNorForAManualGoal(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, tenMembers, joinOn(2, "2022-03-01"),
		goal("level", "members", "", ">=", "11", "", "2022-06-30"),
		`INSERT INTO goals (year, number, key, text, metric) VALUES (2022, 99, 'manual', 'Nätverk', 'manual')`,
		`INSERT INTO goal_statuses (goal_id, set_on, status) SELECT id, DATE '2022-02-01', 'on_track' FROM goals WHERE key = 'manual'`)
	// The day before: 12 members flat since March; the fit through the month
	// ends (10 up to February, 12 after) at the due date is above 11.
	if r := evaluate(t, s, "2022-06-29")["level"]; r.Forecast == nil || r.ForecastMeets == nil || !*r.ForecastMeets {
		t.Errorf("the day before the due date: forecast %s, meets %v; want one that meets", show(r.Forecast), r.ForecastMeets)
	}
	for _, asOf := range []string{"2022-06-30", "2022-09-01"} {
		got := evaluate(t, s, asOf)
		checkForecast(t, got["level"], nil, nil)
		checkForecast(t, got["manual"], nil, nil)
	}
	manual := evaluate(t, s, "2022-03-01")["manual"]
	checkForecast(t, manual, nil, nil)
	// In JSON a measured goal says "forecast_meets": null; a manual one leaves
	// it out, as the samples' expected goals_*.json do.
	for _, c := range []struct {
		r    analytics.GoalResult
		want string
	}{{evaluate(t, s, "2022-06-30")["level"], `"forecast_meets":null`}, {manual, `"status_date":"2022-02-01"`}} {
		body, err := json.Marshal(c.r)
		if err != nil || !strings.Contains(string(body), c.want) {
			t.Errorf("%s: %s, %v; want %s in it", c.r.Key, body, err, c.want)
		}
	}
	if body, _ := json.Marshal(manual); strings.Contains(string(body), "forecast_meets") {
		t.Errorf("manual goal JSON %s carries forecast_meets", body)
	}
}

func TestYearRelativeIsMarkedInTheCatalog(t *testing.T) {
	want := map[string]bool{"members_joined": true, "members_lost": true, "digital_conferences": true,
		"one_service_upgraded": true, "unengaged_activated": true, "budget_outcome_share": true}
	for _, m := range analytics.MetricCatalog() {
		if m.YearRelative != want[m.Key] {
			t.Errorf("%s: year-relative %v, want %v", m.Key, m.YearRelative, want[m.Key])
		}
		if m.Cumulative && !m.YearRelative {
			t.Errorf("%s is cumulative, so it counts from 1 January", m.Key)
		}
	}
}

// checkForecast compares a goal's forecast and forecast_meets.
func checkForecast(t *testing.T, r analytics.GoalResult, forecast *float64, meets *bool) {
	t.Helper()
	if !sameNumber(r.Forecast, forecast) || (r.ForecastMeets == nil) != (meets == nil) ||
		(meets != nil && *r.ForecastMeets != *meets) {
		t.Errorf("%s: forecast %s, meets %s; want %s, %s", r.Key, show(r.Forecast), showBool(r.ForecastMeets), show(forecast), showBool(meets))
	}
}

func showBool(b *bool) string {
	if b == nil {
		return "null"
	}
	if *b {
		return "true"
	}
	return "false"
}

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

type point struct {
	day   time.Time
	value float64
}

// fitAt is the test's own least-squares line, x in days since the first
// point, evaluated at at.
func fitAt(points []point, at time.Time) float64 {
	x := func(d time.Time) float64 { return d.Sub(points[0].day).Hours() / 24 }
	var n, sx, sy, sxx, sxy float64
	for _, p := range points {
		n++
		sx += x(p.day)
		sy += p.value
		sxx += x(p.day) * x(p.day)
		sxy += x(p.day) * p.value
	}
	slope := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	return (sy-slope*sx)/n + slope*x(at)
}
