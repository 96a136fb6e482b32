package analytics_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"malbild/analytics"
)

// Inside WithDayValues, Budget keeps one follow-up per set of follow-ups
// counted and reuses it on every other day counting the same ones. That is
// only right while budget_follow_up depends on the day through nothing but
// which follow-ups count: on each day around the follow-ups, in an order
// that reuses kept reports, the kept follow-up is the one computed for the
// day alone.
func TestBudgetKeptForDaysCountingTheSameFollowups(t *testing.T) {
	s := budgetStore(t, []string{
		`(2023, NULL, 'Kansli', 'drift', 800000)`,
		`(2023, 'Ram', NULL, 'drift', 400000)`,
		`(2023, 'Ram', 'A', 'investering', 300000)`,
		`(2023, 'Ram', 'B', 'drift', 100000)`,
	}, []string{
		`('2022-12-31', NULL, 'Kansli', 1, 1, 'last year')`,
		`('2023-03-31', NULL, 'Kansli', 200000, NULL, NULL)`,
		`('2023-03-31', 'Ram', 'A', 100000, 350000, NULL)`,
		`('2023-06-30', 'Ram', NULL, 50000, 60000, 'the group alone')`,
		`('2023-06-30', NULL, 'Kansli', 420000, 900000, 'the second of the day')`,
		`('2023-09-15', 'Ram', 'B', 90000, 150000, NULL)`,
		`('2024-01-15', NULL, 'Kansli', 850000, 850000, 'the year closed, dated next year')`,
	})
	var days []string
	for _, d := range []string{"2022-12-31", "2023-01-01", "2023-03-31", "2023-06-30", "2023-09-15", "2023-12-31", "2024-01-15"} {
		on := date(d)
		days = append(days, d, on.AddDate(0, 0, -1).Format(time.DateOnly), on.AddDate(0, 0, 1).Format(time.DateOnly))
	}
	days = append(days, "2023-05-01", "2023-04-30", "2023-06-29", "2024-06-30", "2023-08-01")
	kept := analytics.WithDayValues(analytics.WithDayCache(context.Background(), analytics.NewDayCache()), false)
	for _, d := range days {
		want, err := json.Marshal(budgetOn(t, s, 2023, d))
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Budget(kept, 2023, date(d))
		if err != nil {
			t.Fatalf("kept budget on %s: %v", d, err)
		}
		got, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("on %s the kept follow-up is\n%s\nthe day's own\n%s", d, got, want)
		}
	}
}

// A report read from the kept ones is the caller's own: changing it changes
// nothing another request reads.
func TestBudgetKeptIsNotChangedByItsReader(t *testing.T) {
	s := budgetStore(t, []string{`(2023, NULL, 'Kansli', 'drift', 800000)`},
		[]string{`('2023-03-31', NULL, 'Kansli', 200000, NULL, NULL)`})
	kept := analytics.WithDayValues(analytics.WithDayCache(context.Background(), analytics.NewDayCache()), false)
	first, err := s.Budget(kept, 2023, date("2023-04-01"))
	if err != nil || len(first.Lines) != 1 || first.Lines[0].Outcome == nil {
		t.Fatalf("budget: %+v, %v", first, err)
	}
	*first.Lines[0].Outcome, *first.Total.Forecast, first.Lines[0].Budget = 1, 2, 3
	again, err := s.Budget(kept, 2023, date("2023-04-02"))
	if err != nil {
		t.Fatal(err)
	}
	if l := again.Lines[0]; *l.Outcome != 200000 || *again.Total.Forecast != 200000 || l.Budget != 800000 {
		t.Errorf("a reader's change reached the kept report: %+v, total %+v", l, again.Total)
	}
	if !again.AsOf.Equal(date("2023-04-02")) {
		t.Errorf("the kept report is dated %s, not the day asked for", again.AsOf)
	}
}
