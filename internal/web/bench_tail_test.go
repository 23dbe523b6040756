package web

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"marquee/internal/store"
)

// BenchmarkFilmPageTailBig renders each film of a sample once, in turn,
// the page cache off, from the catalog named by MARQUEE_BENCH_DB, and
// reports the distribution of the time one page takes (p50, p99, max):
// a heavy tail here would be the films themselves, not the server under
// load. With -v it names the slowest films and what they hold.
func BenchmarkFilmPageTailBig(b *testing.B) {
	ctx := context.Background()
	st, slugs := openBenchDB(b, 3000)
	s, err := New(st, discardLog(), Options{NoCache: true, BaseURL: "https://films.example.org"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	type sample struct {
		slug  string
		d     time.Duration
		bytes int
	}
	var all []sample
	for b.Loop() {
		all = all[:0]
		for _, slug := range slugs {
			rec := httptest.NewRecorder()
			start := time.Now()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/films/"+slug, nil))
			d := time.Since(start)
			if rec.Code != 200 {
				b.Fatal(slug, rec.Code)
			}
			all = append(all, sample{slug, d, rec.Body.Len()})
		}
	}
	slices.SortFunc(all, func(x, y sample) int { return int(x.d - y.d) })
	at := func(q float64) float64 { return float64(all[int(q*float64(len(all)-1))].d.Microseconds()) }
	b.ReportMetric(at(0.5), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
	b.ReportMetric(float64(all[len(all)-1].d.Microseconds()), "max-µs")
	for _, x := range all[max(0, len(all)-10):] {
		r, err := st.GetFilmRecord(ctx, x.slug, store.FilmRecordOptions{Facts: true, Ratings: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%8v %7d bytes %4d credits %3d characters has %+v  %s", x.d, x.bytes, len(r.Credits), len(r.Characters), r.Has, x.slug)
	}
}
