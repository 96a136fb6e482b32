package dashboard_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// nb writes a text the way the page does: thousands groups and units kept
// together by no-break spaces.
func nb(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// The board sees which frames go to the board and why, in kronor; a year
// without a budget says so; a bad year is refused in the page's language.
func TestBudgetPage(t *testing.T) {
	app, s := newDemoApp(t)
	analyticstest.Exec(t, s, `INSERT INTO budget_followups (followed_on, group_name, category, outcome, comment)
		VALUES ('2024-05-31', 'Ingen ram', 'Okänd kategori', 1000, 'belongs nowhere')`)
	resp, page := get(t, app, "/budget?year=2024&asof=2024-12-31", "as=viewer")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	page = html.UnescapeString(page)
	for _, want := range []string{
		"Budgetuppföljning 2024 per 2024-12-31",
		"Tjänsteförvaltning</a> <small>(ram)</small>",
		"Till styrelsen",
		"prövas i ramen",
		"<td>drift</td>",
		nb("10 %") + " av " + nb("2 986 tkr") + " = " + nb("298 600 kr") + "; 4 pbb = " + nb("229 200 kr"),
		"Ny licensmodell från leverantören", // a comment in Egil's history
		"Uppföljningar utan budgetrad", "<td>Ingen ram / Okänd kategori</td>",
		nb("+269 200"), // the frame's deviation
		`id="chart-budget-bars"`, `aria-describedby="budget-table"`, `id="chart-budget-series-table"`,
		`href="/budget?asof=2024-12-31&year=2024#history-1"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the 2024 page lacks %q", want)
		}
	}
	if strings.Contains(page, "[budgetpage.") {
		t.Error("the page shows a text key instead of its text")
	}
	if strings.Contains(page, "@") {
		t.Error("the page shows an e-mail address to a viewer")
	}
	_, page = get(t, app, "/budget?year=2024&asof=2024-12-31", "as=viewer", "malbild_lang=en")
	if page = html.UnescapeString(page); !strings.Contains(page, "To the board") || !strings.Contains(page, "10% of "+nb("2,986 tkr")+" = "+nb("298,600 kr")+"; 4 pbb = "+nb("229,200 kr")) {
		t.Error("the English page lacks its status or threshold")
	}
	// Early in a year nothing is known yet: no status, a dash.
	_, page = get(t, app, "/budget?year=2026&asof=2026-02-01", "as=viewer")
	if !strings.Contains(page, "Ingen uppföljning än") || strings.Contains(page, "Till styrelsen</span>") {
		t.Error("before the first follow-up the page claims a status")
	}
	if _, page := get(t, app, "/budget?year=2019", "as=viewer"); !strings.Contains(page, "Det finns ingen budget för 2019.") {
		t.Error("a year without a budget does not say so")
	}
	if resp, page := get(t, app, "/budget?year=tjugo", "as=viewer"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "tjugo") {
		t.Errorf("a bad year: %d", resp.StatusCode)
	}
	if resp, _ := get(t, app, "/budget", "as=anonymous"); resp.StatusCode == http.StatusOK {
		t.Error("the page answers without a login")
	}
}

// GET /api/budget answers DESIGN's JSON; bad input is a 400 with a message.
func TestBudgetAPI(t *testing.T) {
	app, _ := newDemoApp(t)
	resp, body := get(t, app, "/api/budget?year=2025&asof=2025-12-31", "as=viewer")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var r struct {
		Year  int
		AsOf  string `json:"asof"`
		PBB   float64
		Rule  map[string]float64
		Lines []map[string]any
		Total map[string]any
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	if r.Year != 2025 || r.AsOf != "2025-12-31" || r.PBB != 58800 || r.Rule["percent"] != 10 || r.Rule["pbb_multiple"] != 4 {
		t.Errorf("head %+v", r)
	}
	for _, l := range r.Lines {
		if l["category"] == "Egil" && (l["status"] != "over" || l["threshold"] != nil) {
			t.Errorf("Egil inside its frame: %v", l)
		}
		if l["group"] == "Tjänsteförvaltning" && l["category"] == nil && l["status"] != "within" {
			t.Errorf("the frame: %v", l)
		}
	}
	for _, key := range []string{"group", "category", "kind", "budget", "outcome", "forecast", "deviation", "share", "outcome_share", "status", "threshold"} {
		if _, ok := r.Total[key]; !ok {
			t.Errorf("the total lacks %q", key)
		}
	}
	for _, q := range []string{"year=20x5", "asof=2025-13-01", "year=1800"} {
		if resp, body := get(t, app, "/api/budget?"+q, "as=viewer"); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d %s", q, resp.StatusCode, body)
		}
	}
}

// The admin sets the rule on the settings form; a bad value changes
// nothing, not even the other fields, and says why in the page's language.
func TestBudgetRuleOnTheSettingsForm(t *testing.T) {
	app, s := newDemoApp(t)
	resp, page := postForm(t, app, "/admin/settings", url.Values{"association": {"Sambruk"}, "budget_percent": {"12,5"}, "budget_pbb_multiple": {"3"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `value="12,5"`) {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	if r, _ := s.BudgetRuleSetting(t.Context()); r.Percent != 12.5 || r.PBBMultiple != 3 {
		t.Errorf("rule %+v", r)
	}
	resp, page = postForm(t, app, "/admin/settings", url.Values{"association": {"Annat"}, "budget_percent": {"tio"}, "budget_pbb_multiple": {"4"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "Procentsatsen för budgetregeln") {
		t.Errorf("a bad percent: %d", resp.StatusCode)
	}
	if v, _ := s.Setting(t.Context(), analytics.SettingAssociation); v != "Sambruk" {
		t.Errorf("a refused form changed the name to %q", v)
	}
	// A form without the rule's fields leaves the rule as it is.
	postForm(t, app, "/admin/settings", url.Values{"association": {"Sambruk"}})
	if r, _ := s.BudgetRuleSetting(t.Context()); r.Percent != 12.5 {
		t.Errorf("the rule after a form without it: %+v", r)
	}
}

// The overview shows the year's budget as a key figure, red and in words
// when a line must go to the board; a year without a budget shows none.
func TestOverviewBudgetFigure(t *testing.T) {
	app, _ := newDemoApp(t)
	_, page := get(t, app, "/?asof=2026-11-22", "as=viewer")
	if !strings.Contains(page, `class="figure figure-budget figure-report"`) || !strings.Contains(page, "Till styrelsen: 1 rad") ||
		!strings.Contains(page, `href="/budget?asof=2026-11-22&amp;year=2026"`) {
		t.Error("this year's budget figure does not say that a line goes to the board")
	}
	_, page = get(t, app, "/?asof=2026-06-30", "as=viewer")
	if !strings.Contains(page, `figure-budget figure-within`) || strings.Contains(page, "Till styrelsen") ||
		!strings.Contains(page, "Inom budget") {
		t.Error("in June the budget figure is not within")
	}
	if _, page = get(t, app, "/?asof=2020-06-30", "as=viewer"); strings.Contains(page, "figure-budget") {
		t.Error("a year without a budget shows a budget figure")
	}
}

// A goal on the budget's metric: "the services' management stays within its
// frame", with its value in kronor, below zero, on the goals page.
func TestBudgetGoalOnTheGoalsPage(t *testing.T) {
	app, s := newDemoApp(t)
	analyticstest.Exec(t, s, `INSERT INTO goals (year, number, key, text, metric, params, comparator, target)
		VALUES (2025, 99, 'ram', 'Tjänsteförvaltningen håller sin ram', 'budget_deviation', 'group=Tjänsteförvaltning', '<=', 0)`)
	_, page := get(t, app, "/goals?year=2025&asof=2025-12-31", "as=viewer")
	if !strings.Contains(page, "Tjänsteförvaltningen håller sin ram") || !strings.Contains(page, nb("−34 200 kr")) {
		t.Error("the budget goal or its value is missing from the goals page")
	}
	_, body := get(t, app, "/api/goals?year=2025&asof=2025-12-31", "as=viewer")
	var r struct{ Goals []map[string]any }
	json.Unmarshal([]byte(body), &r)
	found := false
	for _, g := range r.Goals {
		if g["key"] == "ram" {
			found = true
			if g["value"] != -34200.0 || g["status"] != "met" {
				t.Errorf("the budget goal in the API: %v", g)
			}
		}
	}
	if !found {
		t.Errorf("no budget goal in %s", body)
	}
}
