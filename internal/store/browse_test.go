package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"marquee/internal/film"
)

// TestChangeWatcherSeesOtherConnections opens the same SQLite file twice,
// as two serve processes would, and checks that a write through one is
// seen by the other's watcher.
func TestChangeWatcherSeesOtherConnections(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, b := openTwice(t, path)
	w, err := b.WatchChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !w.usesSharedMemory() {
		t.Log("the watcher could not map the -shm file; testing PRAGMA data_version")
	}
	g1, _ := w.Generation(ctx)
	g2, _ := w.Generation(ctx)
	if g1 != g2 {
		t.Fatalf("generation moved without a write: %d → %d", g1, g2)
	}
	if err := a.PutFilm(ctx, &film.Film{Slug: "x-2000", Title: "X", Year: 2000}); err != nil {
		t.Fatal(err)
	}
	g3, _ := w.Generation(ctx)
	if g3 == g2 {
		t.Fatal("generation did not move after another connection wrote")
	}
	if err := b.PutFilm(ctx, &film.Film{Slug: "y-2000", Title: "Y", Year: 2000}); err != nil {
		t.Fatal(err)
	}
	g4, _ := w.Generation(ctx)
	if g4 == g3 {
		t.Fatal("generation did not move after the same store's writer wrote")
	}
	// Every commit moves it, both through the shared memory and through
	// PRAGMA data_version.
	for _, viaPragma := range []bool{false, true} {
		if viaPragma && w.shm != nil {
			w.shm.close()
			w.shm = nil
		}
		for i := range 20 {
			before, _ := w.Generation(ctx)
			f := &film.Film{Slug: "z-2000", Title: fmt.Sprint("Z", i), Year: 2000}
			if err := a.PutFilm(ctx, f); err != nil {
				t.Fatal(err)
			}
			if after, _ := w.Generation(ctx); after == before {
				t.Fatalf("commit %d (pragma %v) not seen", i, viaPragma)
			}
		}
	}
}

func TestBrowseReads(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for i, slug := range []string{"a-2001", "b-2002", "c-2013"} {
			f := &film.Film{Slug: slug, Title: slug[:1], Year: []int{2001, 2002, 2013}[i], Genres: []string{"Drama"}}
			if err := s.PutFilm(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		p := &film.Person{Slug: "d", Name: "D"}
		if err := s.PutPerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := s.PutCredit(ctx, film.Credit{FilmSlug: "a-2001", PersonSlug: "d", Role: film.RoleDirector}); err != nil {
			t.Fatal(err)
		}
		page1, err := s.FilmsAfter(ctx, FilmFilter{Filter: film.Filter{Decade: 2000}}, 0, 1)
		if err != nil || len(page1) != 1 || page1[0].Slug != "a-2001" || len(page1[0].Genres) != 1 {
			t.Fatalf("FilmsAfter page 1 = %+v, %v", page1, err)
		}
		page2, err := s.FilmsAfter(ctx, FilmFilter{Filter: film.Filter{Decade: 2000}}, page1[0].ID, 5)
		if err != nil || len(page2) != 1 || page2[0].Slug != "b-2002" {
			t.Fatalf("FilmsAfter page 2 = %+v, %v", page2, err)
		}
		people, err := s.PeopleAfter(ctx, 0, 10)
		if err != nil || len(people) != 1 {
			t.Fatalf("PeopleAfter = %+v, %v", people, err)
		}
		dirs, err := s.TopDirectors(ctx, 5)
		if err != nil || len(dirs) != 1 || dirs[0].Value != "d" || dirs[0].Count != 1 {
			t.Fatalf("TopDirectors = %+v, %v", dirs, err)
		}
		latest, err := s.LatestFilms(ctx, 2010, 5)
		if err != nil || len(latest) != 2 || latest[0].Slug != "b-2002" {
			t.Fatalf("LatestFilms = %+v, %v", latest, err)
		}
		top, err := s.MaxID(ctx, "films")
		if err != nil || top < 3 {
			t.Fatalf("MaxID = %d, %v", top, err)
		}
		slugs, err := s.SlugsInRange(ctx, "films", 0, top)
		if err != nil || len(slugs) != 3 {
			t.Fatalf("SlugsInRange = %v, %v", slugs, err)
		}
		if _, err := s.SlugsInRange(ctx, "users", 0, 1); err == nil {
			t.Error("SlugsInRange accepted a table it must not read")
		}
		d := &film.Dossier{Sections: []film.Section{{Kind: film.SectionIntroduction, Heading: "Intro", Text: "t"}},
			Mentions: film.Mentions{Places: []string{"Texas City"}}}
		if _, err := s.PutDossier(ctx, "a-2001", d, "test"); err != nil {
			t.Fatal(err)
		}
		if name, err := s.LinkName(ctx, "place", "texas-city"); err != nil || name != "Texas City" {
			t.Errorf("LinkName = %q, %v", name, err)
		}
		if _, err := s.LinkName(ctx, "place", "nowhere"); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("LinkName of an unknown place: %v, want not found", err)
		}
		dfs, err := s.DossierFilms(ctx, 10)
		if err != nil || len(dfs) != 1 || dfs[0].Slug != "a-2001" || dfs[0].Revision != 1 {
			t.Errorf("DossierFilms = %+v, %v", dfs, err)
		}
		fid := page1[0].ID
		for i, r := range []float64{4, 4.5, 2} { // a 0–5 scale
			if _, err := s.WriteDB().ExecContext(ctx, "INSERT INTO user_ratings (source, external_user, film_id, rating) VALUES ('t', $1, $2, $3)", string(rune('a'+i)), fid, r); err != nil {
				t.Fatal(err)
			}
		}
		h, mean, err := s.RatingHistogram(ctx, "a-2001")
		if err != nil {
			t.Fatal(err)
		}
		if h[7] != 1 || h[8] != 1 || h[3] != 1 || mean < 6.9 || mean > 7.1 {
			t.Errorf("RatingHistogram = %v, mean %.2f; want 8, 9 and 4 out of 10, mean 7", h, mean)
		}
	})
}

// openTwice opens two stores on one database, as two serve processes
// would, and closes them when the test ends.
func openTwice(t *testing.T, dsn string) (*Store, *Store) {
	t.Helper()
	var out [2]*Store
	for i := range out {
		s, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out[i] = s
	}
	return out[0], out[1]
}
