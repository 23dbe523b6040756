package web

import (
	"context"
	"fmt"
	"sync"

	"marquee/internal/film"
	"marquee/internal/store"
)

// listCountsMax bounds the filters listCounts remembers; past it the
// memory starts again (filters are cheap to count once).
const listCountsMax = 512

// listCounts remembers, per filter, how many films /films selects and its
// facet counts, under the catalog's cache stamp (store.CacheStamp): the
// pages of one filter, each its own URL to the page cache, count the
// filter once. Any catalog commit moves the stamp and empties it. The zero
// value is ready.
type listCounts struct {
	mu      sync.Mutex
	stamp   int64
	entries map[string]listCountsEntry
}

type listCountsEntry struct {
	total  int
	facets []store.Facet // nil until counted
}

// filterKey is a filter's identity for listCounts.
func filterKey(f film.Filter) string { return fmt.Sprintf("%#v", f) }

func (c *listCounts) get(stamp int64, f film.Filter) (listCountsEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stamp != stamp {
		return listCountsEntry{}, false
	}
	e, ok := c.entries[filterKey(f)]
	return e, ok
}

func (c *listCounts) put(stamp int64, f film.Filter, e listCountsEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if stamp < c.stamp {
		return // counted under an older catalog
	}
	if c.stamp != stamp || c.entries == nil || len(c.entries) >= listCountsMax {
		c.stamp, c.entries = stamp, map[string]listCountsEntry{}
	}
	c.entries[filterKey(f)] = e
}

// filmCounts returns the total and facet counts of f, counted once per
// catalog stamp.
func (s *Server) filmCounts(ctx context.Context, f film.Filter) (int, []store.Facet, error) {
	stamp, _, err := s.store.CacheStamp(ctx, "")
	if err != nil {
		return 0, nil, err
	}
	if e, ok := s.counts.get(stamp, f); ok {
		return e.total, e.facets, nil
	}
	total, err := s.store.CountFilms(ctx, f)
	if err != nil {
		return 0, nil, err
	}
	facets, err := s.store.FilmFacets(ctx, f, total, 8)
	if err != nil {
		return 0, nil, err
	}
	s.counts.put(stamp, f, listCountsEntry{total: total, facets: facets})
	return total, facets, nil
}
