package dashboard_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
)

const threeMembers = `INSERT INTO members (name, kind, joined_on, left_on) VALUES
	('Arboga',  'kommun', DATE '2020-01-01', NULL),
	('Boxholm', 'kommun', DATE '2020-06-01', DATE '2021-12-31'),
	('Ydre',    'kommun', DATE '2021-03-15', NULL)`

func TestOverviewShowsMembersAsOfTheChosenDay(t *testing.T) {
	app, _ := newApp(t, threeMembers)
	for _, c := range []struct {
		asof    string
		members string
		rows    []string
	}{
		{"2021-12-31", "3", []string{"2020-12-31", "2021-12-31"}},
		{"2022-01-01", "2", []string{"2020-12-31", "2021-12-31", "2022-01-01"}},
		{"2020-05-31", "1", []string{"2020-05-31"}},
	} {
		resp, body := get(t, app, "/?asof="+c.asof)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("asof %s: status %d", c.asof, resp.StatusCode)
		}
		figure := regexp.MustCompile(`class="value">([^<]*)<`).FindStringSubmatch(body)
		if figure == nil || figure[1] != c.members {
			t.Errorf("asof %s: key figure %v, want %s members", c.asof, figure, c.members)
		}
		for _, day := range c.rows {
			if !strings.Contains(body, "<td>"+day+"</td>") {
				t.Errorf("asof %s: the table has no row for %s", c.asof, day)
			}
		}
		if !strings.Contains(body, `data-chart-for="chart-growth"`) {
			t.Errorf("asof %s: no chart options on the page", c.asof)
		}
	}
}

func TestOverviewLinksCarryTheChosenDate(t *testing.T) {
	app, _ := newApp(t, threeMembers)
	_, body := get(t, app, "/?asof=2021-06-30")
	if !strings.Contains(body, `href="/?asof=2021-06-30"`) {
		t.Error("navigation links do not carry ?asof")
	}
}

func TestBadAsOfIsAClearMessageInTheUsersLanguage(t *testing.T) {
	app, _ := newApp(t, threeMembers)
	resp, body := get(t, app, "/?asof=2021-13-01")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "ÅÅÅÅ-MM-DD") {
		t.Errorf("Swedish: status %d, body lacks the format hint", resp.StatusCode)
	}
	resp, body = get(t, app, "/?asof=yesterday", "malbild_lang=en")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "YYYY-MM-DD") || !strings.Contains(body, "&#34;yesterday&#34;") {
		t.Errorf("English: status %d, body %q", resp.StatusCode, body)
	}
}

func TestEmptyDatabaseShowsAFriendlyStart(t *testing.T) {
	app, _ := newApp(t)
	resp, body := get(t, app, "/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "inga medlemmar") {
		t.Errorf("empty database: status %d; want the start message", resp.StatusCode)
	}
}

func TestUnknownPageIsA404InTheLayout(t *testing.T) {
	app, _ := newApp(t)
	resp, body := get(t, app, "/no/such/page")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Sidan finns inte") || !strings.Contains(body, `<header class="top">`) {
		t.Errorf("status %d, body %q", resp.StatusCode, body)
	}
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	app, _ := newApp(t, threeMembers)
	resp, _ := get(t, app, "/?asof=2021-06-30&lang=en")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/?asof=2021-06-30" {
		t.Fatalf("switch: status %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	cookie := resp.Header.Get("Set-Cookie")
	if !strings.HasPrefix(cookie, "malbild_lang=en") {
		t.Fatalf("cookie %q", cookie)
	}
	_, body := get(t, app, "/", "malbild_lang=en")
	if !strings.Contains(body, "Members over time") || !strings.Contains(body, `<html lang="en">`) {
		t.Error("the English page is not in English")
	}
}

func TestHealthz(t *testing.T) {
	app, _ := newApp(t)
	if resp, body := get(t, app, "/healthz"); resp.StatusCode != http.StatusOK || body != "ok" {
		t.Errorf("healthz: %d %q", resp.StatusCode, body)
	}
}

func TestEveryResponseCarriesTheStrictPolicy(t *testing.T) {
	app, _ := newApp(t)
	for _, path := range []string{"/", "/healthz", "/nope", "/?asof=bad"} {
		resp, _ := get(t, app, path)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "style-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: missing nosniff or frame denial", path)
		}
	}
}

func TestOverviewKeyFiguresAndGoalsOfTheYear(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/?asof=2022-12-31")
	for _, want := range []string{
		"Årets mål 2022",
		`<span class="value">143</span>`, // members on 2022-12-31, as /api/goals says
		"Mål &gt;= 125",                  // the plan's target beside it
		"Förlorade medlemmar i år",
		`href="/goals?asof=2022-12-31&amp;year=2022#goal-no_members_lost"`,
		`data-chart-for="chart-coverage"`,
		`href="/services/1?asof=2022-12-31"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
}

func TestNamesAreEscapedInTablesAndChartJSON(t *testing.T) {
	app, _ := newApp(t, `INSERT INTO members (name, kind, joined_on) VALUES ('<script>alert(1)</script>', 'kommun', DATE '2020-01-01')`,
		`INSERT INTO services (id, name, kind) VALUES (1, '</script><script>alert(2)</script>', 'service')`,
		`INSERT INTO participations (member_id, service_id, from_on) SELECT id, 1, DATE '2021-01-01' FROM members`)
	_, body := get(t, app, "/?asof=2022-01-01")
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "</script><script>") {
		t.Fatal("a name reached the page unescaped")
	}
	if !strings.Contains(body, `\u003c/script\u003e\u003cscript\u003ealert(2)`) {
		t.Error("the service name is not in the chart JSON, escaped")
	}
	if !strings.Contains(body, "&lt;/script&gt;&lt;script&gt;alert(2)") {
		t.Error("the service name is not in the table, escaped")
	}
}

// A second view of a page is served from the cache, for another user of
// the same role too, with that user's own name and CSRF token in it; a
// write through the dashboard drops it.
func TestCachedPagesCarryTheirOwnUsersTokenAndWritesDropThem(t *testing.T) {
	app, s := newDemoApp(t)
	get(t, app, "/goals?year=2026", "as=editor")
	// Behind the dashboard's back: a cached page does not show it.
	analyticstest.Exec(t, s, `INSERT INTO goal_comments (goal_id, written_on, author, body)
		SELECT id, DATE '2026-11-20', 'x', 'Skrivet direkt i databasen' FROM goals WHERE year = 2026 AND number = 1`)
	a, _, _ := accounts.Of(s).CreateAccount(t.Context(), "kansliet2", "editor", "ett långt lösenord")
	id, sess, _ := accounts.Of(s).NewSession(t.Context(), a)
	_, second := get(t, app, "/goals?year=2026", "as=anonymous", "malbild_session="+id)
	if strings.Contains(second, "Skrivet direkt i databasen") {
		t.Fatal("the second view was not served from the cache")
	}
	if !strings.Contains(second, `class="who">kansliet2<`) || !strings.Contains(second, `value="`+sess.CSRFToken+`"`) || strings.Contains(second, `class="who">editor<`) {
		t.Error("the cached page does not carry the second user's own name and token")
	}
	goals, _ := s.EvaluateGoals(t.Context(), 2026, mustDate("2026-11-22"))
	postForm(t, app, "/goals/"+itoa(goals[0].ID)+"/edit", url.Values{"comment": {"Via formuläret."}}, "as=editor")
	if _, third := get(t, app, "/goals?year=2026", "as=editor"); !strings.Contains(third, "Skrivet direkt i databasen") || !strings.Contains(third, "Via formuläret.") {
		t.Error("after a write the page still comes from the cache")
	}
}

// The metric values a view computed are kept for views on other as-of days
// (the growth chart's year ends are the same for every day of a year) until
// a write through the dashboard drops them with the cached pages.
func TestMetricValuesOfOtherViewsLastUntilAWrite(t *testing.T) {
	app, s := newDemoApp(t)
	firstYearEnd := func(asOf string) string {
		t.Helper()
		_, body := get(t, app, "/?asof="+asOf, "as=editor")
		var spec struct {
			Option struct {
				XAxis  []struct{ Data []string }
				Series []struct{ Data []struct{ Value float64 } }
			}
		}
		if err := json.Unmarshal([]byte(chartJSON(t, body, "chart-growth")), &spec); err != nil ||
			len(spec.Option.XAxis) == 0 || len(spec.Option.XAxis[0].Data) == 0 ||
			len(spec.Option.Series) == 0 || len(spec.Option.Series[0].Data) == 0 {
			t.Fatalf("the growth chart on %s has no first point (%v)", asOf, err)
		}
		return fmt.Sprintf("%s %g", spec.Option.XAxis[0].Data[0], spec.Option.Series[0].Data[0].Value)
	}
	before := firstYearEnd("2026-11-10")
	if before != "2005-12-31 31" {
		t.Fatalf("the demo's first year end is %s", before)
	}
	// Behind the dashboard's back: views on other days still use the values
	// of the data as the dashboard last knew them.
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES ('Nyköping', 'kommun', DATE '2005-06-01')`)
	if got := firstYearEnd("2026-11-11"); got != before {
		t.Errorf("a view on another day computed the year ends again: %s, want %s", got, before)
	}
	goals, _ := s.EvaluateGoals(t.Context(), 2026, mustDate("2026-11-22"))
	postForm(t, app, "/goals/"+itoa(goals[0].ID)+"/edit", url.Values{"comment": {"En skrivning."}}, "as=editor")
	if got := firstYearEnd("2026-11-12"); got != "2005-12-31 32" {
		t.Errorf("after a write the growth still starts %s, want 2005-12-31 32", got)
	}
}

// The budget figure, like the metric values, is kept for other days until
// the next write: a follow-up added behind the dashboard's back shows only
// after one.
func TestTheBudgetOfOtherViewsLastsUntilAWrite(t *testing.T) {
	app, s := newDemoApp(t)
	budgetFigure := func(asOf string) string {
		t.Helper()
		_, body := get(t, app, "/?asof="+asOf, "as=editor")
		// The figure past its label, whose link names the day.
		f := regexp.MustCompile(`(?s)<div class="figure figure-budget.*?</span>(.*?)\n  </div>`).FindStringSubmatch(body)
		if f == nil {
			t.Fatalf("no budget figure on %s", asOf)
		}
		return f[1]
	}
	before := budgetFigure("2026-11-10")
	analyticstest.Exec(t, s, `INSERT INTO budget_followups (followed_on, group_name, category, outcome, forecast, comment)
		VALUES (DATE '2026-11-10', NULL, 'Kansli', 5000000, 9000000, 'far over')`)
	if got := budgetFigure("2026-11-11"); got != before {
		t.Errorf("a view on another day computed the budget again:\n%s\nwant\n%s", got, before)
	}
	goals, _ := s.EvaluateGoals(t.Context(), 2026, mustDate("2026-11-22"))
	postForm(t, app, "/goals/"+itoa(goals[0].ID)+"/edit", url.Values{"comment": {"En skrivning."}}, "as=editor")
	if got := budgetFigure("2026-11-12"); got == before {
		t.Errorf("after a write the budget figure still leaves out the new follow-up:\n%s", got)
	}
	if got := budgetFigure("2026-11-09"); got != before {
		t.Errorf("the day before the new follow-up:\n%s\nwant\n%s", got, before)
	}
}

// figureOf is the overview's key figure with the label, up to its end.
func figureOf(t *testing.T, body, label string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<div class="figure[^"]*">\s*<span class="label">` + regexp.QuoteMeta(label) + `</span>.*?\n  </div>`).FindString(body)
	if m == "" {
		t.Fatalf("no key figure %q", label)
	}
	return m
}

// The key figures take their targets from the year's plan: the demo's plans
// after 2023 have no goal on the top service's share, so in 2026 it has no
// target, while in 2022 it has goal 5's.
func TestOverviewTargetsComeFromTheYearsPlan(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/?asof=2026-06-30")
	if f := figureOf(t, body, "Största tjänstens andel av medlemmarna"); strings.Contains(f, "Mål") || strings.Contains(f, "status") {
		t.Errorf("2026 has no goal on the top service's share, yet its figure shows a target or status:\n%s", f)
	}
	if f := figureOf(t, body, "Medlemmar"); !strings.Contains(f, "Mål &gt;= 125") {
		t.Errorf("2026's goal 1 is not beside the members:\n%s", f)
	}
	if f := figureOf(t, body, "Tjänster per medlem"); strings.Contains(f, "Mål") {
		t.Errorf("no plan has a goal on services per member in 2026:\n%s", f)
	}
	_, body = get(t, app, "/?asof=2022-06-30")
	if f := figureOf(t, body, "Största tjänstens andel av medlemmarna"); !strings.Contains(f, "Mål &gt; 75,0\u00a0%") {
		t.Errorf("2022's goal 5 is not beside the top service's share:\n%s", f)
	}
}

// A plan without a goal on members draws the growth chart without a target.
func TestOverviewWithoutAPlanHasNoTargets(t *testing.T) {
	app, _ := newApp(t, threeMembers)
	_, body := get(t, app, "/?asof=2021-06-30")
	if strings.Contains(body, "Mål &gt;") || strings.Contains(body, "Mål =") {
		t.Error("an overview without a plan shows a target")
	}
}
