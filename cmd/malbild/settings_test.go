package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestSettingsCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.duckdb")
	var out, errOut bytes.Buffer
	settings := func(args ...string) int {
		out.Reset()
		errOut.Reset()
		return run(ctx, append([]string{"settings", "--db", db}, args...), &out, &errOut)
	}
	if code := settings("set", "association_name", "Föreningen Sambruk"); code != 0 {
		t.Fatalf("set: %d %s", code, errOut.String())
	}
	if code := settings("get", "association_name"); code != 0 || out.String() != "Föreningen Sambruk\n" {
		t.Errorf("get: %d %q", code, out.String())
	}
	if code := settings(); code != 0 || out.String() != "association_name=Föreningen Sambruk\nbudget_rule_percent=\nbudget_rule_pbb_multiple=\n" {
		t.Errorf("list: %d %q", code, out.String())
	}
	// The budget's rule: a number as the office writes it, stored with a
	// point; anything else refused with exit 2.
	if code := settings("set", "budget_rule_percent", "12,5"); code != 0 {
		t.Errorf("set the percent: %d %s", code, errOut.String())
	}
	if code := settings("get", "budget_rule_percent"); code != 0 || out.String() != "12.5\n" {
		t.Errorf("get the percent: %d %q", code, out.String())
	}
	if code := settings("set", "budget_rule_pbb_multiple", "fyra"); code != 2 || !strings.Contains(errOut.String(), "price base amounts (fyra)") {
		t.Errorf("a bad multiple: exit %d, %q", code, errOut.String())
	}
	if code := settings("get", "colour"); code != 2 {
		t.Errorf("an unknown key: exit %d, want 2 (%s)", code, errOut.String())
	}
	if code := settings("set", "association_name"); code != 2 {
		t.Errorf("set without a value: exit %d, want 2", code)
	}

	// The report carries the setting; --name is only the fallback.
	report := filepath.Join(t.TempDir(), "r.xlsx")
	if code := run(ctx, []string{"export", "report", "--db", db, "--year", "2026", "--name", "Annat", "-o", report}, &out, &errOut); code != 0 {
		t.Fatalf("export: %d %s", code, errOut.String())
	}
	if !hasText(t, report, "Föreningen Sambruk – Årsmötesrapport 2026") {
		t.Error("the report does not carry the association's name from the settings")
	}
}
