package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCacheMakesRoomPageByPage keeps more pages than the bound holds and
// checks the cache drops only as many as it must: a full cache emptied
// whole made most requests of a working set slightly larger than the
// bound render their page again.
func TestCacheMakesRoomPageByPage(t *testing.T) {
	c := &pageCache{pages: map[string]*cachedPage{}, maxSize: 10_000}
	c.stamp = func(context.Context, string) (int64, int64, error) { return 1, 1, nil }
	const pages, size = 25, 1_000
	for i := range pages {
		r := httptest.NewRequest("GET", "/films/f"+strings.Repeat("x", i), nil)
		slot := &cacheSlot{key: cacheKey(r), gen: 1, stamps: stamps{1, 1}}
		r = r.WithContext(context.WithValue(r.Context(), cacheSlotKey{}, slot))
		c.keep(r, &cachedPage{body: make([]byte, size)})
		if c.bytes > c.maxSize {
			t.Fatalf("after page %d: %d bytes kept, bound %d", i+1, c.bytes, c.maxSize)
		}
		sum := 0
		for _, p := range c.pages {
			sum += len(p.body)
		}
		if sum != c.bytes {
			t.Fatalf("after page %d: counted %d bytes, pages hold %d", i+1, c.bytes, sum)
		}
		if want := min(i+1, c.maxSize/size); len(c.pages) != want {
			t.Fatalf("after page %d: %d pages kept, want %d", i+1, len(c.pages), want)
		}
	}
	if _, ok := c.pages[cacheKey(httptest.NewRequest("GET", "/films/f"+strings.Repeat("x", pages-1), nil))]; !ok {
		t.Error("the page just kept was dropped")
	}
}
