package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/member"
)

// seedMembers creates films and members for the member tests and returns
// the members' ids and the first film's id.
func seedMembers(t *testing.T, s *Store, members ...string) (map[string]int64, int64) {
	t.Helper()
	ctx := context.Background()
	for _, f := range []film.Film{{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021}, {Slug: "anora-2024", Title: "Anora", Year: 2024}} {
		if err := s.PutFilm(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]int64{}
	for _, m := range members {
		if _, err := s.write.ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ($1, 1)", m); err != nil {
			t.Fatal(err)
		}
		id, err := s.MemberID(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		ids[m] = id
	}
	var fid int64
	if err := s.read.QueryRowContext(ctx, "SELECT id FROM films WHERE slug = 'red-rocket-2021'").Scan(&fid); err != nil {
		t.Fatal(err)
	}
	return ids, fid
}

func rating(r member.Rating) *member.Rating { return &r }
func yes(b bool) *bool                      { return &b }

func checkHistogram(t *testing.T, s *Store, fid int64) member.Histogram {
	t.Helper()
	ctx := context.Background()
	got, err := s.FilmHistogram(ctx, fid)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.RecountHistogram(ctx, fid)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("histogram differs from a recount (-recount +kept):\n%s", diff)
	}
	return got
}

func TestMemberRatingsKeepTheHistogram(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ids, fid := seedMembers(t, s, "ana", "bo")
		steps := []struct {
			who string
			c   FilmLogChange
		}{
			{"ana", FilmLogChange{Rating: rating(7)}},
			{"bo", FilmLogChange{Rating: rating(10), Liked: yes(true)}},
			{"ana", FilmLogChange{Rating: rating(8)}}, // change
			{"bo", FilmLogChange{Liked: yes(false)}},  // unlike, rating kept
			{"ana", FilmLogChange{Rating: rating(0)}}, // remove the rating
			{"ana", FilmLogChange{Rating: rating(3)}}, // rate again
			{"ana", FilmLogChange{Liked: yes(true)}},  // like separately
			{"bo", FilmLogChange{Rating: rating(10)}}, // same again: no change
		}
		for _, st := range steps {
			if err := s.SetFilmLog(ctx, ids[st.who], "red-rocket-2021", st.c); err != nil {
				t.Fatal(err)
			}
			checkHistogram(t, s, fid)
		}
		h := checkHistogram(t, s, fid)
		want := member.Histogram{Likes: 1}
		want.Counts[2], want.Counts[9] = 1, 1
		if diff := cmp.Diff(want, h); diff != "" {
			t.Errorf("histogram (-want +got):\n%s", diff)
		}
		if h.Mean() != 3.25 {
			t.Errorf("mean = %v, want 3.25", h.Mean())
		}
		if err := s.RemoveFilmLog(ctx, ids["bo"], "red-rocket-2021"); err != nil {
			t.Fatal(err)
		}
		if h := checkHistogram(t, s, fid); h.Count() != 1 {
			t.Errorf("count after removal = %d, want 1", h.Count())
		}
		err := s.SetFilmLog(ctx, ids["ana"], "no-such-film", FilmLogChange{Rating: rating(4)})
		if !errors.Is(err, film.ErrNotFound) {
			t.Errorf("unknown film: %v, want not found", err)
		}
	})
}

func TestConcurrentRatersMatchRecount(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		names := make([]string, 24)
		for i := range names {
			names[i] = fmt.Sprintf("m%02d", i)
		}
		ids, fid := seedMembers(t, s, names...)
		gen0, _ := s.FilmMemberGen(ctx, fid)
		var wg sync.WaitGroup
		errs := make(chan error, len(names))
		for i, n := range names {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(i), 7))
				for range 15 {
					var err error
					switch r.IntN(4) {
					case 0:
						err = s.RemoveFilmLog(ctx, ids[n], "red-rocket-2021")
					case 1:
						err = s.SetFilmLog(ctx, ids[n], "red-rocket-2021", FilmLogChange{Liked: yes(r.IntN(2) == 0)})
					default:
						err = s.SetFilmLog(ctx, ids[n], "red-rocket-2021", FilmLogChange{Rating: rating(member.Rating(r.IntN(11)))})
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		checkHistogram(t, s, fid)
		if gen, _ := s.FilmMemberGen(ctx, fid); gen <= gen0 {
			t.Errorf("film generation did not move: %d → %d", gen0, gen)
		}
	})
}

func TestReviewsOwnershipLikesAndOrder(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ids, fid := seedMembers(t, s, "ana", "bo", "cy")
		first, err := s.PutReview(ctx, ids["ana"], member.Review{FilmSlug: "red-rocket-2021", Body: "Mikey is *awful*.", Spoiler: true, Rating: 9})
		if err != nil {
			t.Fatal(err)
		}
		second, err := s.PutReview(ctx, ids["bo"], member.Review{FilmSlug: "red-rocket-2021", Body: "Donut shop."})
		if err != nil {
			t.Fatal(err)
		}
		if h := checkHistogram(t, s, fid); h.Counts[8] != 1 {
			t.Errorf("a rated review did not rate the film: %+v", h)
		}
		if err := s.UpdateReview(ctx, ids["bo"], first, member.Review{Body: "mine now"}); !errors.Is(err, ErrForbidden) {
			t.Errorf("another member's edit: %v, want forbidden", err)
		}
		if err := s.DeleteReview(ctx, ids["bo"], first); !errors.Is(err, ErrForbidden) {
			t.Errorf("another member's delete: %v, want forbidden", err)
		}
		if err := s.DeleteReview(ctx, ids["bo"], 99999); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("missing review: %v, want not found", err)
		}
		for _, who := range []string{"bo", "cy", "cy"} { // a second like by cy counts once
			if err := s.LikeReview(ctx, ids[who], first, true); err != nil {
				t.Fatal(err)
			}
		}
		order := func(o ReviewOrder) (out []string) {
			rs, err := s.FilmReviews(ctx, fid, o, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				out = append(out, fmt.Sprintf("%s:%d", r.Author, r.Likes))
			}
			return out
		}
		if diff := cmp.Diff([]string{"ana:2", "bo:0"}, order(ByLikes)); diff != "" {
			t.Errorf("by likes (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"bo:0", "ana:2"}, order(ByRecency)); diff != "" {
			t.Errorf("by recency (-want +got):\n%s", diff)
		}
		if err := s.HideReview(ctx, second, true); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"ana:2"}, order(ByRecency)); diff != "" {
			t.Errorf("hidden review still listed (-want +got):\n%s", diff)
		}
		if err := s.UpdateReview(ctx, ids["ana"], first, member.Review{Body: "Edited.", Spoiler: false}); err != nil {
			t.Fatal(err)
		}
		r, err := s.GetReview(ctx, first)
		if err != nil || r.Body != "Edited." || r.Spoiler {
			t.Errorf("after edit: %+v, %v", r, err)
		}
	})
}

func TestDiaryListsFollowsAndFeed(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ids, _ := seedMembers(t, s, "ana", "bo")
		d1, err := s.LogViewing(ctx, ids["bo"], member.DiaryEntry{FilmSlug: "red-rocket-2021", WatchedOn: "2024-03-02", Rating: 8, Tags: []string{"cinema", "35mm"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.LogViewing(ctx, ids["bo"], member.DiaryEntry{FilmSlug: "red-rocket-2021", WatchedOn: "2024-05-01", Rewatch: true}); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Rewatches(ctx, ids["bo"]); n != 1 {
			t.Errorf("rewatches = %d, want 1", n)
		}
		if err := s.DeleteDiaryEntry(ctx, ids["ana"], d1); !errors.Is(err, ErrForbidden) {
			t.Errorf("another member's diary: %v, want forbidden", err)
		}
		diary, err := s.Diary(ctx, ids["bo"])
		if err != nil || len(diary) != 2 || diary[0].WatchedOn != "2024-05-01" || diary[1].Tags[1] != "35mm" {
			t.Errorf("diary = %+v, %v", diary, err)
		}
		log, ok, err := s.FilmLogOf(ctx, ids["bo"], "red-rocket-2021")
		if err != nil || !ok || log.Rating != 8 || log.WatchedOn != "2024-05-01" {
			t.Errorf("film log after diary = %+v %v %v", log, ok, err)
		}
		lid, err := s.SaveList(ctx, ids["bo"], member.List{Name: "Baker ranked", Ranked: true, Public: true,
			Entries: []member.ListEntry{{FilmSlug: "anora-2024", Note: "best"}, {FilmSlug: "red-rocket-2021"}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddToList(ctx, ids["ana"], lid, "anora-2024", ""); !errors.Is(err, ErrForbidden) {
			t.Errorf("another member's list: %v, want forbidden", err)
		}
		l, err := s.GetList(ctx, "bo", "baker-ranked")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"1 anora-2024 best", "2 red-rocket-2021 "}, entryStrings(l.Entries)); diff != "" {
			t.Errorf("list entries (-want +got):\n%s", diff)
		}
		if err := s.SetWatchlist(ctx, ids["bo"], "anora-2024", true); err != nil {
			t.Fatal(err)
		}
		if err := s.Follow(ctx, ids["ana"], ids["bo"], true); err != nil {
			t.Fatal(err)
		}
		if err := s.Follow(ctx, ids["ana"], ids["ana"], true); err == nil {
			t.Error("following oneself accepted")
		}
		feed, err := s.Feed(ctx, ids["ana"], 50)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, a := range feed {
			kinds = append(kinds, a.Kind+" "+a.FilmSlug+a.Object)
		}
		want := []string{"watchlisted anora-2024", "listed Baker ranked", "logged red-rocket-2021", "logged red-rocket-2021", "rated red-rocket-2021"}
		if diff := cmp.Diff(want, kinds); diff != "" {
			t.Errorf("feed (-want +got):\n%s", diff)
		}
		if err := s.SaveMemberSettings(ctx, ids["bo"], member.Settings{Profile: member.ProfileMembers, DiaryPrivate: true,
			Favourites: []string{"anora-2024", "red-rocket-2021"}}); err != nil {
			t.Fatal(err)
		}
		feed, _ = s.Feed(ctx, ids["ana"], 50)
		for _, a := range feed {
			if a.Kind == "logged" {
				t.Errorf("a private diary entry is in the feed: %+v", a)
			}
		}
		st, err := s.MemberSettings(ctx, ids["bo"])
		if err != nil || st.Profile != member.ProfileMembers || !st.DiaryPrivate || len(st.Favourites) != 2 {
			t.Errorf("settings = %+v, %v", st, err)
		}
		stats, err := s.MemberStatsOf(ctx, ids["bo"])
		if err != nil || stats.Diary != 2 || stats.Rewatches != 1 || stats.Followers != 1 || stats.Lists != 1 || stats.Ratings.Counts[7] != 1 {
			t.Errorf("stats = %+v, %v", stats, err)
		}
	})
}

func entryStrings(es []member.ListEntry) (out []string) {
	for _, e := range es {
		out = append(out, fmt.Sprintf("%d %s %s", e.Position, e.FilmSlug, e.Note))
	}
	return out
}
