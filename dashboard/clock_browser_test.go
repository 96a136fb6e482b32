package dashboard_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"malbild/analytics/analyticstest"
)

// The session cookie carries a relative lifetime, so a login works in a real
// browser whatever the server's clock says: the test clock is fixed, the
// browser's runs on. Both far behind and far ahead of the browser's clock.
func TestLoginInTheBrowserWhateverTheServersClock(t *testing.T) {
	for _, skew := range []time.Duration{-3 * 365 * 24 * time.Hour, 3 * 365 * 24 * time.Hour} {
		t.Run(skew.String(), func(t *testing.T) {
			app, s := newDemoApp(t)
			s.Now = func() time.Time { return time.Now().Add(skew) }
			base := serveOnLoopback(t, app)
			ctx, _ := newBrowser(t)
			loginInBrowser(t, ctx, base)
			browse(t, ctx, "open the members page", chromedp.Navigate(base+"/members"), chromedp.WaitVisible(chromedp.CSS("form.logout")))
		})
	}
}

// The cookie says how long it lives (Max-Age), never until when (Expires),
// which a browser reads with its own clock.
func TestSessionCookieHasARelativeLifetime(t *testing.T) {
	app, _ := newDemoApp(t)
	form := url.Values{"name": {"admin"}, "password": {testPasswords["admin"]}}
	resp, _ := postForm(t, app, "/login", form, "as=anonymous", "csrf=none")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", resp.StatusCode)
	}
	var cookie string
	for _, c := range resp.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, "malbild_session=") {
			cookie = c
		}
	}
	if !strings.Contains(strings.ToLower(cookie), "max-age=43200") || strings.Contains(strings.ToLower(cookie), "expires=") {
		t.Errorf("session cookie %q: want Max-Age=43200 and no Expires (the browser's clock is not the server's, fixed at %s)",
			cookie, analyticstest.Today.Format(time.DateOnly))
	}
}
