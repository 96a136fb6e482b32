package analytics_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// A batch of more rows than one part of the change log holds is logged in
// parts, and undo reads them all: it refuses while a row of the last part
// is changed, and takes the whole batch back once it is as the batch left
// it.
func TestABigBatchIsLoggedInPartsAndUndoneWhole(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	const n = 12_001 // three parts of 5 000 rows
	members := make([]*analytics.Member, n)
	for i := range members {
		members[i] = &analytics.Member{ID: int64(-1 - i), Name: fmt.Sprintf("Förening %05d", i), Kind: "ovrig",
			JoinedOn: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	meta := analytics.ImportBatchMeta{At: s.Now(), Actor: "kansliet", File: "stor.xlsx", SHA256: "abc",
		Counts: map[string]analytics.ImportCount{"members": {New: n}}, AuditAction: "import"}
	err := analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) error {
		_, err := w.ApplyImport(ctx, meta, &analytics.ImportChanges{
			Members: analytics.TableChanges[analytics.Member]{Inserted: members}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db := analyticstest.Handle(s)
	var parts, rows int
	if err := db.QueryRow(`SELECT count(*), sum(json_array_length(body)) FROM import_changes`).Scan(&parts, &rows); err != nil {
		t.Fatal(err)
	}
	if parts != 3 || rows != n {
		t.Fatalf("logged %d rows in %d parts, want %d in 3", rows, parts, n)
	}
	undo := func() error {
		return analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) error {
			_, err := w.UndoImport(ctx, 0, s.Now(), "kansliet", "undo")
			return err
		})
	}
	last := members[n-1]
	analyticstest.Exec(t, s, fmt.Sprintf(`UPDATE members SET name = 'Ändrad' WHERE id = %d`, last.ID))
	var refusal *analytics.UndoRefusal
	if err := undo(); !errors.As(err, &refusal) || refusal.Reason != analytics.UndoChanged {
		t.Fatalf("undo with a changed row: %v, want %s", err, analytics.UndoChanged)
	}
	analyticstest.Exec(t, s, fmt.Sprintf(`UPDATE members SET name = '%s' WHERE id = %d`, last.Name, last.ID))
	if err := undo(); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.QueryRow(`SELECT count(*) FROM members`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d members left after the undo (%v)", left, err)
	}
}
