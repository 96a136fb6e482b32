package dashboard

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// sessionCookie holds the session id; the database keeps only its hash.
const sessionCookie = "malbild_session"

// user is who makes the request: from the session cookie, or from an API
// token (which has no CSRF token and may only read).
type user struct {
	Name, Role string
	CSRF       string
	sessionID  string
}

const userKey = "malbild.user"

// identify finds the request's user, if any: a session cookie, or for the
// API a bearer token. It never refuses; require does.
func (s *Server) identify(c *fiber.Ctx) error {
	ctx := c.UserContext()
	if id := c.Cookies(sessionCookie); id != "" {
		if sess, err := accounts.Of(s.store).SessionByID(ctx, id); err == nil {
			c.Locals(userKey, user{Name: sess.Account.Name, Role: sess.Account.Role, CSRF: sess.CSRFToken, sessionID: id})
			return c.Next()
		}
	}
	if token, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer "); ok && isAPI(c) {
		if a, err := accounts.Of(s.store).AccountByToken(ctx, strings.TrimSpace(token)); err == nil {
			c.Locals(userKey, user{Name: a.Name, Role: a.Role})
		}
	}
	return c.Next()
}

// currentUser is the request's user; ok is false for anonymous requests.
func currentUser(c *fiber.Ctx) (user, bool) {
	u, ok := c.Locals(userKey).(user)
	return u, ok
}

// require lets a request through when its user has at least the role: an
// anonymous page request goes to the login page, an anonymous API request
// gets 401, a user without the role 403. It reads no body.
func (s *Server) require(role string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u, ok := currentUser(c)
		if !ok {
			if isAPI(c) || c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
				return fiber.NewError(http.StatusUnauthorized, locale.Text(lang(c), "auth.required"))
			}
			if next, ok := localPath(c.OriginalURL()); ok {
				return redirect(c, "/login?next="+url.QueryEscape(next))
			}
			return redirect(c, "/login")
		}
		if accounts.RoleRank(u.Role) < accounts.RoleRank(role) {
			return fiber.NewError(http.StatusForbidden, locale.Text(lang(c), "auth.forbidden"))
		}
		return c.Next()
	}
}

// checkCSRF lets a state-changing request through only with the session's
// CSRF token, in the X-CSRF-Token header or the form's _csrf field, never
// in the URL (which ends up in logs, history and Referer headers).
func (s *Server) checkCSRF(c *fiber.Ctx) error {
	u, _ := currentUser(c)
	sent := c.Get("X-CSRF-Token")
	if sent == "" {
		sent = bodyField(c, "_csrf")
	}
	if u.CSRF == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(u.CSRF)) != 1 {
		return fiber.NewError(http.StatusForbidden, locale.Text(lang(c), "auth.csrf"))
	}
	return c.Next()
}

// bodyField is a field of the posted form (URL-encoded or multipart), not
// of the query string.
func bodyField(c *fiber.Ctx, name string) string {
	if strings.HasPrefix(string(c.Request().Header.ContentType()), fiber.MIMEMultipartForm) {
		if form, err := c.MultipartForm(); err == nil && len(form.Value[name]) > 0 {
			return form.Value[name][0]
		}
		return ""
	}
	return string(c.Request().PostArgs().Peek(name))
}

// showPersonal says whether the request may see personal data (contacts):
// editors and admins only. Viewers' pages, API answers and exports are
// built without it, not merely hidden.
func (s *Server) showPersonal(c *fiber.Ctx) bool {
	u, ok := currentUser(c)
	return ok && accounts.RoleRank(u.Role) >= accounts.RoleRank(accounts.RoleEditor)
}

// actor names the user in the audit log and in import batches.
func actor(c *fiber.Ctx) string {
	if u, ok := currentUser(c); ok {
		return u.Name
	}
	return "anonymous"
}
