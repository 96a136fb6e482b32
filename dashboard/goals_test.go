package dashboard_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
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

// The history shows each earlier plan year's value and status at its end,
// and the page lists the goals the plan dropped (3 and 6 in 2022) with
// their reason.
func TestGoalHistoryShowsYearEndsAndRemovedGoals(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/goals?year=2022&asof=2022-06-30")
	removed := regexp.MustCompile(`(?s)<section class="panel removed".*?</section>`).FindString(body)
	for _, want := range []string{"Mål som inte finns kvar från 2021", `id="removed-services_per_member"`, "Utgår: ersätts av mål 4",
		`id="removed-municipality_coverage"`, "Uppnått 2021", "status-met"} {
		if !strings.Contains(removed, want) {
			t.Errorf("the removed goals lack %q:\n%s", want, removed)
		}
	}
	var api struct {
		Goals []struct {
			Key    string   `json:"key"`
			Value  *float64 `json:"value"`
			Status string   `json:"status"`
		} `json:"goals"`
	}
	_, raw := get(t, app, "/api/goals?year=2021&asof=2021-12-31")
	if err := json.Unmarshal([]byte(raw), &api); err != nil {
		t.Fatal(err)
	}
	members := api.Goals[0]
	if members.Key != "members_125" || members.Value == nil {
		t.Fatalf("2021's goal 1: %+v", members)
	}
	history := regexp.MustCompile(`(?s)<article class="panel goal" id="goal-members_125">.*?</details>`).FindString(body)
	row2021 := regexp.MustCompile(`(?s)<tr><td>2021</td>.*?</tr>`).FindString(history)
	if !strings.Contains(row2021, `<td class="num">`+strconv.Itoa(int(*members.Value))+`</td>`) || !strings.Contains(row2021, "status-"+members.Status) {
		t.Errorf("2021's row lacks the value %v and status %s at the year's end:\n%s", *members.Value, members.Status, row2021)
	}
	row2022 := regexp.MustCompile(`(?s)<tr><td>2022</td>.*?</tr>`).FindString(history)
	if strings.Contains(row2022, "status-") {
		t.Errorf("2022 has not ended on 2022-06-30, yet its row has a status:\n%s", row2022)
	}
	_, body = get(t, app, "/goals?year=2023&asof=2023-06-30", "malbild_lang=en")
	if strings.Contains(body, `id="removed-`) {
		t.Error("2023 dropped nothing of 2022")
	}
	if !strings.Contains(body, "Value at the year&#39;s end") {
		t.Error("the English history has no year-end column")
	}
}
