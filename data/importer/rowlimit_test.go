package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// A plan lists at most Options.RowLimit rows per sheet and counts the rest;
// the counts, the fingerprint and what the commit writes do not depend on
// the limit.
func TestPlanListsRowsUpToItsLimitAndCountsTheRest(t *testing.T) {
	ctx := context.Background()
	rows := [][]any{{"Namn", "Typ", "Medlem sedan"}}
	for i := 1; i <= 12; i++ {
		rows = append(rows, []any{fmt.Sprintf("Förening %02d", i), "övrig", date("2020-01-01")})
	}
	f := workbook(t, sheet{"Medlemmar", rows})
	s := analyticstest.New(t)

	all, err := importer.Preview(ctx, s, f, importer.Options{Lang: "en", RowLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	limited, err := importer.Preview(ctx, s, f, importer.Options{Lang: "en", RowLimit: 5})
	if err != nil {
		t.Fatal(err)
	}
	byDefault, err := importer.Preview(ctx, s, f, en)
	if err != nil {
		t.Fatal(err)
	}
	if got := all.Sheets[0]; len(got.Rows) != 12 || got.RowsOmitted != 0 {
		t.Errorf("no limit: %d rows listed, %d omitted; want 12, 0", len(got.Rows), got.RowsOmitted)
	}
	if got := byDefault.Sheets[0]; len(got.Rows) != 12 || got.RowsOmitted != 0 {
		t.Errorf("default limit (%d): %d rows listed, %d omitted; want 12, 0", importer.DefaultRowLimit, len(got.Rows), got.RowsOmitted)
	}
	got := limited.Sheets[0]
	if len(got.Rows) != 5 || got.RowsOmitted != 7 {
		t.Fatalf("limit 5: %d rows listed, %d omitted; want 5, 7", len(got.Rows), got.RowsOmitted)
	}
	for i, r := range got.Rows {
		if want := all.Sheets[0].Rows[i]; r.Row != want.Row || r.Label != want.Label || r.Change != want.Change {
			t.Errorf("limit 5: row %d listed is %+v; want %+v", i, r, want)
		}
	}
	if got.New != 12 || *limited.Counts["members"] != *all.Counts["members"] {
		t.Errorf("limit 5: new %d, counts %+v; want 12, %+v", got.New, *limited.Counts["members"], *all.Counts["members"])
	}
	if limited.Fingerprint != all.Fingerprint || byDefault.Fingerprint != all.Fingerprint {
		t.Errorf("fingerprints differ with the limit: %s, %s, %s", limited.Fingerprint, byDefault.Fingerprint, all.Fingerprint)
	}
	var text bytes.Buffer
	if err := limited.WriteText(&text, "en"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "and 7 more") {
		t.Errorf("the text report does not count the 7 rows not listed:\n%s", text.String())
	}

	// A commit with the limited preview's fingerprint writes every row.
	res, err := importer.Commit(ctx, s, f, importer.Options{Lang: "en", RowLimit: 5, Fingerprint: limited.Fingerprint})
	if err != nil {
		t.Fatal(err)
	}
	if res.Batch == nil || count(t, s, "SELECT count(*) FROM members") != 12 {
		t.Errorf("commit: batch %v, %d members; want a batch and 12", res.Batch, count(t, s, "SELECT count(*) FROM members"))
	}
}
