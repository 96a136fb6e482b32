package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Hole 11: a password read from standard input is never echoed.
func TestUserPasswordFromStdinIsNotEchoed(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "u.duckdb")
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"add", "kansliet", "--role", "editor"}, {"passwd", "kansliet"}} {
		out.Reset()
		errOut.Reset()
		stdin = strings.NewReader("a secret typed by the admin\n")
		if code := run(ctx, append([]string{"user", "--db", db}, args...), &out, &errOut); code != 0 {
			t.Fatalf("%v: %d %s", args, code, errOut.String())
		}
		if strings.Contains(out.String()+errOut.String(), "a secret typed") {
			t.Errorf("%v echoes the password: %q", args, out.String())
		}
	}
}
