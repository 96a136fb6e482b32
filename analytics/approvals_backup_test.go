package analytics_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/data/demo"
)

// The backup carries the approved reports, workbook bytes, snapshot and
// withdrawal included, and the restore gives them back as they were; a new
// approval after the restore takes the next version and a fresh id.
func TestBackupAndRestoreCarryTheApprovedReports(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := analytics.Open(ctx, filepath.Join(dir, "live.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return date("2026-11-22") }
	if err := s.Load(ctx, demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	book := []byte("PK\x03\x04 bytes \x00\xff of a workbook")
	approve(t, s, 2023, "2023-12-31", "Årsmöte 2024-04-20 § 7", book)
	approve(t, s, 2023, "2023-12-31", "Årsmöte 2024-04-20 § 8", []byte("v2"))
	if _, err := s.Withdraw(ctx, 2023, 2, "admin", "Fel paragraf", nil); err != nil {
		t.Fatal(err)
	}
	want := storedRow(t, s, 2023, 1)
	wantList, _ := s.Approvals(ctx)
	m, err := s.Backup(ctx, filepath.Join(dir, "backup"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if m.Tables["approvals"] != 2 {
		t.Fatalf("the backup's manifest has %d approvals", m.Tables["approvals"])
	}
	restored := filepath.Join(dir, "restored.duckdb")
	if _, err := analytics.Restore(ctx, filepath.Join(dir, "backup"), restored); err != nil {
		t.Fatal(err)
	}
	r, err := analytics.Open(ctx, restored)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	r.Now = s.Now
	if got := storedRow(t, r, 2023, 1); got != want {
		t.Errorf("version 1 after restore:\n%s\nwant\n%s", got, want)
	}
	_, gotBook, err := r.ApprovedWorkbook(ctx, 2023, 1)
	if err != nil || string(gotBook) != string(book) {
		t.Errorf("workbook after restore = %q, %v", gotBook, err)
	}
	gotList, _ := r.Approvals(ctx)
	if !reflect.DeepEqual(gotList, wantList) {
		t.Errorf("approvals after restore:\n%+v\nwant\n%+v", gotList, wantList)
	}
	if a := approve(t, r, 2023, "2023-12-31", "Årsmöte § 9", []byte("v3")); a.Version != 3 {
		t.Errorf("after restore the next version is %d", a.Version)
	}
}
