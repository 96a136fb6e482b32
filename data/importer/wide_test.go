package importer_test

import (
	"context"
	"testing"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// wideRegistry: Ale and Karlstad with participations in Bibblix (open),
// Digidel (ending in the future) and, for Karlstad, an ended one.
var wideRegistry = append(smallRegistry,
	`INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
		(1, 1, DATE '2019-01-01', NULL),
		(1, 2, DATE '2016-01-01', DATE '2030-12-31'),
		(2, 1, DATE '2017-01-01', DATE '2020-12-31')`)

func TestWideSheetIsAPictureOfItsDay(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, wideRegistry...)
	f := workbook(t, sheet{"Per dag", [][]any{
		{"Anslutningar per 2024-06-30"},
		{"Medlem", "Bibblix", "Digidel"},
		{"1440", nil, nil},        // Ale: Bibblix ends, Digidel keeps its end date
		{"Karlstads kommun", "x"}, // Karlstad: Bibblix again, since the service's start… but Karlstad joined later
	}})
	res := commit(t, s, f)
	sh := res.Plan.Sheets[0]
	if sh.Kind != importer.KindWide || sh.Day != "2024-06-30" || sh.HeaderRow != 2 {
		t.Fatalf("sheet %+v", sh)
	}
	if len(sh.Ended) != 1 || sh.Ended[0].Label != "Ale – Bibblix" || sh.Ended[0].To != "2024-06-29" || sh.Ended[0].Row != 3 || sh.Ended[0].Column != "Bibblix" {
		t.Errorf("ended %+v", sh.Ended)
	}
	for query, want := range map[string]int{
		"SELECT count(*) FROM participations WHERE id = 1 AND to_on = DATE '2024-06-29'": 1,
		"SELECT count(*) FROM participations WHERE id = 2 AND to_on = DATE '2030-12-31'": 1,
		// Karlstad joined 2008, Bibblix started 2016: x is since 2016-06-01
		"SELECT count(*) FROM participations WHERE member_id = 2 AND service_id = 1 AND from_on = DATE '2016-06-01' AND to_on IS NULL": 1,
		"SELECT count(*) FROM participations": 4,
	} {
		if got := count(t, s, query); got != want {
			t.Errorf("%s: %d, want %d", query, got, want)
		}
	}
	again, err := importer.Preview(context.Background(), s, f, en)
	if err != nil || again.Changes() != 0 {
		t.Errorf("the same picture again: %d changes, %v\n%s", again.Changes(), err, problems(again))
	}
}

func TestWideSheetDateChangesTheStartAndTheDayDefaultsToTheImportDate(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, wideRegistry...)
	f := workbook(t, sheet{"Översikt", [][]any{{"Medlem", "Bibblix"}, {"Ale", 2018}}})
	o := en
	o.Day = date("2024-01-15")
	res, err := importer.Commit(context.Background(), s, f, o)
	if err != nil {
		t.Fatal(err)
	}
	sh := res.Plan.Sheets[0]
	if sh.Day != "2024-01-15" || sh.Changed != 1 || len(sh.Rows) != 1 || sh.Rows[0].Fields[0].Old != "2019-01-01" || sh.Rows[0].Fields[0].New != "2018-01-01" {
		t.Errorf("sheet %+v", sh)
	}
}

func TestWideSheetCannotEndAParticipationThatStartsOnItsDay(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, wideRegistry...)
	analyticstest.Exec(t, s, `INSERT INTO participations (member_id, service_id, from_on) VALUES (2, 2, DATE '2024-06-30')`)
	f := workbook(t, sheet{"Översikt", [][]any{{"Per 2024-06-30"}, {"Medlem", "Digidel"}, {"Karlstad"}}})
	res, err := importer.Commit(context.Background(), s, f, en)
	if err == nil || res == nil {
		t.Fatalf("commit: %v", err)
	}
	ps := res.Plan.Problems()
	if len(ps) != 1 || ps[0].Code != "wide.starts_on_day" || ps[0].Row != 3 || ps[0].Column != "Digidel" {
		t.Errorf("problems %+v", ps)
	}
}
