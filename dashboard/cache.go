package dashboard

import (
	"bytes"
	"html/template"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
)

// pageCache keeps the rendered pages and API answers of the viewer routes,
// keyed by role, language, path, query and today's date, until the next
// write: repeated views cost a map lookup. Every write (import, undo, edit)
// calls written, which starts a new version, so no view is older than the
// data. An answer computed while a write happened is not kept. Beside the
// pages it keeps the version's metric values on days (analytics.DayCache), so
// that a view on an as-of day no view had before computes only the days that
// no view has needed yet.
type pageCache struct {
	mu      sync.Mutex
	version uint64
	entries map[string]cachedPage
	days    *analytics.DayCache
	// building holds a channel per key whose page one request is making;
	// the others wait for it instead of all making it at once after a write.
	building map[string]chan struct{}
}

type cachedPage struct {
	contentType string
	body        []byte // rendered for no one: slots where the user's name and token go
}

// maxCacheEntries bounds memory: past it the cache starts over.
const maxCacheEntries = 2000

func newPageCache() *pageCache {
	return &pageCache{entries: map[string]cachedPage{}, days: analytics.NewDayCache(), building: map[string]chan struct{}{}}
}

// build says whether this request makes the page of key (then done must be
// called), or waits until the request that makes it has finished.
func (pc *pageCache) build(key string) (done func(), leader bool) {
	pc.mu.Lock()
	if ch, ok := pc.building[key]; ok {
		pc.mu.Unlock()
		<-ch
		return nil, false
	}
	ch := make(chan struct{})
	pc.building[key] = ch
	pc.mu.Unlock()
	return func() {
		pc.mu.Lock()
		delete(pc.building, key)
		pc.mu.Unlock()
		close(ch)
	}, true
}

func (pc *pageCache) get(key string) (cachedPage, uint64, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	p, ok := pc.entries[key]
	return p, pc.version, ok
}

// dayCache is the metric values of version, or a new cache of the request's
// own when a write has started another version since.
func (pc *pageCache) dayCache(version uint64) *analytics.DayCache {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if version != pc.version {
		return analytics.NewDayCache()
	}
	return pc.days
}

func (pc *pageCache) put(key string, p cachedPage, version uint64) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if version != pc.version {
		return
	}
	if len(pc.entries) >= maxCacheEntries {
		pc.entries = map[string]cachedPage{}
	}
	pc.entries[key] = p
}

func (pc *pageCache) clear() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.version++
	pc.entries = map[string]cachedPage{}
	pc.days = analytics.NewDayCache()
}

// written says the data changed: every cached view is dropped, and the
// landing pages are rendered again ahead (prewarm.go).
func (s *Server) written() {
	s.cache.clear()
	s.wakePrewarmer()
}

// The slots a page is rendered with for the cache, in place of what differs
// between two users of one role: the name and the CSRF token. Each process
// draws its own, so no stored text can contain one by chance or design;
// they are letters, digits and underscores, which no template escapes.
var (
	userSlot = "slot" + strings.ReplaceAll(accounts.NewSecret(16), "-", "")
	csrfSlot = "slot" + strings.ReplaceAll(accounts.NewSecret(16), "-", "")
)

// fillSlots puts the user's own name and token into a page rendered for
// the cache, escaped as the templates escape them.
func fillSlots(body []byte, u user) []byte {
	body = bytes.ReplaceAll(body, []byte(userSlot), []byte(template.HTMLEscapeString(u.Name)))
	return bytes.ReplaceAll(body, []byte(csrfSlot), []byte(template.HTMLEscapeString(u.CSRF)))
}

// cachePage serves a GET of a viewer route from the cache, or lets the
// handler render the page for no one in particular, keeps a successful
// answer, and fills in the user's own bits. What the cache holds never
// depends on who asked first.
func (s *Server) cachePage(c *fiber.Ctx) error {
	u, ok := currentUser(c)
	if !ok {
		return c.Next()
	}
	key := strings.Join([]string{u.Role, lang(c), c.Path(), canonicalQuery(c), s.store.Today().Format("2006-01-02")}, "|")
	page, version, hit := s.cache.get(key)
	if !hit {
		done, leader := s.cache.build(key)
		if leader {
			defer done()
		} else {
			page, version, hit = s.cache.get(key)
		}
	}
	if hit {
		c.Set(fiber.HeaderContentType, page.contentType)
		return c.Send(fillSlots(page.body, u))
	}
	// The handler renders for a user of the role with no name and no token
	// of their own (cacheable routes are GETs that record nothing); an error
	// page is rendered after, for the user.
	c.Locals(userKey, user{Name: userSlot, Role: u.Role, CSRF: csrfSlot})
	c.SetUserContext(analytics.WithDayCache(c.UserContext(), s.cache.dayCache(version)))
	err := c.Next()
	c.Locals(userKey, u)
	if err != nil {
		return err
	}
	body := c.Response().Body()
	if c.Response().StatusCode() == fiber.StatusOK && c.Method() == fiber.MethodGet {
		s.cache.put(key, cachedPage{contentType: string(c.Response().Header.ContentType()), body: bytes.Clone(body)}, version)
	}
	c.Response().SetBody(fillSlots(body, u))
	return nil
}

// canonicalQuery is the query with its parameters in order, so that
// ?a=1&b=2 and ?b=2&a=1 share an entry.
func canonicalQuery(c *fiber.Ctx) string {
	q, _ := url.ParseQuery(string(c.Request().URI().QueryString()))
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(strings.Join(q[k], ",")) + "&")
	}
	return b.String()
}
