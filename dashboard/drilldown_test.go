package dashboard_test

import (
	"strings"
	"testing"
)

func TestAJoinedOrLostBarListsThatYearsRows(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members?asof=2022-06-30&joined=2015")
	if n := strings.Count(body, `<tr class="former">`) + strings.Count(body, "<tr>\n      <td><a href=\"/members/"); n != 4 {
		t.Errorf("joined in 2015: %d rows, want the chart's 4", n)
	}
	_, body = get(t, app, "/members?asof=2022-06-30&left=2020")
	if !strings.Contains(body, ">Lilla Edet</a>") || strings.Count(body, `href="/members/`) != 1 {
		t.Errorf("lost in 2020: want Lilla Edet alone")
	}
}

func TestAYearOfEventsKeepsTheAsOfDate(t *testing.T) {
	app, _ := newApp(t, eventFixture)
	_, body := get(t, app, "/events?asof=2022-07-01&year=2020")
	if !strings.Contains(body, `<span class="asof-note">2022-07-01</span>`) {
		t.Error("showing 2020's events moved the page's as-of date")
	}
	if !strings.Contains(body, "2020") || strings.Contains(body, "Webbinarium 2022</td>") {
		t.Error("year=2020 does not list 2020's events")
	}
}
