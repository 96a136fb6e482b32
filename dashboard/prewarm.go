package dashboard

import (
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// Prewarming. An uncached view computes every figure of its page, tens of
// milliseconds of DuckDB work (README "Issue 18"), and two views are the
// uncached ones people meet: the board member's first of the day (the cache
// is keyed by today's date) and the office's first after an import (every
// write empties the cache). With Config.Prewarm the server renders the
// board's landing pages for today itself, in the background, right after a
// write and just after each midnight in Stockholm, for every role and
// language, so that those views are answered from the cache. A view that
// arrives while its page is being rendered waits for that render
// (pageCache.build) rather than making its own. The cache still keeps only
// what was rendered from the data of its version: a write during a render
// makes pageCache.put drop it, and the next round renders again.

// prewarmPaths are the pages rendered ahead: where the board starts.
var prewarmPaths = []string{"/", "/goals"}

// prewarmKey marks a request the prewarmer made: it is not logged as one.
const prewarmKey = "malbild.prewarm"

// prewarmer runs the rounds, one at a time.
type prewarmer struct {
	wake chan struct{} // a write happened: a round is due (at most one waits)
	stop chan struct{} // closed when the store closes
	done chan struct{} // closed when the rounds have stopped
}

// startPrewarming renders the landing pages now, after every write (written)
// and after every midnight, until the store closes.
func (s *Server) startPrewarming(app *fiber.App) {
	p := &prewarmer{wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	s.prewarm = p
	// The store waits for the render in progress before it closes: a query
	// still running would keep DuckDB from closing its file cleanly.
	var once sync.Once
	s.store.OnClose(func() {
		once.Do(func() { close(p.stop) })
		<-p.done
	})
	handle := app.Handler()
	go func() {
		defer close(p.done)
		for {
			s.prewarmRound(handle)
			timer := time.NewTimer(untilNextDay(s.store.Now()))
			select {
			case <-p.stop:
				timer.Stop()
				return
			case <-p.wake:
			case <-timer.C:
			}
			timer.Stop()
		}
	}()
}

// wakePrewarmer asks for a round after a write; one already waiting covers it.
func (s *Server) wakePrewarmer() {
	if s.prewarm == nil {
		return
	}
	select {
	case s.prewarm.wake <- struct{}{}:
	default:
	}
}

// prewarmRound renders each landing page for each role and language, as a
// GET of a user of that role would, through the app's own middleware and
// cache. The user is set in the request's context values, which only code
// in this process can set; it has no name and no session.
func (s *Server) prewarmRound(handle fasthttp.RequestHandler) {
	start := time.Now()
	for _, role := range []string{accounts.RoleViewer, accounts.RoleEditor, accounts.RoleAdmin} {
		for _, l := range []string{locale.Sv, locale.En} {
			for _, path := range prewarmPaths {
				select {
				case <-s.prewarm.stop:
					return
				default:
				}
				var req fasthttp.RequestCtx
				req.Request.Header.SetMethod(fiber.MethodGet)
				req.Request.SetRequestURI(path)
				req.Request.Header.SetCookie(langCookie, l)
				req.SetUserValue(userKey, user{Role: role})
				req.SetUserValue(prewarmKey, true)
				handle(&req)
				if status := req.Response.StatusCode(); status != fiber.StatusOK {
					s.log.Warn("prewarm: page not rendered", "path", path, "role", role, "lang", l, "status", status)
				}
			}
		}
	}
	s.log.Info("prewarmed the landing pages", "duration_ms", time.Since(start).Milliseconds())
}

// untilNextDay is the time from now to just after the next midnight in
// Stockholm, when the cache's date changes.
func untilNextDay(now time.Time) time.Duration {
	t := now.In(analytics.Stockholm)
	next := time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 1, 0, analytics.Stockholm)
	return next.Sub(now)
}
