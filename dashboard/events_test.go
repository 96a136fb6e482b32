package dashboard_test

import (
	"net/http"
	"strings"
	"testing"
)

const eventFixture = `
INSERT INTO members (id, name, kind, code, county_code, joined_on) VALUES
	(1, 'Ale',    'kommun', '1440', '14', DATE '2015-01-01'),
	(2, 'Boden',  'kommun', '2582', NULL, DATE '2015-01-01'),  -- county from its code
	(3, 'Region Dalarna', 'region', '20', '20', DATE '2015-01-01'),
	(4, 'SKR',    'ovrig',  NULL,   NULL, DATE '2015-01-01');
INSERT INTO events (id, name, held_on, format, role) VALUES
	(1, 'Vårkonferens 2020', DATE '2020-04-01', 'physical', 'host'),
	(2, 'Webbinarium 2022',  DATE '2022-02-01', 'digital',  'host'),
	(3, 'Almedalen 2022',    DATE '2022-07-01', 'hybrid',   'participant'),
	(4, 'Höstkonferens 2022',DATE '2022-10-01', 'physical', 'host');
INSERT INTO attendance (event_id, member_id, attendees) VALUES
	(1, 1, 5),
	(2, 1, 2), (2, 2, 1), (2, 3, 4), (2, 4, 0),
	(3, 1, 1), (3, 2, 3),
	(4, 1, 7)`

func TestEventsPageNumbers(t *testing.T) {
	app, _ := newApp(t, eventFixture)
	resp, body := get(t, app, "/events?asof=2022-07-01")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	num := func(cells ...string) string {
		return `<td class="num">` + strings.Join(cells, `</td><td class="num">`) + `</td>`
	}
	for _, want := range []string{
		// Per year: digital, physical, hybrid, hosted, as participant, total; the autumn conference is later.
		// A year's link shows its events and keeps the as-of date.
		`<a href="/events?asof=2022-07-01&amp;year=2020">2020</a></td>` + num("0", "1", "0"),
		`<a href="/events?asof=2022-07-01&amp;year=2021">2021</a></td>` + num("0", "0", "0"),
		`<a href="/events?asof=2022-07-01&amp;year=2022">2022</a></td>` + num("1", "0", "1"),
		num("1", "1", "2") + "</tr>",
		// The year's events with members and people.
		"<td>Webbinarium 2022</td><td>2022-02-01</td><td>Digitalt</td><td>Värd</td>\n      " + num("3", "7"),
		"<td>Almedalen 2022</td><td>2022-07-01</td><td>Hybrid</td><td>Deltagare</td>\n      " + num("2", "4"),
		`Summa för 2 evenemang</th><td class="num">11</td>`,
		// By kind and by county: SKR signed up but sent nobody.
		`Kommun</a></td>` + num("2", "7"), `Region</a></td>` + num("1", "4"), `Övrig</a></td>` + num("0", "0"),
		`Västra Götalands län</a></td>` + num("1", "3"), `Dalarnas län</a></td>` + num("1", "4"), `Norrbottens län</a></td>` + num("1", "4"),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, id := range []string{"chart-peryear", "chart-bykind", "chart-bycounty"} {
		if !strings.Contains(body, `data-chart-for="`+id+`"`) {
			t.Errorf("no chart %s", id)
		}
	}
}

func TestEventsPageInEnglishAndEmpty(t *testing.T) {
	app, _ := newApp(t, eventFixture)
	_, body := get(t, app, "/events?asof=2022-07-01", "malbild_lang=en")
	for _, want := range []string{"Events per year", "Attendance by member kind 2022", "<td>Digital</td><td>Host</td>", "Total of 2 events"} {
		if !strings.Contains(body, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
	empty, _ := newApp(t)
	resp, body := get(t, empty, "/events?asof=2022-07-01")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Inga evenemang i år") || !strings.Contains(body, "Ingen närvaro registrerad i år.") {
		t.Errorf("no events: status %d", resp.StatusCode)
	}
}
