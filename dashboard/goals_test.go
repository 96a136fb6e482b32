package dashboard_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestGoalsPageShowsThePlanWithStatusValueAndHistory(t *testing.T) {
	app, _ := newDemoApp(t)
	resp, body := get(t, app, "/goals?year=2022&asof=2022-12-31")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		"Verksamhetsplan 2022",
		`<option value="2022" selected>`,
		`id="goal-members_125"`,
		"143", // goal 1's value on 2022-12-31
		`class="status status-met">Uppnått`,
		`class="status status-missed">Ej uppnått`,
		"12,2\u00a0%",                              // goal 2's value as a percentage
		"Målvärdet ändrat",                         // goal 8: 2 → 4 networks in 2022
		"Bedöms av styrelsen",                      // goal 7 is manual
		"Alla tjänster har nu ett förvaltningsråd", // its comment
		`data-chart-for="trend-members_125"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the 2022 plan lacks %q", want)
		}
	}
	if strings.Contains(body, `id="trend-experience_networks"`) {
		t.Error("a manual goal has no trend to draw")
	}
}

func TestGoalsPageRemovedGoalAndBadYear(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/goals?year=2021&asof=2021-12-31")
	if !strings.Contains(body, "Uppnått 2021") || !strings.Contains(body, "Borttaget") {
		t.Error("goal 6's removal and its reason are not in its history")
	}
	resp, body := get(t, app, "/goals?year=tjugo")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "fyra siffror") {
		t.Errorf("bad year: %d", resp.StatusCode)
	}
	_, body = get(t, app, "/goals?year=2019", "malbild_lang=en")
	if !strings.Contains(body, "There is no business plan for this year.") {
		t.Error("a year without a plan does not say so")
	}
}
