package dashboard_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
)

// newServerApp is newApp with a configuration of the test's own and the
// server beside the app: the accounts admin, editor and viewer logged in.
func newServerApp(t *testing.T, configure func(*dashboard.Config)) (*dashboard.Server, *fiber.App, *analytics.Store) {
	t.Helper()
	s := analyticstest.New(t)
	cfg := dashboard.Config{Store: s, Logger: slog.New(slog.DiscardHandler)}
	if configure != nil {
		configure(&cfg)
	}
	srv, app, err := dashboard.NewServerApp(cfg)
	if err != nil {
		t.Fatal(err)
	}
	byRole := map[string]testSession{}
	for role, password := range testPasswords {
		a, _, err := accounts.Of(s).CreateAccount(context.Background(), role, role, password)
		if err != nil {
			t.Fatal(err)
		}
		id, sess, err := accounts.Of(s).NewSession(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		byRole[role] = testSession{id: id, csrf: sess.CSRFToken}
	}
	sessions.Store(app, byRole)
	return srv, app, s
}
