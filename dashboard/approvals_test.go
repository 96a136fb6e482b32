package dashboard_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/data/reference"
)

// approvalDetail is the part of GET /api/approvals/{year}/{version} the
// tests read.
type approvalDetail struct {
	Version int                                 `json:"version"`
	SHA256  string                              `json:"sha256"`
	Metrics map[string]struct{ Value *float64 } `json:"metrics"`
	Goals   []map[string]any                    `json:"goals"`
	Members []map[string]any                    `json:"members"`
	Changes []struct {
		Kind, Key string
		Old, New  any
	} `json:"changes"`
}

func detail(t *testing.T, app *fiber.App, year, version int, who string) approvalDetail {
	t.Helper()
	resp, body := get(t, app, fmt.Sprintf("/api/approvals/%d/%d", year, version), "as="+who)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET approval %d/%d: %d %s", year, version, resp.StatusCode, body)
	}
	var d approvalDetail
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return d
}

// newMember is a municipality of the reference data that the demo has not
// got as a member.
func newMember(t *testing.T, s *analytics.Store) reference.Municipality {
	t.Helper()
	for _, m := range reference.Municipalities() {
		var n int
		analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM members WHERE code = ?`, m.Code).Scan(&n)
		if n == 0 {
			return m
		}
	}
	t.Fatal("the demo has every municipality")
	return reference.Municipality{}
}

// importNewMember imports, as the editor does on the import page, a
// municipality the demo has not got that joined on 2023-05-02, with its
// contact person.
func importNewMember(t *testing.T, app *fiber.App, s *analytics.Store) reference.Municipality {
	t.Helper()
	m := newMember(t, s)
	csv := fmt.Sprintf("Namn;Typ;Kommunkod;Län;Invånare;Medlem sedan;Kontaktperson;E-post\n%s;kommun;%s;%s;%d;2023-05-02;Eva Ek;eva.ek@example.se\n",
		m.Name, m.Code, m.CountyCode, m.Population)
	resp, page := upload(t, app, "rättelse.csv", []byte(csv), "as="+accounts.RoleEditor)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("preview: %d %s", resp.StatusCode, page)
	}
	if resp, page := postForm(t, app, "/import/commit", previewFields(t, page), "as="+accounts.RoleEditor); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("commit: %d %s", resp.StatusCode, page)
	}
	return m
}

// The story over HTTP: an editor approves 2023; a correction
// imported afterwards (a municipality that joined in May 2023) leaves the
// snapshot as it was, and the changes list the member count old → new and
// the new member; approving again makes version 2 with the new figures and
// keeps version 1; an editor cannot withdraw, an admin can (marked, kept);
// the workbook downloads byte for byte as its checksum says; a viewer reads
// the approvals, with no personal data in them.
func TestApprovedReportOverHTTP(t *testing.T) {
	app, s := newDemoApp(t)
	ctx := context.Background()
	form := url.Values{"year": {"2023"}, "asof": {"2023-12-31"}, "meeting": {"Årsmöte 2024-04-20 § 7"}, "meeting_date": {"2024-04-20"}}
	if resp, body := postForm(t, app, "/export/approvals", form, "as="+accounts.RoleViewer); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a viewer approved: %d %s", resp.StatusCode, body)
	}
	resp, body := postForm(t, app, "/export/approvals", form, "as="+accounts.RoleEditor)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/export#approvals" {
		t.Fatalf("approve: %d %s %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	v1 := detail(t, app, 2023, 1, accounts.RoleViewer)
	if len(v1.Changes) != 0 || v1.Metrics["members"].Value == nil || len(v1.Goals) == 0 {
		t.Fatalf("version 1 right after approval: %+v", v1)
	}
	members := *v1.Metrics["members"].Value

	// The correction, imported.
	m := importNewMember(t, app, s)
	after := detail(t, app, 2023, 1, accounts.RoleViewer)
	if *after.Metrics["members"].Value != members || after.SHA256 != v1.SHA256 || len(after.Members) != len(v1.Members) {
		t.Fatal("the approved snapshot changed with the data")
	}
	var memberCount, memberRow bool
	for _, c := range after.Changes {
		switch {
		case c.Kind == "metric" && c.Key == "members":
			old, now := c.Old.(map[string]any)["value"].(float64), c.New.(map[string]any)["value"].(float64)
			memberCount = old == members && now == members+1
		case c.Kind == "member" && c.Key == m.Code:
			row, _ := c.New.(map[string]any)
			memberRow = c.Old == nil && row["name"] == m.Name && row["joined"] == "2023-05-02"
		}
	}
	if !memberCount || !memberRow {
		t.Errorf("changes after the correction (count %v, row %v): %+v", memberCount, memberRow, after.Changes)
	}

	form.Set("meeting", "Extra årsmöte 2024-09-01 § 2")
	if resp, body := postForm(t, app, "/export/approvals", form, "as="+accounts.RoleEditor); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve again: %d %s", resp.StatusCode, body)
	}
	v2 := detail(t, app, 2023, 2, accounts.RoleViewer)
	if v2.Version != 2 || *v2.Metrics["members"].Value != members+1 || len(v2.Changes) != 0 {
		t.Errorf("version 2: %v members, %d changes", *v2.Metrics["members"].Value, len(v2.Changes))
	}
	if again := detail(t, app, 2023, 1, accounts.RoleViewer); *again.Metrics["members"].Value != members || again.SHA256 != v1.SHA256 {
		t.Error("approving again changed version 1")
	}

	withdraw := url.Values{"reason": {"Fel möte angivet"}}
	if resp, _ := postForm(t, app, "/export/approvals/2023/2/withdraw", withdraw, "as="+accounts.RoleEditor); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an editor withdrew: %d", resp.StatusCode)
	}
	if a, _ := s.ApprovalOf(ctx, 2023, 2); a.Withdrawn() {
		t.Fatal("an editor's withdrawal was stored")
	}
	if resp, body := postForm(t, app, "/export/approvals/2023/2/withdraw", withdraw, "as="+accounts.RoleAdmin); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("an admin's withdrawal: %d %s", resp.StatusCode, body)
	}
	_, body = get(t, app, "/api/approvals", "as="+accounts.RoleViewer)
	var list struct {
		Approvals []struct {
			Version         int
			Withdrawn       bool
			WithdrawnBy     string `json:"withdrawn_by"`
			WithdrawnReason string `json:"withdrawn_reason"`
			SHA256          string `json:"sha256"`
		}
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Approvals) != 2 ||
		!list.Approvals[0].Withdrawn || list.Approvals[0].WithdrawnBy != accounts.RoleAdmin || list.Approvals[0].WithdrawnReason != "Fel möte angivet" || list.Approvals[1].Withdrawn {
		t.Errorf("approvals after the withdrawal: %v %s", err, body)
	}

	// The workbook, byte for byte.
	resp, book := get(t, app, "/api/approvals/2023/1/report.xlsx", "as="+accounts.RoleViewer)
	sum := sha256.Sum256([]byte(book))
	if resp.StatusCode != http.StatusOK || hex.EncodeToString(sum[:]) != v1.SHA256 {
		t.Errorf("the downloaded workbook (%d, %d bytes) is not the one approved", resp.StatusCode, len(book))
	}
	if got := resp.Header.Get("Content-Type"); got != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Errorf("content type %q", got)
	}
	if got := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(got, `attachment; filename="`) || strings.ContainsAny(got, "\r\n") {
		t.Errorf("content disposition %q", got)
	}
	if got := resp.Header.Get("Repr-Digest"); got != "sha-256=:"+base64.StdEncoding.EncodeToString(sum[:])+":" {
		t.Errorf("Repr-Digest %q", got)
	}

	// No personal data anywhere a viewer reads approvals.
	var names, emails []string
	rows, _ := analyticstest.Handle(s).Query(`SELECT coalesce(contact_name, ''), coalesce(contact_email, '') FROM members WHERE contact_email IS NOT NULL`)
	for rows.Next() {
		var n, e string
		rows.Scan(&n, &e)
		names, emails = append(names, n), append(emails, e)
	}
	rows.Close()
	if len(emails) == 0 {
		t.Fatal("the demo has no contact data to look for")
	}
	for _, path := range []string{"/api/approvals", "/api/approvals/2023/1", "/api/approvals/2023/2", "/export", "/goals?year=2023", "/?asof=2023-12-31"} {
		_, body := get(t, app, path, "as="+accounts.RoleViewer)
		for i := range emails {
			if strings.Contains(body, emails[i]) || (names[i] != "" && strings.Contains(body, names[i])) {
				t.Errorf("%s shows a viewer personal data (%s)", path, emails[i])
				break
			}
		}
	}
	for _, path := range []string{"/api/approvals/2023/3", "/api/approvals/2023/0", "/api/approvals/x/1", "/api/approvals/2023/3/report.xlsx"} {
		if resp, _ := get(t, app, path, "as="+accounts.RoleViewer); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
}

// The goals page and the overview of an approved year show the banner, the
// approved figures beside today's and the changes since approval, in
// Swedish and English; a year without an approval shows none.
func TestGoalsAndOverviewShowTheApproval(t *testing.T) {
	app, s := newDemoApp(t)
	form := url.Values{"year": {"2023"}, "asof": {"2023-12-31"}, "meeting": {"Årsmöte 2024-04-20 § 7"}}
	if resp, body := postForm(t, app, "/export/approvals", form, "as="+accounts.RoleEditor); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", resp.StatusCode, body)
	}
	for _, path := range []string{"/goals?year=2023", "/?asof=2023-12-31"} {
		_, body := get(t, app, path, "as="+accounts.RoleViewer)
		for _, want := range []string{`id="approval"`, "Fastställd årsrapport 2023", "Årsmöte 2024-04-20 § 7", "av editor, version 1", "Inga ändringar", "/api/approvals/2023/1/report.xlsx"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q", path, want)
			}
		}
	}
	m := importNewMember(t, app, s)
	for _, path := range []string{"/goals?year=2023", "/?asof=2023-12-31"} {
		_, body := get(t, app, path, "as="+accounts.RoleViewer, "malbild_lang=en")
		for _, want := range []string{"Approved annual report 2023", "Changes since approval", m.Name + ", Municipality, " + m.Code, "member from 2023-05-02", `class="changed"`} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q", path, want)
			}
		}
	}
	if _, body := get(t, app, "/goals?year=2022", "as="+accounts.RoleViewer); strings.Contains(body, `id="approval"`) {
		t.Error("a year without an approval shows one")
	}
}

// The form's worst values are refused at their field in the page's
// language, with what was written kept, and nothing is stored; so is a
// withdrawal without a reason.
func TestApprovalFormRefusesAtTheField(t *testing.T) {
	app, s := newDemoApp(t)
	ok := url.Values{"year": {"2023"}, "asof": {"2023-12-31"}, "meeting": {"Årsmöte"}}
	for _, c := range []struct {
		field, value, lang, want string
	}{
		{"meeting", "", "", "Möte: skriv något"},
		{"meeting", "Årsmöte\r\n§ 7", "", "Möte: tecken 8 är en radbrytning"},
		{"meeting", "Års\x00möte", "en", "Meeting: character 4 is a line break or another control character"},
		{"meeting", strings.Repeat("x", 40000), "", "Möte: skriv högst 200 tecken."},
		{"year", "tjugo", "", "Verksamhetsår: ”tjugo” går inte att läsa"},
		{"year", "99999", "en", "Plan year: write a year from 1900 to 2999"},
		{"asof", "31/12/2023", "", "Per dag: ”31/12/2023” är inget datum"},
		{"asof", "2022-12-31", "en", "As of: the day 2022-12-31 lies before the year 2023"},
		{"asof", "2099-12-31", "", "Per dag: dagen 2099-12-31 har inte kommit än"},
		{"meeting_date", "i april", "en", "Meeting date: “i april” is not a date"},
	} {
		form := url.Values{}
		for k, v := range ok {
			form[k] = v
		}
		form.Set(c.field, c.value)
		resp, body := postForm(t, app, "/export/approvals", form, "as="+accounts.RoleEditor, "malbild_lang="+c.lang)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s %.20q: %d", c.field, c.value, resp.StatusCode)
			continue
		}
		if !strings.Contains(body, template.HTMLEscapeString(c.want)) {
			t.Errorf("%s %.20q: the page does not say %q", c.field, c.value, c.want)
		}
		if !strings.Contains(body, `id="approval-`+c.field+`" name="`+c.field+`"`) || !strings.Contains(body, `aria-describedby="err-`+c.field+`" autofocus`) {
			t.Errorf("%s: the field is not marked and focused", c.field)
		}
	}
	if list, _ := s.Approvals(context.Background()); len(list) != 0 {
		t.Fatalf("refused forms stored approvals: %+v", list)
	}
	if resp, _ := postForm(t, app, "/export/approvals", ok, "as="+accounts.RoleEditor); resp.StatusCode != http.StatusSeeOther {
		t.Fatal("a good form was refused")
	}
	resp, body := postForm(t, app, "/export/approvals/2023/1/withdraw", url.Values{"reason": {"  "}}, "as="+accounts.RoleAdmin)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Skäl: skriv något") || !strings.Contains(body, `aria-describedby="err-withdraw-2023-1"`) {
		t.Errorf("withdraw without a reason: %d", resp.StatusCode)
	}
	if resp, _ := postForm(t, app, "/export/approvals/2023/9/withdraw", url.Values{"reason": {"x"}}, "as="+accounts.RoleAdmin); resp.StatusCode != http.StatusNotFound {
		t.Errorf("withdraw a missing version: %d", resp.StatusCode)
	}
	if a, _ := s.ApprovalOf(context.Background(), 2023, 1); a.Withdrawn() {
		t.Error("a refused withdrawal was stored")
	}
	log, _ := accounts.Of(s).AuditLog(context.Background(), 5)
	if len(log) == 0 || log[0].Action != accounts.AuditApproval || log[0].Actor != accounts.RoleEditor {
		t.Errorf("audit log: %+v", log)
	}
}
