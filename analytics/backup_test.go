package analytics_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

func TestBackupAndRestoreGiveIdenticalMetrics(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := analytics.Open(ctx, filepath.Join(dir, "live.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load(ctx, demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Metrics(ctx, day("2023-06-30"))
	m, err := s.Backup(ctx, filepath.Join(dir, "backup"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if m.Tables["members"] < 140 || len(m.Files) < 5 {
		t.Fatalf("manifest %+v", m)
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
	got, _ := r.Metrics(ctx, day("2023-06-30"))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metrics after restore differ:\n got %v\nwant %v", got, want)
	}
	// The sequences come back too: a new row does not collide.
	if _, err := analyticstest.Handle(r).Exec(`INSERT INTO members (name, kind, joined_on) VALUES ('Ny', 'ovrig', DATE '2026-01-01')`); err != nil {
		t.Errorf("insert after restore: %v", err)
	}
}

func TestRestoreRefusesADamagedBackupAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, _ := analytics.Open(ctx, filepath.Join(dir, "live.duckdb"))
	s.Load(ctx, demo.Generate(demo.Options{}))
	s.Backup(ctx, filepath.Join(dir, "backup"))
	s.Close()

	target := filepath.Join(dir, "target.duckdb")
	t0, _ := analytics.Open(ctx, target)
	analyticstest.Handle(t0).Exec(`INSERT INTO members (name, kind, joined_on) VALUES ('Kvar', 'ovrig', DATE '2020-01-01')`)
	t0.Close()
	before, _ := os.ReadFile(target)

	// Damage one data file.
	files, _ := filepath.Glob(filepath.Join(dir, "backup", "members*.parquet"))
	if len(files) == 0 {
		t.Fatal("no members file in the backup")
	}
	os.WriteFile(files[0], []byte("not parquet"), 0o644)
	_, err := analytics.Restore(ctx, filepath.Join(dir, "backup"), target)
	if analytics.ErrorCode(err) != analytics.EInvalid || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("restore of a damaged backup: %v", err)
	}
	after, _ := os.ReadFile(target)
	if string(before) != string(after) {
		t.Error("the target changed")
	}
	if _, err := analytics.Restore(ctx, t.TempDir(), target); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("restore of an empty folder: %v", err)
	}
}

func TestBackupRotatingKeepsTheNewest(t *testing.T) {
	ctx := context.Background()
	s, _ := analytics.Open(ctx, "")
	defer s.Close()
	root := filepath.Join(t.TempDir(), "new", "backups") // made on first use
	os.MkdirAll(filepath.Join(root, "saved-by-hand"), 0o755)
	clock := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	var last string
	for i := 0; i < 4; i++ {
		dir, err := s.BackupRotating(ctx, root, 2)
		if err != nil {
			t.Fatal(err)
		}
		last = dir
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 3 || entries[1].Name() != filepath.Base(last) || entries[2].Name() != "saved-by-hand" {
		t.Errorf("kept %v, want the 2 newest ending in %s and the folder saved by hand", entries, filepath.Base(last))
	}
}
