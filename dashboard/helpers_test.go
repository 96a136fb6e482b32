package dashboard_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
	"malbild/data/demo"
)

// newApp serves a fresh store holding the rows the statements insert.
func newApp(t *testing.T, statements ...string) (*fiber.App, *analytics.Store) {
	t.Helper()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, statements...)
	app, err := dashboard.New(dashboard.Config{Store: s})
	if err != nil {
		t.Fatal(err)
	}
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
	for _, c := range cookies {
		req.Header.Add("Cookie", c)
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}
