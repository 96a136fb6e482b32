package dashboard_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"malbild/analytics/accounts"
)

var secretShown = regexp.MustCompile(`<code class="secret-value">([^<]+)</code>`)

func TestAdminAddsAccountsAndTokensShownOnce(t *testing.T) {
	app, s := newDemoApp(t)
	resp, page := postForm(t, app, "/admin/accounts", url.Values{"name": {"styrelsen"}, "role": {"viewer"}})
	m := secretShown.FindStringSubmatch(page)
	if resp.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("add account: %d, no password shown", resp.StatusCode)
	}
	if login := postLogin(t, app, "styrelsen", m[1]); login.StatusCode != http.StatusSeeOther {
		t.Errorf("the shown password does not log in: %d", login.StatusCode)
	}
	if _, again := get(t, app, "/admin"); strings.Contains(again, m[1]) {
		t.Error("the password is shown a second time")
	}
	if resp, page := postForm(t, app, "/admin/accounts", url.Values{"name": {"styrelsen"}, "role": {"viewer"}}); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "Det finns redan ett konto som heter styrelsen") {
		t.Errorf("a taken name: %d", resp.StatusCode)
	}

	_, page = postForm(t, app, "/admin/tokens", url.Values{"name": {"styrelsen"}})
	token := secretShown.FindStringSubmatch(page)
	if token == nil || !strings.HasPrefix(token[1], "mb_") {
		t.Fatal("no token shown")
	}
	if a, err := accounts.Of(s).AccountByToken(t.Context(), token[1]); err != nil || a.Name != "styrelsen" {
		t.Errorf("the token does not name its account: %v %v", a, err)
	}
	if resp, page := postForm(t, app, "/admin/accounts/admin/disabled", url.Values{"disabled": {"true"}}); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "ditt eget konto") {
		t.Errorf("an admin disabling itself: %d", resp.StatusCode)
	}
	if resp, _ := postForm(t, app, "/admin/accounts/styrelsen/disabled", url.Values{"disabled": {"true"}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("disable: %d", resp.StatusCode)
	}
	if login := postLogin(t, app, "styrelsen", m[1]); login.StatusCode == http.StatusSeeOther {
		t.Error("a disabled account logged in")
	}
	if resp, page := postForm(t, app, "/admin/backup", nil); resp.StatusCode != http.StatusConflict || !strings.Contains(page, "--backups") {
		t.Errorf("backup without a folder: %d", resp.StatusCode)
	}
}

// Every kind of change lands in the audit log, which the admin can read.
func TestAuditLogRecordsEveryKindOfChange(t *testing.T) {
	app, s := newApp(t)
	postLogin(t, app, "editor", testPasswords["editor"])
	postLogin(t, app, "editor", "wrong password here")
	resp, page := upload(t, app, "medlemmar.xlsx", membersWorkbook(t, []any{"Karlstad", "1780", 98084, "2008-04-01"}), "as=editor")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d", resp.StatusCode)
	}
	postForm(t, app, "/import/commit", previewFields(t, page), "as=editor")
	postForm(t, app, "/import/undo", url.Values{"batch": {"1"}}, "as=editor")
	_, page = upload(t, app, "medlemmar.xlsx", membersWorkbook(t, []any{"Karlstad", "1780", 98084, "2008-04-01"}), "as=editor")
	postForm(t, app, "/import/commit", previewFields(t, page), "as=editor")
	members, _ := s.ListMembers(t.Context(), mustDate("2026-11-22"), analyticsFilterAll())
	if len(members) != 1 {
		t.Fatalf("%d members after the second import", len(members))
	}
	postForm(t, app, "/members/"+itoa(members[0].ID)+"/edit", url.Values{"name": {"Karlstad"}, "kind": {"kommun"}, "code": {"1780"}, "joined": {"2008-04-01"}, "population": {"98 100"}}, "as=editor")
	get(t, app, "/export/data.xlsx", "as=editor")
	postForm(t, app, "/admin/accounts", url.Values{"name": {"ny"}, "role": {"viewer"}})

	log, err := accounts.Of(s).AuditLog(t.Context(), 50)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range log {
		seen[e.Action] = true
	}
	for _, action := range []string{"login", "login_failed", "import", "undo", "edit", "export_personal", "account"} {
		if !seen[action] {
			t.Errorf("the audit log has no %s entry: %+v", action, log)
		}
	}
	_, page = get(t, app, "/admin/audit")
	if !strings.Contains(page, "Misslyckad inloggning") || !strings.Contains(page, "Export med personuppgifter") {
		t.Error("the audit page does not show the entries")
	}
}

func TestEditorsCorrectMembersAndGoals(t *testing.T) {
	app, s := newDemoApp(t)
	resp, page := get(t, app, "/members/1/edit", "as=editor")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `name="joined"`) {
		t.Fatalf("edit form: %d", resp.StatusCode)
	}
	m, _ := s.MemberByID(t.Context(), 1)
	form := url.Values{"name": {m.Name}, "kind": {m.Kind}, "code": {m.Code}, "org_number": {m.OrgNumber}, "county": {m.CountyCode},
		"population": {"12 345"}, "joined": {m.JoinedOn.Format("2006-01-02")}, "contact_email": {"ny@kommun.example"}}
	if resp, _ := postForm(t, app, "/members/1/edit", form, "as=editor"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	if got, _ := s.MemberByID(t.Context(), 1); got.Population != 12345 || got.ContactEmail != "ny@kommun.example" {
		t.Errorf("after the edit: %+v", got)
	}
	form.Set("joined", "2008-13-01")
	if resp, page := postForm(t, app, "/members/1/edit", form, "as=editor"); resp.StatusCode != http.StatusBadRequest ||
		!strings.Contains(page, "ÅÅÅÅ-MM-DD") || !strings.Contains(page, `aria-describedby="err-joined"`) {
		t.Errorf("a bad date: %d, want the joined field marked and the format in Swedish", resp.StatusCode)
	}

	goals, _ := s.EvaluateGoals(t.Context(), 2026, mustDate("2026-11-22"))
	var manual, measured int64
	for _, g := range goals {
		if g.Manual {
			manual = g.ID
		} else {
			measured = g.ID
		}
	}
	resp, _ = postForm(t, app, "/goals/"+itoa(manual)+"/edit", url.Values{"status": {"missed"}, "judgement": {"Nätverken har inte träffats."}, "comment": {"Tas upp i december."}}, "as=editor")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("goal edit: %d", resp.StatusCode)
	}
	_, page = get(t, app, "/goals?year=2026", "as=viewer")
	if !strings.Contains(page, "Nätverken har inte träffats.") || !strings.Contains(page, "Tas upp i december.") || !strings.Contains(page, "status-missed") {
		t.Error("the goals page does not show the board's new judgement and the comment")
	}
	if resp, _ := postForm(t, app, "/goals/"+itoa(measured)+"/edit", url.Values{"comment": {"Bra fart."}}, "as=editor"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a comment on a measured goal: %d", resp.StatusCode)
	}
	if resp, _ := postForm(t, app, "/goals/"+itoa(measured)+"/edit", url.Values{"comment": {"x"}}, "as=viewer"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a viewer commenting: %d, want 403", resp.StatusCode)
	}
}
