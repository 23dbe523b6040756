package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/store"
)

// The wiki's speed targets (issue 14): the history and diff pages of a
// dossier with 1,000 revisions under 100 ms at p99, and a film page with
// 500 theories and 5,000 comments under 50 ms at p99, both rendered on
// every request (no page cache). Each benchmark reports p50 and p99 in ms
// and, as its baseline in the same run, the plain film page of the demo
// catalog rendered the same way ("base-p50-ms").

// wikiBenchSite is the demo catalog with 1,000 revisions of Red Rocket's
// dossier, 500 theories with 10 comments each, rendered uncached.
func wikiBenchSite(b *testing.B) (http.Handler, *store.Store) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		b.Fatal(err)
	}
	cur, err := st.DossierRevisionAt(ctx, "red-rocket-2021", 0)
	if err != nil {
		b.Fatal(err)
	}
	text := cur.Text
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	rev := cur.Revision.Revision
	for i := 0; rev < 1000; i++ {
		// Each revision touches one paragraph, as real edits do.
		k := 5 + i%(len(paras)-10)
		paras[k] += fmt.Sprintf(" Edit %d.", i)
		d := *cur.Dossier
		t := strings.Join(paras, "\n\n") + "\n"
		if rev, err = st.EditDossier(ctx, "red-rocket-2021", rev, &d, store.RevisionInput{Author: "bench", Text: t, Summary: fmt.Sprintf("edit %d", i)}); err != nil {
			b.Fatal(err)
		}
	}
	u := &store.User{Username: "bench", Role: "member"}
	if err := st.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	for i := range 500 {
		th := &film.Theory{FilmSlug: "red-rocket-2021", UserID: u.ID, Title: fmt.Sprintf("Theory %d", i), Body: "A theory *in* Markdown."}
		if err := st.CreateTheory(ctx, th); err != nil {
			b.Fatal(err)
		}
		var parent int64
		for j := range 10 {
			if parent, err = st.AddComment(ctx, th.ThreadID, parent*int64(j%2), u.ID, "A comment."); err != nil {
				b.Fatal(err)
			}
		}
	}
	site, err := New(st, discardLog(), Options{NoCache: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { site.Close() })
	return site.Handler(), st
}

// latencies serves path n times and returns the sorted durations.
func latencies(b *testing.B, h http.Handler, path string, n int) []time.Duration {
	b.Helper()
	out := make([]time.Duration, 0, n)
	for range n {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", path, nil)
		start := time.Now()
		h.ServeHTTP(rec, req)
		out = append(out, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func benchPages(b *testing.B, paths ...string) {
	h, _ := wikiBenchSite(b)
	for _, p := range paths {
		b.Run(strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "").Replace(p), func(b *testing.B) {
			var all []time.Duration
			for b.Loop() {
				all = append(all, latencies(b, h, p, 1)...)
			}
			sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
			base := latencies(b, h, "/films/tangerine-2015", 50)
			b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
			b.ReportMetric(ms(all[len(all)*99/100]), "p99-ms")
			b.ReportMetric(ms(base[len(base)/2]), "base-p50-ms")
		})
	}
}

// BenchmarkWikiHistory: the history page (newest 100 revisions of 1,000)
// and diffs between neighbours and across the whole history.
func BenchmarkWikiHistory(b *testing.B) {
	benchPages(b, "/films/red-rocket-2021/history", "/films/red-rocket-2021/history?before=500",
		"/films/red-rocket-2021/diff?from=500&to=501", "/films/red-rocket-2021/diff?from=1&to=1000")
}

// BenchmarkWikiFilmPage: the film page with its top theories out of 500
// (5,000 comments), and a theory page with its thread.
func BenchmarkWikiFilmPage(b *testing.B) {
	benchPages(b, "/films/red-rocket-2021", "/films/red-rocket-2021/theories", "/theories/250")
}
