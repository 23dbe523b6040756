package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"

	"marquee/internal/store"
)

// BenchmarkFilmPageUncachedBig renders a different film on every request
// from the catalog named by MARQUEE_BENCH_DB (for example the 1 M-title
// catalog of bench/web/uncached.sh). It is the in-process view of that
// benchmark: CPU and allocations per rendered page, without the network,
// for profiling. "no-cache" runs without the page cache; "first-visit"
// runs with it, as serve does, every URL new (a query string), so each
// page is looked up, rendered and kept, as on the benchmark's requests;
// "as-served" is first-visit with a request context that can be canceled,
// as net/http gives every request (database/sql starts goroutines for a
// read under such a context, see renderRequest). Each reports the
// goroutines started per page. Skipped without the variable.
func BenchmarkFilmPageUncachedBig(b *testing.B) {
	st, slugs := openBenchDB(b, 4000)
	for _, bc := range []struct {
		name     string
		noCache  bool
		canceler bool
	}{{"no-cache", true, false}, {"first-visit", false, false}, {"as-served", false, true}} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := New(st, discardLog(), Options{NoCache: bc.noCache, BaseURL: "https://films.example.org"})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			h := s.Handler()
			b.ReportAllocs()
			i := 0
			created := goroutinesCreated()
			for b.Loop() {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest("GET", "/films/"+slugs[i%len(slugs)]+"?bench="+strconv.Itoa(i), nil)
				cancel := func() {}
				if bc.canceler {
					var ctx context.Context
					ctx, cancel = context.WithCancel(req.Context())
					req = req.WithContext(ctx)
				}
				h.ServeHTTP(rec, req)
				cancel()
				if rec.Code != 200 {
					b.Fatal(slugs[i%len(slugs)], rec.Code)
				}
				i++
			}
			b.ReportMetric(float64(goroutinesCreated()-created)/float64(i), "goroutines/op")
		})
	}
}

// sampleSlugs picks about n film slugs spread over the catalog: runs of
// consecutive ids starting at random points.
func sampleSlugs(ctx context.Context, st *store.Store, n int) ([]string, error) {
	maxID, err := st.MaxID(ctx, "films")
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(1, 2))
	var slugs []string
	for tries := 0; len(slugs) < n && tries < 10*n; tries++ {
		lo := r.Int64N(maxID + 1)
		got, err := st.SlugsInRange(ctx, "films", lo, lo+1)
		if err != nil {
			return nil, fmt.Errorf("sample: %w", err)
		}
		slugs = append(slugs, got...)
	}
	if len(slugs) == 0 {
		return nil, fmt.Errorf("sample: no films")
	}
	return slugs, nil
}

// openBenchDB opens the catalog named by MARQUEE_BENCH_DB (closed when b
// ends) and samples n of its films' slugs; it skips b without the variable.
func openBenchDB(b *testing.B, n int) (*store.Store, []string) {
	path := os.Getenv("MARQUEE_BENCH_DB")
	if path == "" {
		b.Skip("MARQUEE_BENCH_DB is not set")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	slugs, err := sampleSlugs(ctx, st, n)
	if err != nil {
		b.Fatal(err)
	}
	return st, slugs
}
