package analytics_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
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

// demoBackup writes the demo data's backup into dir/backup and returns the
// store's members count.
func demoBackup(t *testing.T, dir string) (string, int) {
	t.Helper()
	ctx := context.Background()
	s, err := analytics.Open(ctx, filepath.Join(dir, "live.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Load(ctx, demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	var members int
	analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM members`).Scan(&members)
	backup := filepath.Join(dir, "backup")
	if _, err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	return backup, members
}

// rehash rewrites the manifest of the backup in dir after edit, with every
// file's checksum as it now is: what someone tampering with a backup does.
func rehash(t *testing.T, dir string, edit func(m map[string]any)) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(body, &m)
	files := map[string]any{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "manifest.json" {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		sum := sha256.Sum256(data)
		files[e.Name()] = hex.EncodeToString(sum[:])
	}
	m["files"] = files
	if edit != nil {
		edit(m)
	}
	body, _ = json.Marshal(m)
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), body, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A tampered backup cannot run code: SQL standing in a schema.sql or
// load.sql of the folder (a COPY … TO writing a file, a read_text loading
// one) is never executed, however well the manifest is re-hashed; restore
// builds the schema from the binary's migrations and loads data only.
func TestATamperedBackupCannotRunCode(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	backup, members := demoBackup(t, dir)
	pwned := filepath.Join(dir, "pwned.csv")
	evil := fmt.Sprintf(`COPY (SELECT 42 AS x) TO '%s';
CREATE TABLE stolen AS SELECT * FROM read_text('/etc/hostname');
INSERT INTO members (name, kind, joined_on) SELECT content, 'ovrig', DATE '2020-01-01' FROM read_text('/etc/hostname');
`, pwned)
	for _, name := range []string{"schema.sql", "load.sql"} {
		if err := os.WriteFile(filepath.Join(backup, name), []byte(evil), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rehash(t, backup, nil)
	target := filepath.Join(dir, "restored.duckdb")
	if _, err := analytics.Restore(ctx, backup, target); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Fatal("the backup's SQL ran: it wrote a file")
	}
	r, err := analytics.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var n, stolen int
	analyticstest.Handle(r).QueryRow(`SELECT count(*) FROM members`).Scan(&n)
	analyticstest.Handle(r).QueryRow(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'stolen'`).Scan(&stolen)
	if n != members || stolen != 0 {
		t.Errorf("members %d (want %d), table stolen %d: the backup's SQL ran", n, members, stolen)
	}
}

// A manifest naming a table the schema does not have, or with a name made
// to break out of a query, is refused before any query uses it.
func TestRestoreRefusesTablesTheSchemaDoesNotHave(t *testing.T) {
	ctx := context.Background()
	for _, table := range []string{"stolen", `members" AS SELECT 1; COPY (SELECT 1) TO '/tmp/x'; --`} {
		dir := t.TempDir()
		backup, _ := demoBackup(t, dir)
		os.WriteFile(filepath.Join(backup, "extra.parquet"), []byte("x"), 0o644)
		rehash(t, backup, func(m map[string]any) { m["tables"].(map[string]any)[table] = 1 })
		_, err := analytics.Restore(ctx, backup, filepath.Join(dir, "restored.duckdb"))
		if analytics.ErrorCode(err) != analytics.EInvalid || !strings.Contains(err.Error(), "does not have") {
			t.Errorf("table %q: %v", table, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "restored.duckdb")); err == nil {
			t.Error("a refused restore wrote the database")
		}
	}
}

// A backup made by a newer schema than the binary knows is refused; so is
// one whose data says another version than its manifest.
func TestRestoreRefusesABackupOfANewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	backup, _ := demoBackup(t, dir)
	rehash(t, backup, func(m map[string]any) { m["schema_version"] = 999 })
	_, err := analytics.Restore(ctx, backup, filepath.Join(dir, "restored.duckdb"))
	if analytics.ErrorCode(err) != analytics.EInvalid || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
	rehash(t, backup, func(m map[string]any) { m["schema_version"] = 2 })
	_, err = analytics.Restore(ctx, backup, filepath.Join(dir, "restored.duckdb"))
	if analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("manifest and data disagree on the version: %v", err)
	}
}

// A backup of an older schema (here one made by DuckDB's EXPORT DATABASE, as
// Målbild wrote them before, schema version 3) is restored into that
// schema's tables and then migrated; its schema.sql is not run.
func TestRestoreOfAnOlderExportDatabaseBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := analytics.Open(ctx, filepath.Join(dir, "live.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load(ctx, demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Metrics(ctx, time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC))
	// The schema as version 3 had it: schema_migrations without 004, and
	// none of the tables later migrations add.
	for _, q := range []string{`DELETE FROM schema_migrations WHERE version > 3`,
		`DROP TABLE IF EXISTS goal_statuses`, `DROP TABLE IF EXISTS board_meetings`, `DROP TABLE IF EXISTS settings`,
		`DROP VIEW IF EXISTS price_base_amount_by_year`, `DROP TABLE IF EXISTS price_base_amounts`,
		`DROP TABLE IF EXISTS budget_followups`, `DROP TABLE IF EXISTS budget_lines`,
		`DROP TABLE IF EXISTS benefit_measurements`, `DROP TABLE IF EXISTS benefits`,
		`DROP TABLE IF EXISTS approvals`} {
		if _, err := analyticstest.Handle(s).Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old := filepath.Join(dir, "old")
	if _, err := analyticstest.Handle(s).Exec(fmt.Sprintf(`EXPORT DATABASE '%s' (FORMAT parquet)`, old)); err != nil {
		t.Fatal(err)
	}
	tables := map[string]any{}
	rows, _ := analyticstest.Handle(s).Query(`SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main'`)
	for rows.Next() {
		var name string
		var est int64
		rows.Scan(&name, &est)
		var n int64
		analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM "` + name + `"`).Scan(&n)
		tables[name] = n
	}
	rows.Close()
	s.Close()
	os.WriteFile(filepath.Join(old, "manifest.json"), []byte(`{}`), 0o644)
	rehash(t, old, func(m map[string]any) {
		m["schema_version"] = 3
		m["tables"] = tables
		m["created_at"] = "2026-01-01T00:00:00Z"
	})
	target := filepath.Join(dir, "restored.duckdb")
	if _, err := analytics.Restore(ctx, old, target); err != nil {
		t.Fatalf("restore: %v", err)
	}
	r, err := analytics.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, _ := r.Metrics(ctx, time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metrics differ after restoring an older backup")
	}
	var version int
	analyticstest.Handle(r).QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&version)
	if version < 4 {
		t.Errorf("schema version %d after restore", version)
	}
}

// A backup interrupted before its manifest (kill -9) is written under a
// temporary name, so its folder never looks like a backup; and a folder
// without a manifest among the rotating backups is neither counted as one
// of the kept nor deleted.
func TestRotationCountsOnlyCompleteBackups(t *testing.T) {
	ctx := context.Background()
	s, _ := analytics.Open(ctx, "")
	defer s.Close()
	root := t.TempDir()
	clock := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	a, _ := s.BackupRotating(ctx, root, 2)
	b, _ := s.BackupRotating(ctx, root, 2)
	// an interrupted backup of an older binary: a timestamped folder, newer
	// than a and b, without a manifest
	interrupted := filepath.Join(root, clock.Add(time.Second).UTC().Format("20060102-150405.000"))
	clock = clock.Add(time.Second)
	os.MkdirAll(interrupted, 0o755)
	os.WriteFile(filepath.Join(interrupted, "members.parquet"), []byte("half"), 0o644)
	c, err := s.BackupRotating(ctx, root, 2)
	if err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]bool{a: false, b: true, interrupted: true, c: true} {
		if _, err := os.Stat(dir); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(dir), err == nil, want)
		}
	}

	// A file is not a backup folder, and is left alone.
	file := filepath.Join(root, "notes.txt")
	os.WriteFile(file, []byte("keep"), 0o644)
	if _, err := s.Backup(ctx, file); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("backup onto a file: %v", err)
	}
	if body, _ := os.ReadFile(file); string(body) != "keep" {
		t.Error("the backup removed a file")
	}

	// A backup that fails leaves neither its folder nor a temporary one.
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	target := filepath.Join(root, "failed")
	if _, err := s.Backup(canceled, target); err == nil {
		t.Fatal("a backup with a canceled context succeeded")
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if e.Name() == "failed" || strings.Contains(e.Name(), "incomplete") {
			t.Errorf("a failed backup left %s", e.Name())
		}
	}
}
