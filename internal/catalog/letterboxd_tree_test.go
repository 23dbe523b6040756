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

// lbTree is a full Letterboxd export as Letterboxd writes it (layout from
// real exports: likes/, lists/ in "Letterboxd list export v7" form,
// deleted/, orphaned/, comments.csv, profile.csv), with the folders first
// in the archive, where the importer once took likes/reviews.csv for
// reviews.csv and a list named "Watchlist" for the watchlist.
var lbTree = []struct{ name, body string }{
	{"likes/reviews.csv", "Date,Content\n2024-02-01,great review\n"},
	{"likes/films.csv", "Date,Name,Year,Letterboxd URI\n2024-02-01,Tangerine,2015,https://boxd.it/9Yxs\n"},
	{"lists/watchlist.csv", "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-01-01,Watchlist,,https://boxd.it/lst1,mine\n\nPosition,Name,Year,URL,Description\n1,Tangerine,2015,https://boxd.it/9Yxs,\n"},
	{"lists/best-of-2017.csv", "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-01-05,\"Best of 2017, ranked\",\"indie, florida\",https://boxd.it/lst2,\"Two films,\nin order.\"\n\nPosition,Name,Year,URL,Description\n1,The Florida Project,2017,https://boxd.it/fp17,\"Moonee, \"\"the\"\" best\"\n2,Lady Bird,2017,https://boxd.it/lb17,\n3,Tangerine,2015,https://boxd.it/9Yxs,\n"},
	{"deleted/ratings.csv", "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Tangerine,2015,https://boxd.it/9Yxs,1\n"},
	{"orphaned/watched.csv", "Date,Name,Year,Letterboxd URI\n2024-01-01,Gone,1999,https://boxd.it/gone\n"},
	{"comments.csv", "Date,Content,Comment\n2024-01-01,https://boxd.it/x,nice\n"},
	{"profile.csv", "Date Joined,Username,Given Name,Family Name,Email Address,Location,Website,Bio,Pronoun,Favorite Films\n2019-10-03,ana,,,,,,,,\n"},
	{"reviews.csv", "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2024-03-01,Tangerine,2015,https://boxd.it/rev1,4.5,,\"Shot on\nan iPhone.\",,2024-02-28\n"},
	{"ratings.csv", "Date,Name,Year,Letterboxd URI,Rating\n2024-03-01,Tangerine,2015,https://boxd.it/9Yxs,4.5\n"},
	{"watched.csv", "Date,Name,Year,Letterboxd URI\n2024-03-01,Tangerine,2015,https://boxd.it/9Yxs\n"},
	{"watchlist.csv", "Date,Name,Year,Letterboxd URI\n2024-03-02,The Florida Project,2017,https://boxd.it/fp17\n"},
}

func TestLetterboxdFullExportTree(t *testing.T) {
	p := filepath.Join(t.TempDir(), "letterboxd-ana-2024-11-12-10-00-utc.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, e := range lbTree {
		w, _ := zw.Create(e.name)
		w.Write([]byte(e.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st := newStore(t)
	ctx := context.Background()
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportLetterboxd(ctx, st, p, "ana", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 {
		t.Errorf("row errors: %v", sum.RowErrors)
	}
	got := strs(t, st, `SELECT l.list || ' ' || f.slug FROM user_lists l JOIN films f ON f.id = l.film_id ORDER BY 1`)
	want := []string{"watched tangerine-2015", "watchlist the-florida-project-2017"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lists (-want +got):\n%s", diff)
	}
	if got := strs(t, st, "SELECT rating FROM user_ratings"); !cmp.Equal(got, []string{"4.5"}) {
		t.Errorf("ratings = %v (deleted/ratings.csv must be skipped)", got)
	}
	if got := strs(t, st, "SELECT body FROM reviews"); !cmp.Equal(got, []string{"Shot on\nan iPhone."}) {
		t.Errorf("reviews = %q", got)
	}
	// Lists are lists, in their order and with their notes; a film the
	// catalog lacks keeps its position empty and is reported.
	got = strs(t, st, `SELECT l.name || ' | ' || l.description || ' | ' || e.position || ' ' || f.slug || ' ' || e.notes
		FROM user_named_lists l JOIN user_named_list_films e ON e.list_id = l.id JOIN films f ON f.id = e.film_id ORDER BY l.name, e.position`)
	want = []string{
		"Best of 2017, ranked | Two films,\nin order. | 1 the-florida-project-2017 Moonee, \"the\" best",
		"Best of 2017, ranked | Two films,\nin order. | 3 tangerine-2015 ",
		"Watchlist | mine | 1 tangerine-2015 ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("named lists (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Unmatched{{File: "lists/best-of-2017.csv", Line: 8, Title: "Lady Bird", Year: 2017}}, sum.Unmatched); diff != "" {
		t.Errorf("unmatched (-want +got):\n%s", diff)
	}
	wantNotes := []string{
		"skipped folder deleted/ (not imported: entries the member deleted)",
		"skipped folder likes/ (not imported: films, reviews and lists the member liked)",
		"skipped folder orphaned/ (not imported: entries whose film Letterboxd no longer has)",
	}
	if diff := cmp.Diff(wantNotes, sum.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// Every export seen says "v7"; a later version with the same columns is
// read, not refused, and a file that is no list still is.
func TestReadListVersions(t *testing.T) {
	read := func(text string) (*LetterboxdList, error) {
		in, err := newInput("lists/x.csv", strings.NewReader(text), nopCloser{}, int64(len(text)))
		if err != nil {
			t.Fatal(err)
		}
		l, _, err := readList(in)
		return l, err
	}
	l, err := read("Letterboxd list export v8\nDate,Name,Tags,URL,Description\n2025-01-01,Later,,https://boxd.it/l8,\n\n" +
		"Position,Name,Year,URL,Description\n1,Tangerine,2015,https://boxd.it/9Yxs,\n")
	if err != nil || l.Name != "Later" || len(l.Entries) != 1 {
		t.Fatalf("v8 list = %+v, %v", l, err)
	}
	if _, err := read("Date,Name,Year,Letterboxd URI\n"); err == nil || !strings.Contains(err.Error(), "not a Letterboxd list") {
		t.Errorf("a watched.csv read as a list: %v", err)
	}
}
