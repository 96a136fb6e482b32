package dashboard

import (
	"sync"
)

// pageCache keeps computed page data and API answers until the next write:
// repeated views of the same page on the same day cost a map lookup. Every
// write (import, undo, edit) calls written, which empties it, so a view is
// never older than the data.
type pageCache struct {
	mu      sync.Mutex
	entries map[string]any
}

// maxCacheEntries bounds memory: past it the cache starts over.
const maxCacheEntries = 2000

func newPageCache() *pageCache { return &pageCache{entries: map[string]any{}} }

func (pc *pageCache) get(key string) (any, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	v, ok := pc.entries[key]
	return v, ok
}

func (pc *pageCache) put(key string, v any) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if len(pc.entries) >= maxCacheEntries {
		pc.entries = map[string]any{}
	}
	pc.entries[key] = v
}

func (pc *pageCache) clear() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.entries = map[string]any{}
}

// written says the data changed: every cached view is dropped.
func (s *Server) written() { s.cache.clear() }
