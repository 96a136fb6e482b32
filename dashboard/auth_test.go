package dashboard_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
)

// postLogin posts the login form with an optional existing session cookie.
func postLogin(t *testing.T, app *fiber.App, name, password string, cookies ...string) *http.Response {
	t.Helper()
	form := url.Values{"name": {name}, "password": {password}, "next": {"/goals"}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, _ := send(t, app, req, append([]string{"as=anonymous"}, cookies...)...)
	return resp
}

func sessionFrom(resp *http.Response) string {
	for _, c := range resp.Cookies() {
		if c.Name == "malbild_session" {
			return c.Value
		}
	}
	return ""
}

func TestLoginSetsAFreshHttpOnlySessionAndLogoutEndsIt(t *testing.T) {
	app, _ := newApp(t)
	planted := "malbild_session=planted-by-an-attacker"
	resp := postLogin(t, app, "editor", testPasswords["editor"], planted)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/goals" {
		t.Fatalf("login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	id := sessionFrom(resp)
	if id == "" || id == "planted-by-an-attacker" {
		t.Fatalf("session id %q: a login must issue a new id", id)
	}
	cookie := resp.Header.Get("Set-Cookie")
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(strings.ToLower(cookie), "samesite=lax") {
		t.Errorf("session cookie %q lacks HttpOnly or SameSite=Lax", cookie)
	}
	page, body := get(t, app, "/", "as=anonymous", "malbild_session="+id)
	if page.StatusCode != http.StatusOK || !strings.Contains(body, `class="who">editor<`) {
		t.Fatalf("with the new session: %d", page.StatusCode)
	}
	csrf := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(body)
	req := httptest.NewRequest(http.MethodPost, "/logout", strings.NewReader(url.Values{"_csrf": {csrf[1]}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	out, _ := send(t, app, req, "as=anonymous", "malbild_session="+id)
	if out.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", out.StatusCode)
	}
	if again, _ := get(t, app, "/", "as=anonymous", "malbild_session="+id); again.StatusCode != http.StatusSeeOther {
		t.Errorf("the session outlived the logout: %d", again.StatusCode)
	}
}

func TestLoginFromAnotherSiteIsRefused(t *testing.T) {
	app, _ := newApp(t)
	form := url.Values{"name": {"admin"}, "password": {testPasswords["admin"]}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	if resp, _ := send(t, app, req, "as=anonymous"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site login: %d, want 403", resp.StatusCode)
	}
}

func TestStateChangesNeedTheCSRFToken(t *testing.T) {
	app, _ := newApp(t)
	for _, path := range []string{"/admin/accounts", "/import/undo", "/logout", "/admin/backup"} {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader("name=x&role=viewer"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if resp, body := send(t, app, req, "csrf=none"); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Ladda om sidan") {
			t.Errorf("POST %s without the token: %d, want 403 with a message", path, resp.StatusCode)
		}
		req = httptest.NewRequest(http.MethodPost, path, strings.NewReader("name=x&role=viewer&_csrf=wrong"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if resp, _ := send(t, app, req, "csrf=none"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s with a wrong token: %d, want 403", path, resp.StatusCode)
		}
	}
}

func TestFailedLoginsAreRateLimitedWithoutTellingWhoExists(t *testing.T) {
	app, _ := newApp(t)
	for i := 0; i < 3; i++ {
		if resp := postLogin(t, app, "editor", "wrong password here"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d, want 401", i+1, resp.StatusCode)
		}
	}
	// The next attempt from the same address must wait, even with the
	// right password (the store's clock stands still in tests).
	resp := postLogin(t, app, "editor", testPasswords["editor"])
	if resp.StatusCode != http.StatusTooManyRequests || sessionFrom(resp) != "" || resp.Header.Get("Retry-After") != "2" {
		t.Errorf("after 3 failures: %d, Retry-After %q, want 429, 2 s and no session", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("name=editor&password=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, body := send(t, app, req, "as=anonymous"); !strings.Contains(body, "Vänta 2 sekunder") {
		t.Error("the refusal does not say how long to wait")
	}

	// A wrong password and an unknown name get the same answer.
	fresh, _ := newApp(t)
	problem := regexp.MustCompile(`<p class="problem"[^>]*>([^<]*)<`)
	answer := func(name string) string {
		r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("name="+name+"&password=wrong+password+here"))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, body := send(t, fresh, r, "as=anonymous")
		m := problem.FindStringSubmatch(body)
		if m == nil {
			return resp.Status
		}
		return resp.Status + " " + m[1]
	}
	if known, unknown := answer("viewer"), answer("nobody"); known != unknown {
		t.Errorf("a wrong password answers %q, an unknown name %q: they must not differ", known, unknown)
	}
}

func TestViewerSeesNoPersonalDataAnywhere(t *testing.T) {
	app, s := newDemoApp(t)
	rows, err := s.ListMembers(t.Context(), mustDate("2026-11-22"), analyticsFilterAll())
	if err != nil {
		t.Fatal(err)
	}
	var emails []string
	paths := []string{"/members", "/members?all=1", "/api/metrics", "/api/goals", "/", "/services/1"}
	for i, m := range rows {
		if m.ContactEmail != "" {
			emails = append(emails, m.ContactEmail)
		}
		if i%10 == 0 {
			paths = append(paths, "/members/"+itoa(m.ID))
		}
	}
	if len(emails) < 100 {
		t.Fatalf("the demo has %d contact e-mails", len(emails))
	}
	for _, p := range paths {
		_, body := get(t, app, p, "as=viewer")
		for _, e := range emails {
			if strings.Contains(body, e) {
				t.Errorf("%s shows %s to a viewer", p, e)
				break
			}
		}
	}
}

// Behind a trusted proxy the login limit counts the client in
// X-Forwarded-For, so one client's failures do not lock out the others.
func TestLoginLimitCountsClientsBehindATrustedProxy(t *testing.T) {
	s := analyticstest.New(t)
	accounts.Of(s).CreateAccount(t.Context(), "viewer", "viewer", testPasswords["viewer"])
	app, err := dashboard.New(dashboard.Config{Store: s, Logger: slog.New(slog.DiscardHandler), TrustedProxies: []string{"0.0.0.0"}})
	if err != nil {
		t.Fatal(err)
	}
	try := func(client, password string) int {
		name := "nobody-" + client[strings.LastIndex(client, " ")+1:]
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"name": {name}, "password": {password}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", client)
		resp, _ := send(t, app, req, "as=anonymous")
		return resp.StatusCode
	}
	for i := 0; i < 6; i++ {
		try("10.0.0.1", "wrong password here")
	}
	if got := try("10.0.0.1", "wrong password here"); got != http.StatusTooManyRequests {
		t.Errorf("the failing client: %d, want 429", got)
	}
	if got := try("10.0.0.2", "wrong password here"); got != http.StatusUnauthorized {
		t.Errorf("another client behind the same proxy: %d, want 401 (not locked out)", got)
	}
	// A made-up address in front of the proxy's does not buy new attempts.
	if got := try("203.0.113.9, 10.0.0.1", "wrong password here"); got != http.StatusTooManyRequests {
		t.Errorf("a forged X-Forwarded-For: %d, want 429", got)
	}
}
