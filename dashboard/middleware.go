package dashboard

import (
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"
)

// contentSecurityPolicy allows nothing but this server: no inline script or
// style, no other host. Charts get their options from JSON blocks.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", contentSecurityPolicy)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("X-Frame-Options", "DENY")
	return c.Next()
}

// langCookie remembers the language a user switched to, for a year.
const langCookie = "malbild_lang"

// language handles ?lang=sv|en on any page: it remembers the choice in a
// cookie and redirects to the same page without the parameter.
func (s *Server) language(c *fiber.Ctx) error {
	want := c.Query("lang")
	if want != langSv && want != langEn {
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
	if c.Cookies(langCookie) == langEn {
		return langEn
	}
	return langSv
}
