package dashboard_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// memberFixture has members in two counties, a member that left and
// rejoined (Lilla Edet, rows 5 and 9), a name that is markup, a region, and
// the fee schedules of 2021 and 2022.
const memberFixture = `
INSERT INTO members (id, name, kind, code, org_number, county_code, population, group_name, joined_on, left_on, contact_name, contact_email) VALUES
	(1, 'Öckerö',     'kommun', '1407', '212000-1405', '14', 12900,  'Göteborgsregionen', DATE '2015-01-01', NULL, 'Anna Andersson', 'anna@example.se'),
	(2, 'Åmål',       'kommun', '1492', NULL, '14', 12500,  NULL, DATE '2016-03-01', NULL, NULL, NULL),
	(3, 'Ale',        'kommun', '1440', NULL, '14', 32000,  'Göteborgsregionen', DATE '2015-01-01', NULL, NULL, NULL),
	(4, 'Borås',      'kommun', '1490', NULL, '14', 115000, NULL, DATE '2018-01-01', NULL, NULL, NULL),
	(5, 'Lilla Edet', 'kommun', '1462', NULL, '14', 14000,  NULL, DATE '2015-01-01', DATE '2020-12-31', NULL, NULL),
	(6, 'Ystad',      'kommun', '1286', NULL, '12', 31000,  NULL, DATE '2015-01-01', NULL, NULL, NULL),
	(7, '<script>alert(1)</script>', 'kommun', '0999', NULL, '01', 1000, NULL, DATE '2019-01-01', NULL, NULL, NULL),
	(8, 'Region Skåne', 'region', '12', NULL, '12', 1400000, NULL, DATE '2019-06-01', NULL, NULL, NULL),
	(9, 'Lilla Edet', 'kommun', '1462', NULL, '14', 14000,  NULL, DATE '2022-03-01', NULL, NULL, NULL);
INSERT INTO services (id, name, kind, area, started_on) VALUES
	(1, 'Bibblix', 'service', 'bibliotek', DATE '2015-01-01'),
	(2, 'Digidel', 'network', NULL, DATE '2015-01-01');
INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
	(5, 1, DATE '2016-01-01', DATE '2020-12-31'),
	(9, 1, DATE '2022-04-01', NULL),
	(9, 2, DATE '2022-04-01', NULL),
	(7, 1, DATE '2019-01-01', NULL),
	(1, 1, DATE '2016-01-01', NULL);
INSERT INTO fee_bands (year, category, population_from, population_to, contribution, annual_fee) VALUES
	(2022, 'kommun', 0, 7000, 5000, 5000), (2022, 'kommun', 7000, 15000, 5000, 10000),
	(2022, 'kommun', 15000, NULL, 10000, 25000), (2022, 'ovrig', 0, NULL, 5000, 25000),
	(2021, 'kommun', 0, 15000, 5000, 10000), (2021, 'kommun', 15000, NULL, 10000, 25000), (2021, 'ovrig', 0, NULL, 5000, 25000)`

// listedNames are the member names of the list, in order.
func listedNames(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<td><a href="/members/\d+[^"]*">([^<]*)</a></td>`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestMemberListFilteredByCountyInSwedishOrder(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/members?county=14&asof=2022-06-30", []string{"Ale", "Borås", "Lilla Edet", "Åmål", "Öckerö"}},
		{"/members?county=14&asof=2022-06-30&all=1", []string{"Ale", "Borås", "Lilla Edet", "Lilla Edet", "Åmål", "Öckerö"}},
		{"/members?county=14&asof=2021-06-30", []string{"Ale", "Borås", "Åmål", "Öckerö"}},
		{"/members?county=14&asof=2022-06-30&sort=population&desc=1", []string{"Borås", "Ale", "Lilla Edet", "Öckerö", "Åmål"}},
		{"/members?kind=region&asof=2022-06-30", []string{"Region Skåne"}},
		{"/members?group=G%C3%B6teborgsregionen&asof=2022-06-30", []string{"Ale", "Öckerö"}},
	} {
		resp, body := get(t, app, c.path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", c.path, resp.StatusCode)
		}
		if got := listedNames(body); !slices.Equal(got, c.want) {
			t.Errorf("%s: names %q, want %q", c.path, got, c.want)
		}
	}
}

func TestMemberListSortLinksKeepFilterAndDate(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members?county=14&asof=2022-06-30&sort=population")
	// Sorted by population ascending: its header offers descending.
	if !strings.Contains(body, `<th scope="col" class="num" aria-sort="ascending"><a href="/members?asof=2022-06-30&amp;county=14&amp;desc=1&amp;sort=population">`) {
		t.Error("the population header does not offer the descending sort with the filter and date")
	}
	if !strings.Contains(body, `href="/members?asof=2022-06-30&amp;county=14"`) {
		t.Error("the name header does not lead back to the default sort")
	}
	if !strings.Contains(body, `<input type="hidden" name="asof" value="2022-06-30">`) {
		t.Error("the filter form does not carry the date")
	}
	if !strings.Contains(body, `<option value="14" selected>Västra Götalands län</option>`) {
		t.Error("the county filter does not show the chosen county")
	}
}

func TestMemberListRefusesAnUnknownSort(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	resp, body := get(t, app, "/members?sort=contact_email")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "kan inte sorteras") {
		t.Errorf("status %d; want 400 with the reason", resp.StatusCode)
	}
}

func TestMembersPageNumbers(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members?asof=2022-06-30")
	row := func(cells ...string) string {
		return "<td class=\"num\">" + strings.Join(cells, "</td><td class=\"num\">") + "</td>"
	}
	for _, want := range []string{
		// Growth by kind on the day: 7 municipalities, 1 region.
		"<td>2022-06-30</td>" + row("7", "1", "0", "0", "8"),
		"<td>2018-12-31</td>" + row("6", "0", "0", "0", "6"),
		// Joined and lost: four rows in 2015, Lilla Edet lost in 2020 and back in 2022.
		"<td>2015</td>" + row("4", "0"), "<td>2020</td>" + row("0", "1"), "<td>2022</td>" + row("1", "0"),
		// Västra Götaland: 5 of 49 municipalities, 186 400 people of 1 772 821.
		`Västra Götalands län</a></td>` + "\n        " + row("5", "49", "10,2\u00a0%"),
		row("186\u00a0400", "10,5\u00a0%", "1,8\u00a0%"),
		// Sweden: 7 of 290.
		row("7", "290", "2,4\u00a0%"),
	} {
		// The numbers of the charts' tables are links to what they count.
		if !strings.Contains(body, want) && !strings.Contains(withoutLinks(body), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, want := range []string{
		`<a href="/members?kind=kommun&amp;asof=2022-06-30">7</a>`,
		`<a href="/members?asof=2022-06-30&amp;joined=2015">4</a>`, `<a href="/members?asof=2022-06-30&amp;left=2020">1</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks the drill-down %q", want)
		}
	}
	for _, id := range []string{"chart-bykind", "chart-flows", "chart-coverage"} {
		if !strings.Contains(body, `data-chart-for="`+id+`"`) {
			t.Errorf("no chart %s", id)
		}
	}
}

func TestCoverageMapServesTheCountyBoundaries(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members?asof=2022-06-30")
	block := chartJSON(t, body, "chart-coverage")
	var spec struct {
		Option  map[string]any `json:"option"`
		Links   []string       `json:"links"`
		MapURL  string         `json:"mapURL"`
		MapName string         `json:"mapName"`
	}
	if err := json.Unmarshal([]byte(block), &spec); err != nil {
		t.Fatalf("chart JSON: %v", err)
	}
	if spec.MapName != "lan" || !regexp.MustCompile(`^/static/geo/lan\.[0-9a-f]{12}\.geojson$`).MatchString(spec.MapURL) {
		t.Errorf("map %q at %q", spec.MapName, spec.MapURL)
	}
	if len(spec.Links) != 21 || spec.Links[11] != "/members?asof=2022-06-30&county=14" {
		t.Errorf("links %q; want one per county, Västra Götaland's the twelfth", spec.Links)
	}
	resp, geo := get(t, app, spec.MapURL)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/geo+json" ||
		!strings.Contains(geo, `"lansnamn":"Västra Götalands län"`) {
		t.Errorf("GeoJSON: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// The server colours the counties by their share of member municipalities,
// from pale at 0 % to blue at 100 %, and writes that scale under the map.
func TestTheMapColoursEachCountyByItsShare(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members?asof=2022-06-30")
	block := chartJSON(t, body, "chart-coverage")
	var spec struct {
		Option struct {
			VisualMap any `json:"visualMap"`
			Series    []struct {
				Data []struct {
					Name      string  `json:"name"`
					Value     float64 `json:"value"`
					ItemStyle struct {
						AreaColor string `json:"areaColor"`
					} `json:"itemStyle"`
				} `json:"data"`
			} `json:"series"`
		} `json:"option"`
	}
	if err := json.Unmarshal([]byte(block), &spec); err != nil {
		t.Fatalf("chart JSON: %v", err)
	}
	if spec.Option.VisualMap != nil || len(spec.Option.Series) != 1 {
		t.Fatalf("a visualMap (%v) or %d series", spec.Option.VisualMap, len(spec.Option.Series))
	}
	colours := map[string]string{}
	for _, d := range spec.Option.Series[0].Data {
		colours[d.Name] = d.ItemStyle.AreaColor
	}
	// Västra Götaland: 5 of 49, 10,2 %, a tenth of the way from #eef2f8 to
	// #1f5fa8, channel by channel; Blekinge has no member.
	for county, want := range map[string]string{"Västra Götalands län": "#d9e3f0", "Blekinge län": "#eef2f8"} {
		if colours[county] != want {
			t.Errorf("%s coloured %q, want %q", county, colours[county], want)
		}
	}
	for _, want := range []string{"<p class=\"map-legend\">0,0\u00a0%<svg", `stop-color="#eef2f8"`, `stop-color="#1f5fa8"`, "</svg>100,0\u00a0%</p>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the map's scale under it lacks %q", want)
		}
	}
}

func TestMembersInEnglish(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members?asof=2022-06-30", "malbild_lang=en")
	for _, want := range []string{"Member list", "Municipality", "Coverage by county", "2.4%", "186,400"} {
		if !strings.Contains(body, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
}

func TestMarkupInANameStaysText(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	for _, path := range []string{"/members?asof=2022-06-30", "/members/7?asof=2022-06-30", "/fees?asof=2022-06-30"} {
		_, body := get(t, app, path)
		if strings.Contains(body, "<script>alert(1)</script>") {
			t.Errorf("%s: the name is written as markup", path)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the name is not shown as text", path)
		}
	}
	// On the member's page the name is also in the chart's description.
	_, body := get(t, app, "/members/7?asof=2022-06-30")
	block := regexp.MustCompile(`data-chart-for="chart-engagement">([^<]*)</script>`).FindStringSubmatch(body)
	if block == nil || !strings.Contains(block[1], `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
		t.Errorf("the chart block does not hold the escaped name: %v", block)
	}
}

func TestTextsOfEveryPageAreInTheCatalogue(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	missing := regexp.MustCompile(`\[(members|member|events|fees)\.[a-z.]+\]`)
	for _, path := range []string{"/members", "/members?all=1", "/members/9", "/members/1?asof=2022-06-30", "/events", "/fees", "/fees?asof=2022-06-30"} {
		for _, lang := range []string{"malbild_lang=sv", "malbild_lang=en"} {
			_, body := get(t, app, path, lang)
			if m := missing.FindString(body); m != "" {
				t.Errorf("%s (%s) shows the key %s", path, lang, m)
			}
		}
	}
}

func TestMemberPageShowsEveryMembershipAndItsFee(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	resp, body := get(t, app, "/members/9?asof=2022-06-30")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		"<title>Lilla Edet · Målbild</title>",
		// Both periods, the earlier one linked.
		`<td>2015-01-01</td><td>2020-12-31</td>` + "\n" + `      <td><a href="/members/5?asof=2022-06-30">Lilla Edet</a></td>`,
		`<td>2022-03-01</td><td></td>` + "\n" + `      <td>Lilla Edet (denna)</td>`,
		// Participations of both periods, services linked.
		`<a href="/services/1?asof=2022-06-30">Bibblix</a></td>` + "\n" + `      <td>Tjänst</td><td>2016-01-01</td><td>2020-12-31</td>`,
		`<a href="/services/2?asof=2022-06-30">Digidel</a></td>` + "\n" + `      <td>Nätverk</td><td>2022-04-01</td><td></td>`,
		// Services and networks at year ends: one service until 2020, none in 2021.
		`<td>2020-12-31</td><td class="num">1</td><td class="num">0</td>`,
		`<td>2021-12-31</td><td class="num">0</td><td class="num">0</td>`,
		`<td>2022-06-30</td><td class="num">1</td><td class="num">1</td>`,
		// Rejoined in March 2022: half the contribution, 9 months of 10 000.
		"<td>7\u00a0000–15\u00a0000</td><td class=\"num\">9</td>",
		"<td class=\"num\">2\u00a0500,00</td><td class=\"num\">7\u00a0500,00</td><td class=\"num\">10\u00a0000,00</td>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<span class="badge active">aktiv</span>`); n != 3 {
		t.Errorf("%d active badges, want the member and its two running participations", n)
	}
}

func TestMemberFeeWithoutScheduleOrOutsideTheYear(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	if _, body := get(t, app, "/members/9?asof=2023-06-30"); !strings.Contains(body, "Det finns ingen avgiftstabell för 2023.") {
		t.Error("no schedule for 2023: the page does not say so")
	}
	// Lilla Edet was no member in 2021, between its two periods.
	if _, body := get(t, app, "/members/5?asof=2021-06-30", "malbild_lang=en"); !strings.Contains(body, "Not a member in 2021.") {
		t.Error("Lilla Edet is billed for 2021")
	}
	if _, body := get(t, app, "/members/8?asof=2022-06-30", "malbild_lang=en"); !strings.Contains(body, "<td>Other organisations</td><td class=\"num\">12</td>") {
		t.Error("the region does not pay the others' row in English")
	}
}

func TestMemberPageHidesPersonalData(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	_, body := get(t, app, "/members/1?asof=2022-06-30", "as=viewer")
	if strings.Contains(body, "Anna Andersson") || strings.Contains(body, "anna@example.se") {
		t.Error("the contact's name or e-mail is shown to a viewer")
	}
	_, body = get(t, app, "/members/1?asof=2022-06-30", "as=editor")
	if !strings.Contains(body, "anna@example.se") {
		t.Error("the contact's e-mail is not shown to an editor")
	}
	if !strings.Contains(body, "212000-1405") {
		t.Error("the organisation number is missing")
	}
}

func TestUnknownMemberIsA404InTheLayout(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	for _, path := range []string{"/members/99", "/members/abc", "/members/-1", "/members/9x"} {
		resp, body := get(t, app, path)
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Sidan finns inte") || !strings.Contains(body, `<header class="top">`) {
			t.Errorf("%s: status %d; want the 404 page in the layout", path, resp.StatusCode)
		}
	}
}

func TestMemberPagesRefuseABadDate(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	for _, path := range []string{"/members?asof=2022-02-30", "/members/9?asof=30/6", "/events?asof=igår", "/fees?asof=2022"} {
		resp, body := get(t, app, path)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "ÅÅÅÅ-MM-DD") {
			t.Errorf("%s: status %d; want 400 with the format", path, resp.StatusCode)
		}
	}
}

func TestLongMemberListsArePaged(t *testing.T) {
	var rows []string
	for i := 0; i < 1203; i++ {
		rows = append(rows, fmt.Sprintf("('Förening %04d', 'ovrig', DATE '2010-01-01')", i))
	}
	app, _ := newApp(t, "INSERT INTO members (name, kind, joined_on) VALUES "+strings.Join(rows, ", "))
	_, page := get(t, app, "/members?asof=2020-01-01&page=3")
	if !strings.Contains(page, "Rad 1001–1203 av 1203") || !strings.Contains(page, "Förening 1202") || strings.Contains(page, "Förening 0999<") {
		t.Error("page 3 does not show rows 1001–1203")
	}
	if !strings.Contains(page, `href="/members?asof=2020-01-01&amp;page=2" rel="prev"`) {
		t.Error("no link to page 2 carrying the date")
	}
	if !strings.Contains(page, "<span class=\"value\">1\u00a0203</span>") {
		t.Error("the count is not of the whole list")
	}
}

// withoutLinks is a page with its links' tags taken out, their texts kept.
func withoutLinks(page string) string {
	return regexp.MustCompile(`<a [^>]*>|</a>`).ReplaceAllString(page, "")
}
