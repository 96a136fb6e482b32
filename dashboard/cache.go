package dashboard

import (
	"bytes"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
)

// pageCache keeps the rendered pages and API answers of the viewer routes,
// keyed by role, language, path, query and today's date, until the next
// write: repeated views cost a map lookup. Every write (import, undo, edit)
// calls written, which starts a new version, so no view is older than the
// data. An answer computed while a write happened is not kept.
type pageCache struct {
	mu      sync.Mutex
	version uint64
	entries map[string]cachedPage
	// building holds a channel per key whose page one request is making;
	// the others wait for it instead of all making it at once after a write.
	building map[string]chan struct{}
}

type cachedPage struct {
	contentType string
	body        []byte // with the user's name and CSRF token taken out
}

// maxCacheEntries bounds memory: past it the cache starts over.
const maxCacheEntries = 2000

func newPageCache() *pageCache {
	return &pageCache{entries: map[string]cachedPage{}, building: map[string]chan struct{}{}}
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
}

// written says the data changed: every cached view is dropped.
func (s *Server) written() { s.cache.clear() }

// Placeholders for what differs between two users of one role; the layout
// writes the name as class="who">NAME< and forms the token as value="TOKEN".
const (
	userSlot = "\x00user\x00"
	csrfSlot = "\x00csrf\x00"
)

// cachePage serves a GET of a viewer route from the cache, or lets the
// handler answer and keeps a successful answer.
func (s *Server) cachePage(c *fiber.Ctx) error {
	u, ok := currentUser(c)
	if !ok {
		return c.Next()
	}
	key := strings.Join([]string{u.Role, lang(c), c.Path(), canonicalQuery(c), s.store.Today().Format("2006-01-02")}, "|")
	who, token := []byte(`class="who">`+u.Name+`<`), []byte(`value="`+u.CSRF+`"`)
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
		body := bytes.ReplaceAll(page.body, []byte(userSlot), who)
		return c.Send(bytes.ReplaceAll(body, []byte(csrfSlot), token))
	}
	if err := c.Next(); err != nil {
		return err
	}
	if c.Response().StatusCode() == fiber.StatusOK {
		body := bytes.ReplaceAll(c.Response().Body(), who, []byte(userSlot))
		if u.CSRF != "" {
			body = bytes.ReplaceAll(body, token, []byte(csrfSlot))
		}
		s.cache.put(key, cachedPage{contentType: string(c.Response().Header.ContentType()), body: body}, version)
	}
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
