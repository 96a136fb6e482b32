package approval_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/data/approval"
	"malbild/data/demo"
	"malbild/data/export"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func demoStore(t *testing.T) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	if err := s.Load(context.Background(), demo.Generate(demo.Options{Today: analyticstest.Today})); err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]string{"kansliet": accounts.RoleEditor, "chef": accounts.RoleAdmin} {
		if _, _, err := accounts.Of(s).CreateAccount(context.Background(), name, role, "a long enough password"); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// The approved workbook is the annual meeting report exactly as exported
// from the same data, its checksum is the bytes', and the approval is in the
// audit log; the data export does not carry approvals (they are not data).
func TestApproveStoresTheExportedWorkbookAndAudits(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	r := analytics.ApprovalRequest{Year: 2023, AsOf: day("2023-12-31"), Meeting: "Årsmöte 2024-04-20 § 7", MeetingOn: day("2024-04-20"), By: "kansliet"}
	a, err := approval.Approve(ctx, s, r, "sv")
	if err != nil {
		t.Fatal(err)
	}
	_, book, err := s.ApprovedWorkbook(ctx, 2023, a.Version)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(book)
	if hex.EncodeToString(sum[:]) != a.SHA256 {
		t.Error("the stored checksum is not the workbook's")
	}
	var fresh bytes.Buffer
	if err := export.WriteReport(ctx, s, export.ReportOptions{Year: 2023, AsOf: day("2023-12-31"), Lang: "sv", MadeBy: "kansliet"}, &fresh); err != nil {
		t.Fatal(err)
	}
	// The zip is not byte-stable from one export to the next; its sheets are.
	if got, want := sheetText(t, book), sheetText(t, fresh.Bytes()); got != want {
		t.Errorf("the approved workbook differs from the report exported from the same data:\n%.2000s\nwant\n%.2000s", got, want)
	}
	log, _ := accounts.Of(s).AuditLog(ctx, 10)
	if len(log) == 0 || log[0].Action != accounts.AuditApproval || log[0].Actor != "kansliet" || !strings.Contains(log[0].Detail, "2023 version 1") {
		t.Errorf("audit log: %+v", log)
	}
	var data bytes.Buffer
	if err := export.Data(ctx, s, &data, true); err != nil {
		t.Fatal(err)
	}
	d, err := excelize.OpenReader(&data)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, sheet := range d.GetSheetList() {
		rows, _ := d.GetRows(sheet)
		for _, row := range rows {
			if strings.Contains(strings.Join(row, "|"), "§ 7") {
				t.Errorf("the data export carries the approval on sheet %s", sheet)
			}
		}
	}
}

// Only an admin withdraws: an editor is refused and nothing changes; an
// admin's withdrawal is marked, kept and audited.
func TestOnlyAnAdminWithdraws(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	r := analytics.ApprovalRequest{Year: 2023, AsOf: day("2023-12-31"), Meeting: "Årsmöte § 7", By: "kansliet"}
	if _, err := approval.Approve(ctx, s, r, "en"); err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"kansliet", "nobody"} {
		if _, err := approval.Withdraw(ctx, s, 2023, 1, who, "fel"); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("%s withdrew: %v", who, err)
		}
	}
	if a, _ := s.ApprovalOf(ctx, 2023, 1); a.Withdrawn() {
		t.Fatal("an editor's withdrawal was stored")
	}
	a, err := approval.Withdraw(ctx, s, 2023, 1, "chef", "Fel paragraf")
	if err != nil || !a.Withdrawn() || a.WithdrawnBy != "chef" {
		t.Fatalf("admin's withdrawal: %+v %v", a, err)
	}
	if list, _ := s.Approvals(ctx); len(list) != 1 || !list[0].Withdrawn() {
		t.Errorf("after the withdrawal: %+v", list)
	}
	log, _ := accounts.Of(s).AuditLog(ctx, 10)
	if len(log) == 0 || log[0].Action != accounts.AuditWithdrawal || log[0].Actor != "chef" || !strings.Contains(log[0].Detail, "Fel paragraf") {
		t.Errorf("audit log: %+v", log)
	}
}

// sheetText is every cell of every sheet of a workbook, as text.
func sheetText(t *testing.T, book []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		b.WriteString(sheet + "\n")
		for _, row := range rows {
			b.WriteString(strings.Join(row, "|") + "\n")
		}
	}
	return b.String()
}
