package web

import (
	"context"
	"net/http/httptest"
	"runtime/metrics"
	"testing"
)

// goroutinesCreated reads the runtime's count of goroutines created since
// the program started.
func goroutinesCreated() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestFilmPageStartsNoGoroutinePerQuery renders film pages the way
// net/http hands them over, with a request context that can be canceled,
// and checks that the rendering does not start goroutines for its reads:
// database/sql starts one for every transaction and one for every query
// inside it when the context can be canceled, six to eight for a film page
// (see renderRequest and store.readSnapshot). The page cache is off so
// every request reads its film.
func TestFilmPageStartsNoGoroutinePerQuery(t *testing.T) {
	st := newTestStore(t)
	s, err := New(st, discardLog(), Options{NoCache: true, BaseURL: "https://films.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	h := s.Handler()
	const pages = 20
	before := goroutinesCreated()
	for i := range pages {
		ctx, cancel := context.WithCancel(context.Background())
		req := httptest.NewRequest("GET", "/films/red-rocket-2021?n="+itoa(i), nil).WithContext(ctx)
		rec := newRecorder()
		h.ServeHTTP(rec, req)
		cancel()
		if rec.Code != 200 {
			t.Fatalf("page %d: status %d", i, rec.Code)
		}
	}
	// A few goroutines of the runtime or of other parts (the cache's
	// upkeep) may start meanwhile; one per page read would be 20×7.
	if n := goroutinesCreated() - before; n >= pages {
		t.Errorf("%d film pages started %d goroutines, want fewer than one a page", pages, n)
	}
}
