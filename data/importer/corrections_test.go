package importer_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// orgnr completes nine digits with their Luhn check digit: NNNNNN-NNNN.
func orgnr(nine string) string {
	sum := 0
	for i, r := range nine {
		d := int(r - '0')
		if i%2 == 0 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return nine[:6] + "-" + nine[6:] + strconv.Itoa((10-sum%10)%10)
}

// referencedRegistry imports a member of each kind that matters, a service,
// an event, goals and a fee schedule, every one of them referred to by other
// rows (participations, attendance, goal comments), and returns the store.
func referencedRegistry(t *testing.T) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	commit(t, s, workbook(t,
		sheet{"Medlemmar", [][]any{
			{"Namn", "Typ", "Kod", "Organisationsnummer", "Län", "Invånare", "Grupp", "Medlem sedan", "Utträde", "Kontaktperson", "E-post"},
			{"Testförbundet", "kommunalförbund", nil, orgnr("222000111"), "Värmlands län", 1000, "G1", date("2015-01-01"), nil, "Anna", "anna@example.se"},
			{"Karlstad", "kommun", "1780", orgnr("212000176"), nil, 94000, nil, date("2010-01-01"), nil, nil, nil},
		}},
		sheet{"Tjänster", [][]any{{"Tjänst", "Typ", "Område", "Start", "Slut"},
			{"Bibblix", "tjänst", "bibliotek", date("2016-06-01")}}},
		sheet{"Anslutningar", [][]any{{"Medlem", "Tjänst", "Från", "Till"},
			{"Testförbundet", "Bibblix", date("2017-01-01")},
			{"Karlstad", "Bibblix", date("2017-01-01")}}},
		sheet{"Evenemang", [][]any{{"Namn", "Datum", "Format", "Roll"},
			{"Höstkonferens", date("2023-10-10"), "digital", "värd"}}},
		sheet{"Deltagande", [][]any{{"Evenemang", "Medlem", "Antal"},
			{"Höstkonferens", "Testförbundet", 3},
			{"Höstkonferens", "Karlstad", 2}}},
		sheet{"Mål", [][]any{{"År", "Nr", "Nyckel", "Målområde", "Mål", "Mått", "Parameter", "Jämförelse", "Målvärde", "Övre målvärde", "Slutdatum", "Status", "Kommentar"},
			{2023, 1, "members", "Tillväxt", "125 medlemmar", "members", nil, ">=", 125},
			{2023, 7, "exchange", "Nätverk", "Tydliga nätverk", "manuell", nil, nil, nil, nil, nil, "i fas", "bra"}}},
		sheet{"Avgifter", [][]any{{"År", "Kategori", "Invånare från", "Invånare till", "Medlemsinsats", "Årsavgift"},
			{2023, "kommun", 0, 7000, 5000, 5000},
			{2023, "övrig", 0, nil, 5000, 25000}}},
	))
	ctx := context.Background()
	for _, key := range []string{"members", "exchange"} {
		if err := s.AddGoalComment(ctx, id(t, s, "SELECT id FROM goals WHERE key = ?", key), "tester", "första"); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func id(t *testing.T, s *analytics.Store, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := analyticstest.Handle(s).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// row reads one row as text, for comparisons that show every column.
func row(t *testing.T, s *analytics.Store, query string, args ...any) string {
	t.Helper()
	var v string
	if err := analyticstest.Handle(s).QueryRow(query, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

// referring counts the rows that refer to others, which no correction may
// lose, and checks that every reference still holds.
func referring(t *testing.T, s *analytics.Store) [3]int {
	t.Helper()
	if d, err := analytics.CheckReferences(context.Background(), analyticstest.Handle(s)); err != nil || len(d) > 0 {
		t.Fatalf("dangling references %+v, %v", d, err)
	}
	return [3]int{count(t, s, "SELECT count(*) FROM participations"), count(t, s, "SELECT count(*) FROM attendance"),
		count(t, s, "SELECT count(*) FROM goal_comments")}
}

// Every column of a row that others refer to can be corrected through the
// import: the preview's promise is kept by the commit (issue 13, Bibblix's
// start date), per entity.
func TestImportCorrectsEveryColumnOfReferencedRows(t *testing.T) {
	cases := []struct {
		name  string
		file  func(t *testing.T) importer.File
		query string
		want  string
	}{
		{"member matched by organisation number",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Medlemmar", [][]any{
					{"Namn", "Typ", "Organisationsnummer", "Län", "Invånare", "Grupp", "Medlem sedan", "Utträde", "Kontaktperson", "E-post"},
					{"Testförbundet Nord", "övrig", orgnr("222000111"), "Dalarnas län", 2000, "G2", date("2014-01-01"), date("2030-12-31"), "Bo", "bo@example.se"}}})
			},
			`SELECT concat_ws('|', name, kind, coalesce(code, '-'), org_number, county_code, population, group_name, joined_on, left_on, contact_name, contact_email)
			 FROM members WHERE org_number = '` + orgnr("222000111") + `'`,
			"Testförbundet Nord|ovrig|-|" + orgnr("222000111") + "|20|2000|G2|2014-01-01|2030-12-31|Bo|bo@example.se"},
		{"member's organisation number, matched by name",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Typ", "Organisationsnummer"},
					{"Testförbundet", "kommunalförbund", orgnr("222000222")}}})
			},
			`SELECT concat_ws('|', name, org_number) FROM members WHERE name = 'Testförbundet'`,
			"Testförbundet|" + orgnr("222000222")},
		{"municipality matched by code",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Medlemmar", [][]any{
					{"Namn", "Kod", "Organisationsnummer", "Län", "Invånare", "Grupp", "Medlem sedan", "Utträde", "Kontaktperson", "E-post"},
					{"Karlstads kommun", "1780", orgnr("212000999"), "Värmlands län", 95000, "Värmland", date("2009-01-01"), date("2029-12-31"), "Cia", "cia@example.se"}}})
			},
			`SELECT concat_ws('|', name, kind, code, org_number, county_code, population, group_name, joined_on, left_on, contact_name, contact_email)
			 FROM members WHERE code = '1780'`,
			"Karlstad|kommun|1780|" + orgnr("212000999") + "|17|95000|Värmland|2009-01-01|2029-12-31|Cia|cia@example.se"},
		{"service",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Tjänster", [][]any{{"Tjänst", "Typ", "Område", "Start", "Slut"},
					{"Bibblix", "nätverk", "skola", date("2016-05-01"), date("2030-12-31")}}})
			},
			`SELECT concat_ws('|', name, kind, area, started_on, ended_on) FROM services`,
			"Bibblix|network|skola|2016-05-01|2030-12-31"},
		{"event",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Evenemang", [][]any{{"Namn", "Datum", "Format", "Roll"},
					{"Höstkonferens", date("2023-10-10"), "hybrid", "deltagare"}}})
			},
			`SELECT concat_ws('|', name, held_on, format, role) FROM events`,
			"Höstkonferens|2023-10-10|hybrid|participant"},
		{"measured goal",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Mål", [][]any{{"År", "Nr", "Nyckel", "Målområde", "Mål", "Mått", "Parameter", "Jämförelse", "Målvärde", "Övre målvärde", "Slutdatum"},
					{2023, 2, "members", "Medlemmar", "Många kommuner", "members", "kind=kommun", "mellan", 120, 140, date("2023-11-30")}}})
			},
			`SELECT concat_ws('|', year, number, key, area, text, metric, params, comparator, target, upper_target, due_on) FROM goals WHERE key = 'members'`,
			"2023|2|members|Medlemmar|Många kommuner|members|kind=kommun|between|120.0|140.0|2023-11-30"},
		{"manual goal",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Mål", [][]any{{"År", "Nr", "Nyckel", "Målområde", "Mål", "Mått", "Status", "Kommentar"},
					{2023, 8, "exchange", "Samverkan", "Nätverk för erfarenhetsutbyte", "manuell", "uppnått", "klart"}}})
			},
			`SELECT concat_ws('|', g.number, g.area, g.text, g.metric, s.status, s.comment)
				FROM goals g JOIN goal_statuses s ON s.goal_id = g.id WHERE g.key = 'exchange' ORDER BY s.set_on DESC, s.id DESC LIMIT 1`,
			"8|Samverkan|Nätverk för erfarenhetsutbyte|manual|met|klart"},
		{"fee row",
			func(t *testing.T) importer.File {
				return workbook(t, sheet{"Avgifter", [][]any{{"År", "Kategori", "Invånare från", "Invånare till", "Medlemsinsats", "Årsavgift"},
					{2023, "kommun", 0, 8000, 6000, 7000}}})
			},
			`SELECT concat_ws('|', year, category, population_from, population_to, contribution, annual_fee) FROM fee_bands WHERE category = 'kommun'`,
			"2023|kommun|0|8000|6000.00|7000.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := referencedRegistry(t)
			before := referring(t, s)
			f := c.file(t)
			plan, err := importer.Preview(context.Background(), s, f, en)
			if err != nil || plan.HasErrors() || plan.Changes() == 0 {
				t.Fatalf("preview: %v, %d changes\n%s", err, plan.Changes(), problems(plan))
			}
			res, err := importer.Commit(context.Background(), s, f, importer.Options{Lang: "en", Fingerprint: plan.Fingerprint})
			if err != nil {
				t.Fatalf("the preview accepted the change but the commit failed: %v", err)
			}
			if res.Batch == nil {
				t.Fatal("nothing committed")
			}
			if got := row(t, s, c.query); got != c.want {
				t.Errorf("after the import\n got %s\nwant %s", got, c.want)
			}
			if after := referring(t, s); after != before {
				t.Errorf("referring rows %v, before %v", after, before)
			}
			// and the undo takes the correction back
			if _, err := importer.Undo(context.Background(), s, 0, "tester", "en"); err != nil {
				t.Fatalf("undo: %v", err)
			}
			if after := referring(t, s); after != before {
				t.Errorf("referring rows after undo %v, before %v", after, before)
			}
		})
	}
}

// The edit functions correct a referenced member's and goal's every column,
// and the identity columns the import cannot change (a service's, event's
// and goal's name, date, year and key) can be corrected in the store too.
func TestEditsCorrectEveryColumnOfReferencedRows(t *testing.T) {
	ctx := context.Background()
	s := referencedRegistry(t)
	before := referring(t, s)
	karlstad := id(t, s, "SELECT id FROM members WHERE code = '1780'")
	m := analytics.Member{ID: karlstad, Name: "Karlstads kommun", Kind: analytics.KindKommun, Code: "1781",
		OrgNumber: orgnr("212000888"), CountyCode: "18", Population: 99000, Group: "Värmland",
		JoinedOn: date("2008-02-01"), LeftOn: date("2031-01-31"), ContactName: "Dan", ContactEmail: "dan@example.se"}
	if err := s.UpdateMember(ctx, m); err != nil {
		t.Fatalf("update member: %v", err)
	}
	if got, want := row(t, s, `SELECT concat_ws('|', name, kind, code, org_number, county_code, population, group_name, joined_on, left_on, contact_name, contact_email)
		FROM members WHERE id = ?`, karlstad), "Karlstads kommun|kommun|1781|"+orgnr("212000888")+"|18|99000|Värmland|2008-02-01|2031-01-31|Dan|dan@example.se"; got != want {
		t.Errorf("member\n got %s\nwant %s", got, want)
	}
	exchange := id(t, s, "SELECT id FROM goals WHERE key = 'exchange'")
	if err := s.SetGoalJudgement(ctx, exchange, analytics.StatusAtRisk, "sent"); err != nil {
		t.Fatalf("judgement: %v", err)
	}
	if err := s.AddGoalComment(ctx, exchange, "tester", "andra"); err != nil {
		t.Fatalf("comment: %v", err)
	}
	if err := s.AddGoalComment(ctx, 9999, "tester", "ingen"); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("comment on a missing goal: %v", err)
	}
	if got := row(t, s, `SELECT concat_ws('|', status, comment) FROM goal_statuses WHERE goal_id = ? ORDER BY id DESC LIMIT 1`, exchange); got != "at_risk|sent" {
		t.Errorf("goal %s", got)
	}
	analyticstest.Exec(t, s,
		`UPDATE services SET name = 'Bibblix 2', kind = 'network', area = 'skola', started_on = DATE '2016-05-01', ended_on = DATE '2031-01-01'`,
		`UPDATE events SET name = 'Vårkonferens', held_on = DATE '2023-04-04', format = 'physical', role = 'participant'`,
		`UPDATE goals SET year = 2024, number = 9, key = 'members2', text = 'x', metric = 'members_joined', comparator = '>', target = 3 WHERE key = 'members'`,
		`UPDATE fee_bands SET year = 2024, population_from = 1, population_to = 9000, contribution = 1, annual_fee = 2 WHERE category = 'kommun'`,
	)
	if after := referring(t, s); after != [3]int{before[0], before[1], before[2] + 1} {
		t.Errorf("referring rows %v, before %v", after, before)
	}
}

// An undo that would delete a member a later row uses is refused, and
// nothing is undone: the references the schema no longer enforces are
// checked before the undo commits.
func TestUndoRefusesToOrphanReferringRows(t *testing.T) {
	s := referencedRegistry(t)
	commit(t, s, workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Kod", "Medlem sedan"}, {"Arvika", "1784", date("2020-01-01")}}}))
	before := dump(t, s)
	analyticstest.Exec(t, s, `INSERT INTO participations (member_id, service_id, from_on)
		SELECT m.id, s.id, DATE '2021-01-01' FROM members m, services s WHERE m.code = '1784'`)
	after := dump(t, s)
	_, err := importer.Undo(context.Background(), s, 0, "tester", "sv")
	if analytics.ErrorCode(err) != analytics.EConflict {
		t.Fatalf("undo: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "medlemmar som importen lade till") || strings.Contains(msg, "participations") {
		t.Errorf("undo refused with %q, want the office's word for the rows (medlemmar), not a table's name", msg)
	}
	if dump(t, s) != after || before == after {
		t.Error("a refused undo changed the registry")
	}
}
