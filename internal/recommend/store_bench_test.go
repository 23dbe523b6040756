package recommend

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"marquee/internal/member"
	"marquee/internal/recommend/mlgen"
	"marquee/internal/store"
)

// BenchmarkStoreBuild is the end-to-end benchmark at the size:
// 100,000 films (directors, writers and casts tied to taste topics) and
// 20,000,000 MovieLens ratings generated (mlgen) and loaded into an
// SQLite store; then, timed, the full rebuild exactly as `marquee
// recommend build` runs it (read features and ratings from the store,
// content and item-kNN signals, every blended list with its reasons,
// stored in one transaction), with its CPU time and peak RSS (VmHWM,
// reset after loading so the generator's arrays do not count); then 10
// members rate 100 films each through the store's member writes (1,000
// ratings, films drawn as popular films are) and the Refresher applies
// the queue: the incremental refresh, timed; then the reads the site
// serves from the stored lists, timed one by one (p50, p99): a film's
// 12 similar films, and 20 recommendations for one of those members.
// MARQUEE_BENCH_RATINGS sets a smaller size (films = ratings/200);
// MARQUEE_BENCH_DB keeps the database at that path.
//
//	go test -run XXX -bench BenchmarkStoreBuild -benchtime 1x -timeout 60m ./internal/recommend
func BenchmarkStoreBuild(b *testing.B) {
	ratings := 20_000_000
	if v := os.Getenv("MARQUEE_BENCH_RATINGS"); v != "" {
		ratings, _ = strconv.Atoi(v)
	}
	items := max(ratings/200, 1000)
	ctx := context.Background()
	path := os.Getenv("MARQUEE_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	cfg := mlgen.Config{Users: ratings / 145, Items: items, Ratings: ratings, Topics: 50, MinPerUser: 20, Focus: 0.75, Seed: 1}
	set := mlgen.Generate(cfg)
	if err := loadBenchStore(ctx, st, set); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated and stored %d ratings by %d users of %d films in %s", len(set.User), cfg.Users, items, time.Since(start).Round(time.Second))
	set = nil
	runtime.GC()
	debug.FreeOSMemory()
	resetPeakRSS()
	rss0 := peakRSS()
	opt := DefaultOptions()
	for b.Loop() {
		r := NewRefresher(st, opt)
		start = time.Now()
		cpu0 := cpuTime()
		stats, err := r.Rebuild(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "build_s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "build_cpu_s")
		b.ReportMetric(float64(peakRSS())/(1<<20), "build_peak_MB")
		b.Logf("rebuild: %+v in %s (RSS before %d MB)", stats, time.Since(start).Round(time.Millisecond), rss0>>20)

		members, err := rateAsMembers(ctx, st, 10, 100)
		if err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		cpu0 = cpuTime()
		n, err := r.Flush(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "refresh_s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "refresh_cpu_s")
		b.Logf("refresh after 1,000 member ratings: %d lists rewritten in %s", n, time.Since(start).Round(time.Millisecond))
		benchStoreReads(b, ctx, st, items, members[0])
	}
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak_MB")
	b.Logf("GOMAXPROCS %d; workers %d", runtime.GOMAXPROCS(0), opt.Workers)
}

// benchStoreReads times SimilarFilms and ForPerson one call at a time
// and reports their p50 and p99.
func benchStoreReads(b *testing.B, ctx context.Context, st *store.Store, films int, person string) {
	rng := rand.New(rand.NewPCG(5, 5))
	var similar, picks []time.Duration
	for range 500 {
		slug := "f" + strconv.Itoa(rng.IntN(films))
		t0 := time.Now()
		if _, _, err := st.SimilarFilms(ctx, slug, 12); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := ForPerson(ctx, st, person, 20); err != nil {
			b.Fatal(err)
		}
		similar = append(similar, t1.Sub(t0))
		picks = append(picks, time.Since(t1))
	}
	for _, m := range []struct {
		name string
		d    []time.Duration
	}{{"similar", similar}, {"recommend", picks}} {
		slices.Sort(m.d)
		b.ReportMetric(float64(m.d[len(m.d)/2].Microseconds())/1000, m.name+"_p50_ms")
		b.ReportMetric(float64(m.d[len(m.d)*99/100].Microseconds())/1000, m.name+"_p99_ms")
	}
}

// rateAsMembers creates n members who each rate per films through
// SetFilmLog, films drawn as popular films are (the film of a random
// stored rating), and returns their names.
func rateAsMembers(ctx context.Context, st *store.Store, n, per int) ([]string, error) {
	var pool []int64
	rows, err := st.WriteDB().QueryContext(ctx, "SELECT film_id FROM user_ratings WHERE rowid % 997 = 0")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		pool = append(pool, id)
	}
	rows.Close()
	rng := rand.New(rand.NewPCG(9, 9))
	var names []string
	for k := range n {
		u := &store.User{Username: fmt.Sprintf("bench-member-%d", k), Role: "member"}
		if err := st.CreateUser(ctx, u); err != nil {
			return nil, err
		}
		names = append(names, u.Username)
		seen := map[int64]bool{}
		for len(seen) < per {
			id := pool[rng.IntN(len(pool))]
			if seen[id] {
				continue
			}
			seen[id] = true
			r := member.Rating(1 + rng.IntN(10))
			if err := st.SetFilmLog(ctx, u.ID, "f"+strconv.FormatInt(id-1, 10), store.FilmLogChange{Rating: &r}); err != nil {
				return nil, err
			}
		}
	}
	return names, nil
}

// loadBenchStore writes the generated films (slug "f<item>", id item+1),
// their makers and the ratings, in batches of multi-row INSERTs.
func loadBenchStore(ctx context.Context, st *store.Store, set *mlgen.Set) error {
	films := benchFeatures(set)
	people := map[string]int64{}
	var credits [][4]any
	for _, f := range films {
		add := func(k store.NamedKey, role string, billing int) {
			id, ok := people[k.Key]
			if !ok {
				id = int64(len(people) + 1)
				people[k.Key] = id
			}
			credits = append(credits, [4]any{f.ID, id, role, billing})
		}
		for _, d := range f.Directors {
			add(d, "director", 0)
		}
		for _, w := range f.Writers {
			add(w, "writer", 0)
		}
		for _, c := range f.Cast {
			add(c.NamedKey, "cast", c.Billing)
		}
	}
	err := st.Transact(ctx, func(tx *sql.Tx) error {
		if err := insertRows(ctx, tx, "INSERT INTO films (id, slug, title, year)", 4, len(films), func(k int) []any {
			f := films[k]
			return []any{f.ID, f.Slug, f.Title, f.Year}
		}); err != nil {
			return err
		}
		keys := make([]string, len(people))
		for k, id := range people {
			keys[id-1] = k
		}
		if err := insertRows(ctx, tx, "INSERT INTO people (id, slug, name)", 3, len(keys), func(k int) []any {
			return []any{k + 1, keys[k], keys[k]}
		}); err != nil {
			return err
		}
		if err := insertRows(ctx, tx, "INSERT OR IGNORE INTO credits (film_id, person_id, role, billing)", 4, len(credits), func(k int) []any {
			return credits[k][:]
		}); err != nil {
			return err
		}
		return insertRows(ctx, tx, "INSERT OR IGNORE INTO film_genres (film_id, genre)", 2, len(films), func(k int) []any {
			return []any{films[k].ID, films[k].Genres[0]}
		})
	})
	if err != nil {
		return err
	}
	// Ratings in transactions of a million rows.
	const chunk = 1_000_000
	for lo := 0; lo < len(set.User); lo += chunk {
		hi := min(lo+chunk, len(set.User))
		err := st.Transact(ctx, func(tx *sql.Tx) error {
			return insertRows(ctx, tx, "INSERT OR IGNORE INTO user_ratings (source, external_user, film_id, rating)", 4, hi-lo, func(k int) []any {
				k += lo
				return []any{"movielens", strconv.Itoa(int(set.User[k]) + 1), int64(set.Item[k]) + 1, float64(set.Stars[k])}
			})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// insertRows inserts n rows of cols columns with multi-row INSERTs of up
// to 200 rows, reusing one prepared statement for the full batches.
func insertRows(ctx context.Context, tx *sql.Tx, prefix string, cols, n int, row func(int) []any) error {
	const per = 200
	stmt := func(rows int) string {
		var b strings.Builder
		b.WriteString(prefix + " VALUES ")
		for r := range rows {
			if r > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('(')
			for c := range cols {
				if c > 0 {
					b.WriteByte(',')
				}
				b.WriteString("$" + strconv.Itoa(r*cols+c+1))
			}
			b.WriteByte(')')
		}
		return b.String()
	}
	full, err := tx.PrepareContext(ctx, stmt(per))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, per*cols)
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		args = args[:0]
		for k := lo; k < hi; k++ {
			args = append(args, row(k)...)
		}
		if hi-lo == per {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, stmt(hi-lo), args...)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", prefix, err)
		}
	}
	return nil
}

// resetPeakRSS resets the kernel's peak-RSS mark (VmHWM) to the current
// RSS, so a later peakRSS measures what came after.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }
