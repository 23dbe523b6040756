// Command search benchmarks internal/search on a large catalog: suggest,
// search with facets, and, as the baseline in the same run, a bare FTS5
// MATCH ordered by bm25 over the same words. See docs/benchmarks.md.
//
//	go run ./bench/search -db COPY.db [-rebuild] [-rounds 3] [-out DIR]
//
// -rebuild runs search.Rebuild first (store.Open has applied migration
// 0003 on open). Never point it at a shared file: it writes.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"runtime"
	"time"

	"marquee/internal/search"
	"marquee/internal/store"
)

func main() {
	db := flag.String("db", "", "SQLite database (a copy: the benchmark writes)")
	rebuild := flag.Bool("rebuild", false, "rebuild the search index first")
	rounds := flag.Int("rounds", 3, "measured rounds over the query set")
	out := flag.String("out", "", "directory for the per-query timings (JSON)")
	flag.Parse()
	if err := run(context.Background(), *db, *rebuild, *rounds, *out); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, db string, rebuild bool, rounds int, out string) error {
	start := time.Now()
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Printf("open (migrations): %v\n", time.Since(start).Round(time.Millisecond))
	if rebuild {
		before, err := pageBytes(ctx, st)
		if err != nil {
			return err
		}
		start = time.Now()
		if err := search.Rebuild(ctx, st); err != nil {
			return err
		}
		fmt.Printf("rebuild: %v\n", time.Since(start).Round(time.Millisecond))
		after, err := pageBytes(ctx, st)
		if err != nil {
			return err
		}
		fmt.Printf("size: data %.0f MB, search index %.0f MB (%.2f of the data)\n",
			float64(before)/1e6, float64(after-before)/1e6, float64(after-before)/float64(before))
	}
	e := search.New(st)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start = time.Now()
	if err := e.Warm(ctx); err != nil {
		return err
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Printf("warm (vocabulary load): %v, heap +%.0f MB\n", took.Round(time.Millisecond), float64(after.HeapAlloc-before.HeapAlloc)/1e6)
	qs, err := querySet(ctx, st)
	if err != nil {
		return err
	}
	fmt.Printf("queries: %d\n", len(qs))
	return measure(ctx, st, e, qs, rounds, out)
}

// pageBytes is the database's size in pages in use, in bytes.
func pageBytes(ctx context.Context, st *store.Store) (int64, error) {
	var size, pages, free int64
	for q, v := range map[string]*int64{"PRAGMA page_size": &size, "PRAGMA page_count": &pages, "PRAGMA freelist_count": &free} {
		if err := st.DB().QueryRowContext(ctx, q).Scan(v); err != nil {
			return 0, err
		}
	}
	return (pages - free) * size, nil
}
