package dashboard

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"

	"malbild/analytics/accounts"
)

// route is one route of the dashboard with the least role that may use it;
// public routes have the role "".
type route struct {
	method, path, role string
	handler            fiber.Handler
}

const (
	public = ""
	viewer = accounts.RoleViewer
	editor = accounts.RoleEditor
	admin  = accounts.RoleAdmin
)

// routeList is the one list of every route and who may use it. The access
// test walks it, so a route added here without the right role fails there.
func (s *Server) routeList() []route {
	imp := s.importPages()
	routes := []route{
		{"GET", "/healthz", public, s.health},
		{"GET", "/login", public, s.loginForm},
		{"POST", "/login", public, s.login},
		{"POST", "/logout", viewer, s.logout},
		// The accessibility statement is public: whoever cannot log in must
		// be able to read it and learn how to report that.
		{"GET", "/tillganglighet", public, s.accessibility},

		{"GET", "/", viewer, s.overview},
		{"GET", "/goals", viewer, s.goals},
		{"GET", "/members", viewer, s.members},
		{"GET", "/members/:id", viewer, s.member},
		{"GET", "/services", viewer, s.services},
		{"GET", "/services/:id", viewer, s.service},
		{"GET", "/events", viewer, s.events},
		{"GET", "/fees", viewer, s.fees},
		{"GET", "/budget", viewer, s.budget},
		{"GET", "/export", viewer, s.exportForms},
		{"GET", "/api/metrics", viewer, s.apiMetrics},
		{"GET", "/api/goals", viewer, s.apiGoals},
		{"GET", "/api/budget", viewer, s.apiBudget},
		{"GET", "/api/benefits", viewer, s.apiBenefits},
		{"GET", "/benefits", viewer, s.benefits},
		{"GET", "/benefits/:id", viewer, s.benefit},
		{"GET", "/api/approvals", viewer, s.apiApprovals},
		{"GET", "/api/approvals/:year/:version", viewer, s.apiApproval},
		{"GET", "/api/approvals/:year/:version/report.xlsx", viewer, s.approvedWorkbook},

		{"GET", "/members/:id/edit", editor, s.editMemberForm},
		{"POST", "/members/:id/edit", editor, s.editMember},
		{"GET", "/goals/:id/edit", editor, s.editGoalForm},
		{"POST", "/goals/:id/edit", editor, s.editGoal},
		{"POST", "/goals/board-meetings", editor, s.setBoardMeeting},
		{"GET", "/import", editor, imp.form},
		{"POST", "/import", editor, imp.preview},
		{"POST", "/import/commit", editor, imp.commit},
		{"POST", "/import/undo", editor, imp.undo},
		{"POST", "/export/approvals", editor, s.approve},
		{"POST", "/export/approvals/:year/:version/withdraw", admin, s.withdrawApproval},

		{"GET", "/admin", admin, s.admin},
		{"POST", "/admin/accounts", admin, s.addAccount},
		{"POST", "/admin/accounts/:name/password", admin, s.resetPassword},
		{"POST", "/admin/accounts/:name/disabled", admin, s.setDisabled},
		{"POST", "/admin/tokens", admin, s.addToken},
		{"POST", "/admin/tokens/:id/revoke", admin, s.revokeToken},
		{"GET", "/admin/audit", admin, s.auditLog},
		{"POST", "/admin/backup", admin, s.backup},
		{"POST", "/admin/settings", admin, s.saveSettings},
	}
	for _, e := range s.exports() {
		routes = append(routes, route{"GET", e.path, e.role, e.handler})
	}
	return routes
}

// routes installs the middleware and every route of routeList.
func (s *Server) routes(app *fiber.App) { s.install(app, s.routeList()) }

// install puts the middleware in front of routes: static assets need no
// login and are cached; every other answer is not. A route first checks
// its role, then reads its body within its bound, then checks the CSRF
// token. A GET route answers HEAD too.
func (s *Server) install(app *fiber.App, routes []route) {
	app.Use(s.securityHeaders, s.requestLog, s.recoverPanic, closeUnreadBody, s.language)
	app.Get("/static/*", s.assets.serve)
	// Pages and API answers are compressed as they go out (brotli or gzip,
	// as the browser accepts); assets were compressed once at start.
	app.Use(compress.New(compress.Config{Level: compress.LevelDefault}))
	app.Use(noStore, s.identify)
	for _, r := range routes {
		var handlers []fiber.Handler
		if r.role != public {
			handlers = append(handlers, s.require(r.role))
		}
		if isUpload(r) {
			handlers = append(handlers, s.previewSlot, limitBody(importBodyLimit))
		} else {
			handlers = append(handlers, limitBody(formBodyLimit))
		}
		if r.role != public && r.method != fiber.MethodGet {
			handlers = append(handlers, s.checkCSRF)
		}
		if cacheable(r) {
			handlers = append(handlers, s.cachePage)
		}
		handlers = append(handlers, r.handler)
		if r.method == fiber.MethodGet {
			app.Get(r.path, handlers...)
		} else {
			app.Add(r.method, r.path, handlers...)
		}
	}
	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}

// isUpload says whether a route takes a file: only the import's preview.
func isUpload(r route) bool { return r.method == fiber.MethodPost && r.path == "/import" }

// cacheable routes are the reading ones of the board: pages and API
// answers, not downloads (exports are made fresh, and audited; an approved
// workbook goes out with its own headers).
func cacheable(r route) bool {
	return r.method == fiber.MethodGet && r.role == viewer && !strings.HasPrefix(r.path, "/export") && !strings.HasSuffix(r.path, ".xlsx")
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }

// health answers 200 while the database answers.
func (s *Server) health(c *fiber.Ctx) error {
	if err := s.store.Health(c.UserContext()); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable")
	}
	return c.SendString("ok")
}
