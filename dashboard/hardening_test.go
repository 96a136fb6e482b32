package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"malbild/dashboard"
)

// Hole 11: HEAD answers as GET does, without a body.
func TestHeadAnswersLikeGet(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, path := range []string{"/", "/goals", "/members", "/login", "/healthz", "/export"} {
		req := httptest.NewRequest(http.MethodHead, path, nil)
		resp, body := send(t, app, req, "as=viewer")
		if resp.StatusCode != http.StatusOK || body != "" {
			t.Errorf("HEAD %s: %d with %d bytes, want 200 and no body", path, resp.StatusCode, len(body))
		}
	}
	req := httptest.NewRequest(http.MethodHead, "/goals", nil)
	if resp, _ := send(t, app, req, "as=anonymous"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous HEAD /goals: %d, want the login page", resp.StatusCode)
	}
}

// Hole 11: authenticated pages are not kept by browsers or proxies; static
// assets are.
func TestAuthenticatedPagesAreNotStored(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, path := range []string{"/", "/members/1", "/admin", "/api/metrics", "/nowhere"} {
		resp, _ := get(t, app, path, "as=admin")
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", path, got)
		}
	}
}

// Hole 11: with --secure-cookies the site says it is HTTPS only.
func TestHSTSWithSecureCookies(t *testing.T) {
	_, app, _ := newServerApp(t, func(c *dashboard.Config) { c.SecureCookies = true })
	resp, _ := get(t, app, "/login", "as=anonymous")
	if !strings.HasPrefix(resp.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("no HSTS: %q", resp.Header.Get("Strict-Transport-Security"))
	}
	plain, _ := newApp(t)
	if resp, _ := get(t, plain, "/login", "as=anonymous"); resp.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS on a plain-HTTP server that was not told it is behind TLS")
	}
}

// Hole 11: the answers the server gives before any route (431, 400) carry
// the security headers too.
func TestRefusedRequestsCarryTheSecurityHeaders(t *testing.T) {
	app, _ := newApp(t)
	addr := listen(t, app)
	for _, c := range []struct {
		request string
		want    int
	}{
		{"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 8<<10) + "\r\n\r\n", http.StatusRequestHeaderFieldsTooLarge},
		{"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n", http.StatusBadRequest},
	} {
		resp, _ := rawRequest(t, addr, c.request)
		if resp.StatusCode != c.want {
			t.Errorf("%.30q: %d, want %d", c.request, resp.StatusCode, c.want)
		}
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%.30q: %d without %s", c.request, resp.StatusCode, h)
			}
		}
	}
}

// Hole 11: the CSRF token counts only in the form or the header, never in
// the URL.
func TestCSRFTokenInTheQueryStringIsRefused(t *testing.T) {
	app, _ := newApp(t)
	v, _ := sessions.Load(app)
	token := v.(map[string]testSession)["admin"].csrf
	req := httptest.NewRequest(http.MethodPost, "/admin/accounts?_csrf="+token, strings.NewReader("name=x&role=viewer"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, _ := send(t, app, req, "csrf=none"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("token in the URL: %d, want 403", resp.StatusCode)
	}
	req = httptest.NewRequest(http.MethodPost, "/admin/accounts", strings.NewReader("name=x&role=viewer&_csrf="+token))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, _ := send(t, app, req, "csrf=none"); resp.StatusCode != http.StatusOK {
		t.Errorf("token in the form: %d, want 200", resp.StatusCode)
	}
}
