package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestFeeScheduleOfAYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, feeSchedule(2022))
	got, err := s.FeeSchedule(context.Background(), 2022)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 8 {
		t.Fatalf("got %d rows, want seven bands and the row for others", len(got))
	}
	if got[0] != (analytics.FeeBand{Year: 2022, Category: "kommun", PopulationTo: 7000, Contribution: 5000, AnnualFee: 5000}) {
		t.Errorf("first band %+v", got[0])
	}
	if got[6] != (analytics.FeeBand{Year: 2022, Category: "kommun", PopulationFrom: 150000, Contribution: 25000, AnnualFee: 80000}) {
		t.Errorf("top band %+v (To 0: no upper bound)", got[6])
	}
	if got[7].Category != "ovrig" || got[7].AnnualFee != 25000 {
		t.Errorf("last row %+v, want the others' row", got[7])
	}
	if none, err := s.FeeSchedule(context.Background(), 2019); err != nil || len(none) != 0 {
		t.Errorf("2019: %v, %v; want no rows", none, err)
	}
	if _, err := s.FeeSchedule(context.Background(), 20222); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("year 20222: %v, want EInvalid", err)
	}
}

func TestFeeIncomeByYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, feeSchedule(2021), feeSchedule(2022), `INSERT INTO members (name, kind, population, joined_on) VALUES
		('Liten',  'kommun', 5000,  DATE '2019-01-01'),
		('Mars',   'kommun', 10000, DATE '2022-03-10'),
		('Region', 'region', NULL,  DATE '2020-06-01')`)
	got, err := s.FeeIncomeByYear(context.Background(), date("2023-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		day   string
		value *float64
	}{
		{"2021-12-31", num(5000 + 25000)},
		{"2022-12-31", num(5000 + 10000*9.0/12 + 25000)},
		{"2023-06-30", nil}, // no schedule for 2023
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if d := got[i].Date.Format(time.DateOnly); d != w.day || !sameNumber(got[i].Value, w.value) {
			t.Errorf("point %d = %s %s, want %s %s", i, d, show(got[i].Value), w.day, show(w.value))
		}
	}
	empty := analyticstest.New(t)
	if got, err := empty.FeeIncomeByYear(context.Background(), date("2023-06-30")); err != nil || len(got) != 1 || got[0].Value != nil {
		t.Errorf("no schedule: %v, %v; want the as-of day with no value", got, err)
	}
}
