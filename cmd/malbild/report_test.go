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

// The CLI and the API print the same JSON for the same database and day.
func TestMetricsAndGoalsJSONAgreeWithTheAPI(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %s", errOut.String())
	}
	cli := func(args ...string) any {
		out.Reset()
		if code := run(ctx, append(args, "--db", db, "--json"), &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		var v any
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			t.Fatalf("%v printed no JSON: %v", args, err)
		}
		return v
	}
	fromCLI := map[string]any{
		"/api/metrics?asof=2022-06-30":         cli("metrics", "--asof", "2022-06-30"),
		"/api/goals?year=2022&asof=2022-12-31": cli("goals", "--year", "2022", "--asof", "2022-12-31"),
		"/api/goals?year=2023&asof=2023-03-31": cli("goals", "--asof", "2023-03-31", "--year", "2023"),
		"/api/metrics?asof=2026-01-01":         cli("metrics", "--asof", "2026-01-01"),
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
	for path, want := range fromCLI {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		var got any
		json.Unmarshal(body, &got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from the CLI:\nAPI %s\nCLI %v", path, body, want)
		}
	}
}

func TestMetricsAndGoalsRefuseBadInputWithExit2(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "x.duckdb")
	for _, args := range [][]string{
		{"metrics", "--asof", "2023-02-30"},
		{"goals", "--year", "twenty"},
		{"goals", "--asof", "yesterday"},
		{"metrics", "extra"},
	} {
		var out, errOut bytes.Buffer
		code := run(ctx, append(args, "--db", db), &out, &errOut)
		if code != 2 || strings.Contains(errOut.String(), "goroutine") {
			t.Errorf("%v: exit %d, %q; want 2 with a message", args, code, errOut.String())
		}
	}
}

func TestGoalsTableForPeople(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	var out, errOut bytes.Buffer
	run(ctx, []string{"demo", "--db", db}, &out, &errOut)
	out.Reset()
	if code := run(ctx, []string{"goals", "--year", "2022", "--asof", "2022-12-31", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "status") || !strings.Contains(out.String(), "missed") {
		t.Errorf("goals table:\n%s", out.String())
	}
}
