package catalog

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMLTitle(t *testing.T) {
	tests := []struct {
		in    string
		title string
		year  int
		alts  []string
	}{
		{"Toy Story (1995)", "Toy Story", 1995, nil},
		{"American President, The (1995)", "The American President", 1995, nil},
		{"City of Lost Children, The (Cité des enfants perdus, La) (1995)", "The City of Lost Children", 1995, []string{"La Cité des enfants perdus"}},
		{"Seven (a.k.a. Se7en) (1995)", "Seven", 1995, []string{"Se7en"}},
		{"Shanghai Triad (Yao a yao yao dao waipo qiao) (1995)", "Shanghai Triad", 1995, []string{"Yao a yao yao dao waipo qiao"}},
		{"Babylon 5", "Babylon 5", 0, nil},
		{"Hyena Road ", "Hyena Road", 0, nil},
		{"Fawlty Towers (1975-1979)", "Fawlty Towers", 1975, nil},
	}
	for _, tt := range tests {
		title, year, alts := mlTitle(tt.in)
		if title != tt.title || year != tt.year || !cmp.Equal(alts, tt.alts) {
			t.Errorf("mlTitle(%q) = %q, %d, %q; want %q, %d, %q", tt.in, title, year, alts, tt.title, tt.year, tt.alts)
		}
	}
}

func TestImportMovieLensJoinsIMDb(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	films := count(t, st, "films")
	sum, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []RowError{{File: "ratings.csv", Line: 7, Field: "rating", Reason: `bad rating (0.5–5): "7.0"`}}
	if diff := cmp.Diff(want, sum.RowErrors); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	// Tangerine and Amélie join the IMDb films through links.csv; the
	// three others are new.
	if got := count(t, st, "films"); got != films+3 {
		t.Errorf("films = %d, want %d", got, films+3)
	}
	got := strs(t, st, `SELECT f.slug || ' ' || m.rating_avg || ' ' || m.rating_count FROM movielens_movies m
		JOIN films f ON f.id = m.film_id ORDER BY m.movie_id`)
	wantMovies := []string{"toy-story-1995 3.5 2", "the-american-president-1995 0.0 0", "tangerine-2015 4.75 2",
		"the-city-of-lost-children-1995 0.0 0", "amelie-2001 0.0 0"}
	if diff := cmp.Diff(wantMovies, got); diff != "" {
		t.Errorf("movies (-want +got):\n%s", diff)
	}
	if got := strs(t, st, "SELECT tag FROM movielens_tags ORDER BY tag"); !cmp.Equal(got, []string{"iphone", "sean baker"}) {
		t.Errorf("tags = %v", got)
	}
	if n := sum.file("ratings.csv").MatchedNothingBy["movie not in movies.csv"]; n != 1 {
		t.Errorf("ratings skipped for unknown movie = %d, want 1", n)
	}
	// The IMDb film keeps IMDb's rating; MovieLens's is kept apart.
	f, err := st.FilmByIMDb(ctx, "tt3824458")
	if err != nil || f.Rating.Average != 7.1 || f.IDs.IMDb != "tt3824458" {
		t.Errorf("Tangerine after MovieLens = %+v, %v", f, err)
	}

	// A second run changes nothing.
	before := count(t, st, "user_ratings")
	if _, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, st, "user_ratings"); got != before || count(t, st, "films") != films+3 {
		t.Errorf("after re-import: %d ratings (want %d), %d films", got, before, count(t, st, "films"))
	}
}

// links.csv as a dataframe writes it back: ids without their zeros, floats
// where a column had gaps ("862.0"), or IMDb's own "tt" form.
func TestImportMovieLensLinksFromADataframe(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	movies, err := os.ReadFile("testdata/movielens/movies.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	links := "movieId,imdbId,tmdbId\n1,114709.0,862.0\n3,tt3824458,\n5,211915,194.0\n"
	for name, body := range map[string]string{"movies.csv": string(movies), "links.csv": links} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := ImportMovieLens(ctx, st, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 {
		t.Fatalf("row errors: %v", sum.RowErrors)
	}
	got := strs(t, st, `SELECT m.movie_id || ' ' || f.slug || ' ' || COALESCE(f.imdb_id, '') FROM movielens_movies m
		JOIN films f ON f.id = m.film_id WHERE m.movie_id IN (1, 3, 5) ORDER BY m.movie_id`)
	want := []string{"1 toy-story-1995 tt0114709", "3 tangerine-2015 tt3824458", "5 amelie-2001 tt0211915"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("movies (-want +got):\n%s", diff)
	}
}
