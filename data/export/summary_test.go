package export

import (
	"testing"

	"malbild/analytics"
	"malbild/analytics/locale"
)

func TestStatusCountsSayHowManyGoalsHaveEachStatus(t *testing.T) {
	goals := func(statuses ...analytics.Status) []analytics.GoalResult {
		var out []analytics.GoalResult
		for _, s := range statuses {
			out = append(out, analytics.GoalResult{Status: s})
		}
		return out
	}
	met, onTrack, risk, missed := analytics.StatusMet, analytics.StatusOnTrack, analytics.StatusAtRisk, analytics.StatusMissed
	all := goals(missed, met, onTrack, risk, met, onTrack, risk, met)
	if got := statusCounts(locale.Sv, all); got != "3 uppnådda, 2 i fas, 2 risk, 1 ej uppnått" {
		t.Errorf("sv: %q", got)
	}
	if got := statusCounts(locale.En, all); got != "3 met, 2 on track, 2 at risk, 1 missed" {
		t.Errorf("en: %q", got)
	}
	if got := statusCounts(locale.Sv, goals(met)); got != "1 uppnått" {
		t.Errorf("one: %q", got)
	}
}

// A wrapped text breaks at spaces, as a spreadsheet program breaks it: a
// row is as tall as its lines.
func TestWrappedHeightBreaksAtSpaces(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		lines int
	}{
		{"Avgiftsintäkter", 16, 1},
		{"Medlemmar utan tjänst", 12, 2},
		{"Föreningen ska ha minst 125 medlemmar vid årets slut.", 28, 2},
		{"ett\ntvå\ntre", 40, 3},
		{"Abcdefghijklmnopqrstuvwxyzåäö", 10, 3}, // a word longer than the line breaks inside
	} {
		want := 0.0
		if c.lines > 1 {
			want = float64(c.lines * lineHeight)
		}
		if got := wrappedHeight(c.text, c.width); got != want {
			t.Errorf("%q in %v: %v points, want %d lines", c.text, c.width, got, c.lines)
		}
	}
}
