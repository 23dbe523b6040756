package catalog

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"marquee/internal/store"
)

// benchMovies is how many movies each round of BenchmarkMovieLensMovies
// imports. Every one is new to the catalog, whatever its size, so each
// size does the same work: the IMDb id of its link is looked up, then its
// title and year (±1) and alternative titles, then it is created; a third
// carry an alternative title in parentheses, as ml-latest's movies.csv.
const benchMovies = 2000

// BenchmarkMovieLensMovies measures the movies.csv phase of a MovieLens
// import per movie into catalogs of 0, 100 k and 1 M films: the cost per
// movie must not grow with the catalog. ns/movie is the phase's time (from
// the progress report) divided by the movies read; ms-index+search+analyze
// is what follows the load (index builds, the search index rebuild,
// ANALYZE, commit), which works on the whole catalog.
//
//	go test ./internal/catalog -run '^$' -bench BenchmarkMovieLensMovies -benchtime 3x
//
// MARQUEE_BENCH_FILMS=0,10000 picks other catalog sizes; MARQUEE_BENCH_LOG=1
// logs the import's phases with their times.
func BenchmarkMovieLensMovies(b *testing.B) {
	sizes := []int{0, 100_000, 1_000_000}
	if s := os.Getenv("MARQUEE_BENCH_FILMS"); s != "" {
		sizes = sizes[:0]
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(f)
			if err != nil {
				b.Fatal(err)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("films=%d", n), func(b *testing.B) {
			ctx := context.Background()
			st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			seedFilms(b, st, n)
			var movies, rest time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := writeBenchMovieLens(b, i)
				b.StartTimer()
				ch := make(chan Progress, 4096)
				got := make(chan [2]time.Duration)
				go func() {
					var m time.Duration
					var after time.Time // when the first whole-catalog phase began
					for p := range ch {
						switch {
						case p.File == "movies.csv" && p.Phase == "done":
							m = p.Elapsed
						case p.File == "" && after.IsZero():
							after = time.Now()
						}
					}
					got <- [2]time.Duration{m, time.Since(after)}
				}()
				opts := Options{Progress: ch}
				if os.Getenv("MARQUEE_BENCH_LOG") != "" { // the phases, timed, on stderr
					opts.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
				}
				if _, err := ImportMovieLens(ctx, st, dir, opts); err != nil {
					b.Fatal(err)
				}
				close(ch)
				d := <-got
				movies += d[0]
				rest += d[1]
			}
			b.ReportMetric(float64(rest.Milliseconds())/float64(b.N), "ms-index+search+analyze/op")
			b.ReportMetric(float64(movies.Nanoseconds())/float64(b.N*benchMovies), "ns/movie")
		})
	}
}

// seedFilms adds n films with IMDb ids to st, as an IMDb import would
// leave them (search index included).
func seedFilms(b *testing.B, st *store.Store, n int) {
	b.Helper()
	if n == 0 {
		return
	}
	_, err := st.WriteDB().Exec(`WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
		INSERT INTO films (slug, title, year, title_type, imdb_id, rating_votes)
		SELECT 'catalog-film-' || i || '-' || (1900 + i % 120), 'Catalog Film ' || i, 1900 + i % 120, 'movie',
			'tt' || printf('%07d', 1000000 + i), i % 5000 FROM s`, n)
	if err != nil {
		b.Fatal(err)
	}
}

// writeBenchMovieLens writes round's movies.csv and links.csv in
// ml-latest's layout.
func writeBenchMovieLens(b *testing.B, round int) string {
	b.Helper()
	dir := b.TempDir()
	var movies, links strings.Builder
	movies.WriteString("movieId,title,genres\n")
	links.WriteString("movieId,imdbId,tmdbId\n")
	for k := 0; k < benchMovies; k++ {
		id := round*benchMovies + k + 1
		year := 1950 + k%70
		title := fmt.Sprintf("Bench Movie %d", id)
		if k%3 == 0 {
			title = fmt.Sprintf("Bench Movie %d, The (Film de banc %d, Le)", id, id)
		}
		imdb := 8000000 + id // not in the catalog
		fmt.Fprintf(&movies, "%d,\"%s (%d)\",Drama|Comedy\n", id, title, year)
		fmt.Fprintf(&links, "%d,%07d,%d\n", id, imdb, 100000+id)
	}
	for name, body := range map[string]string{"movies.csv": movies.String(), "links.csv": links.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}
