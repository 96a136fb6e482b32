package analytics_test

import (
	"context"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// The demo's 2022 plan, evaluated mid-year and at year end. Each status was
// checked by hand against DESIGN "Goal status" (reasoning beside each row):
// the pace line for a `= 100 %` share starts at 0 on 1 January and stands at
// 180/364 = 0,4945 on 30 June.
func TestDemoGoals2022CheckedByHand(t *testing.T) {
	s := analyticstest.New(t)
	if err := s.Load(context.Background(), demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[int]analytics.Status{
		"2022-06-30": {
			1:  analytics.StatusOnTrack, // 142 members >= 125 already holds, due 31 Dec: on track
			2:  analytics.StatusAtRisk,  // 8,2 % upgraded, behind the pace line at 49,5 %
			4:  analytics.StatusAtRisk,  // 16,7 % activated, behind 49,5 %
			5:  analytics.StatusOnTrack, // Bibblix 73,2 % fails > 75 % but is ahead of its pace line (73,0 % on the way from 1 January to 75 % on 2023-12-31)
			7:  analytics.StatusNoData,  // manual: the board set "met" only on 2022-11-08; DESIGN rule 4 shows nothing dated after the as-of day
			8:  analytics.StatusAtRisk,  // 2 networks with 20 municipalities; pace from 2 to 4 stands at 2,99
			9:  analytics.StatusMet,     // cumulative >= that holds: 1 digital conference
			10: analytics.StatusOnTrack, // no member lost yet: = 0 holds, not yet due
		},
		"2022-12-31": {
			1:  analytics.StatusMet,     // 143 >= 125 on the due date
			2:  analytics.StatusMissed,  // 12,2 % upgraded on the due date
			4:  analytics.StatusMissed,  // 25 % activated on the due date
			5:  analytics.StatusOnTrack, // 74,1 % is ahead of the pace line (73,7 %), due 2023
			7:  analytics.StatusMet,     // manual: set on 2022-11-08
			8:  analytics.StatusMissed,  // 2 networks, target 4
			9:  analytics.StatusMet,     // 3 digital conferences
			10: analytics.StatusMissed,  // two members lost during 2022
		},
	}
	for asOf, statuses := range want {
		goals, err := s.EvaluateGoals(context.Background(), 2022, day(asOf))
		if err != nil {
			t.Fatal(err)
		}
		if len(goals) != len(statuses) {
			t.Fatalf("%s: %d goals, want %d", asOf, len(goals), len(statuses))
		}
		values := map[string]map[int]float64{"2022-06-30": {1: 142, 9: 1, 10: 0}, "2022-12-31": {1: 143, 9: 3, 10: 2}}[asOf]
		for _, g := range goals {
			if v, ok := values[g.Number]; ok && (g.Value == nil || *g.Value != v) {
				t.Errorf("%s goal %d: value %v, want %v", asOf, g.Number, g.Value, v)
			}
			if g.Status != statuses[g.Number] {
				t.Errorf("%s goal %d (%s): %s, want %s", asOf, g.Number, g.Metric, g.Status, statuses[g.Number])
			}
		}
	}
}
