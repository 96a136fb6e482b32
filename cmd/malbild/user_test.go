package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/accounts"
)

func TestUserCommands(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "u.duckdb")
	var out, errOut bytes.Buffer
	userRun := func(input string, args ...string) int {
		out.Reset()
		errOut.Reset()
		stdin = strings.NewReader(input)
		return run(ctx, append([]string{"user", "--db", db}, args...), &out, &errOut)
	}
	if code := userRun("ett långt lösenord\n", "add", "kansliet", "--role", "editor"); code != 0 {
		t.Fatalf("add: %d %s", code, errOut.String())
	}
	if code := userRun("", "add", "styrelsen"); code != 0 || !strings.Contains(out.String(), "shown once") {
		t.Fatalf("add with a generated password: %d %q", code, out.String())
	}
	generated := strings.TrimSpace(out.String()[strings.LastIndex(out.String(), ": ")+2:])
	if code := userRun("kort\n", "add", "x"); code != 2 || !strings.Contains(errOut.String(), "at least 12") {
		t.Errorf("a short password: %d %q", code, errOut.String())
	}
	if code := userRun("", "token", "styrelsen"); code != 0 || !strings.Contains(out.String(), "mb_") {
		t.Errorf("token: %d %q", code, out.String())
	}
	if code := userRun("", "list"); code != 0 || !strings.Contains(out.String(), "kansliet   editor") {
		t.Errorf("list: %d\n%s", code, out.String())
	}
	if code := userRun("", "passwd", "nobody"); code != 1 {
		t.Errorf("passwd of an unknown account: %d", code)
	}
	s, err := analytics.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := accounts.Of(s).Authenticate(ctx, "kansliet", "ett långt lösenord"); err != nil {
		t.Errorf("the password from standard input does not work: %v", err)
	}
	if _, err := accounts.Of(s).Authenticate(ctx, "styrelsen", generated); err != nil {
		t.Errorf("the generated password %q does not work: %v", generated, err)
	}
}
