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

// The goals page's history of a plan: every plan year that has ended by the
// as-of day with the goal's value and status on 31 December, and the goals
// of the previous plan this one dropped, with their reason.
func TestPlanHistoryHasYearEndValuesAndRemovedGoals(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on, left_on) VALUES
		('Arboga', 'kommun', DATE '2020-01-01', NULL),
		('Boxholm', 'kommun', DATE '2021-06-01', DATE '2022-03-31'),
		('Ydre', 'kommun', DATE '2022-05-01', NULL)`,
		`INSERT INTO goals (year, number, key, text, metric, comparator, target, removed_reason) VALUES
		(2021, 1, 'medlemmar', 'Två medlemmar', 'members', '>=', 2, NULL),
		(2022, 1, 'medlemmar', 'Tre medlemmar', 'members', '>=', 3, NULL),
		(2023, 1, 'medlemmar', 'Tre medlemmar', 'members', '>=', 3, NULL),
		(2021, 2, 'ingen_forlust', 'Ingen förlust', 'members_lost', '=', 0, 'Ersätts av mål 1')`)
	ctx := context.Background()
	h, err := s.PlanHistory(ctx, 2022, date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	finals := func(entries []analytics.HistoryEntry) string {
		var parts []string
		for _, e := range entries {
			part := fmt.Sprintf("%d %s", e.Year, e.Change)
			if e.Final != nil {
				part += fmt.Sprintf(" %s %s", show(e.Final.Value), e.Final.Status)
			}
			parts = append(parts, part)
		}
		return strings.Join(parts, "; ")
	}
	// 2022 has not ended on 2022-06-30: no value at its end yet.
	if got, want := finals(h.Goals["medlemmar"]), "2021 introduced 2 met; 2022 target_changed; 2023 carried_over"; got != want {
		t.Errorf("on 2022-06-30:\n got  %s\n want %s", got, want)
	}
	if len(h.Removed) != 1 || h.Removed[0].Key != "ingen_forlust" || h.Removed[0].Reason != "Ersätts av mål 1" ||
		h.Removed[0].Year != 2021 || h.Removed[0].Final == nil || h.Removed[0].Final.Status != analytics.StatusMet {
		t.Errorf("removed: %+v", h.Removed)
	}
	h, err = s.PlanHistory(ctx, 2023, date("2023-02-01"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := finals(h.Goals["medlemmar"]), "2021 introduced 2 met; 2022 target_changed 2 missed; 2023 carried_over"; got != want {
		t.Errorf("on 2023-02-01:\n got  %s\n want %s", got, want)
	}
	if len(h.Removed) != 0 {
		t.Errorf("2023 dropped nothing of 2022: %+v", h.Removed)
	}
	if h, err := s.PlanHistory(ctx, 2021, date("2021-12-31")); err != nil || len(h.Removed) != 0 || finals(h.Goals["ingen_forlust"]) != "2021 introduced 0 met; 2022 removed" {
		t.Errorf("the first plan: %v %+v", err, h)
	}
}
