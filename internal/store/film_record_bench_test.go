package store

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"
)

// BenchmarkFilmRecordBig reads the records of films spread over the
// catalog named by MARQUEE_BENCH_DB (the 1 M-title catalog of
// bench/web/uncached.sh), as the film page does: the store's share of an
// uncached film page. Skipped without the variable.
func BenchmarkFilmRecordBig(b *testing.B) {
	path := os.Getenv("MARQUEE_BENCH_DB")
	if path == "" {
		b.Skip("MARQUEE_BENCH_DB is not set")
	}
	ctx := context.Background()
	st, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	maxID, err := st.MaxID(ctx, "films")
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var slugs []string
	for len(slugs) < 4000 {
		lo := r.Int64N(maxID + 1)
		got, err := st.SlugsInRange(ctx, "films", lo, lo+1)
		if err != nil {
			b.Fatal(err)
		}
		slugs = append(slugs, got...)
	}
	opt := FilmRecordOptions{Facts: true, Ratings: true, Dossier: func(int, int64) bool { return true }}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := st.GetFilmRecord(ctx, slugs[i%len(slugs)], opt); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
