package analytics_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// demoStore is a store with the demo data and analyticstest's fixed day.
func demoStore(t *testing.T) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	if err := s.Load(context.Background(), demo.Generate(demo.Options{Today: analyticstest.Today})); err != nil {
		t.Fatal(err)
	}
	return s
}

func approve(t *testing.T, s *analytics.Store, year int, asOf, meeting string, book []byte) analytics.Approval {
	t.Helper()
	a, err := s.Approve(context.Background(), analytics.ApprovalRequest{Year: year, AsOf: date(asOf), Meeting: meeting,
		MeetingOn: date("2024-04-20"), By: "kansliet"}, func() ([]byte, error) { return book, nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// storedRow is an approval's whole row as text: what must never change.
func storedRow(t *testing.T, s *analytics.Store, year, version int) string {
	t.Helper()
	var row string
	if err := analyticstest.Handle(s).QueryRow(`SELECT concat_ws('|', as_of, meeting, meeting_on, approved_by, approved_at,
		md5(workbook::VARCHAR), workbook_sha256, metrics, goals, comments, services, members, fee_income)
		FROM approvals WHERE year = ? AND version = ?`, year, version).Scan(&row); err != nil {
		t.Fatal(err)
	}
	return row
}

// Approving stores the snapshot of the year on its day; a later correction
// (a member that joined during the year, imported afterwards) leaves the
// snapshot as it was and shows as changes; approving again makes version 2
// with the new figures and keeps version 1.
func TestApproveFreezesTheYearAndListsLaterChanges(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	book := []byte("the workbook")
	a := approve(t, s, 2023, "2023-12-31", "Årsmöte 2024-04-20 § 7", book)
	sum := sha256.Sum256(book)
	if a.Version != 1 || a.SHA256 != hex.EncodeToString(sum[:]) || a.ApprovedBy != "kansliet" || !a.ApprovedAt.Equal(analyticstest.Today) {
		t.Fatalf("approval = %+v", a)
	}
	r, err := s.ApprovedReportOf(ctx, 2023, 1)
	if err != nil {
		t.Fatal(err)
	}
	live, err := s.LiveSnapshot(ctx, 2023, date("2023-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	if got := analytics.Changes(r.Snapshot, live); len(got) != 0 {
		t.Fatalf("changes right after approval: %+v", got)
	}
	// What was stored reads back in the API's shapes, exactly.
	for name, pair := range map[string][2]any{"metrics": {r.Metrics, live.Metrics}, "goals": {r.Goals, live.Goals}} {
		stored, _ := json.Marshal(pair[0])
		now, _ := json.Marshal(pair[1])
		if string(stored) != string(now) {
			t.Errorf("%s read back:\n%s\nwant\n%s", name, stored, now)
		}
	}
	if len(r.Goals) == 0 || len(r.Members) == 0 || len(r.Services) == 0 || r.FeeIncome == nil {
		t.Fatalf("snapshot lacks content: %d goals, %d members, %d services, fee %v", len(r.Goals), len(r.Members), len(r.Services), r.FeeIncome)
	}
	members, _ := r.Metrics.Get("members")
	if int(*members.Value) != len(r.Members) {
		t.Errorf("members metric %v, member list %d", *members.Value, len(r.Members))
	}
	before := storedRow(t, s, 2023, 1)

	// The correction: a municipality that joined in May 2023.
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, code, county_code, population, joined_on, contact_name, contact_email)
		VALUES ('Testby', 'kommun', '9999', '04', 57000, DATE '2023-05-02', 'Anna Andersson', 'anna@example.se')`)
	if storedRow(t, s, 2023, 1) != before {
		t.Fatal("the approved snapshot changed with the data")
	}
	changes, err := s.ChangesSince(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]analytics.Change{}
	for _, c := range changes {
		byKey[c.Kind+" "+c.Key] = c
	}
	mc, ok := byKey["metric members"]
	if !ok || *mc.Old.(analytics.Value).Value != *members.Value || *mc.New.(analytics.Value).Value != *members.Value+1 {
		t.Errorf("members change = %+v (approved %v)", mc, *members.Value)
	}
	nc, ok := byKey["member 9999"]
	if !ok || nc.Old != nil || nc.New.(analytics.ApprovedMember).Name != "Testby" || nc.New.(analytics.ApprovedMember).Joined != "2023-05-02" {
		t.Errorf("new member row = %+v", nc)
	}
	if _, ok := byKey["metric members_joined"]; !ok {
		t.Errorf("members_joined is not among the changes: %+v", changes)
	}
	body, _ := json.Marshal(analytics.ApprovalDetail{ApprovedReport: r, Changes: changes})
	if strings.Contains(string(body), "anna@example.se") || strings.Contains(string(body), "Anna Andersson") {
		t.Error("the approved report carries personal data")
	}
	if !strings.Contains(string(body), `{"kind":"metric","key":"members","old":{"value":`) {
		t.Errorf("the changes' JSON: %s", body)
	}

	b := approve(t, s, 2023, "2023-12-31", "Extra årsmöte 2024-09-01 § 3", []byte("the corrected workbook"))
	if b.Version != 2 {
		t.Fatalf("second approval is version %d", b.Version)
	}
	if storedRow(t, s, 2023, 1) != before {
		t.Fatal("approving again changed version 1")
	}
	r2, err := s.ApprovedReportOf(ctx, 2023, 2)
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := r2.Metrics.Get("members")
	if *m2.Value != *members.Value+1 {
		t.Errorf("version 2 has %v members, want %v", *m2.Value, *members.Value+1)
	}
	if changes, _ := s.ChangesSince(ctx, r2); len(changes) != 0 {
		t.Errorf("version 2 has changes: %+v", changes)
	}
	list, err := s.Approvals(ctx)
	if err != nil || len(list) != 2 || list[0].Version != 2 || list[1].Version != 1 {
		t.Fatalf("approvals = %+v, %v", list, err)
	}
	in, ok, err := s.InForce(ctx, 2023)
	if err != nil || !ok || in.Version != 2 {
		t.Fatalf("in force = %+v %v %v", in, ok, err)
	}
	_, book1, err := s.ApprovedWorkbook(ctx, 2023, 1)
	if err != nil || string(book1) != "the workbook" {
		t.Fatalf("workbook of version 1 = %q, %v", book1, err)
	}
}

// Withdrawing marks a version and keeps it; the one before is in force
// again. The reason is one bounded line; twice is refused.
func TestWithdrawMarksAndKeeps(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	approve(t, s, 2023, "2023-12-31", "Årsmöte § 7", []byte("v1"))
	approve(t, s, 2023, "2023-12-31", "Årsmöte § 8", []byte("v2"))
	before := storedRow(t, s, 2023, 2)
	for _, reason := range []string{"", " ", "two\r\nlines", "nul\x00", strings.Repeat("x", analytics.MaxWithdrawalReason+1)} {
		_, err := s.Withdraw(ctx, 2023, 2, "admin", reason, nil)
		if analytics.ErrorCode(err) != analytics.EInvalid || analytics.ProblemsOf(err)[0].Field != "reason" {
			t.Errorf("reason %q: %v", reason, err)
		}
	}
	if _, err := s.Withdraw(ctx, 2023, 3, "admin", "fel", nil); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("withdraw a missing version: %v", err)
	}
	a, err := s.Withdraw(ctx, 2023, 2, "admin", "Fel årsmöte angivet", nil)
	if err != nil || !a.Withdrawn() || a.WithdrawnBy != "admin" || a.WithdrawnReason != "Fel årsmöte angivet" {
		t.Fatalf("withdrawn = %+v, %v", a, err)
	}
	if storedRow(t, s, 2023, 2) != before {
		t.Error("withdrawing changed the snapshot")
	}
	if _, err := s.Withdraw(ctx, 2023, 2, "admin", "igen", nil); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("withdraw twice: %v", err)
	}
	in, ok, _ := s.InForce(ctx, 2023)
	if !ok || in.Version != 1 {
		t.Errorf("in force after the withdrawal: %+v %v", in, ok)
	}
	list, _ := s.Approvals(ctx)
	if len(list) != 2 {
		t.Errorf("a withdrawal deleted: %+v", list)
	}
}

// A request's worst values are refused at their field and write nothing; a
// failing workbook writes nothing either.
func TestApproveRefusesBadInputAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	ok := analytics.ApprovalRequest{Year: 2023, AsOf: date("2023-12-31"), Meeting: "Årsmöte", By: "kansliet"}
	for _, c := range []struct {
		field string
		edit  func(*analytics.ApprovalRequest)
	}{
		{"year", func(r *analytics.ApprovalRequest) { r.Year = 99999 }},
		{"asof", func(r *analytics.ApprovalRequest) { r.AsOf = date("2022-12-31") }},
		{"asof", func(r *analytics.ApprovalRequest) { r.AsOf = date("2026-11-23") }},
		{"asof", func(r *analytics.ApprovalRequest) { r.AsOf = time.Time{} }},
		{"meeting", func(r *analytics.ApprovalRequest) { r.Meeting = "" }},
		{"meeting", func(r *analytics.ApprovalRequest) { r.Meeting = "Årsmöte\r\n§ 7" }},
		{"meeting", func(r *analytics.ApprovalRequest) { r.Meeting = "Års\x00möte" }},
		{"meeting", func(r *analytics.ApprovalRequest) { r.Meeting = strings.Repeat("å", 40000) }},
		{"meeting", func(r *analytics.ApprovalRequest) { r.Meeting = "\xff\xfe" }},
	} {
		r := ok
		c.edit(&r)
		_, err := s.Approve(ctx, r, func() ([]byte, error) { return []byte("x"), nil }, nil)
		if analytics.ErrorCode(err) != analytics.EInvalid || analytics.ProblemsOf(err)[0].Field != c.field {
			t.Errorf("%s %+v: %v", c.field, r.Meeting[:min(len(r.Meeting), 20)], err)
		}
	}
	broken := errors.New("disk full")
	if _, err := s.Approve(ctx, ok, func() ([]byte, error) { return nil, broken }, nil); !errors.Is(err, broken) {
		t.Errorf("a failing workbook: %v", err)
	}
	if list, _ := s.Approvals(ctx); len(list) != 0 {
		t.Errorf("refused approvals were stored: %+v", list)
	}
}

// Changes compares within the goal rules' tolerance, pairs rows by identity
// (two active rows of one code each with its own), lists a goal the plan got
// since, and does not count a metric a later Målbild added as a change.
func TestChangesCompareByIdentity(t *testing.T) {
	third := 1.0 / 3
	approved := analytics.Snapshot{
		Metrics: analytics.MetricSet{{Key: "members", Value: analytics.Value{Value: num(10)}}, {Key: "services_per_member", Value: analytics.Value{Value: &third}}},
		Goals:   []analytics.GoalResult{{Key: "g1", Metric: "members", Value: num(10), Status: analytics.StatusMet}},
		Members: []analytics.ApprovedMember{{Name: "A", Code: "0001"}, {Name: "A", Code: "0001", Population: 5}},
	}
	live := analytics.Snapshot{
		Metrics: analytics.MetricSet{{Key: "members", Value: analytics.Value{Value: num(10)}}, {Key: "services_per_member", Value: analytics.Value{Value: num(1 - 2.0/3)}},
			{Key: "budget_deviation", Value: analytics.Value{Value: num(5)}}},
		Goals:   []analytics.GoalResult{{Key: "g1", Metric: "members", Value: num(10), Status: analytics.StatusMet}, {Key: "g2", Metric: "members", Value: num(1), Status: analytics.StatusAtRisk}},
		Members: []analytics.ApprovedMember{{Name: "A", Code: "0001"}, {Name: "A", Code: "0001", Population: 5}},
	}
	got := analytics.Changes(approved, live)
	if len(got) != 2 || got[0].Kind != analytics.ChangeGoalValue || got[0].Key != "g2" || got[0].Old != nil || got[1].Kind != analytics.ChangeGoalStatus {
		t.Errorf("changes = %+v", got)
	}
}
