package dashboard_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestServicesPageShowsParticipationAndTheMatrix(t *testing.T) {
	app, _ := newApp(t, `
		INSERT INTO members (id, name, kind, joined_on, left_on) VALUES
			(1, 'Örebro', 'kommun', DATE '2010-01-01', NULL),
			(2, 'Arboga', 'kommun', DATE '2010-01-01', NULL),
			(3, 'SKR', 'ovrig', DATE '2010-01-01', NULL),
			(4, 'Ystad', 'kommun', DATE '2010-01-01', DATE '2021-12-31')`,
		`INSERT INTO services (id, name, kind) VALUES (1, 'Bibblix', 'service'), (2, 'Digidel', 'network')`,
		`INSERT INTO participations (member_id, service_id, from_on) VALUES
			(1, 1, DATE '2016-01-01'), (2, 1, DATE '2017-01-01'), (4, 1, DATE '2017-01-01'), (1, 2, DATE '2018-01-01')`)
	resp, body := get(t, app, "/services?asof=2022-06-30")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// Bibblix: 2 of 3 active members (Ystad left) = 66,7 %.
	for _, want := range []string{"66,7\u00a0%", `href="/services/1?asof=2022-06-30">Bibblix</a>`,
		`data-chart-for="chart-shares"`, `data-chart-for="chart-networks"`, `data-chart-for="chart-adoption"`,
		`"links":["/services/1?asof=2022-06-30"]`} {
		if !strings.Contains(body, want) {
			t.Errorf("the services page lacks %q", want)
		}
	}
	// The matrix: Örebro takes part in both, Arboga in Bibblix, SKR in none;
	// rows in Swedish order.
	matrix := body[strings.Index(body, `class="numbers matrix"`):]
	arboga, orebro, skr := strings.Index(matrix, ">Arboga<"), strings.Index(matrix, ">Örebro<"), strings.Index(matrix, ">SKR<")
	if arboga < 0 || skr < arboga || orebro < skr {
		t.Fatalf("matrix rows not in Swedish order: Arboga %d, SKR %d, Örebro %d", arboga, skr, orebro)
	}
	if n := strings.Count(matrix[orebro:], "✓"); n != 2 {
		t.Errorf("Örebro has %d marks, want 2", n)
	}
	if n := strings.Count(matrix[skr:orebro], "✓"); n != 0 {
		t.Errorf("SKR has %d marks, want none", n)
	}
}

func TestServicePageListsWhoTakesPart(t *testing.T) {
	app, _ := newDemoApp(t)
	resp, body := get(t, app, "/services/1?asof=2023-06-30")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<h1>Bibblix") || !strings.Contains(body, `data-chart-for="chart-service"`) {
		t.Fatalf("status %d; no Bibblix page", resp.StatusCode)
	}
	if !strings.Contains(body, "Deltar per vald dag") || strings.Count(body, `href="/members/`) < 100 {
		t.Error("the page does not list Bibblix's more than 100 participants")
	}
	for _, path := range []string{"/services/9999", "/services/abc"} {
		if resp, body := get(t, app, path); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `<header class="top">`) {
			t.Errorf("%s: %d, want the 404 page in the layout", path, resp.StatusCode)
		}
	}
}
