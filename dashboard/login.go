package dashboard

import (
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

type loginPage struct {
	Next    string
	Name    string
	Message string
}

func (s *Server) loginForm(c *fiber.Ctx) error {
	return s.render(c, "login", locale.Text(lang(c), "login.title"), loginPage{Next: safeNext(c.Query("next"))})
}

// login checks the name and password, slowed down per account and address
// (ratelimit.go) with one message for every failure, and starts a new
// session (a new id at every login, so a planted id is worthless). The name
// is bounded before it reaches the limiter or the audit log.
func (s *Server) login(c *fiber.Ctx) error {
	ctx := c.UserContext()
	name, password := accounts.BoundName(strings.TrimSpace(c.FormValue("name"))), c.FormValue("password")
	data := loginPage{Next: safeNext(c.FormValue("next")), Name: name}
	if !sameOrigin(c) {
		return fiber.NewError(fiber.StatusForbidden, locale.Text(lang(c), "auth.csrf"))
	}
	address := s.clientAddress(c)
	pairKey, addressKey := loginKeys(strings.ToLower(name), address)
	if wait := s.limiter.wait(pairKey, addressKey); wait > 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(wait.Round(time.Second).Seconds())))
		c.Status(fiber.StatusTooManyRequests)
		data.Message = locale.Text(lang(c), "login.blocked", duration(lang(c), wait))
		return s.render(c, "login", locale.Text(lang(c), "login.title"), data)
	}
	a, err := accounts.Of(s.store).Authenticate(ctx, name, password)
	if err != nil {
		if analytics.ErrorCode(err) != analytics.EInvalid {
			return err
		}
		s.limiter.fail(pairKey, addressKey)
		s.audit(c, name, accounts.AuditLoginFailed, "from "+address)
		c.Status(fiber.StatusUnauthorized)
		data.Message = locale.Text(lang(c), "login.failed")
		return s.render(c, "login", locale.Text(lang(c), "login.title"), data)
	}
	s.limiter.succeed(pairKey)
	if old := c.Cookies(sessionCookie); old != "" {
		accounts.Of(s.store).EndSession(ctx, old)
	}
	id, _, err := accounts.Of(s.store).NewSession(ctx, a)
	if err != nil {
		return err
	}
	// A relative lifetime (Max-Age, no Expires): the browser's clock need not
	// agree with the server's, whose own (injected) clock still decides expiry.
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: id, Path: "/", MaxAge: int(accounts.SessionLifetime.Seconds()),
		HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: s.secureCookies || c.Protocol() == "https"})
	s.audit(c, a.Name, accounts.AuditLogin, "from "+address)
	return redirect(c, data.Next)
}

// logout ends the session and forgets the cookie.
func (s *Server) logout(c *fiber.Ctx) error {
	u, _ := currentUser(c)
	if err := accounts.Of(s.store).EndSession(c.UserContext(), u.sessionID); err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1,
		HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
	s.audit(c, u.Name, accounts.AuditLogout, "")
	return redirect(c, "/login")
}

// safeNext keeps a redirect after login on this site: a local path (see
// localPath), else the overview.
func safeNext(next string) string {
	if safe, ok := localPath(next); ok {
		return safe
	}
	return "/"
}

// sameOrigin refuses a login form posted from another site (login CSRF):
// a browser sends Origin with every POST.
func sameOrigin(c *fiber.Ctx) bool {
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" || origin == "null" {
		return origin == ""
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == c.Hostname()
}

// audit records an action; a failure to record is logged, not shown, since
// the action itself has happened.
func (s *Server) audit(c *fiber.Ctx, who, action, detail string) {
	if err := accounts.Of(s.store).Audit(c.UserContext(), who, action, detail); err != nil {
		s.log.Error("audit log", "action", action, "err", err)
	}
}

// clientAddress is who sent the request: the connection's peer, unless the
// peer is a configured proxy (--trusted-proxy); then the last address of
// X-Forwarded-For, the one that proxy added (the ones before it are the
// client's word and can be made up). A header from any other peer is the
// client's word too and is ignored.
func (s *Server) clientAddress(c *fiber.Ctx) string {
	peer := c.Context().RemoteIP().String()
	if !s.behindProxy || !c.IsProxyTrusted() {
		return peer
	}
	if ips := c.IPs(); len(ips) > 0 {
		if ip := net.ParseIP(strings.TrimSpace(ips[len(ips)-1])); ip != nil {
			return ip.String()
		}
	}
	return peer
}

// duration says how long to wait in words: seconds under a minute, else
// whole minutes, rounded up.
func duration(l string, d time.Duration) string {
	if d < time.Minute {
		return locale.Text(l, "duration.seconds", int((d+time.Second-1)/time.Second))
	}
	return locale.Text(l, "duration.minutes", int((d+time.Minute-1)/time.Minute))
}
