package web

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
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
// moves on every request, so every hit is checked against its stamps; a
// standby has no cache.
type pageCache struct {
	watch *store.ChangeWatcher

	mu      sync.RWMutex
	gen     uint64
	pages   map[string]*cachedPage
	bytes   int
	maxSize int
	stamp   stampFunc // nil: any commit empties the cache

	spliceBlock spliceFunc // nil: film pages are always rendered whole
}

type cachedPage struct {
	body     []byte
	etag     string
	modified time.Time
	noIndex  bool

	stamps  stamps        // the database stamps it was rendered under
	checked atomic.Uint64 // the watcher generation they were last found current at

	gzOnce sync.Once // compress once, on the first request that accepts gzip
	gz     []byte

	// A film page's members' block (pagecache_splice.go): the film, and
	// the block's offsets inside the marks (regionEnd 0: none).
	filmID                 int64
	regionStart, regionEnd int
}

// gzipped returns the page compressed, compressing it on first use.
func (p *cachedPage) gzipped() []byte {
	p.gzOnce.Do(func() { p.gz = httpx.Gzip(p.body) })
	return p.gz
}

// cacheSlot rides on the request context from handle to render: the key
// and generation under which a freshly rendered page may be kept.
type cacheSlot struct {
	key    string
	gen    uint64
	stamps stamps
	// pending: the stamps are not read yet; the film page reads them in
	// its record's read transaction and sets them (setSlotStamps). A page
	// whose slot is still pending is not kept.
	pending bool
}

// setSlotStamps gives r's pending slot the stamps its page was read under.
func setSlotStamps(r *http.Request, catalog, film int64) {
	if slot, ok := r.Context().Value(cacheSlotKey{}).(*cacheSlot); ok && slot.pending {
		slot.stamps, slot.pending = stamps{catalog, film}, false
	}
}

type cacheSlotKey struct{}

func newPageCache(w *store.ChangeWatcher, maxBytes int) *pageCache {
	return &pageCache{watch: w, pages: map[string]*cachedPage{}, maxSize: maxBytes}
}

func cacheKey(r *http.Request) string { return r.Host + " " + r.URL.RequestURI() }

// stampFunc returns the database's cache stamps: the catalog's, and the
// member stamp of the film a /films/{slug} page shows ("" for others).
type stampFunc func(ctx context.Context, filmSlug string) (catalog, film int64, err error)

// stamps are the database stamps a page was rendered under.
type stamps struct{ catalog, film int64 }

// filmOfPage names the film whose member data (ratings, reviews) a path
// shows: /films/{slug} only. Every other cached page shows no member data;
// pages that do (profiles, lists, feeds) are per visitor and never cached.
func filmOfPage(path string) string {
	rest, ok := strings.CutPrefix(path, "/films/")
	if !ok || rest == "" || strings.Contains(rest, "/") {
		return ""
	}
	return rest
}

// hit and lookup return the cached page for r if it is still current:
// rendered under the watcher's current generation or, once a commit has
// moved that, under the same database stamps (checked with one indexed read
// and then remembered for the new generation). A member's rating therefore
// costs the cache only that film's page, in every serve process. Otherwise
// lookup returns r with a slot for render to fill.
//
// hit answers from memory alone, with the generation it read (ok false:
// none, so nothing is cached); lookup, given that generation, reads the
// stamps, so only it takes a read connection (handle runs it inside the
// render gate).
func (c *pageCache) hit(r *http.Request) (p *cachedPage, gen uint64, ok bool) {
	gen, err := c.watch.Generation(r.Context())
	if err != nil {
		return nil, 0, false // no generation, no caching
	}
	c.mu.RLock()
	p = c.pages[cacheKey(r)]
	current := c.gen == gen
	c.mu.RUnlock()
	switch {
	case p == nil:
	case c.stamp == nil && current, c.stamp != nil && p.checked.Load() == gen:
		return p, gen, true
	}
	return nil, gen, true
}

// lookup is hit's second step, for a page hit did not find current under
// generation gen.
func (c *pageCache) lookup(r *http.Request, gen uint64) (*cachedPage, *http.Request) {
	key := cacheKey(r)
	c.mu.RLock()
	p := c.pages[key]
	c.mu.RUnlock()
	if c.stamp == nil {
		return nil, r.WithContext(context.WithValue(r.Context(), cacheSlotKey{}, &cacheSlot{key: key, gen: gen}))
	}
	film := filmOfPage(r.URL.Path)
	if p == nil && film != "" {
		// Nothing to compare with: the film page reads the stamps with
		// its record, in the same read transaction, which spares a query
		// on every first visit (the 1 M-title catalog's usual case).
		return nil, r.WithContext(context.WithValue(r.Context(), cacheSlotKey{}, &cacheSlot{key: key, gen: gen, pending: true}))
	}
	// Stamps are read before any rendering, so a page kept under them is
	// never newer than they say; at worst it is re-rendered once more.
	cat, fg, err := c.stamp(r.Context(), film)
	if err != nil {
		return nil, r
	}
	st := stamps{cat, fg}
	if p != nil && p.stamps == st {
		p.checked.Store(gen)
		return p, r
	}
	if q := c.splice(r, p, st, gen); q != nil {
		return q, r
	}
	return nil, r.WithContext(context.WithValue(r.Context(), cacheSlotKey{}, &cacheSlot{key: key, gen: gen, stamps: st}))
}

// keep stores a page rendered for r, if handle gave r a slot.
func (c *pageCache) keep(r *http.Request, p *cachedPage) {
	slot, ok := r.Context().Value(cacheSlotKey{}).(*cacheSlot)
	if !ok || p.noIndex || slot.pending {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stamp != nil {
		p.stamps = slot.stamps
		p.checked.Store(slot.gen)
		if old := c.pages[slot.key]; old != nil {
			if old.stamps.catalog > p.stamps.catalog || old.stamps.film > p.stamps.film {
				return // a newer rendering is already kept
			}
			c.bytes -= len(old.body)
			delete(c.pages, slot.key)
		}
		c.makeRoom(len(p.body))
		c.pages[slot.key] = p
		c.bytes += len(p.body)
		return
	}
	if slot.gen < c.gen {
		return // rendered from data already superseded
	}
	if slot.gen > c.gen {
		c.pages = map[string]*cachedPage{}
		c.bytes = 0
		c.gen = slot.gen
	}
	if old := c.pages[slot.key]; old != nil {
		c.bytes -= len(old.body)
		delete(c.pages, slot.key)
	}
	c.makeRoom(len(p.body))
	c.pages[slot.key] = p
	c.bytes += len(p.body)
}

// makeRoom drops kept pages, in the map's random order, until n more
// bytes fit; c.mu must be held for writing. Dropping only what must go
// keeps the hit rate near the share of the pages in use that fits: when
// they outgrow the bound a little (5,000 film pages of the 1 M-title
// catalog are about 50 MB), emptying the whole cache instead would make
// most requests render their page whole again.
func (c *pageCache) makeRoom(n int) {
	for key, p := range c.pages {
		if c.bytes+n <= c.maxSize {
			return
		}
		delete(c.pages, key)
		c.bytes -= len(p.body)
	}
}
