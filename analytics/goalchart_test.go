package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics/analyticstest"
)

func TestGoalChartRunsFromFirstJanuaryToTheAsOfDay(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES
		('Arboga', 'kommun', DATE '2020-01-01'), ('Eda', 'kommun', DATE '2022-02-01'), ('Falun', 'kommun', DATE '2022-05-10')`,
		`INSERT INTO goals (year, number, key, text, metric, comparator, target) VALUES
		(2022, 1, 'fem', 'Fem medlemmar', 'members', '>=', 5),
		(2022, 2, 'styrelsen', 'Styrelsen bedömer', 'manual', NULL, NULL)`)
	ctx := context.Background()
	goals, err := s.EvaluateGoals(ctx, 2022, date("2022-04-15"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.GoalChartOf(ctx, goals[0])
	if err != nil {
		t.Fatal(err)
	}
	var days, values string
	for _, p := range c.Values {
		days += p.Date.Format("01-02") + " "
		values += show(p.Value) + " "
	}
	if days != "01-01 01-31 02-28 03-31 04-15 " || values != "1 1 2 2 2 " {
		t.Errorf("values on %s= %s", days, values)
	}
	if c.Pace == nil || *c.Pace[0].Value != 1 || *c.Pace[1].Value != 5 || c.Pace[1].Date != date("2022-12-31") {
		t.Fatalf("pace %+v", c.Pace)
	}
	if p := c.PaceOn(date("2022-07-02")); p == nil || *p < 2.9 || *p > 3.1 {
		t.Errorf("pace mid-year %v, want about 3", show(p))
	}
	if p := c.PaceOn(date("2023-01-01")); p != nil {
		t.Errorf("pace after the due date %v", show(p))
	}
	if (c.Forecast != nil) != (goals[0].Forecast != nil) {
		t.Errorf("forecast line %+v for the forecast %v", c.Forecast, show(goals[0].Forecast))
	}
	if c.Forecast != nil && (c.Forecast[0].Date != date("2022-04-15") || !c.Forecast[1].Date.Equal(time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC))) {
		t.Errorf("forecast from %v to %v", c.Forecast[0].Date, c.Forecast[1].Date)
	}
	if c, err := s.GoalChartOf(ctx, goals[1]); err != nil || c.Values != nil || c.Pace != nil {
		t.Errorf("a manual goal has a chart: %+v %v", c, err)
	}
	early, _ := s.EvaluateGoals(ctx, 2022, date("2021-12-01"))
	if c, err := s.GoalChartOf(ctx, early[0]); err != nil || c.Values != nil {
		t.Errorf("a plan not yet begun has a chart: %+v %v", c, err)
	}
}
