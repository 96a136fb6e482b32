package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Targets a browser would take for another site, or that would break out of
// the Location header.
var hostileTargets = []string{
	"/\r\nSet-Cookie: malbild_session=planted",
	"/goals\r\n\r\n<html>second response</html>",
	"/\nX-Injected: 1",
	"//evil.example/",
	"/\\evil.example/",
	"/\t/evil.example/",
	"https://evil.example/",
	"javascript:alert(1)",
	"/%2F%2Fevil.example/",
	"/%2f/evil.example",
	"/%5Cevil.example",
	"/%252F%252Fevil.example",
	"/%0D%0ASet-Cookie:%20x=1",
	" /goals",
	"",
}

// Hole 1: the login's next cannot inject a header or leave the site.
func TestLoginNextStaysALocalPathWithoutHeaderInjection(t *testing.T) {
	app, _ := newApp(t)
	for _, next := range hostileTargets {
		form := url.Values{"name": {"viewer"}, "password": {testPasswords["viewer"]}, "next": {next}}
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, _ := send(t, app, req, "as=anonymous")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Errorf("next=%q: %d to %q, want 303 to /", next, resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp.Header.Get("X-Injected") != "" || strings.Contains(strings.Join(resp.Header.Values("Set-Cookie"), ";"), "planted") {
			t.Errorf("next=%q injected a header: %v", next, resp.Header)
		}
		_, body := get(t, app, "/login?next="+url.QueryEscape(next), "as=anonymous")
		if m := regexp.MustCompile(`name="next" value="([^"]*)"`).FindStringSubmatch(body); m == nil || m[1] != "/" {
			t.Errorf("the login form keeps next=%q as %v", next, m)
		}
	}
	form := url.Values{"name": {"viewer"}, "password": {testPasswords["viewer"]}, "next": {"/goals?year=2025"}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, _ := send(t, app, req, "as=anonymous"); resp.Header.Get("Location") != "/goals?year=2025" {
		t.Errorf("a local next: to %q", resp.Header.Get("Location"))
	}
}

// Hole 1 over a real socket, as the browser sent it: CR LF in next does not
// reach the answer's header.
func TestLoginNextWithCRLFOverTheWire(t *testing.T) {
	app, _ := newApp(t)
	addr := listen(t, app)
	body := "name=viewer&password=" + url.QueryEscape(testPasswords["viewer"]) + "&next=%2F%0D%0ASet-Cookie%3A+malbild_session%3Dplanted"
	resp, _ := rawRequest(t, addr, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: "+itoa(int64(len(body)))+"\r\nConnection: close\r\n\r\n"+body)
	if resp.Header.Get("Location") != "/" {
		t.Errorf("Location %q", resp.Header.Get("Location"))
	}
	for _, c := range resp.Cookies() {
		if c.Value == "planted" {
			t.Error("the answer plants the attacker's session cookie")
		}
	}
}

// Hole 2: the language switch never redirects to another site.
func TestLanguageSwitchStaysOnTheSite(t *testing.T) {
	app, _ := newApp(t)
	addr := listen(t, app)
	for _, path := range []string{"//evil.example/", "/\\evil.example/", "/%2F%2Fevil.example/", "//evil.example/goals", "/%5Cevil.example"} {
		resp, _ := rawRequest(t, addr, "GET "+path+"?lang=en HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
		if loc := resp.Header.Get("Location"); resp.StatusCode == http.StatusSeeOther && loc != "/" {
			t.Errorf("GET %s?lang=en: to %q, want /", path, loc)
		}
	}
	resp, _ := rawRequest(t, addr, "GET /goals?year=2025&lang=en HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if loc := resp.Header.Get("Location"); loc != "/goals?year=2025" {
		t.Errorf("the switch on /goals goes to %q", loc)
	}
}

// Every redirect goes through the one helper that checks its target.
func TestEveryRedirectUsesTheHelper(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "redirect.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), ".Redirect(") {
			t.Errorf("%s redirects without redirect()", f)
		}
	}
}
