package dashboard

import (
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/locale"
)

// contentSecurityPolicy allows nothing but this server: no inline script or
// style, no other host. Charts get their options from JSON blocks.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders go on every answer, error pages included.
func (s *Server) securityHeaders(c *fiber.Ctx) error {
	s.setSecurityHeaders(c)
	return c.Next()
}

// setSecurityHeaders also serves the error handler, which answers requests
// the server refused before any middleware ran (431, 413, 400). HSTS is sent
// when the operator says the site is served over TLS (--secure-cookies) or
// the request came over TLS.
func (s *Server) setSecurityHeaders(c *fiber.Ctx) {
	c.Set("Content-Security-Policy", contentSecurityPolicy)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("X-Frame-Options", "DENY")
	if s.secureCookies || c.Protocol() == "https" {
		c.Set(fiber.HeaderStrictTransportSecurity, "max-age=31536000")
	}
}

// noStore keeps every page but the static assets out of browser and proxy
// caches: a member page holds contacts, and a shared computer keeps what
// it cached after the logout.
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

// recoverPanic turns a panic in a handler into the 500 page; the panic and
// its stack go to the log, not to the user.
func (s *Server) recoverPanic(c *fiber.Ctx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic", "method", c.Method(), "route", c.Route().Path, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = errPanic
		}
	}()
	return c.Next()
}

var errPanic = errors.New("handler panicked")

// langCookie remembers the language a user switched to, for a year.
const langCookie = "malbild_lang"

// language handles ?lang=sv|en on any page: it remembers the choice in a
// cookie and redirects to the same page without the parameter.
func (s *Server) language(c *fiber.Ctx) error {
	want := c.Query("lang")
	if want != locale.Sv && want != locale.En {
		return c.Next()
	}
	c.Cookie(&fiber.Cookie{Name: langCookie, Value: want, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
	q, _ := url.ParseQuery(string(c.Request().URI().QueryString()))
	q.Del("lang")
	target := c.Path()
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	return redirect(c, target)
}

// lang is the language of the request: the remembered choice, else Swedish.
func lang(c *fiber.Ctx) string {
	if c.Cookies(langCookie) == locale.En {
		return locale.En
	}
	return locale.Sv
}
