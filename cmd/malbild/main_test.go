package main

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFlagsBeforeOrAfterPositionalArguments(t *testing.T) {
	for _, args := range [][]string{
		{"--dry", "a.xlsx", "b.csv"},
		{"a.xlsx", "--dry", "b.csv"},
		{"a.xlsx", "b.csv", "--dry"},
	} {
		fs, db := newFlags("x", "test", "malbild x", &bytes.Buffer{})
		dry := fs.Bool("dry", false, "")
		rest, err := parseFlags(fs, append(args, "--db", "other.duckdb"))
		if err != nil || !*dry || *db != "other.duckdb" || !reflect.DeepEqual(rest, []string{"a.xlsx", "b.csv"}) {
			t.Errorf("%v: rest %v dry %v db %q err %v", args, rest, *dry, *db, err)
		}
	}
}

func TestExitCodes(t *testing.T) {
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"frobnicate"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(ctx, []string{"demo", "--members", "-3", "--db", filepath.Join(t.TempDir(), "x.duckdb")}, &out, &errOut); code != 2 {
		t.Errorf("negative size: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(ctx, []string{"demo", "--bogus"}, &out, &errOut); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
	errOut.Reset()
	if code := run(ctx, []string{"serve", "--help"}, &out, &errOut); code != 0 || !strings.Contains(errOut.String(), "Example:") {
		t.Errorf("--help: exit %d, %q", code, errOut.String())
	}
}

func TestDemoWritesOnceAndRefusesAFullDatabase(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "members") {
		t.Errorf("demo printed %q", out.String())
	}
	errOut.Reset()
	if code := run(ctx, []string{"demo", "--db", db}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "already holds") {
		t.Errorf("second demo: exit %d, %q", code, errOut.String())
	}
}
