package search

import (
	"context"
	"os"
	"testing"

	"marquee/internal/store"
)

// BenchmarkScale runs a few typical queries against a large catalog named
// by MARQUEE_SEARCH_BENCH_DB (a copy, already rebuilt: see bench/search,
// which produces the figures in docs/benchmarks.md). Skipped without it.
func BenchmarkScale(b *testing.B) {
	path := os.Getenv("MARQUEE_SEARCH_BENCH_DB")
	if path == "" {
		b.Skip("MARQUEE_SEARCH_BENCH_DB is not set")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	e := New(st)
	if err := e.Warm(ctx); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"the", "s", "noukoom flivou", "quageakaex thakraend", "hith 2024", "taiiul wofael"} {
		b.Run("search/"+q, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Search(ctx, Query{Text: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("suggest/"+q, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Suggest(ctx, q, 8); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
