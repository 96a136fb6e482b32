package dashboard_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// manyServices is 250 members, 25 services and 22 networks: service i
// (1–25) has the members whose id is a multiple of i, network 25+j (1–22)
// those whose id is a multiple of j+1.
var manyServices = []string{
	`INSERT INTO members (id, name, kind, joined_on) SELECT i, 'Medlem ' || lpad(CAST(i AS VARCHAR), 3, '0'), 'kommun', DATE '2010-01-01' FROM range(1, 251) t(i)`,
	`INSERT INTO services (id, name, kind) SELECT i, 'Tjänst ' || lpad(CAST(i AS VARCHAR), 2, '0'), 'service' FROM range(1, 26) t(i)`,
	`INSERT INTO services (id, name, kind) SELECT 25 + j, 'Nätverk ' || lpad(CAST(j AS VARCHAR), 2, '0'), 'network' FROM range(1, 23) t(j)`,
	`INSERT INTO participations (member_id, service_id, from_on)
		SELECT m.i, s.i, DATE '2015-01-01' FROM range(1, 251) m(i), range(1, 26) s(i) WHERE m.i % s.i = 0
		UNION ALL
		SELECT m.i, 25 + j.j, DATE '2015-01-01' FROM range(1, 251) m(i), range(1, 23) j(j) WHERE m.i % (j.j + 1) = 0`,
}

// tableRows are the rows of the services table, by service link.
func tableRows(body string) map[string]string {
	table := body[strings.Index(body, `id="chart-networks-table"`):]
	table = table[:strings.Index(table, "</table>")]
	rows := map[string]string{}
	for _, m := range regexp.MustCompile(`(?s)<tr><td><a href="(/services/\d+)[^"]*">.*?</tr>`).FindAllStringSubmatch(table, -1) {
		rows[m[1]] = m[0]
	}
	return rows
}

func TestServicesPageShowsTheLargestUnlessAskedForAll(t *testing.T) {
	app, _ := newApp(t, manyServices...)
	_, top := get(t, app, "/services?asof=2022-06-30")
	// Of each kind the 20 with the most participants: services 1–20 and
	// networks 26–45 (the smallest, 21–25 and 46–47, left out).
	rows := tableRows(top)
	if len(rows) != 40 {
		t.Fatalf("the table has %d rows, want 40", len(rows))
	}
	for _, id := range []int{1, 20, 26, 45} {
		if _, ok := rows[fmt.Sprintf("/services/%d", id)]; !ok {
			t.Errorf("service %d, among the largest, is not shown", id)
		}
	}
	for _, id := range []int{21, 25, 46, 47} {
		if _, ok := rows[fmt.Sprintf("/services/%d", id)]; ok {
			t.Errorf("service %d, among the smallest, is shown", id)
		}
	}
	for _, want := range []string{"Visar de 40 av 47 tjänster och nätverk som har flest deltagare.",
		`<a href="/services?asof=2022-06-30&amp;services=all">Visa alla 47</a>`} {
		if !strings.Contains(top, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(matrixOf(top), `class="rot"`); n != 40 {
		t.Errorf("the matrix has %d columns, want 40", n)
	}

	// All of them: the same numbers for those shown before, a way back, and
	// the matrix's pages keep the choice.
	_, all := get(t, app, "/services?asof=2022-06-30&services=all", "malbild_lang=en")
	_, allSv := get(t, app, "/services?asof=2022-06-30&services=all")
	every := tableRows(allSv)
	if len(every) != 47 {
		t.Fatalf("with services=all the table has %d rows, want 47", len(every))
	}
	for link, row := range rows {
		if every[link] != row {
			t.Errorf("%s reads %q among all, %q among the largest", link, every[link], row)
		}
	}
	for _, want := range []string{"Showing all 47 services and networks.", `<a href="/services?asof=2022-06-30">Show the largest only</a>`,
		`href="/services?asof=2022-06-30&amp;page=2&amp;services=all"`, `<input type="hidden" name="services" value="all">`} {
		if !strings.Contains(all, want) {
			t.Errorf("the page of all services lacks %q", want)
		}
	}
	if n := strings.Count(matrixOf(all), `class="rot"`); n != 47 {
		t.Errorf("the matrix of all has %d columns, want 47", n)
	}
}

// matrixOf is the member × service table of a services page.
func matrixOf(body string) string {
	m := body[strings.Index(body, `class="numbers matrix"`):]
	return m[:strings.Index(m, "</table>")]
}

func TestServicesMatrixIsPaged(t *testing.T) {
	app, _ := newApp(t, manyServices...)
	_, first := get(t, app, "/services?asof=2022-06-30&services=all")
	if n := strings.Count(matrixOf(first), `<th scope="row">`); n != 100 {
		t.Errorf("the first page has %d rows, want 100", n)
	}
	for _, want := range []string{"Rad 1–100 av 250", `href="/services?asof=2022-06-30&amp;page=2&amp;services=all" rel="next"`,
		"Medlemmarna visas 100 åt gången"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first page lacks %q", want)
		}
	}
	_, last := get(t, app, "/services?asof=2022-06-30&services=all&page=3")
	matrix := matrixOf(last)
	if n := strings.Count(matrix, `<th scope="row">`); n != 50 {
		t.Errorf("the last page has %d rows, want 50", n)
	}
	if !strings.Contains(last, "Rad 201–250 av 250") || !strings.Contains(last, `rel="prev"`) || strings.Contains(last, `rel="next"`) {
		t.Error("the last page's pager is wrong")
	}
	// Medlem 240 takes part in the services dividing 240 (1–6, 8, 10, 12, 15,
	// 16, 20, 24: 13) and the networks whose j+1 divides it (j+1 = 2–6, 8,
	// 10, 12, 15, 16, 20: 11): 24 marks, as many as its participations.
	row := matrix[strings.Index(matrix, ">Medlem 240<"):]
	row = row[:strings.Index(row, "</tr>")]
	if n := strings.Count(row, "✓"); n != 24 {
		t.Errorf("Medlem 240 has %d marks, want 24", n)
	}
	// A page past the end shows the last one.
	if _, past := get(t, app, "/services?asof=2022-06-30&page=9"); !strings.Contains(past, "Rad 201–250 av 250") {
		t.Error("page 9 of 3 does not show the last page")
	}
}
