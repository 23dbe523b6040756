package recommend_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"marquee/internal/member"
	"marquee/internal/recommend"
	"marquee/internal/store"
)

// coReason returns the co-rating reason Tangerine's stored list gives
// Red Rocket, or "" when there is none.
func coReason(t *testing.T, st *store.Store) []string {
	t.Helper()
	_, sim, err := st.SimilarFilms(context.Background(), "tangerine-2015", 12)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sim {
		if s.Film.Slug == "red-rocket-2021" {
			return s.Reasons
		}
	}
	t.Fatal("Red Rocket not in Tangerine's list")
	return nil
}

// TestRefresherAppliesMemberRatings rates films as a member does (the
// store's member writes, which queue the change) and checks the
// Refresher takes each change into the stored lists and empties the
// queue: a new rating, then its removal, then a change picked up by a
// Refresher that has no model yet.
func TestRefresherAppliesMemberRatings(t *testing.T) {
	engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		for _, u := range []string{"2", "3", "4", "5", "6"} {
			rate(t, st, u, "tangerine-2015", 5)
			rate(t, st, u, "red-rocket-2021", 4.5)
		}
		r := recommend.NewRefresher(st, recommend.DefaultOptions())
		defer r.Close()
		if _, err := r.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		const five = "people who rated Tangerine 4★ or more also rated it highly: 5 of 5"
		if got := coReason(t, st); !slices.Contains(got, five) {
			t.Fatalf("after the build: %q, want %q", got, five)
		}
		ana := &store.User{Username: "ana", Role: "member"}
		if err := st.CreateUser(ctx, ana); err != nil {
			t.Fatal(err)
		}
		setRating := func(slug string, half member.Rating) {
			if err := st.SetFilmLog(ctx, ana.ID, slug, store.FilmLogChange{Rating: &half}); err != nil {
				t.Fatal(err)
			}
		}
		setRating("tangerine-2015", 10)
		setRating("red-rocket-2021", 8)
		if n, err := r.Flush(ctx); err != nil || n != 2 {
			t.Fatalf("flush = %d lists, %v; want the 2 films rated", n, err)
		}
		const six = "people who rated Tangerine 4★ or more also rated it highly: 6 of 6"
		if got := coReason(t, st); !slices.Contains(got, six) {
			t.Errorf("after ana's ratings: %q, want %q", got, six)
		}
		if changes, _, err := st.PendingRatingChanges(ctx, 10); err != nil || len(changes) != 0 {
			t.Errorf("queue after a flush = %v, %v; want empty", changes, err)
		}
		if err := st.RemoveFilmLog(ctx, ana.ID, "red-rocket-2021"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		const fiveOfSix = "people who rated Tangerine 4★ or more also rated it highly: 5 of 5"
		if got := coReason(t, st); !slices.Contains(got, fiveOfSix) {
			t.Errorf("after ana removed her Red Rocket rating: %q, want %q", got, fiveOfSix)
		}
		// A fresh Refresher (a restarted server) builds its model from the
		// store, which already holds the queued change.
		setRating("red-rocket-2021", 9)
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		fresh := recommend.NewRefresher(st, recommend.DefaultOptions())
		defer fresh.Close()
		// On PostgreSQL the lead r gave up is free once its session ends,
		// a moment after Close; until then the fresh one flushes nothing.
		n, err := fresh.Flush(ctx)
		for deadline := time.Now().Add(10 * time.Second); err == nil && n == 0 && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
			n, err = fresh.Flush(ctx)
		}
		if err != nil || n != 1 {
			t.Fatalf("fresh refresher flush = %d, %v; want Red Rocket's list", n, err)
		}
		if n, err := fresh.Flush(ctx); err != nil || n != 0 {
			t.Errorf("second flush = %d, %v; want nothing left", n, err)
		}
		picks, err := recommend.ForPerson(ctx, st, "ana", 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range picks {
			if p.Film.Slug == "tangerine-2015" || p.Film.Slug == "red-rocket-2021" {
				t.Errorf("recommended %s, which ana rated", p.Film.Slug)
			}
		}
		if len(picks) == 0 || !slices.Contains(picks[0].Reasons, "because you rated Tangerine 5★") && !slices.Contains(picks[0].Reasons, "because you rated Red Rocket 4½★") {
			t.Errorf("ana's picks = %+v, want reasons from her own ratings", picks)
		}
	})
}

// TestRefresherWaitsForFirstBuild rates films on a catalog whose lists
// were never built: a flush stores no list and keeps the queue, and the
// first full build takes the ratings in and empties it.
func TestRefresherWaitsForFirstBuild(t *testing.T) {
	engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		for _, u := range []string{"2", "3", "4", "5", "6"} {
			rate(t, st, u, "tangerine-2015", 5)
			rate(t, st, u, "red-rocket-2021", 4.5)
		}
		ana := &store.User{Username: "ana", Role: "member"}
		if err := st.CreateUser(ctx, ana); err != nil {
			t.Fatal(err)
		}
		for _, slug := range []string{"tangerine-2015", "red-rocket-2021"} {
			half := member.Rating(10)
			if err := st.SetFilmLog(ctx, ana.ID, slug, store.FilmLogChange{Rating: &half}); err != nil {
				t.Fatal(err)
			}
		}
		r := recommend.NewRefresher(st, recommend.DefaultOptions())
		defer r.Close()
		if n, err := r.Flush(ctx); err != nil || n != 0 {
			t.Fatalf("flush before any build = %d lists, %v; want none", n, err)
		}
		if _, sim, err := st.SimilarFilms(ctx, "tangerine-2015", 12); err != nil || len(sim) != 0 {
			t.Fatalf("lists after the flush = %d, %v; want none stored", len(sim), err)
		}
		if changes, _, err := st.PendingRatingChanges(ctx, 10); err != nil || len(changes) != 2 {
			t.Fatalf("queue after the flush = %v, %v; want ana's 2 ratings kept", changes, err)
		}
		if _, err := r.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		const six = "people who rated Tangerine 4★ or more also rated it highly: 6 of 6"
		if got := coReason(t, st); !slices.Contains(got, six) {
			t.Errorf("after the build: %q, want %q", got, six)
		}
		if changes, _, err := st.PendingRatingChanges(ctx, 10); err != nil || len(changes) != 0 {
			t.Errorf("queue after the build = %v, %v; want empty", changes, err)
		}
	})
}
