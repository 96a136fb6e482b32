package dashboard_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
	"malbild/data/demo"
)

// Every test app has an account per role, logged in. Requests go as the
// admin unless a pseudo-cookie "as=viewer", "as=editor" or "as=anonymous"
// says otherwise; state-changing requests carry the session's CSRF token
// unless "csrf=none" says not to.
var testPasswords = map[string]string{
	accounts.RoleAdmin:  "test-admin-password",
	accounts.RoleEditor: "test-editor-password",
	accounts.RoleViewer: "test-viewer-password",
}

type testSession struct{ id, csrf string }

var sessions sync.Map // *fiber.App → map[role]testSession

// newApp serves a fresh store holding the rows the statements insert, with
// the accounts admin, editor and viewer logged in.
func newApp(t *testing.T, statements ...string) (*fiber.App, *analytics.Store) {
	t.Helper()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, statements...)
	app, err := dashboard.New(dashboard.Config{Store: s, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	byRole := map[string]testSession{}
	for role, password := range testPasswords {
		a, _, err := accounts.Of(s).CreateAccount(ctx, role, role, password)
		if err != nil {
			t.Fatal(err)
		}
		id, sess, err := accounts.Of(s).NewSession(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		byRole[role] = testSession{id: id, csrf: sess.CSRFToken}
	}
	sessions.Store(app, byRole)
	return app, s
}

// newDemoApp serves a fresh store holding the demo data.
func newDemoApp(t *testing.T) (*fiber.App, *analytics.Store) {
	t.Helper()
	app, s := newApp(t)
	if err := s.Load(context.Background(), demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	return app, s
}

// get requests path with the cookies given as "name=value" and returns the
// response with its body read.
func get(t *testing.T, app *fiber.App, path string, cookies ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Encoding", "identity")
	return send(t, app, req, cookies...)
}

// send makes the request as the test's user (see testPasswords) and reads
// the answer.
func send(t *testing.T, app *fiber.App, req *http.Request, cookies ...string) (*http.Response, string) {
	t.Helper()
	role, csrf := accounts.RoleAdmin, true
	for _, c := range cookies {
		switch {
		case strings.HasPrefix(c, "as="):
			role = strings.TrimPrefix(c, "as=")
		case c == "csrf=none":
			csrf = false
		default:
			req.Header.Add("Cookie", c)
		}
	}
	if v, ok := sessions.Load(app); ok {
		if sess, ok := v.(map[string]testSession)[role]; ok {
			req.Header.Add("Cookie", "malbild_session="+sess.id)
			if csrf && req.Method != http.MethodGet {
				req.Header.Set("X-CSRF-Token", sess.csrf)
			}
		}
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

func mustDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func analyticsFilterAll() analytics.MemberFilter { return analytics.MemberFilter{All: true} }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// chartJSON is the JSON a page gives its chart with the id (options, links,
// map), failing the test when the page has no such chart.
func chartJSON(t *testing.T, body, id string) string {
	t.Helper()
	m := regexp.MustCompile(`data-chart-for="` + regexp.QuoteMeta(id) + `">([^<]*)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no chart %s", id)
	}
	return m[1]
}
