package web

import (
	"context"
	"net/http"
	"sync"
	"time"

	"marquee/internal/httpx"
	"marquee/internal/store"
)

// pageCache keeps rendered pages for as long as the database has not
// changed. Every request first asks the store's ChangeWatcher for the
// current generation (SQLite's data_version, which moves when any
// connection of any process commits); a page rendered under an older
// generation is never served. So the cache cannot serve stale data when
// another process writes the same database. On PostgreSQL the generation
// is the WAL insert position, which every commit moves; a standby has
// none, and there is no cache.
type pageCache struct {
	watch *store.ChangeWatcher

	mu      sync.RWMutex
	gen     uint64
	pages   map[string]*cachedPage
	bytes   int
	maxSize int
}

type cachedPage struct {
	body     []byte
	etag     string
	modified time.Time
	noIndex  bool

	gzOnce sync.Once // compress once, on the first request that accepts gzip
	gz     []byte
}

// gzipped returns the page compressed, compressing it on first use.
func (p *cachedPage) gzipped() []byte {
	p.gzOnce.Do(func() { p.gz = httpx.Gzip(p.body) })
	return p.gz
}

// cacheSlot rides on the request context from handle to render: the key
// and generation under which a freshly rendered page may be kept.
type cacheSlot struct {
	key string
	gen uint64
}

type cacheSlotKey struct{}

func newPageCache(w *store.ChangeWatcher, maxBytes int) *pageCache {
	return &pageCache{watch: w, pages: map[string]*cachedPage{}, maxSize: maxBytes}
}

func cacheKey(r *http.Request) string { return r.Host + " " + r.URL.RequestURI() }

// lookup returns the cached page for r if it was rendered under the
// current generation; otherwise it returns r with a slot for render to
// fill.
func (c *pageCache) lookup(r *http.Request) (*cachedPage, *http.Request) {
	gen, err := c.watch.Generation(r.Context())
	if err != nil {
		return nil, r // no generation, no caching
	}
	key := cacheKey(r)
	c.mu.RLock()
	p := c.pages[key]
	current := c.gen == gen
	c.mu.RUnlock()
	if p != nil && current {
		return p, r
	}
	return nil, r.WithContext(context.WithValue(r.Context(), cacheSlotKey{}, cacheSlot{key: key, gen: gen}))
}

// keep stores a page rendered for r, if handle gave r a slot.
func (c *pageCache) keep(r *http.Request, p *cachedPage) {
	slot, ok := r.Context().Value(cacheSlotKey{}).(cacheSlot)
	if !ok || p.noIndex {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if slot.gen < c.gen {
		return // rendered from data already superseded
	}
	if slot.gen > c.gen || c.bytes+len(p.body) > c.maxSize {
		c.pages = map[string]*cachedPage{}
		c.bytes = 0
		c.gen = slot.gen
	}
	if old := c.pages[slot.key]; old != nil {
		c.bytes -= len(old.body)
	}
	c.pages[slot.key] = p
	c.bytes += len(p.body)
}
