package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/accounts"
	"malbild/dashboard"
)

// loginFrom posts a login for name as the client at address, through a
// proxy the app trusts (app.Test's peer is 0.0.0.0).
func loginFrom(t *testing.T, app *fiber.App, address, name, password string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"name": {name}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", address)
	resp, _ := send(t, app, req, "as=anonymous")
	return resp
}

// Hole 6: guesses from one address, in any letter case, slow that address
// down for that account; the owner with the right password from another
// address still gets in at once.
func TestGuessingDoesNotLockTheOwnerOut(t *testing.T) {
	_, app, _ := newServerApp(t, func(c *dashboard.Config) { c.TrustedProxies = []string{"0.0.0.0"} })
	for _, name := range []string{"editor", "EDITOR", "Editor", "eDitor", "editor", "EDITOR"} {
		loginFrom(t, app, "198.51.100.66", name, "wrong password here")
	}
	if resp := loginFrom(t, app, "198.51.100.66", "editor", testPasswords["editor"]); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the guessing address: %d, want 429", resp.StatusCode)
	}
	resp := loginFrom(t, app, "192.0.2.7", "editor", testPasswords["editor"])
	if resp.StatusCode != http.StatusSeeOther || sessionFrom(resp) == "" {
		t.Errorf("the owner from another address: %d, want logged in", resp.StatusCode)
	}
}

// Hole 5: X-Forwarded-For counts only when the peer is the configured
// proxy: a direct client cannot pick its address, neither to dodge the
// limit nor to forge the audit log.
func TestForwardedForIsBelievedOnlyFromTheProxy(t *testing.T) {
	_, app, s := newServerApp(t, func(c *dashboard.Config) { c.TrustedProxies = []string{"192.0.2.250"} })
	for _, forged := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"} {
		loginFrom(t, app, forged, "viewer", "wrong password here")
	}
	if resp := loginFrom(t, app, "10.0.0.5", "viewer", "wrong password here"); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a new forged address buys a new attempt: %d, want 429", resp.StatusCode)
	}
	entries, err := accounts.Of(s).AuditLog(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Action == accounts.AuditLoginFailed && strings.Contains(e.Detail, "10.0.0.") {
			t.Errorf("the audit log believes the header: %q", e.Detail)
		}
	}
}

// Hole 7: a long name is bounded before it reaches the audit log.
func TestLongLoginNamesAreBounded(t *testing.T) {
	app, s := newApp(t)
	name := strings.Repeat("å", 9000)
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"name": {name}, "password": {"wrong password here"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, body := send(t, app, req, "as=anonymous"); resp.StatusCode != http.StatusUnauthorized || strings.Contains(body, strings.Repeat("å", 65)) {
		t.Errorf("a 9 000-character name: %d, want 401 without the whole name", resp.StatusCode)
	}
	entries, err := accounts.Of(s).AuditLog(t.Context(), 1)
	if err != nil || len(entries) != 1 {
		t.Fatal(entries, err)
	}
	if n := len([]rune(entries[0].Actor)); n > accounts.MaxNameLength+1 {
		t.Errorf("the audit log keeps a name of %d characters", n)
	}
}
