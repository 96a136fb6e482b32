package dashboard

import (
	"io"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/locale"
)

// Request bodies are streamed (fiber.Config.StreamRequestBody): the server
// reads no more than a few kilobytes before a route and its login check
// have decided. Each route then reads at most its own bound: formBodyLimit
// for forms, importBodyLimit for the upload, which only an editor reaches
// and only maxConcurrentPreviews at a time.
const (
	formBodyLimit         = 64 << 10
	maxConcurrentPreviews = 2
)

// limitBody reads the request's body, at most limit bytes, before the
// handler; a larger one is refused with 413 without being read.
func limitBody(limit int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		req := c.Request()
		if req.Header.ContentLength() > limit {
			return bodyTooLarge(c, limit)
		}
		if !req.IsBodyStream() {
			return c.Next()
		}
		body, err := io.ReadAll(io.LimitReader(req.BodyStream(), int64(limit)+1))
		if err != nil {
			c.Response().SetConnectionClose()
			return fiber.NewError(http.StatusBadRequest, locale.Text(lang(c), "request.unreadable"))
		}
		if len(body) > limit {
			return bodyTooLarge(c, limit)
		}
		req.SetBodyRaw(body)
		return c.Next()
	}
}

// bodyTooLarge answers 413; the connection closes, since the rest of the
// body was never read.
func bodyTooLarge(c *fiber.Ctx, limit int) error {
	c.Response().SetConnectionClose()
	return fiber.NewError(http.StatusRequestEntityTooLarge, locale.Text(lang(c), "request.toolarge", limit>>10))
}

// closeUnreadBody closes the connection after an answer that left the
// request's body unread (a refused login, an unknown route): the next
// request on it would otherwise be read from the middle of that body.
func closeUnreadBody(c *fiber.Ctx) error {
	err := c.Next()
	if req := c.Request(); req.IsBodyStream() && req.Header.ContentLength() != 0 {
		c.Response().SetConnectionClose()
	}
	return err
}

// previewSlot lets at most maxConcurrentPreviews uploads be read and
// previewed at once; the next one is told to try again shortly.
func (s *Server) previewSlot(c *fiber.Ctx) error {
	select {
	case s.previewSlots <- struct{}{}:
	default:
		c.Set(fiber.HeaderRetryAfter, "30")
		return fiber.NewError(http.StatusServiceUnavailable, locale.Text(lang(c), "import.busy", maxConcurrentPreviews))
	}
	defer func() { <-s.previewSlots }()
	return c.Next()
}
