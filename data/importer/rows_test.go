package importer_test

import (
	"context"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// smallRegistry is a registry the row tests refer to. Ids come from the
// sequences, as the import's do: Ale and Bibblix are 1, Karlstad and
// Digidel 2.
var smallRegistry = []string{
	`INSERT INTO members (name, kind, code, county_code, population, joined_on) VALUES
		('Ale', 'kommun', '1440', '14', 32576, DATE '2015-01-12'),
		('Karlstad', 'kommun', '1780', '17', 98084, DATE '2008-04-01')`,
	`INSERT INTO services (name, kind, started_on) VALUES
		('Bibblix', 'service', DATE '2016-06-01'), ('Digidel', 'network', DATE '2013-01-01')`,
	`INSERT INTO events (name, held_on, format, role) VALUES ('Årsmöte 2022', DATE '2022-05-04', 'physical', 'host')`,
}

var (
	memberHeader = []any{"Namn", "Typ", "Kommunkod", "Orgnr", "Län", "Invånare", "Medlem sedan", "Utträde", "E-post"}
	partHeader   = []any{"Medlem", "Tjänst", "Från", "Till"}
	goalHeader   = []any{"År", "Nr", "Nyckel", "Mål", "Mått", "Parameter", "Jämförelse", "Målvärde"}
)

func TestRowProblemsNameTheirPlaceAndBlockTheImport(t *testing.T) {
	cases := []struct {
		name          string
		sheet         sheet
		row           int
		column, code  string
		messageSaying string
	}{
		{"unknown municipality", sheet{"Medlemmar", [][]any{memberHeader,
			{"Karlstadd", "kommun", nil, nil, nil, nil, date("2020-01-01")}}},
			2, "Namn", "member.unknown_municipality", "Did you mean Karlstad"},
		{"not a municipality and no kind", sheet{"Medlemmar", [][]any{memberHeader,
			{"Förbundet Norr", nil, nil, nil, nil, nil, date("2020-01-01")}}},
			2, "Typ", "member.kind_missing", "Write the kind"},
		{"unknown code", sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommun", "9999"}}},
			2, "Kommunkod", "member.unknown_code", "No municipality has the code"},
		{"code and name disagree", sheet{"Medlemmar", [][]any{memberHeader, {"Karlstad", "kommun", 1440}}},
			2, "Kommunkod", "member.code_name_mismatch", "belongs to Ale"},
		{"organisation number fails Luhn", sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommun", "1440", "212000-1984"}}},
			2, "Orgnr", "member.org_number", "NNNNNN-NNNN"},
		{"date as written abroad", sheet{"Medlemmar", [][]any{{"Föreningens medlemmar"}, memberHeader,
			{"Ale", "kommun", "1440", nil, nil, nil, "12/01/2015"}}},
			3, "Medlem sedan", "value.date", "YYYY-MM-DD"},
		{"number without a date format", sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommun", "1440", nil, nil, nil, 42016}}},
			2, "Medlem sedan", "value.date_number", "date format"},
		{"left before joined", sheet{"Medlemmar", [][]any{memberHeader,
			{"Ale", "kommun", "1440", nil, nil, nil, date("2015-01-12"), date("2014-12-31")}}},
			2, "Utträde", "value.date_order", "before the start date"},
		{"unknown kind", sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommunen?", "1440"}}},
			2, "Typ", "member.kind", "municipality, region"},
		{"population in words", sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommun", "1440", nil, nil, "tio tusen"}}},
			2, "Invånare", "value.integer", "10 532"},
		{"e-mail", sheet{"Medlemmar", [][]any{memberHeader,
			{"Ale", "kommun", "1440", nil, nil, nil, nil, nil, "kerstin at ale"}}},
			2, "E-post", "member.email", "name@example.se"},
		{"county of another municipality", sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommun", "1440", nil, "Värmlands län"}}},
			2, "Län", "member.county_mismatch", "Västra Götalands län"},
		{"the same membership twice", sheet{"Medlemmar", [][]any{memberHeader,
			{"Ale", "kommun", "1440", nil, nil, nil, date("2015-01-12")}, {"Ale kommun", nil, nil, nil, nil, nil, date("2015-01-12")}}},
			3, "Namn", "member.duplicate", "already on row 2"},
		{"unknown service", sheet{"Anslutningar", [][]any{partHeader, {"Ale", "Bibblixx", date("2020-01-01")}}},
			2, "Tjänst", "service.not_found", "import the service first"},
		{"unknown member", sheet{"Anslutningar", [][]any{partHeader, {"Alle", "Bibblix", date("2020-01-01")}}},
			2, "Medlem", "member.not_found", "Did you mean Ale"},
		{"municipality that is not a member", sheet{"Anslutningar", [][]any{partHeader, {"Borås", "Bibblix", 2020}}},
			2, "Medlem", "member.not_member", "Import the member first"},
		{"participation ends before it starts", sheet{"Anslutningar", [][]any{partHeader, {"Ale", "Bibblix", 2020, 2019}}},
			2, "Till", "value.date_order", "before the start date 2020-01-01"},
		{"wide header that is no service", sheet{"Översikt", [][]any{{"Per 2023-03-31"}, {"Medlem", "Bibblix", "Bokatidd"}, {"Ale", "x"}}},
			2, "Bokatidd", "wide.unknown_service", "neither a service"},
		{"wide cell that is no mark or date", sheet{"Översikt", [][]any{{"Medlem", "Bibblix", "Digidel"}, {"Ale", "kanske"}}},
			2, "Bibblix", "wide.cell", "Write x"},
		{"unknown metric", sheet{"VP", [][]any{goalHeader, {2024, 1, "medlemmar", "125 medlemmar", "medlemmar", nil, ">=", 125}}},
			2, "Mått", "goal.metric", "members, members_joined"},
		{"share target without per cent", sheet{"VP", [][]any{goalHeader,
			{2024, 5, "topp", "En tjänst hos tre av fyra", "top_service_share", nil, ">", 75}}},
			2, "Målvärde", "goal.share_target", "75%"},
		{"parameter n not a number", sheet{"VP", [][]any{goalHeader,
			{2024, 8, "natverk", "Nätverk", "networks_min_participants", "n=tjugo", ">=", 4}}},
			2, "Parameter", "goal.param_n", "positive whole number"},
		{"comparator", sheet{"VP", [][]any{goalHeader, {2024, 1, "m", "Mål", "members", nil, "ungefär", 125}}},
			2, "Jämförelse", "goal.comparator", ">=, >, <=, <, = or between"},
		{"fee band upside down", sheet{"Avgifter", [][]any{{"År", "Kategori", "Invånare från", "Invånare till", "Medlemsinsats", "Årsavgift"},
			{2024, "kommun", "15 000", "7 000", "5 000", "10 000"}}},
			2, "Invånare till", "fee.band", "greater than population from"},
		{"event format", sheet{"Evenemang", [][]any{{"Namn", "Datum", "Format", "Roll"}, {"Webbinarium", date("2024-02-01"), "online", "värd"}}},
			2, "Format", "event.format", "digital, physical or hybrid"},
		{"attendance at an unknown event", sheet{"Deltagande", [][]any{{"Evenemang", "Medlem", "Antal"}, {"Årsmöte 2023", "Ale", 2}}},
			2, "Evenemang", "event.not_found", "import the event first"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			analyticstest.Exec(t, s, smallRegistry...)
			before := dump(t, s)
			res, err := importer.Commit(context.Background(), s, workbook(t, c.sheet), en)
			if analytics.ErrorCode(err) != analytics.EInvalid || res == nil {
				t.Fatalf("commit: %v", err)
			}
			found := false
			for _, p := range res.Plan.Problems() {
				if p.Code == c.code && p.Sheet == c.sheet.name && p.Row == c.row && p.Column == c.column &&
					p.Severity == importer.SeverityError && strings.Contains(p.Message, c.messageSaying) {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s at %s row %d column %q saying %q; got\n%s", c.code, c.sheet.name, c.row, c.column,
					c.messageSaying, problems(res.Plan))
			}
			if dump(t, s) != before || count(t, s, "SELECT count(*) FROM import_batches") != 0 {
				t.Error("the database changed")
			}
		})
	}
}

func TestAPopulationFarFromTheReferenceIsAWarning(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, smallRegistry...)
	res := commit(t, s, workbook(t, sheet{"Medlemmar", [][]any{memberHeader, {"Ale", "kommun", "1440", nil, nil, "3 257"}}}))
	ps := res.Plan.Problems()
	if len(ps) != 1 || ps[0].Severity != importer.SeverityWarning || ps[0].Code != "member.population_far" || ps[0].Row != 2 {
		t.Fatalf("problems: %+v", ps)
	}
	if count(t, s, "SELECT population FROM members WHERE id = 1") != 3257 {
		t.Error("the population was not written")
	}
	ch := res.Plan.Sheets[0].Rows
	if len(ch) != 1 || ch[0].Change != "changed" || len(ch[0].Fields) != 1 || ch[0].Fields[0].Old != "32576" || ch[0].Fields[0].New != "3257" {
		t.Errorf("changes: %+v", ch)
	}
}
