package catalog

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// zipDir packs dir's files into a ZIP the way Letterboxd ships exports,
// with a deleted/ folder whose files must be ignored.
func zipDir(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "letterboxd-member-2024-11-12.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		for _, name := range []string{e.Name(), "deleted/" + e.Name()} {
			w, _ := zw.Create(name)
			if name != e.Name() {
				b = []byte("garbage\n")
			}
			w.Write(b)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func TestImportLetterboxd(t *testing.T) {
	for _, form := range []string{"dir", "zip"} {
		t.Run(form, func(t *testing.T) {
			st := newStore(t)
			ctx := context.Background()
			if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
				t.Fatal(err)
			}
			export := "testdata/letterboxd"
			if form == "zip" {
				export = zipDir(t, export)
			}
			sum, err := ImportLetterboxd(ctx, st, export, "moonee", Options{})
			if err != nil {
				t.Fatal(err)
			}
			wantErrs := []RowError{
				{File: "ratings.csv", Line: 5, Field: "Rating", Reason: `bad rating (0.5–5 in halves): "6"`},
				{File: "diary.csv", Line: 4, Field: "Watched Date", Reason: `bad date (want YYYY-MM-DD): "2024-13-40"`},
			}
			if diff := cmp.Diff(wantErrs, sum.RowErrors); diff != "" {
				t.Errorf("row errors (-want +got):\n%s", diff)
			}
			wantUnmatched := []Unmatched{
				{File: "watched.csv", Line: 6, Title: "A Film Nobody Has", Year: 1999},
				{File: "watchlist.csv", Line: 3, Title: "Nonexistent Picture", Year: 2030},
			}
			if diff := cmp.Diff(wantUnmatched, sum.Unmatched); diff != "" {
				t.Errorf("unmatched (-want +got):\n%s", diff)
			}
			// Case, diacritics and alternative titles all find their film;
			// Red Rocket's year is off by one.
			got := strs(t, st, `SELECT l.list || ' ' || f.slug FROM user_lists l JOIN films f ON f.id = l.film_id ORDER BY 1`)
			want := []string{"watched amelie-2001", "watched tangerine-2015", "watchlist anora-2024"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("lists (-want +got):\n%s", diff)
			}
			got = strs(t, st, `SELECT f.slug || ' ' || r.rating FROM user_ratings r JOIN films f ON f.id = r.film_id
				WHERE r.source = 'letterboxd' AND r.external_user = 'moonee' ORDER BY 1`)
			want = []string{"red-rocket-2021 4.0", "tangerine-2015 4.5", "the-florida-project-2017 5.0"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ratings (-want +got):\n%s", diff)
			}
			if got := strs(t, st, "SELECT watched_on || ' ' || rewatch || ' ' || tags FROM diary_entries ORDER BY watched_on"); !cmp.Equal(got, []string{"2024-11-01 0 sean baker, la", "2024-11-09 1 "}) {
				t.Errorf("diary = %q", got)
			}
			if got := strs(t, st, "SELECT body FROM reviews"); !cmp.Equal(got, []string{`Shot on an iPhone, and "alive".`}) {
				t.Errorf("reviews = %q", got)
			}
			// Importing the same export again changes nothing.
			n := count(t, st, "user_lists") + count(t, st, "diary_entries") + count(t, st, "user_ratings")
			if _, err := ImportLetterboxd(ctx, st, export, "moonee", Options{}); err != nil {
				t.Fatal(err)
			}
			if m := count(t, st, "user_lists") + count(t, st, "diary_entries") + count(t, st, "user_ratings"); m != n {
				t.Errorf("rows after re-import = %d, want %d", m, n)
			}
		})
	}
}

func TestImportLetterboxdBadExport(t *testing.T) {
	st := newStore(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ratings.csv"), []byte("Date,Title,Stars\n2024-01-01,X,3\n"), 0o644)
	_, err := ImportLetterboxd(context.Background(), st, dir, "moonee", Options{})
	if err == nil || err.Error() != `ratings.csv: wrong header "Date,Title,Stars": missing column(s) Name, Year, Rating` {
		t.Errorf("err = %v", err)
	}
	if _, err := ImportLetterboxd(context.Background(), st, "testdata/nope.zip", "moonee", Options{}); err == nil {
		t.Error("a missing export imported without error")
	}
}
