package catalog

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The releases' layouts, reproduced with rows of our own: 1M's "::"
// files in Latin-1, 100K's u.item ("|", genre flags) and u.data (tabs),
// the GroupLens zip as downloaded (one top folder), and a parent folder.
func TestMovieLensReleaseLayouts(t *testing.T) {
	item := func(id, title string, flags ...int) string {
		f := make([]string, 19)
		for i := range f {
			f[i] = "0"
		}
		for _, i := range flags {
			f[i] = "1"
		}
		return id + "|" + title + "|01-Jan-1995||http://us.imdb.com/M/title-exact?x|" + strings.Join(f, "|") + "\n"
	}
	m1 := map[string]string{
		"ml-1m/movies.dat":  "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Cit\xe9 des enfants perdus, La (1995)::Adventure|Sci-Fi\n",
		"ml-1m/ratings.dat": "1::1::5::978300760\n2::2::4::978300761\n2::9::3::978300762\n",
		"ml-1m/users.dat":   "1::F::1::10::48067\n",
	}
	k100 := map[string]string{
		"ml-100k/u.item":  item("1", "Toy Story (1995)", 3, 4, 5) + item("2", "GoldenEye (1995)", 1, 2, 17),
		"ml-100k/u.data":  "196\t1\t3\t881250949\n186\t2\t4\t891717742\n",
		"ml-100k/u.user":  "1|24|M|technician|85711\n",
		"ml-100k/u1.base": "1\t1\t5\t874965758\n",
		"ml-100k/README":  "SUMMARY & USAGE LICENSE\n",
	}
	// 25M and 32M: CSV with headers, and the tag genome beside them.
	m25 := map[string]string{
		"ml-25m/movies.csv":        "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n2,\"City of Lost Children, The (Cit\u00e9 des enfants perdus, La) (1995)\",Adventure|Sci-Fi\n",
		"ml-25m/ratings.csv":       "userId,movieId,rating,timestamp\n1,1,5.0,1147880044\n2,2,4.0,1147868817\n",
		"ml-25m/genome-scores.csv": "movieId,tagId,relevance\n1,1,0.029\n",
		"ml-25m/genome-tags.csv":   "tagId,tag\n1,007\n",
		"ml-25m/README.txt":        "Summary\n",
	}
	want := func(first string) []string {
		return []string{first, "la-cite-des-enfants-perdus-1995"}
	}
	tests := []struct {
		name   string
		files  map[string]string
		zip    bool
		parent bool
		films  []string
		genres string
		rated  int
		notes  []string
	}{
		{"1M folder", m1, false, false, want("toy-story-1995"), "Animation,Children's,Comedy", 2, []string{mlLeftOutNote([]string{"users.dat"})}},
		{"1M zip", m1, true, false, want("toy-story-1995"), "Animation,Children's,Comedy", 2, []string{mlLeftOutNote([]string{"users.dat"})}},
		{"100K parent folder", k100, false, true, []string{"toy-story-1995", "goldeneye-1995"}, "Animation,Children,Comedy", 2,
			[]string{mlLeftOutNote([]string{"u.user", "u1.base"})}},
		{"25M zip", m25, true, false, []string{"toy-story-1995", "the-city-of-lost-children-1995"}, "Adventure,Animation,Children,Comedy,Fantasy", 2,
			[]string{mlLeftOutNote([]string{"genome-scores.csv", "genome-tags.csv"})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			path := filepath.Join(dir, strings.Split(firstKey(tt.files), "/")[0])
			if tt.parent {
				path = dir
			}
			if tt.zip {
				path = zipFiles(t, tt.files)
			}
			st := newStore(t)
			sum, err := ImportMovieLens(context.Background(), st, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Errors != 0 {
				t.Errorf("row errors %v", sum.RowErrors)
			}
			films := strs(t, st, "SELECT f.slug FROM movielens_movies m JOIN films f ON f.id = m.film_id ORDER BY m.movie_id")
			if diff := cmp.Diff(tt.films, films); diff != "" {
				t.Errorf("films (-want +got):\n%s", diff)
			}
			if got := strs(t, st, "SELECT genres FROM movielens_movies WHERE movie_id = 1"); !cmp.Equal(got, []string{tt.genres}) {
				t.Errorf("genres = %q, want %q", got, tt.genres)
			}
			if n := count(t, st, "user_ratings"); n != tt.rated {
				t.Errorf("ratings = %d, want %d", n, tt.rated)
			}
			if diff := cmp.Diff(tt.notes, sum.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
	// 1M's Latin-1 title is decoded, and its original title kept.
	st := newStore(t)
	if _, err := ImportMovieLens(context.Background(), st, filepath.Join(writeFiles(t, m1), "ml-1m"), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := strs(t, st, "SELECT title FROM movielens_movies WHERE movie_id = 2"); !cmp.Equal(got, []string{"Cité des enfants perdus, La (1995)"}) {
		t.Errorf("latin-1 title = %q", got)
	}
	// Two releases in one folder: the message says which to point at.
	two := writeFiles(t, map[string]string{"ml-1m/movies.dat": m1["ml-1m/movies.dat"], "ml-100k/u.item": k100["ml-100k/u.item"]})
	_, err := ImportMovieLens(context.Background(), newStore(t), two, Options{})
	if err == nil || !strings.Contains(err.Error(), "several MovieLens releases (ml-100k, ml-1m); point at one") {
		t.Errorf("err = %v", err)
	}
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

func zipFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "release.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// 100K's u.item holds a movie with no title ("unknown", no release date,
// no link: movie 267 of the real release). It becomes no film: its row is
// skipped as having no title, counted and named with its line, and its
// ratings match nothing. A film titled "Unknown" with a year still lands.
func TestMovieLens100KUntitledMovie(t *testing.T) {
	flags := "|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
	dir := writeFiles(t, map[string]string{
		"ml-100k/u.item": "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)" + flags +
			"267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n" +
			"268|Unknown (2011)|18-Feb-2011||" + flags,
		"ml-100k/u.data": "196\t1\t3\t881250949\n130\t267\t5\t875801239\n5\t267\t4\t875635064\n",
	})
	st := newStore(t)
	sum, err := ImportMovieLens(context.Background(), st, filepath.Join(dir, "ml-100k"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strs(t, st, "SELECT slug FROM films ORDER BY id"); !cmp.Equal(got, []string{"toy-story-1995", "unknown-2011"}) {
		t.Errorf("films = %q", got)
	}
	var item FileSummary
	for _, f := range sum.Files {
		if f.File == "u.item" {
			item = f
		}
	}
	if item.Read != 3 || item.Imported != 2 || item.Skipped != 1 || item.SkippedBy["malformed: no title"] != 1 {
		t.Errorf("u.item summary = %+v, want 3 read, 2 imported, 1 skipped for no title", item)
	}
	if len(sum.RowErrors) != 1 || sum.RowErrors[0].Line != 2 || sum.RowErrors[0].Field != "title" ||
		!strings.HasPrefix(sum.RowErrors[0].Reason, "no title") {
		t.Errorf("row errors = %+v, want u.item line 2's title named", sum.RowErrors)
	}
	if sum.FilmsCreated != 2 || sum.MatchedNothing != 2 {
		t.Errorf("films created %d, ratings matching nothing %d; want 2 and 2", sum.FilmsCreated, sum.MatchedNothing)
	}
}
