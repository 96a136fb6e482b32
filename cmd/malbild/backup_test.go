package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.duckdb")
	var out, errOut bytes.Buffer
	run(ctx, []string{"demo", "--db", db}, &out, &errOut)
	out.Reset()
	if code := run(ctx, []string{"backup", "--db", db, "-o", filepath.Join(dir, "b")}, &out, &errOut); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, errOut.String())
	}
	if code := run(ctx, []string{"backup", "--db", db, "-o", filepath.Join(dir, "b")}, &out, &errOut); code != 2 {
		t.Errorf("backup into a full folder: exit %d", code)
	}
	out.Reset()
	if code := run(ctx, []string{"restore", filepath.Join(dir, "b"), "--db", filepath.Join(dir, "new.duckdb")}, &out, &errOut); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "restored 152 members") {
		t.Errorf("restore said %q", out.String())
	}
	os.Remove(filepath.Join(dir, "b", "manifest.json"))
	errOut.Reset()
	if code := run(ctx, []string{"restore", filepath.Join(dir, "b"), "--db", db}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "not a Målbild backup") {
		t.Errorf("restore without manifest: exit %d, %q", code, errOut.String())
	}
}
