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

// `malbild benefits --json` prints what GET /api/benefits answers; without
// --json a table for people; --help says what it does with an example; a
// bad day is a usage error.
func TestBenefitsCLIAgreesWithTheAPI(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %s", errOut.String())
	}
	out.Reset()
	if code := run(ctx, []string{"benefits", "--json", "--db", db, "--asof", "2024-06-30"}, &out, &errOut); code != 0 {
		t.Fatalf("benefits: exit %d: %s", code, errOut.String())
	}
	var fromCLI map[string]any
	if err := json.Unmarshal(out.Bytes(), &fromCLI); err != nil {
		t.Fatalf("no JSON: %v\n%s", err, out.String())
	}
	if n := len(fromCLI["benefits"].([]any)); n != 3 {
		t.Errorf("%d benefits, want the demo's 3", n)
	}

	store, err := analytics.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	app, err := dashboard.New(dashboard.Config{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	accounts.Of(store).CreateAccount(ctx, "api", accounts.RoleViewer, "")
	token, err := accounts.Of(store).NewAPIToken(ctx, "api")
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/api/benefits?asof=2024-06-30", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	var fromAPI map[string]any
	json.Unmarshal(body, &fromAPI)
	if !reflect.DeepEqual(fromAPI, fromCLI) {
		cliJSON, _ := json.Marshal(fromCLI)
		t.Errorf("the API differs from the CLI:\nAPI %s\nCLI %s", body, cliJSON)
	}
	store.Close()

	out.Reset()
	if code := run(ctx, []string{"benefits", "--asof", "2024-06-30", "--db", db}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "Lån per barn") || !strings.Contains(out.String(), "at_risk") {
		t.Errorf("table: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run(ctx, []string{"benefits", "--help"}, &out, &errOut); code != 0 || !strings.Contains(out.String()+errOut.String(), "malbild benefits --asof") {
		t.Errorf("--help: exit %d: %s%s", code, out.String(), errOut.String())
	}
	errOut.Reset()
	if code := run(ctx, []string{"benefits", "--asof", "2024-02-30", "--db", db}, &out, &errOut); code != 2 || errOut.Len() == 0 {
		t.Errorf("a bad day: exit %d, %q", code, errOut.String())
	}
}
