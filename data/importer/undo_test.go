package importer_test

import (
	"context"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// changes is a workbook that adds a member with a participation and
// changes two existing members.
func changes(t *testing.T) importer.File {
	return workbook(t,
		sheet{"Medlemmar", [][]any{{"Namn", "Typ", "Kod", "Invånare", "Medlem sedan", "Utträde"},
			{"Luleå", "kommun", "2580", "80 000", date("2024-01-01")},
			{"Ale", "kommun", "1440", "33 000", date("2015-01-12")},
			{"Vetlanda", "kommun", "0685", "27 528", date("2013-03-01"), date("2024-12-31")},
		}},
		sheet{"Anslutningar", [][]any{{"Medlem", "Tjänst", "Från", "Till"},
			{"Luleå", "Bibblix", date("2024-02-01")},
			{"Ale", "Bokatid", date("2024-03-01")},
			{"Vetlanda", "Bibblix", date("2018-06-01"), date("2024-12-31")},
		}},
	)
}

// picture is a wide sheet of 2024-06-30 in which Ale no longer uses
// FixaMinGata.
func picture(t *testing.T) importer.File {
	return workbook(t, sheet{"Översikt", [][]any{{"Per 2024-06-30"}, {"Medlem", "FixaMinGata", "Bibblix"}, {"Ale", nil, 2019}}})
}

func TestUndoRestoresTheStateBeforeExactly(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	for _, name := range sampleOrder[:6] {
		commit(t, s, sample(t, name))
	}
	beforeChanges := dump(t, s)
	first := commit(t, s, changes(t))
	if c := first.Batch.Counts; c["members"].New != 1 || c["members"].Changed != 2 || c["participations"].New != 2 || c["participations"].Changed != 1 {
		t.Errorf("counts %+v", c)
	}
	beforePicture := dump(t, s)
	second := commit(t, s, picture(t))
	if ended := second.Plan.Sheets[0].Ended; len(ended) != 1 || ended[0].Label != "Ale – FixaMinGata" || ended[0].To != "2024-06-29" {
		t.Errorf("ended: %+v", ended)
	}
	if beforePicture == dump(t, s) {
		t.Fatal("the wide sheet changed nothing")
	}

	if _, err := importer.Undo(ctx, s, first.Batch.ID, "tester", "en"); analytics.ErrorCode(err) != analytics.EConflict {
		t.Errorf("undoing an older batch first: %v", err)
	}
	b, err := importer.Undo(ctx, s, 0, "tester", "en")
	if err != nil || b.ID != second.Batch.ID || b.UndoneAt.IsZero() {
		t.Fatalf("undo: %+v, %v", b, err)
	}
	if dump(t, s) != beforePicture {
		t.Error("undoing the wide sheet did not restore the state before it")
	}
	if _, err := importer.Undo(ctx, s, first.Batch.ID, "tester", "en"); err != nil {
		t.Fatal(err)
	}
	if dump(t, s) != beforeChanges {
		t.Error("undoing the changes did not restore the state before them")
	}
	history, err := importer.History(ctx, s, 0)
	if err != nil || len(history) != 8 || history[0].UndoneAt.IsZero() || !history[2].Undoable || history[3].Undoable {
		t.Errorf("history %+v, %v", history, err)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log WHERE action = 'undo' AND actor = 'tester'"); n != 2 {
		t.Errorf("%d undo entries in the audit log", n)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log WHERE action = 'import'"); n != 8 {
		t.Errorf("%d import entries in the audit log", n)
	}
}

func TestUndoingEveryImportEmptiesTheRegister(t *testing.T) {
	s := analyticstest.New(t)
	empty := dump(t, s)
	for _, name := range sampleOrder {
		commit(t, s, sample(t, name))
	}
	for {
		_, err := importer.Undo(context.Background(), s, 0, "", "sv")
		if analytics.ErrorCode(err) == analytics.ENotFound {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if dump(t, s) != empty {
		t.Error("the register is not empty after undoing every import")
	}
}

func TestUndoRefusesWhenARowChangedSinceTheImport(t *testing.T) {
	s := analyticstest.New(t)
	for _, name := range sampleOrder[:3] {
		commit(t, s, sample(t, name))
	}
	commit(t, s, changes(t))
	analyticstest.Exec(t, s, `UPDATE members SET population = 81000 WHERE name = 'Luleå'`)
	before := dump(t, s)
	_, err := importer.Undo(context.Background(), s, 0, "tester", "en")
	if analytics.ErrorCode(err) != analytics.EConflict {
		t.Fatalf("undo: %v", err)
	}
	// The office's words, not the database's: "among the members".
	if msg := err.Error(); !strings.Contains(msg, "among the members") {
		t.Errorf("undo refused with %q, want the row named among the members", msg)
	}
	if dump(t, s) != before {
		t.Error("a refused undo changed the database")
	}
	if n := count(t, s, "SELECT count(*) FROM import_changes WHERE undone_at IS NOT NULL"); n != 0 {
		t.Errorf("%d parts marked undone", n)
	}
}

func TestCommitRefusesWhenTheRegisterChangedSinceThePreview(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, smallRegistry...)
	f := workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Invånare"}, {"Ale", "33 000"}}})
	plan, err := importer.Preview(ctx, s, f, en)
	if err != nil || plan.Changes() != 1 {
		t.Fatalf("preview: %v", err)
	}
	analyticstest.Exec(t, s, `UPDATE members SET population = 33000 WHERE id = 1`)
	before := dump(t, s)
	o := en
	o.Fingerprint = plan.Fingerprint
	res, err := importer.Commit(ctx, s, f, o)
	if analytics.ErrorCode(err) != analytics.EConflict || res == nil || res.Batch != nil {
		t.Fatalf("commit: %v", err)
	}
	if dump(t, s) != before {
		t.Error("the database changed")
	}
}
