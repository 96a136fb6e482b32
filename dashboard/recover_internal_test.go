package dashboard

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/analyticstest"
)

// Hole 11: a panic in a handler is the 500 page and a log line with the
// stack, not a dropped connection; the server keeps answering.
func TestPanicIsA500PageAndALogLine(t *testing.T) {
	var logged bytes.Buffer
	cfg := Config{Store: analyticstest.New(t), Logger: slog.New(slog.NewTextHandler(&logged, nil))}
	s, _, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	app := fiber.New(s.fiberConfig(cfg))
	s.install(app, []route{{"GET", "/boom", public, func(*fiber.Ctx) error { panic("the handler's bug") }}})
	for range 2 {
		resp, err := app.Test(httptest.NewRequest("GET", "/boom", nil), -1)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 500 || strings.Contains(string(body), "the handler's bug") || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("a panic: %d, %q", resp.StatusCode, body)
		}
	}
	if !strings.Contains(logged.String(), "the handler's bug") || !strings.Contains(logged.String(), "goroutine") {
		t.Errorf("the panic is not logged with its stack:\n%s", logged.String())
	}
}
