package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/dashboard"
)

// `malbild budget --json` prints what GET /api/budget answers; the table
// names the frame and its status; bad input exits 2 and --help shows an
// example.
func TestBudgetCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %s", errOut.String())
	}
	out.Reset()
	if code := run(ctx, []string{"budget", "--year", "2024", "--asof", "2024-09-30", "--db", db, "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("budget: exit %d: %s", code, errOut.String())
	}
	var cli map[string]any
	if err := json.Unmarshal(out.Bytes(), &cli); err != nil {
		t.Fatalf("no JSON: %v\n%s", err, out.String())
	}
	for _, key := range []string{"year", "asof", "pbb", "rule", "lines", "total"} {
		if _, ok := cli[key]; !ok {
			t.Errorf("the JSON lacks %q: %s", key, out.String())
		}
	}
	out.Reset()
	if code := run(ctx, []string{"budget", "--db", db, "--asof", "2024-12-31"}, &out, &errOut); code != 0 {
		t.Fatalf("budget table: exit %d: %s", code, errOut.String())
	}
	if table := out.String(); !strings.Contains(table, "Tjänsteförvaltning") || !strings.Contains(table, "report") ||
		!strings.Contains(table, "  Egil") || !strings.Contains(table, "total") {
		t.Errorf("the table:\n%s", table)
	}
	for _, args := range [][]string{{"budget", "--year", "tjugo"}, {"budget", "--asof", "2024-02-30"}, {"budget", "2024"}} {
		errOut.Reset()
		if code := run(ctx, append(args, "--db", db), &out, &errOut); code != 2 {
			t.Errorf("%v: exit %d, %q", args, code, errOut.String())
		}
	}
	errOut.Reset()
	if code := run(ctx, []string{"budget", "--help"}, &out, &errOut); code != 0 || !strings.Contains(errOut.String(), "malbild budget --year") {
		t.Errorf("--help: exit %d, %q", code, errOut.String())
	}

	store, err := analytics.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	app, err := dashboard.New(dashboard.Config{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	accounts.Of(store).CreateAccount(ctx, "api", accounts.RoleViewer, "")
	token, err := accounts.Of(store).NewAPIToken(ctx, "api")
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/api/budget?year=2024&asof=2024-09-30", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	var api map[string]any
	json.Unmarshal(body, &api)
	if !reflect.DeepEqual(api, cli) {
		t.Errorf("the API differs from the CLI:\nAPI %s\nCLI %v", body, cli)
	}
}
