package dashboard_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestFeesPageScheduleListAndIncome(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	resp, body := get(t, app, "/fees?asof=2022-06-30")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	nb := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
	for _, want := range []string{
		"<h2>Avgiftstabell 2022</h2>",
		"<td>Kommun</td>\n      " + `<td class="num">0</td><td class="num">` + nb("7 000") + "</td>\n      " +
			`<td class="num">` + nb("5 000") + `</td><td class="num">` + nb("5 000") + "</td>",
		"<td>Övriga organisationer</td>\n      <td></td><td></td>",
		// fee_income: seven members at the end of 2021; Lilla Edet back for 9 months of 2022.
		"<td><a href=\"/fees?asof=2021-12-31\">2021-12-31</a></td><td class=\"num\">" + nb("130 000") + "\u00a0kr</td>",
		"<td><a href=\"/fees?asof=2022-06-30\">2022-06-30</a></td><td class=\"num\">" + nb("132 500") + "\u00a0kr</td>",
		// The fee list: the rejoined member pays half the contribution.
		`<a href="/members/9?asof=2022-06-30">Lilla Edet</a> <small>(åter)</small>`,
		"Summa för 8 medlemskap</th>\n      " + `<td class="num">` + nb("2 500,00") + `</td><td class="num">` + nb("132 500,00") +
			`</td><td class="num">` + nb("135 000,00") + "</td>",
		`Göteborgsregionen</a></td><td class="num">2</td><td class="num">` + nb("35 000,00") + "</td>",
		// Bars are labelled in millions in the page's number format.
		`"formatter":"0,13 mnkr"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if !strings.Contains(body, `data-chart-for="chart-income"`) {
		t.Error("no income chart")
	}
}

func TestFeesPageWithoutSchedule(t *testing.T) {
	app, _ := newApp(t, memberFixture)
	resp, body := get(t, app, "/fees?asof=2023-06-30")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Det finns ingen avgiftstabell för 2023.") {
		t.Fatalf("status %d; want the page saying there is no schedule", resp.StatusCode)
	}
	if strings.Contains(body, "Avgiftslista") || !strings.Contains(body, `<td><a href="/fees?asof=2023-06-30">2023-06-30</a></td><td class="num">–</td>`) {
		t.Error("a year without schedule shows a fee list or an income")
	}
	_, body = get(t, app, "/fees?asof=2022-06-30", "malbild_lang=en")
	// The bars are labelled in the page's number format: ECharts' own would be English.
	for _, want := range []string{"Fee schedule 2022", "Other organisations", "132,500.00", "Total of 8 memberships", `"formatter":"SEK 0.13m"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
}
