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

func TestAnAttendanceBarListsTheMembersWhoCameThatYear(t *testing.T) {
	app, _ := newApp(t, eventFixture)
	_, body := get(t, app, "/events?asof=2022-07-01&year=2020")
	link := `/events?asof=2022-07-01&amp;county=14&amp;year=2020#attendees`
	if !strings.Contains(body, `<a href="`+link+`">Västra Götalands län</a>`) {
		t.Fatalf("the county's row of 2020 does not lead to its members who came that year")
	}
	_, body = get(t, app, "/events?asof=2022-07-01&county=14&year=2020")
	if !strings.Contains(body, `id="attendees"`) || !strings.Contains(body, ">Ale</a></td><td>Kommun</td><td class=\"num\">5</td>") {
		t.Error("Västra Götaland in 2020: want Ale with its 5 people")
	}
	_, body = get(t, app, "/events?asof=2022-07-01&kind=region")
	if !strings.Contains(body, ">Region Dalarna</a></td><td>Region</td><td class=\"num\">4</td>") || strings.Contains(body, ">Ale</a></td><td>Kommun") {
		t.Error("regions in 2022: want Region Dalarna alone, with 4 people")
	}
}
