package catalog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// copyFixture copies the files of a testdata folder into a new temporary
// folder, which the test may then edit.
func copyFixture(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// editFile replaces old by new in dir/name, failing if old is not there.
func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// unchangedOf checks that a first import's counts hold imported rows only
// and returns what an identical re-import must say: all of them unchanged.
func unchangedOf(t *testing.T, first map[string]rowCounts) map[string]rowCounts {
	t.Helper()
	want := map[string]rowCounts{}
	for f, c := range first {
		if c.Imported == 0 || c.Updated != 0 || c.Unchanged != 0 {
			t.Errorf("first import of %s: %+v, want only imported rows", f, c)
		}
		want[f] = rowCounts{Unchanged: c.Imported}
	}
	return want
}

// IMDb: an identical re-import updates nothing in any file and says how
// many rows it found as they were; a re-import that changes one row of
// each file counts that row, and only that row, as updated (or, for a
// credit the catalog lacked, imported), and what it says landed.
func TestIMDbUnchangedCounts(t *testing.T) {
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		dir := copyFixture(t, "testdata/imdb/ok")
		run := func() *Summary {
			t.Helper()
			sum, err := ImportIMDb(ctx, st, dir, IMDbOptions{Types: []string{"all"}})
			if err != nil {
				t.Fatal(err)
			}
			return sum
		}
		first := countsOf(run())
		again := run()
		want := unchangedOf(t, first)
		if diff := cmp.Diff(want, countsOf(again)); diff != "" {
			t.Errorf("identical re-import (-want +got):\n%s", diff)
		}
		if again.Imported != 0 || again.Updated != 0 {
			t.Errorf("identical re-import: %d imported, %d updated; want 0, 0", again.Imported, again.Updated)
		}

		editFile(t, dir, "title.basics.tsv", "Tangerine\t0\t2015\t\\N\t88\t", "Tangerine\t0\t2015\t\\N\t89\t")
		editFile(t, dir, "title.basics.tsv", "111\tDrama", "111\tDrama,History")
		editFile(t, dir, "title.ratings.tsv", "7.0\t40000", "7.0\t40001")
		editFile(t, dir, "name.basics.tsv", "Mya Taylor\t1991", "Mya Taylor\t1990")
		editFile(t, dir, "title.akas.tsv", "Mandarina\tES", "Mandarina\tMX")
		editFile(t, dir, "title.episode.tsv", "tt0903747\t1\t1", "tt0903747\t1\t2")
		editFile(t, dir, "title.principals.tsv", "tt3824458\t2\tnm6997365", "tt3824458\t7\tnm6997365")
		editFile(t, dir, "title.crew.tsv", "tt13508888\tnm1194337\t\\N", "tt13508888\tnm1194337\tnm3066981")
		third := countsOf(run())
		changed := map[string]rowCounts{
			"title.basics.tsv":     {Updated: 2},
			"title.ratings.tsv":    {Updated: 1},
			"name.basics.tsv":      {Updated: 1},
			"title.akas.tsv":       {Updated: 1},
			"title.episode.tsv":    {Updated: 1},
			"title.principals.tsv": {Updated: 1},
			"title.crew.tsv":       {Imported: 1},
		}
		for f, c := range changed {
			c.Unchanged = first[f].Imported - c.Updated - c.Imported
			want[f] = c
		}
		if diff := cmp.Diff(want, third); diff != "" {
			t.Errorf("re-import with one row of each file changed (-want +got):\n%s", diff)
		}
		checks := []struct {
			query string
			want  string
		}{
			{"SELECT runtime_min FROM films WHERE imdb_id = 'tt3824458'", "89"},
			{"SELECT COUNT(*) FROM film_genres g JOIN films f ON f.id = g.film_id WHERE f.imdb_id = 'tt5649144'", "2"},
			{"SELECT rating_votes FROM films WHERE imdb_id = 'tt13508888'", "40001"},
			{"SELECT birth_year FROM people WHERE imdb_id = 'nm6997365'", "1990"},
			{"SELECT region FROM alt_titles WHERE title = 'Mandarina'", "MX"},
			{"SELECT episode FROM episodes", "2"},
			{"SELECT c.billing FROM credits c JOIN people p ON p.id = c.person_id WHERE p.imdb_id = 'nm6997365'", "7"},
			{`SELECT COUNT(*) FROM credits c JOIN people p ON p.id = c.person_id JOIN films f ON f.id = c.film_id
				WHERE p.imdb_id = 'nm3066981' AND f.imdb_id = 'tt13508888' AND c.role = 'writer'`, "1"},
		}
		for _, c := range checks {
			if got := strs(t, st, c.query); len(got) != 1 || got[0] != c.want {
				t.Errorf("%s = %v, want %s", c.query, got, c.want)
			}
		}
	})
}

// MovieLens: the same for movies, links, ratings and tags, on a catalog
// that an IMDb import shares (Tangerine is matched by its IMDb id).
func TestMovieLensUnchangedCounts(t *testing.T) {
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
			t.Fatal(err)
		}
		dir := copyFixture(t, "testdata/movielens")
		run := func() map[string]rowCounts {
			t.Helper()
			sum, err := ImportMovieLens(ctx, st, dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Imported+sum.Updated+sum.Unchanged == 0 {
				t.Fatal("the import counted no row")
			}
			return countsOf(sum)
		}
		first := run()
		want := unchangedOf(t, first)
		if diff := cmp.Diff(want, run()); diff != "" {
			t.Errorf("identical re-import (-want +got):\n%s", diff)
		}

		editFile(t, dir, "movies.csv", "3,Tangerine (2015),Comedy|Drama", "3,Tangerine (2015),Comedy|Drama|Indie")
		editFile(t, dir, "links.csv", "1,0114709,862", "1,0114709,863")
		editFile(t, dir, "ratings.csv", "1,3,5.0,964981247", "1,3,4.0,964981247")
		editFile(t, dir, "ratings.csv", "2,3,4.5,1445714885", "2,3,4.5,1445714885\n9,3,2.5,1445714885")
		editFile(t, dir, "tags.csv", "2,3,iphone,1445715010", "2,3,iphone,1445715011")
		// Toy Story's new TMDb id changes its MovieLens record (the film's
		// own TMDb id is only ever filled, not replaced).
		changed := map[string]rowCounts{
			"movies.csv":  {Updated: 2},
			"links.csv":   {Updated: 1},
			"ratings.csv": {Updated: 1, Imported: 1},
			"tags.csv":    {Updated: 1},
		}
		for f, c := range changed {
			c.Unchanged = first[f].Imported - c.Updated
			want[f] = c
		}
		if diff := cmp.Diff(want, run()); diff != "" {
			t.Errorf("re-import with rows changed (-want +got):\n%s", diff)
		}
		checks := []struct{ query, want string }{
			{"SELECT genres FROM movielens_movies WHERE movie_id = 3", "Comedy,Drama,Indie"},
			{"SELECT CAST(tmdb_id AS TEXT) FROM movielens_movies WHERE movie_id = 1", "863"},
			{"SELECT CAST(rating AS TEXT) FROM user_ratings WHERE source = 'movielens' AND external_user = '1' AND film_id = (SELECT film_id FROM movielens_movies WHERE movie_id = 3)", "4"},
			{"SELECT CAST(COUNT(*) AS TEXT) FROM user_ratings WHERE source = 'movielens' AND external_user = '9'", "1"},
			{"SELECT CAST(tagged_at AS TEXT) FROM movielens_tags WHERE tag = 'iphone'", "1445715011"},
		}
		for _, c := range checks {
			if got := strs(t, st, c.query); len(got) != 1 || (got[0] != c.want && got[0] != c.want+".0") {
				t.Errorf("%s = %v, want %s", c.query, got, c.want)
			}
		}
	})
}
