package analytics_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestGoalHistoryAcrossBusinessPlans(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO goals (year, number, key, text, metric, params, comparator, target, removed_reason) VALUES
		(2021, 8, 'natverk', '2 nätverk', 'networks_min_participants', 'n=20', '>=', 2, NULL),
		(2022, 8, 'natverk', '4 nätverk', 'networks_min_participants', 'n=20', '>=', 4, NULL),
		(2023, 7, 'natverk', '4 nätverk', 'networks_min_participants', ' n = 20 ', '>=', 4, 'Uppnått'),
		(2021, 3, 'stryks', 'Mål 3', 'members', '', '>=', 100, 'Ersatt av mål 1'),
		(2021, 4, 'tillbaka', 'Mål 4', 'members', '', '>=', 100, NULL),
		(2023, 4, 'tillbaka', 'Mål 4', 'members', '', '>=', 100, NULL),
		(2022, 5, 'param', 'Mål 5', 'networks_min_participants', 'n=20', '>=', 1, NULL),
		(2023, 5, 'param', 'Mål 5', 'networks_min_participants', 'n=5', '>=', 1, NULL),
		(2024, 1, 'senast', 'Mål 1', 'members', '', '>=', 150, 'Stryks nästa år')`)
	for key, want := range map[string]string{
		"natverk":  "2021 introduced 2; 2022 target_changed 2 → 4; 2023 carried_over 4; 2024 removed 4 (Uppnått)",
		"stryks":   "2021 introduced 100; 2022 removed 100 (Ersatt av mål 1)",
		"tillbaka": "2021 introduced 100; 2022 removed 100; 2023 introduced 100; 2024 removed 100",
		"param":    "2022 introduced 1; 2023 target_changed n=20 1 → n=5 1; 2024 removed 1",
		"senast":   "2024 introduced 150", // no later plan: not removed yet
	} {
		history, err := s.GoalHistory(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		if got := describeHistory(history); got != want {
			t.Errorf("%s:\n got  %s\n want %s", key, got, want)
		}
	}
	if _, err := s.GoalHistory(context.Background(), "nosuch"); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("unknown key: err %v, want ENotFound", err)
	}
}

func describeHistory(history []analytics.HistoryEntry) string {
	var parts []string
	terms := func(t analytics.GoalTerms, withParams bool) string {
		s := show(t.Target)
		if withParams {
			s = strings.TrimSpace(t.Params) + " " + s
		}
		return s
	}
	for _, e := range history {
		part := fmt.Sprintf("%d %s ", e.Year, e.Change)
		if e.Previous != nil {
			withParams := e.Previous.Params != e.Terms.Params
			part += terms(*e.Previous, withParams) + " → " + terms(e.Terms, withParams)
		} else {
			part += terms(e.Terms, false)
		}
		if e.Reason != "" {
			part += " (" + e.Reason + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}
