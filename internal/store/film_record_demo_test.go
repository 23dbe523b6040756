package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/demo"
	"marquee/internal/member"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// TestFilmRecordMatchesSeparateReads checks, for every film of the demo
// catalog on each engine, that the one-transaction record gives the same
// film, credits (in the same order) and characters as the separate store
// calls, that its presence flags agree with what those calls find, and
// that its cache stamps are CacheStamp's (one film rated, so its member
// stamp has moved).
func TestFilmRecordMatchesSeparateReads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := demo.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ('ana', 1)"); err != nil {
			t.Fatal(err)
		}
		uid, err := st.MemberID(ctx, "ana")
		if err != nil {
			t.Fatal(err)
		}
		rated, nine := demo.FilmSlugs()[0], member.Rating(9)
		if err := st.SetFilmLog(ctx, uid, rated, store.FilmLogChange{Rating: &nine}); err != nil {
			t.Fatal(err)
		}
		for _, slug := range demo.FilmSlugs() {
			rec, err := st.GetFilmRecord(ctx, slug, store.FilmRecordOptions{Facts: true, Ratings: true})
			if err != nil {
				t.Fatal(err)
			}
			cat, fg, err := st.CacheStamp(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if rec.CatalogStamp != cat || rec.MemberStamp != fg {
				t.Errorf("%s: record stamps %d, %d; CacheStamp %d, %d", slug, rec.CatalogStamp, rec.MemberStamp, cat, fg)
			}
			if slug == rated && fg == 0 {
				t.Errorf("%s: rated, but its member stamp is 0", slug)
			}
			f, err := st.GetFilm(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(f, rec.Film); diff != "" {
				t.Errorf("%s: film (-separate +record):\n%s", slug, diff)
			}
			credits, err := st.FilmCredits(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(credits, rec.Credits); diff != "" {
				t.Errorf("%s: credits (-separate +record):\n%s", slug, diff)
			}
			chars, err := st.FilmCharacters(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(chars, rec.Characters); diff != "" {
				t.Errorf("%s: characters (-separate +record):\n%s", slug, diff)
			}
			imgs, err := st.FilmImages(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			awards, err := st.FilmAwards(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			_, similar, err := st.SimilarFilms(ctx, slug, 12)
			if err != nil {
				t.Fatal(err)
			}
			_, theories, err := st.FilmTheories(ctx, slug, store.TheoryFilter{Hidden: true})
			if err != nil {
				t.Fatal(err)
			}
			k, err := st.FilmKnowledge(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			got := rec.Has
			want := store.FilmParts{Pictures: len(imgs) > 0, Awards: len(awards) > 0, Similar: len(similar) > 0,
				Theories: theories > 0, Knowledge: got.Knowledge, Members: got.Members}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: presence flags (-separate reads +record):\n%s", slug, diff)
			}
			if len(k.Answers) > 0 && !got.Knowledge {
				t.Errorf("%s: %d computed answers, but the record says it has no knowledge", slug, len(k.Answers))
			}
		}
	})
}
