package dashboard_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"malbild/analytics/accounts"
)

// scorecardFixture is a plan whose statuses follow from the data alone on
// 2022-06-30: met (joined_2), on track (members_4, lost_0), at risk
// (conf_1), missed (past_due) and no data (manual).
var scorecardFixture = []string{`INSERT INTO members (name, kind, joined_on, left_on) VALUES
	('Arboga',  'kommun', DATE '2020-01-01', NULL),
	('Boxholm', 'kommun', DATE '2020-06-01', DATE '2021-12-31'),
	('Ydre',    'kommun', DATE '2021-03-15', NULL),
	('Eda',     'kommun', DATE '2022-02-01', NULL),
	('Falun',   'kommun', DATE '2022-05-10', NULL)`,
	`INSERT INTO goals (year, number, key, area, text, metric, comparator, target, due_on) VALUES
	(2022, 1, 'members_4', 'Medlemmar', 'Fyra medlemmar', 'members', '>=', 4, NULL),
	(2022, 2, 'joined_2', 'Medlemmar', 'Två nya medlemmar', 'members_joined', '>=', 2, NULL),
	(2022, 3, 'lost_0', 'Medlemmar', 'Ingen förlorad', 'members_lost', '=', 0, NULL),
	(2022, 4, 'conf_1', 'Konferenser', 'En digital konferens', 'digital_conferences', '>=', 1, NULL),
	(2022, 5, 'manual', 'Konferenser', 'Styrelsen bedömer', 'manual', NULL, NULL, NULL),
	(2022, 6, 'past_due', NULL, 'Tio medlemmar i mars', 'members', '>=', 10, DATE '2022-03-31')`,
}

var scorecardRow = regexp.MustCompile(`(?s)<tr class="goal-row" data-key="([^"]+)">.*?</tr>`)

// scorecardRows are the scorecard's rows by goal key.
func scorecardRows(body string) map[string]string {
	rows := map[string]string{}
	for _, m := range scorecardRow.FindAllStringSubmatch(body, -1) {
		rows[m[1]] = m[0]
	}
	return rows
}

func statusCount(t *testing.T, body, status string) string {
	t.Helper()
	m := regexp.MustCompile(`class="status status-` + status + `[^"]*" href="[^"]*"><span class="count">(\d+)</span>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no count of %s", status)
	}
	return m[1]
}

func TestScorecardCountsStatusesAndShowsTheChangeSinceADay(t *testing.T) {
	app, _ := newApp(t, scorecardFixture...)
	for _, path := range []string{"/goals?year=2022&asof=2022-06-30&since=2022-03-31", "/?asof=2022-06-30&since=2022-03-31"} {
		_, body := get(t, app, path)
		for status, want := range map[string]string{"met": "1", "on_track": "2", "at_risk": "1", "missed": "1", "no_data": "1"} {
			if got := statusCount(t, body, status); got != want {
				t.Errorf("%s: %s counts %s, want %s", path, status, got, want)
			}
		}
		rows := scorecardRows(body)
		if len(rows) != 6 {
			t.Fatalf("%s: %d rows, want one per goal", path, len(rows))
		}
		for key, wants := range map[string][]string{
			"members_4": {"status-on_track", "&#43;1 <small>(3 → 4)</small>", "&gt;= 4"},
			"joined_2":  {"status-met", "&#43;1 <small>(1 → 2)</small>", "I fas → Uppnått"},
			"lost_0":    {"±0 <small>(0 → 0)</small>"},
			"manual":    {"status-no_data"},
			"past_due":  {"status-missed", "±0 <small>(3 → 3)</small>"},
		} {
			for _, want := range wants {
				if !strings.Contains(rows[key], want) {
					t.Errorf("%s: the row of %s lacks %q:\n%s", path, key, want, rows[key])
				}
			}
		}
		if !strings.Contains(body, "Förändring sedan 2022-03-31") {
			t.Errorf("%s: the day compared with is not named", path)
		}
	}
}

// Each row's verdict says what forecast_meets says.
func TestScorecardForecastVerdictFollowsForecastMeets(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, l := range []struct{ cookie, reaches, misses string }{
		{"malbild_lang=sv", "prognosen når målet", "prognosen når inte målet"},
		{"malbild_lang=en", "forecast reaches the target", "forecast does not reach the target"},
	} {
		_, body := get(t, app, "/goals?year=2023&asof=2023-06-30", l.cookie)
		_, raw := get(t, app, "/api/goals?year=2023&asof=2023-06-30")
		var api struct {
			Goals []struct {
				Key   string `json:"key"`
				Meets *bool  `json:"forecast_meets"`
			} `json:"goals"`
		}
		if err := json.Unmarshal([]byte(raw), &api); err != nil {
			t.Fatal(err)
		}
		rows := scorecardRows(body)
		seen := 0
		for _, g := range api.Goals {
			row := rows[g.Key]
			switch {
			case g.Meets == nil && (strings.Contains(row, l.reaches) || strings.Contains(row, l.misses)):
				t.Errorf("%s: a verdict without a forecast", g.Key)
			case g.Meets != nil && *g.Meets && !strings.Contains(row, l.reaches):
				t.Errorf("%s: forecast_meets true, row %s", g.Key, row)
			case g.Meets != nil && !*g.Meets && !strings.Contains(row, l.misses):
				t.Errorf("%s: forecast_meets false, row %s", g.Key, row)
			case g.Meets != nil:
				seen++
			}
		}
		if seen == 0 {
			t.Error("no goal with a forecast to check")
		}
	}
}

func TestScorecardFiltersByStatusAndArea(t *testing.T) {
	app, _ := newApp(t, scorecardFixture...)
	_, body := get(t, app, "/goals?year=2022&asof=2022-06-30&status=on_track")
	if rows := scorecardRows(body); len(rows) != 2 || rows["members_4"] == "" || rows["lost_0"] == "" {
		t.Errorf("status on track: rows %v", keys(rows))
	}
	if strings.Contains(body, `id="goal-conf_1"`) || !strings.Contains(body, `id="goal-members_4"`) {
		t.Error("the goals below the scorecard do not follow its filter")
	}
	if got := statusCount(t, body, "at_risk"); got != "1" {
		t.Errorf("the counts follow the status filter: at risk %s", got)
	}
	_, body = get(t, app, "/?asof=2022-06-30&area="+url.QueryEscape("Konferenser"))
	if rows := scorecardRows(body); len(rows) != 2 || rows["conf_1"] == "" || rows["manual"] == "" {
		t.Errorf("area Konferenser: rows %v", keys(rows))
	}
	if statusCount(t, body, "at_risk") != "1" || statusCount(t, body, "no_data") != "1" || statusCount(t, body, "on_track") != "0" {
		t.Error("the counts are not those of the area")
	}
	if !strings.Contains(body, `href="/?area=Konferenser&amp;asof=2022-06-30&amp;status=at_risk"`) {
		t.Error("a count does not link to its status within the area")
	}
	_, body = get(t, app, "/goals?year=2022&asof=2022-06-30&status=missed&area=Medlemmar")
	if rows := scorecardRows(body); len(rows) != 0 || !strings.Contains(body, "Inga mål matchar filtret.") {
		t.Errorf("missed in Medlemmar: rows %v", keys(rows))
	}
	for _, path := range []string{"/goals?status=bra", "/?asof=2022-06-30&since=2022-07-01", "/goals?since=igår"} {
		if resp, _ := get(t, app, path); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, resp.StatusCode)
		}
	}
}

// Without ?since= the scorecard compares with the board's previous meeting
// before the as-of day, as the office set it, else with three months back.
func TestScorecardComparesWithThePreviousBoardMeeting(t *testing.T) {
	app, s := newApp(t, scorecardFixture...)
	_, body := get(t, app, "/?asof=2022-05-31")
	if !strings.Contains(body, "Förändring sedan 2022-02-28 (tre månader tidigare") {
		t.Error("without meetings the scorecard does not compare with three months back (31 May → 28 February)")
	}
	for _, day := range []string{"2022-04-20", "2022-06-15"} {
		if resp, _ := postForm(t, app, "/goals/board-meetings", url.Values{"add": {day}}, "as=editor"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add %s: status %d", day, resp.StatusCode)
		}
	}
	if resp, _ := postForm(t, app, "/goals/board-meetings", url.Values{"add": {"2022-04-21"}}, "as=viewer"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a viewer set a meeting: %d", resp.StatusCode)
	}
	_, body = get(t, app, "/?asof=2022-05-31")
	if !strings.Contains(body, "Förändring sedan 2022-04-20 (styrelsens förra möte).") {
		t.Error("the scorecard does not compare with the previous meeting")
	}
	if rows := scorecardRows(body); !strings.Contains(rows["members_4"], "&#43;1 <small>(3 → 4)</small>") {
		t.Errorf("change since the meeting: %s", rows["members_4"])
	}
	_, body = get(t, app, "/goals?year=2022&asof=2022-06-30", "as=editor")
	if !strings.Contains(body, "Förändring sedan 2022-06-15") || !strings.Contains(body, `name="remove" value="2022-04-20"`) {
		t.Error("the goals page does not use or list the meetings")
	}
	postForm(t, app, "/goals/board-meetings", url.Values{"remove": {"2022-06-15"}}, "as=editor")
	if _, body = get(t, app, "/goals?year=2022&asof=2022-06-30"); !strings.Contains(body, "Förändring sedan 2022-04-20") {
		t.Error("a removed meeting is still compared with")
	}
	if resp, _ := postForm(t, app, "/goals/board-meetings", url.Values{"add": {"31/12"}}, "as=editor"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad meeting day: %d", resp.StatusCode)
	}
	log, _ := accounts.Of(s).AuditLog(t.Context(), 10)
	found := false
	for _, e := range log {
		found = found || strings.Contains(e.Detail, "board meeting set 2022-04-20")
	}
	if !found {
		t.Error("setting a meeting is not in the audit log")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
