package dashboard_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// benefitFixture: two members with contact persons (never shown to the
// board), Egil with a benefit measured per member (summed, 450 kr per hour,
// budget 120 000 kr in 2024) and FixaMinGata with a lower-is-better one.
var benefitFixture = []string{
	`INSERT INTO members (name, kind, joined_on, contact_name, contact_email) VALUES
		('Alingsås', 'kommun', DATE '2020-01-01', 'Anna Kontaktsson', 'anna@example.se'),
		('Borås', 'kommun', DATE '2020-01-01', 'Bo Kontaktsson', 'bo@example.se')`,
	`INSERT INTO services (name, kind) VALUES ('Egil', 'service'), ('FixaMinGata', 'service')`,
	`INSERT INTO benefits (name, service_id, category, certainty, owner, unit, direction, aggregation,
		baseline, baseline_on, target, due_on, valuation) VALUES
		('Frigjorda timmar', 1, 'tid', 'gul', 'Skolchef', 'timmar', 'högre', 'summa', 0, DATE '2024-01-01', 100, DATE '2024-12-31', 450),
		('Handläggningskostnad', 2, 'ekonomisk', 'grön', 'Gatuchef', 'kr per ärende', 'lägre', 'medel', 500, DATE '2024-01-01', 300, DATE '2025-12-31', 1)`,
	`INSERT INTO benefit_measurements (benefit_id, measured_on, member_id, value, source) VALUES
		(1, DATE '2024-03-31', 1, 20, 'Enkät'), (1, DATE '2024-05-31', 2, 30, 'Enkät'), (1, DATE '2024-06-30', 1, 40, 'Enkät'),
		(1, DATE '2024-08-15', 1, 70, 'Enkät'), (2, DATE '2024-06-30', NULL, 450, 'Ekonomisystem')`,
	`INSERT INTO budget_lines (year, category, kind, amount) VALUES (2024, 'Egil', 'drift', 100000), (2024, 'Egil', 'investering', 20000)`,
}

func TestBenefitsAPIAnswersDesignsShape(t *testing.T) {
	app, _ := newApp(t, benefitFixture...)
	resp, body := get(t, app, "/api/benefits?asof=2024-06-30", "as=viewer")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		AsOf     string           `json:"asof"`
		Benefits []map[string]any `json:"benefits"`
		Services []map[string]any `json:"services"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	keys := "category certainty direction due baseline forecast name pace realised_kr service status target unit value"
	for _, b := range got.Benefits {
		var have []string
		for k := range b {
			have = append(have, k)
		}
		if len(have) != 14 {
			t.Errorf("benefit keys %v, want %s", have, keys)
		}
	}
	if got.AsOf != "2024-06-30" || len(got.Benefits) != 2 || got.Benefits[0]["realised_kr"] != 31500.0 || got.Benefits[0]["value"] != 70.0 {
		t.Errorf("answer %s", body)
	}
	if len(got.Services) != 2 || got.Services[0]["service"] != "Egil" || got.Services[0]["cost"] != 120000.0 || got.Services[1]["cost"] != nil {
		t.Errorf("services %v", got.Services)
	}
	for _, bad := range []string{"2024-13-01", "%00", "2024-06%0D%0A30", strings.Repeat("9", 400), "1066-10-14"} {
		if resp, body := get(t, app, "/api/benefits?asof="+bad, "as=viewer"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "error") {
			t.Errorf("asof=%.20s: %d %.200s", bad, resp.StatusCode, body)
		}
	}
}

func TestBenefitsPagesShowTheRegisterToTheBoard(t *testing.T) {
	app, _ := newApp(t, benefitFixture...)
	resp, body := get(t, app, "/benefits?asof=2024-06-30", "as=viewer")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`href="/benefits/1?asof=2024-06-30"`, `href="/services/1?asof=2024-06-30"`, "Frigjorda timmar",
		"Gul: frigjord tid", "certainty-yellow", "Grön: budgetpåverkan", "31\u00a0500\u00a0kr", "120\u00a0000\u00a0kr",
		"status-on_track", "Realiserad nytta mot kostnad per tjänst", `aria-current="page"`, ">Nytta<",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/benefits lacks %q", want)
		}
	}
	_, en := get(t, app, "/benefits?asof=2024-06-30", "as=viewer", "malbild_lang=en")
	for _, want := range []string{"Yellow: freed time", "31,500\u00a0kr", "Realised benefit against cost per service"} {
		if !strings.Contains(en, want) {
			t.Errorf("/benefits in English lacks %q", want)
		}
	}

	resp, body = get(t, app, "/benefits/1?asof=2024-06-30", "as=viewer")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`id="chart-benefit-table"`, `id="chart-benefit-members-table"`, `href="/members/1?asof=2024-06-30"`,
		"Alingsås", "Borås", "18\u00a0000\u00a0kr", "2024-03-31", "Enkät", "Taktlinje", "Skolchef",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/benefits/1 lacks %q", want)
		}
	}
	// What was measured after the day is not on it; nor are contact persons.
	for _, page := range []string{body, en} {
		for _, never := range []string{"2024-08-15", "Kontaktsson", "example.se"} {
			if strings.Contains(page, never) {
				t.Errorf("a benefits page shows %q", never)
			}
		}
	}
	// A measurement of the whole: no member chart, "the whole benefit".
	_, body = get(t, app, "/benefits/2?asof=2024-06-30", "as=viewer")
	if strings.Contains(body, "chart-benefit-members") || !strings.Contains(body, "Hela nyttan") {
		t.Error("/benefits/2 should list the whole's measurement without member bars")
	}
	if resp, _ := get(t, app, "/benefits/99", "as=viewer"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown benefit: %d", resp.StatusCode)
	}
	if resp, _ := get(t, app, "/benefits/x", "as=viewer"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a benefit id that is no number: %d", resp.StatusCode)
	}
	if resp, _ := get(t, app, "/benefits?asof=20x", "as=viewer"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad date: %d", resp.StatusCode)
	}

	// The service page lists its benefits with links.
	_, body = get(t, app, "/services/1?asof=2024-06-30", "as=viewer")
	if !strings.Contains(body, `href="/benefits/1?asof=2024-06-30"`) || !strings.Contains(body, "Frigjorda timmar") {
		t.Error("the service page does not list its benefit")
	}
	if _, body = get(t, app, "/services/2?asof=2024-06-30", "as=viewer"); strings.Contains(body, "Frigjorda timmar") {
		t.Error("another service's page lists Egil's benefit")
	}
}

// A goal on benefit_realised shows on the goals page like any metric, in
// kronor, with its name.
func TestAGoalOnRealisedBenefitShowsOnTheGoalsPage(t *testing.T) {
	app, _ := newApp(t, append(benefitFixture,
		`INSERT INTO goals (year, number, key, text, metric, params, comparator, target)
			VALUES (2024, 1, 'nytta', 'Egil ger tillbaka', 'benefit_realised', 'service=Egil', '>=', 40000)`)...)
	resp, body := get(t, app, "/goals?year=2024&asof=2024-06-30", "as=viewer")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"Egil ger tillbaka", "31\u00a0500\u00a0kr", "40\u00a0000\u00a0kr"} {
		if !strings.Contains(body, want) {
			t.Errorf("the goals page lacks %q", want)
		}
	}
	_, api := get(t, app, "/api/goals?year=2024&asof=2024-06-30", "as=viewer")
	if !strings.Contains(api, `"metric":"benefit_realised"`) || !strings.Contains(api, `"value":31500`) {
		t.Errorf("/api/goals: %s", api)
	}
}

// A member's page says what the member realised, benefit by benefit.
func TestAMembersPageShowsWhatItRealised(t *testing.T) {
	app, _ := newApp(t, benefitFixture...)
	_, body := get(t, app, "/members/1?asof=2024-06-30", "as=viewer")
	for _, want := range []string{"Nytta hos medlemmen", `href="/benefits/1?asof=2024-06-30"`, "18\u00a0000\u00a0kr"} {
		if !strings.Contains(body, want) {
			t.Errorf("the member page lacks %q", want)
		}
	}
	if _, body = get(t, app, "/members/2?asof=2024-05-30", "as=viewer"); strings.Contains(body, "Nytta hos medlemmen") {
		t.Error("a member measured after the day shows a benefit")
	}
}

// An empty register: the page says so, the API answers empty lists.
func TestAnEmptyBenefitRegister(t *testing.T) {
	app, _ := newApp(t)
	if resp, body := get(t, app, "/benefits", "as=viewer"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "Inga nyttor finns registrerade.") || strings.Contains(body, "data-chart-for") {
		t.Errorf("empty /benefits: %d", resp.StatusCode)
	}
	if _, body := get(t, app, "/api/benefits?asof=2024-01-01", "as=viewer"); body != `{"asof":"2024-01-01","benefits":[],"services":[]}` {
		t.Errorf("empty /api/benefits: %s", body)
	}
}
