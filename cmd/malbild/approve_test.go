package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// approve and approvals: approving twice makes versions 1 and 2, listed as
// JSON as the API lists them; bad input is refused with exit 2 and nothing
// written; --help says what the command does with an example.
func TestApproveAndApprovalsCommands(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "a.duckdb")
	var out, errOut bytes.Buffer
	cmd := func(args ...string) int {
		out.Reset()
		errOut.Reset()
		return run(ctx, append(args[:1:1], append([]string{"--db", db}, args[1:]...)...), &out, &errOut)
	}
	if code := cmd("demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut.String())
	}
	if code := cmd("approve", "--year", "2023", "--asof", "2023-12-31", "--meeting", "Årsmöte 2024-04-20 § 7", "--meeting-date", "2024-04-20", "--by", "kansliet"); code != 0 {
		t.Fatalf("approve: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "version 1") || !strings.Contains(out.String(), "sha256 ") {
		t.Errorf("approve says %q", out.String())
	}
	for _, bad := range [][]string{
		{"approve", "--year", "2023", "--asof", "2023-12-31", "--meeting", "Årsmöte\r\n§ 7"},
		{"approve", "--year", "2023", "--asof", "2023-12-31", "--meeting", strings.Repeat("x", 40000)},
		{"approve", "--year", "2023", "--asof", "2022-12-31", "--meeting", "Årsmöte"},
		{"approve", "--year", "2023", "--asof", "31/12/2023", "--meeting", "Årsmöte"},
		{"approve", "--year", "2023", "--meeting", "Årsmöte"},
		{"approve", "--year", "2023", "--asof", "2023-12-31", "--meeting", "Årsmöte", "--lang", "de"},
	} {
		if code := cmd(bad...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", bad[len(bad)-1], code, errOut.String())
		}
	}
	if code := cmd("approve", "--year", "2023", "--asof", "2023-12-31", "--meeting", "Extra årsmöte", "--json"); code != 0 {
		t.Fatalf("approve again: %d %s", code, errOut.String())
	}
	if code := cmd("approvals", "--json"); code != 0 {
		t.Fatalf("approvals: %d %s", code, errOut.String())
	}
	var list struct {
		Approvals []struct {
			Year, Version       int
			Meeting, ApprovedBy string
			SHA256              string  `json:"sha256"`
			MeetingDate         *string `json:"meeting_date"`
			Withdrawn           bool
		} `json:"approvals"`
	}
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if len(list.Approvals) != 2 || list.Approvals[0].Version != 2 || list.Approvals[1].Version != 1 ||
		list.Approvals[1].MeetingDate == nil || *list.Approvals[1].MeetingDate != "2024-04-20" || len(list.Approvals[1].SHA256) != 64 {
		t.Errorf("approvals: %s", out.String())
	}
	if code := cmd("approvals"); code != 0 || !strings.Contains(out.String(), "Årsmöte 2024-04-20 § 7") || !strings.Contains(out.String(), "kansliet") {
		t.Errorf("approvals: %d %s", code, out.String())
	}
	for _, name := range []string{"approve", "approvals"} {
		if code := cmd(name, "--help"); code != 0 || !strings.Contains(errOut.String(), "Example:\n  malbild "+name) {
			t.Errorf("%s --help: %d %s", name, code, errOut.String())
		}
	}
}
