package catalog

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeFiles writes name → content into a new directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const basicsHeader = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n"

// twoEmmas is an IMDb title.basics with two films of one title and year.
var twoEmmas = basicsHeader +
	"tt0116191\tmovie\tEmma\tEmma\t0\t1996\t\\N\t120\tComedy,Drama\n" +
	"tt0118308\ttvMovie\tEmma\tEmma\t0\t1996\t\\N\t107\tDrama\n"

func TestIMDbSameTitleYearTwoFilms(t *testing.T) {
	st := newStore(t)
	dir := writeFiles(t, map[string]string{"title.basics.tsv": twoEmmas})
	if _, err := ImportIMDb(context.Background(), st, dir, IMDbOptions{Types: []string{"movie", "tvMovie"}}); err != nil {
		t.Fatal(err)
	}
	got := strs(t, st, "SELECT imdb_id || ' ' || slug FROM films ORDER BY imdb_id")
	want := []string{"tt0116191 emma-1996", "tt0118308 emma-1996-tt0118308"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("films (-want +got):\n%s", diff)
	}
}

// The ml-latest-small defect: two movies of one title and year with their
// own IMDb ids, one of them (and a third id) already in the catalog from
// IMDb, must stay apart, and so must their ratings.
func TestMovieLensIDsNeverMerge(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	imdb := writeFiles(t, map[string]string{"title.basics.tsv": basicsHeader +
		"tt0116191\tmovie\tEmma\tEmma\t0\t1996\t\\N\t120\tComedy,Drama\n" +
		"tt7541106\tshort\tLion\tLion\t0\t2017\t\\N\t12\tShort\n"})
	if _, err := ImportIMDb(ctx, st, imdb, IMDbOptions{Types: []string{"movie", "short"}}); err != nil {
		t.Fatal(err)
	}
	ml := writeFiles(t, map[string]string{
		"movies.csv": "movieId,title,genres\n" +
			"838,Emma (1996),Comedy|Drama|Romance\n" +
			"1000,Emma (1996),Romance\n" +
			"2000,Emma (1996),Drama\n" +
			"166643,Lion (2016),Drama\n",
		"links.csv":   "movieId,imdbId,tmdbId\n838,0116191,3573\n1000,0118308,40111\n2000,,\n166643,3741834,334543\n",
		"ratings.csv": "userId,movieId,rating,timestamp\n1,838,4.0,964982703\n1,1000,2.0,964982704\n1,2000,3.0,964982705\n1,166643,5.0,964982706\n",
	})
	sum, err := ImportMovieLens(ctx, st, ml, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strs(t, st, `SELECT m.movie_id || ' ' || f.slug || ' ' || COALESCE(f.imdb_id, '-') || ' ' || COALESCE(f.tmdb_id, 0) || ' ' || r.rating
		FROM movielens_movies m JOIN films f ON f.id = m.film_id JOIN user_ratings r ON r.film_id = f.id ORDER BY m.movie_id`)
	want := []string{
		"838 emma-1996 tt0116191 3573 4.0",
		"1000 emma-1996-tt0118308 tt0118308 40111 2.0",
		"2000 emma-1996-ml2000 - 0 3.0",
		"166643 lion-2016 tt3741834 334543 5.0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("movies (-want +got):\n%s", diff)
	}
	if got := strs(t, st, "SELECT COALESCE(tmdb_id, 0) || ' ' || slug FROM films WHERE imdb_id = 'tt7541106'"); !cmp.Equal(got, []string{"0 lion-2017"}) {
		t.Errorf("the Lion short took MovieLens ids: %v", got)
	}
	if sum.FilmsCreated != 3 || sum.MatchedByID != 1 {
		t.Errorf("films created %d, matched by id %d; want 3, 1", sum.FilmsCreated, sum.MatchedByID)
	}
	if sum.Imported != 4+4+4 { // 4 links, 4 movies, 4 ratings
		t.Errorf("imported = %d, want 12", sum.Imported)
	}
}

// Two Letterboxd films of one title and year in a catalog holding two such
// films: the lookups are ambiguous, reported and attach nothing until a
// review names the film; the URIs then decide on every later import.
func TestLetterboxdAmbiguousReviewAndURIs(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	imdb := writeFiles(t, map[string]string{"title.basics.tsv": twoEmmas})
	if _, err := ImportIMDb(ctx, st, imdb, IMDbOptions{Types: []string{"movie", "tvMovie"}}); err != nil {
		t.Fatal(err)
	}
	export := writeFiles(t, map[string]string{"watched.csv": "Date,Name,Year,Letterboxd URI\n" +
		"2024-01-02,Emma,1996,https://boxd.it/1Yqe\n2024-01-03,Emma,1996,https://boxd.it/27qY\n"})
	sum, err := ImportLetterboxd(ctx, st, export, "ana", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, st, "user_lists"); n != 0 || len(sum.Matches) != 2 || sum.Matches[0].Candidates != 2 || sum.Matches[0].Matched {
		t.Fatalf("ambiguous rows: %d rows landed, matches %+v", n, sum.Matches)
	}
	var buf bytes.Buffer
	if err := WriteReview(&buf, sum.Matches, nil); err != nil {
		t.Fatal(err)
	}
	// Same title and year: one review line; a person picks the films by
	// line and the file goes back.
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "Emma,1996,,") {
		t.Fatalf("review file:\n%s", buf.String())
	}
	export = writeFiles(t, map[string]string{"watched.csv": "Date,Name,Year,Letterboxd URI\n2024-01-02,Emma,1996,https://boxd.it/1Yqe\n"})
	review, err := ReadReview(strings.NewReader(strings.Replace(buf.String(), "Emma,1996,,", "Emma,1996,emma-1996-tt0118308,", 1)), "review.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ImportLetterboxd(ctx, st, export, "ana", Options{Review: review}); err != nil {
		t.Fatal(err)
	}
	// The URI is now the film's: without the review it still decides, and
	// the other Emma's URI cannot land on the same film.
	export = writeFiles(t, map[string]string{"watched.csv": "Date,Name,Year,Letterboxd URI\n" +
		"2024-01-02,Emma,1996,https://boxd.it/1Yqe\n2024-01-03,Emma,1996,https://boxd.it/27qY\n"})
	sum, err = ImportLetterboxd(ctx, st, export, "bo", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strs(t, st, "SELECT l.external_user || ' ' || f.slug FROM user_lists l JOIN films f ON f.id = l.film_id ORDER BY 1")
	want := []string{"ana emma-1996-tt0118308", "bo emma-1996", "bo emma-1996-tt0118308"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("watched (-want +got):\n%s", diff)
	}
	if sum.MatchedByID != 1 || sum.MatchedByTitle != 1 {
		t.Errorf("matched by id %d, by title %d; want 1, 1", sum.MatchedByID, sum.MatchedByTitle)
	}
}

// A year off by one still matches when nothing matches exactly, but never
// silently: the match is listed with its score.
func TestLetterboxdYearOffReported(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	imdb := writeFiles(t, map[string]string{"title.basics.tsv": basicsHeader + "tt6543652\tmovie\tCold War\tZimna wojna\t0\t2017\t\\N\t88\tDrama\n"})
	if _, err := ImportIMDb(ctx, st, imdb, IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	export := writeFiles(t, map[string]string{"ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Cold War,2018,https://boxd.it/fmKe,4.5\n"})
	sum, err := ImportLetterboxd(ctx, st, export, "ana", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Match{{File: "ratings.csv", Line: 2, Title: "Cold War", Year: 2018, FilmSlug: "cold-war-2017", FilmTitle: "Cold War",
		FilmYear: 2017, Score: scoreExact - yearOffScore, How: "exact, year ±1", Candidates: 1, Matched: true}}
	if diff := cmp.Diff(want, sum.Matches); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	// Rejected in review: nothing lands, and the row is unmatched.
	sum, err = ImportLetterboxd(ctx, st, export, "bo", Options{Review: map[string]string{reviewKey("Cold War", 2018): "reject"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Unmatched) != 1 || strs(t, st, "SELECT external_user FROM user_ratings")[0] != "ana" || count(t, st, "user_ratings") != 1 {
		t.Errorf("rejected match landed: unmatched %v", sum.Unmatched)
	}
}

// Box office creates the films it does not find, and lists them.
func TestBoxOfficeListsCreatedFilms(t *testing.T) {
	st := newStore(t)
	p := filepath.Join(writeFiles(t, map[string]string{"bo.csv": "Title,Year,US Gross\nEmma,1996,22231658\nHeat,1995,67436818\n"}), "bo.csv")
	sum, err := ImportBoxOffice(context.Background(), st, p, BoxOfficeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []FilmRef{{Slug: "emma-1996", Title: "Emma", Year: 1996}, {Slug: "heat-1995", Title: "Heat", Year: 1995}}
	if diff := cmp.Diff(want, sum.Created); diff != "" || sum.FilmsCreated != 2 {
		t.Errorf("created %d (-want +got):\n%s", sum.FilmsCreated, diff)
	}
}
