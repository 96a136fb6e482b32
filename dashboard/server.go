// Package dashboard is Målbild's web interface: a Fiber app whose handlers
// render server-side HTML with chart options built by go-echarts, drawn in the
// browser by the embedded ECharts. Nothing is loaded from another host.
package dashboard

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// Config holds what the dashboard depends on.
type Config struct {
	Store  *analytics.Store
	Logger *slog.Logger
	// SecureCookies marks the session cookie Secure even when the server
	// itself sees plain HTTP (behind a TLS-terminating proxy).
	SecureCookies bool
	// BackupDir receives the admin's backups and the automatic backup before
	// every import commit, of which KeepBackups are kept; "" turns both off.
	BackupDir   string
	KeepBackups int
	// TrustedProxies are the addresses of reverse proxies whose
	// X-Forwarded-For names the client: the login limit per address then
	// counts clients, not the proxy.
	TrustedProxies []string
	// Prewarm renders the board's landing pages ahead, after every write
	// and at midnight (prewarm.go); the server command turns it on.
	Prewarm bool
}

// Server holds the dependencies of the handlers.
type Server struct {
	store         *analytics.Store
	log           *slog.Logger
	assets        *assets
	views         *views
	limiter       *loginLimiter
	behindProxy   bool
	secureCookies bool
	cache         *pageCache
	previewSlots  chan struct{}
	backupDir     string
	keepBackups   int
	prewarm       *prewarmer // nil unless Config.Prewarm
}

// New builds the Fiber app with every route of routes.go.
func New(cfg Config) (*fiber.App, error) {
	_, app, err := newServer(cfg)
	return app, err
}

func newServer(cfg Config) (*Server, *fiber.App, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, nil, err
	}
	v, err := loadViews(a)
	if err != nil {
		return nil, nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	s := &Server{store: cfg.Store, log: logger, assets: a, views: v, limiter: newLoginLimiter(func() time.Time { return cfg.Store.Now() }),
		secureCookies: cfg.SecureCookies, behindProxy: len(cfg.TrustedProxies) > 0, cache: newPageCache(), backupDir: cfg.BackupDir, keepBackups: max(cfg.KeepBackups, 1),
		previewSlots: make(chan struct{}, maxConcurrentPreviews)}
	app := fiber.New(s.fiberConfig(cfg))
	s.routes(app)
	if cfg.Prewarm {
		s.startPrewarming(app)
	}
	return s, app, nil
}

// fiberConfig is how the app reads requests: bodies are streamed, so that
// no body is read before its route has checked the login and bounded it
// (bodylimit.go); uploads of the office's spreadsheets are the largest.
func (s *Server) fiberConfig(cfg Config) fiber.Config {
	conf := fiber.Config{
		// Handlers keep query strings beyond the request: no buffer reuse.
		Immutable:                    true,
		BodyLimit:                    importBodyLimit,
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true,
		DisableStartupMessage:        true,
		ErrorHandler:                 s.handleError,
		// A connection that sends nothing (a browser's preconnect) would
		// otherwise hold a graceful shutdown for its whole deadline.
		ReadTimeout: 20 * time.Second,
		IdleTimeout: 20 * time.Second,
	}
	if len(cfg.TrustedProxies) > 0 {
		conf.EnableTrustedProxyCheck, conf.TrustedProxies = true, cfg.TrustedProxies
		conf.ProxyHeader = fiber.HeaderXForwardedFor
	}
	return conf
}

// statusOf maps the domain's error codes to HTTP statuses: the one place the
// dashboard knows how analytics errors look on the wire.
func statusOf(err error) int {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return fe.Code
	}
	switch analytics.ErrorCode(err) {
	case analytics.ENotFound:
		return http.StatusNotFound
	case analytics.EInvalid:
		return http.StatusBadRequest
	case analytics.EConflict:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// handleError renders every error as a page in the layout (or JSON for the
// API); internal errors are logged and shown only as "internal error".
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	s.setSecurityHeaders(c)
	c.Set(fiber.HeaderCacheControl, "no-store")
	status := statusOf(err)
	message := locale.Text(lang(c), "error.internal")
	switch {
	case status == http.StatusNotFound:
		message = locale.Text(lang(c), "error.notfound")
	case status < 500 || status == http.StatusServiceUnavailable:
		message = analytics.ErrorText(lang(c), err)
	default:
		s.log.Error("request failed", "method", c.Method(), "path", c.Path(), "err", err)
	}
	c.Status(status)
	if isAPI(c) {
		return c.JSON(fiber.Map{"error": message})
	}
	return s.render(c, "error", locale.Text(lang(c), "error.title"), errorPage{Status: status, Message: message})
}

type errorPage struct {
	Status  int
	Message string
}
