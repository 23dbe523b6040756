package recommend

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"marquee/internal/recommend/mlgen"
	"marquee/internal/store"
)

// The full-scale benchmark: 100,000 films and 20,000,000 ratings
// generated in memory (nothing is committed), every list recomputed on 2
// workers, then an incremental refresh after 1,000 new ratings. The
// baseline in the same run is a naive item-kNN (a hash map per item, one
// worker, every similarity kept and sorted) timed on a random sample of
// items and scaled to all of them.
//
//	go test -run XXX -bench BenchmarkFullBuild -benchtime 1x ./internal/recommend
func BenchmarkFullBuild(b *testing.B) {
	items, ratings := 100_000, 20_000_000
	if v := os.Getenv("MARQUEE_BENCH_RATINGS"); v != "" {
		ratings, _ = strconv.Atoi(v)
		items = max(ratings/200, 1000)
	}
	cfg := mlgen.Config{Users: ratings / 145, Items: items, Ratings: ratings, Topics: 50, MinPerUser: 20, Focus: 0.75, Seed: 1}
	start := time.Now()
	set := mlgen.Generate(cfg)
	ts := make([]Triple, len(set.User))
	for k := range ts {
		ts[k] = Triple{set.User[k], set.Item[k], set.Stars[k]}
	}
	films := benchFeatures(set)
	set.User, set.Item, set.Stars = nil, nil, nil
	m := NewMatrix(cfg.Users, cfg.Items, ts)
	ts = nil
	b.Logf("generated %d ratings by %d users of %d films in %s", m.NNZ(), m.Users, m.Items, time.Since(start).Round(time.Millisecond))
	ctx := context.Background()
	opt := DefaultOptions()
	for b.Loop() {
		start = time.Now()
		cpu0 := cpuTime()
		md, err := NewModel(ctx, films, m, opt)
		if err != nil {
			b.Fatal(err)
		}
		signals := time.Since(start)
		lists, err := md.Lists(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		build := time.Since(start)
		b.ReportMetric(build.Seconds(), "build_s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "build_cpu_s")
		b.ReportMetric(signals.Seconds(), "signals_s")
		b.Logf("signals %s, lists %s, %d lists", signals.Round(time.Millisecond), (build - signals).Round(time.Millisecond), len(lists))

		// Incremental: 10 new members rate 100 films each, films drawn as
		// popular films are (by picking random existing ratings).
		rng := rand.New(rand.NewPCG(9, 9))
		var add []Triple
		for u := range 10 {
			for range 100 {
				p := rng.Int64N(int64(m.NNZ()))
				add = append(add, Triple{int32(m.Users + u), md.Ratings.userItems[p], float32(1 + rng.IntN(5))})
			}
		}
		start = time.Now()
		cpu0 = cpuTime()
		changed, err := md.Refresh(ctx, add)
		if err != nil {
			b.Fatal(err)
		}
		refresh := time.Since(start)
		b.ReportMetric(refresh.Seconds(), "refresh_s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "refresh_cpu_s")
		b.Logf("refresh after %d ratings: %s, %d lists recomputed", len(add), refresh.Round(time.Millisecond), len(changed))

		cpu0 = cpuTime()
		knnStart := time.Now()
		if _, err := ItemKNN(ctx, m, KNNOptions{K: opt.Candidates, Shrink: opt.Shrink, Workers: 1}); err != nil {
			b.Fatal(err)
		}
		ours := time.Since(knnStart).Seconds()
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "knn_1worker_cpu_s")
		naive := naiveKNNSeconds(m, 300)
		b.ReportMetric(naive, "naive_knn_1worker_s")
		b.ReportMetric(naive/ours, "naive/ours_1worker")
	}
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak_MB")
	b.Logf("GOMAXPROCS %d; workers %d", runtime.GOMAXPROCS(0), opt.Workers)
}

// benchFeatures gives each generated film makers and genres tied to its
// topic, as real catalogs tie directors and casts to kinds of film.
func benchFeatures(s *mlgen.Set) []store.FilmFeatures {
	rng := rand.New(rand.NewPCG(2, 2))
	out := make([]store.FilmFeatures, s.Items)
	for i := range out {
		t := s.Topic[i]
		person := func(kind string, pool int) store.NamedKey {
			k := fmt.Sprintf("%s-%d-%d", kind, t, rng.IntN(pool))
			return store.NamedKey{Key: k, Name: k}
		}
		f := store.FilmFeatures{ID: int64(i + 1), Slug: "f" + strconv.Itoa(i), Title: s.Title(i), Year: s.Year[i], Genres: s.Genres(i)}
		f.Directors = []store.NamedKey{person("director", 400)}
		f.Writers = []store.NamedKey{person("writer", 600)}
		for k := range 6 {
			f.Cast = append(f.Cast, store.CastKey{NamedKey: person("actor", 3000), Billing: k + 1})
		}
		out[i] = f
	}
	return out
}

// naiveKNNSeconds times the textbook item-kNN on a sample of items (a
// map of co-occurrence counts per item, every similarity sorted, one
// worker) and scales it to every item.
func naiveKNNSeconds(m *Matrix, sample int) float64 {
	rng := rand.New(rand.NewPCG(4, 4))
	start := time.Now()
	for range sample {
		i := int32(rng.IntN(m.Items))
		counts := map[int32]int{}
		users, _ := m.ItemUsers(i)
		for _, u := range users {
			items, _ := m.UserItems(u)
			for _, j := range items {
				counts[j]++
			}
		}
		var all []Scored
		for j, c := range counts {
			all = append(all, Scored{j, float32(c) / float32(m.ItemCount(i)*m.ItemCount(j))})
		}
		slices.SortFunc(all, func(a, b Scored) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
	}
	return time.Since(start).Seconds() * float64(m.Items) / float64(sample)
}

// peakRSS returns the process's peak resident set (VmHWM) in bytes.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpuTime returns the process's user and system CPU time so far, which,
// unlike wall time, does not grow when other processes share the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
