package catalog

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/memberio"
	"marquee/internal/store"
)

// memberFixture fills a catalog with ten films (nine with IMDb ids) and
// returns a member's id, creating the member.
func addMember(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ($1, 1)", name); err != nil {
		t.Fatal(err)
	}
	id, err := st.MemberID(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

var memberFilms = []film.Film{
	{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021, IDs: film.ExternalIDs{IMDb: "tt13441040"}},
	{Slug: "anora-2024", Title: "Anora", Year: 2024, IDs: film.ExternalIDs{IMDb: "tt28607951"}},
	{Slug: "tangerine-2015", Title: "Tangerine", Year: 2015}, // no IMDb id: matched by name and year
	{Slug: "the-florida-project-2017", Title: "The Florida Project", Year: 2017, IDs: film.ExternalIDs{IMDb: "tt5649144"}},
	{Slug: "starlet-2012", Title: "Starlet", Year: 2012, IDs: film.ExternalIDs{IMDb: "tt2210781"}},
	{Slug: "prince-of-broadway-2008", Title: "Prince of Broadway", Year: 2008, IDs: film.ExternalIDs{IMDb: "tt1087461"}},
	{Slug: "take-out-2004", Title: "Take Out", Year: 2004, IDs: film.ExternalIDs{IMDb: "tt0413015"}},
	{Slug: "four-letter-words-2000", Title: "Four Letter Words", Year: 2000, IDs: film.ExternalIDs{IMDb: "tt0230030"}},
	{Slug: "the-sound-of-music-1965", Title: "The Sound of Music", Year: 1965, IDs: film.ExternalIDs{IMDb: "tt0059742"}},
	{Slug: "paris-texas-1984", Title: "Paris, Texas", Year: 1984, IDs: film.ExternalIDs{IMDb: "tt0087884"}},
}

func memberCatalog(t *testing.T) *store.Store {
	t.Helper()
	st := newStore(t)
	for _, f := range memberFilms {
		if err := st.PutFilm(context.Background(), &f); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// richMember gives a member one of everything, every rating from ½ to 5.
func richMember(t *testing.T, st *store.Store, uid int64) {
	t.Helper()
	ctx := context.Background()
	for i, f := range memberFilms {
		r := member.Rating(i + 1)
		liked := i%3 == 0
		if err := st.SetFilmLog(ctx, uid, f.Slug, store.FilmLogChange{Rating: &r, Liked: &liked}); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []member.DiaryEntry{
		{FilmSlug: "red-rocket-2021", WatchedOn: "2022-01-08", Rating: 9, Tags: []string{"cinema", "a24"}},
		{FilmSlug: "red-rocket-2021", WatchedOn: "2024-06-01", Rating: 1, Rewatch: true},
		{FilmSlug: "tangerine-2015", WatchedOn: "2015-07-10"},
	} {
		if _, err := st.LogViewing(ctx, uid, d); err != nil {
			t.Fatal(err)
		}
	}
	// LogViewing rated the films again; set the final ratings back.
	for _, f := range []struct {
		slug string
		r    member.Rating
	}{{"red-rocket-2021", 1}, {"tangerine-2015", 3}} {
		if err := st.SetFilmLog(ctx, uid, f.slug, store.FilmLogChange{Rating: &f.r}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.PutReview(ctx, uid, member.Review{FilmSlug: "red-rocket-2021", WatchedOn: "2022-01-08",
		Body: "Mikey Saber comes home.\n\nHe is *awful*, \"charming\", and the ending —\nwell, watch it."}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"anora-2024", "paris-texas-1984"} {
		if err := st.SetWatchlist(ctx, uid, s, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.SaveList(ctx, uid, member.List{Name: "Sean Baker, ranked", Description: "From *Take Out* on.", Public: true,
		Entries: []member.ListEntry{{FilmSlug: "anora-2024", Note: "Palme d'Or"}, {FilmSlug: "tangerine-2015"}, {FilmSlug: "take-out-2004", Note: "with Shih-Ching Tsou"}}}); err != nil {
		t.Fatal(err)
	}
}

func exportZip(t *testing.T, st *store.Store, uid int64) string {
	t.Helper()
	d, err := st.MemberExport(context.Background(), uid)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "letterboxd-export.zip")
	var buf bytes.Buffer
	if err := memberio.WriteLetterboxd(&buf, d, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// zipLines returns each file of a ZIP as its header and sorted rows.
func zipLines(t *testing.T, p string) map[string][]string {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		body := lines[1:]
		if !strings.HasPrefix(f.Name, "lists/") { // list files keep their order
			sort.Strings(body)
		}
		out[f.Name] = append(lines[:1:1], body...)
	}
	return out
}

func TestLetterboxdRoundTrip(t *testing.T) {
	st := memberCatalog(t)
	ctx := context.Background()
	ana, bo := addMember(t, st, "ana"), addMember(t, st, "bo")
	richMember(t, st, ana)
	first := exportZip(t, st, ana)
	want := zipLines(t, first)
	for _, f := range []string{"watched.csv", "ratings.csv", "diary.csv", "reviews.csv", "watchlist.csv", "likes/films.csv", "lists/sean-baker-ranked.csv"} {
		if len(want[f]) < 2 {
			t.Errorf("export %s is empty: %q", f, want[f])
		}
	}
	if got := want["diary.csv"][0]; got != "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date" {
		t.Errorf("diary header = %q", got)
	}
	sum, err := ImportMemberLetterboxd(ctx, st, first, bo, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pending != 0 || len(sum.RowErrors) != 0 {
		t.Errorf("own export left pending %d, errors %v", sum.Pending, sum.RowErrors)
	}
	got := zipLines(t, exportZip(t, st, bo))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("export → import → export changed the files (-first +second):\n%s", diff)
	}
	// A second import of the same export changes nothing.
	again, err := ImportMemberLetterboxd(ctx, st, first, bo, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := again.Counts; c.Diary+c.Reviews+c.Films+c.Watchlist != 0 || c.Unchanged == 0 {
		t.Errorf("re-import counts = %+v, want only unchanged rows", c)
	}
	if diff := cmp.Diff(want, zipLines(t, exportZip(t, st, bo))); diff != "" {
		t.Errorf("re-import changed the account (-want +got):\n%s", diff)
	}
}

func TestIMDbRoundTripWithoutDrift(t *testing.T) {
	st := memberCatalog(t)
	ctx := context.Background()
	ana, cy := addMember(t, st, "ana"), addMember(t, st, "cy")
	richMember(t, st, ana)
	films, err := st.MemberFilms(ctx, ana)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	skipped, err := memberio.WriteIMDbRatings(&out, films)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"tangerine-2015"}, skipped); diff != "" {
		t.Errorf("films without an IMDb id (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(out.String(), "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,") {
		t.Errorf("header = %q", strings.SplitN(out.String(), "\n", 2)[0])
	}
	sum, err := memberio.ImportIMDb(ctx, st, cy, bytes.NewReader(out.Bytes()), "ratings.csv", true)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Counts.Ratings != 9 || len(sum.Unmatched) != 0 {
		t.Errorf("summary = %+v", sum)
	}
	again, _ := st.MemberFilms(ctx, cy)
	ratings := func(ls []member.FilmLog) map[string]member.Rating {
		m := map[string]member.Rating{}
		for _, l := range ls {
			if l.IMDbID != "" {
				m[l.FilmSlug] = l.Rating
			}
		}
		return m
	}
	if diff := cmp.Diff(ratings(films), ratings(again)); diff != "" {
		t.Errorf("ratings after the IMDb round trip (-want +got):\n%s", diff)
	}
	var out2 bytes.Buffer
	memberio.WriteIMDbRatings(&out2, again)
	if diff := cmp.Diff(sortedLines(out.String()), sortedLines(out2.String())); diff != "" {
		t.Errorf("second IMDb export differs (-first +second):\n%s", diff)
	}
	wl, _ := st.Watchlist(ctx, ana)
	var w bytes.Buffer
	memberio.WriteIMDbWatchlist(&w, wl)
	if _, err := memberio.ImportIMDb(ctx, st, cy, bytes.NewReader(w.Bytes()), "watchlist.csv", false); err != nil {
		t.Fatal(err)
	}
	wl2, _ := st.Watchlist(ctx, cy)
	if diff := cmp.Diff(wl, wl2); diff != "" {
		t.Errorf("watchlist after the IMDb round trip (-want +got):\n%s", diff)
	}
}

func sortedLines(s string) []string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return l
}

func TestIMDbImportRefusesBadRows(t *testing.T) {
	st := memberCatalog(t)
	ctx := context.Background()
	uid := addMember(t, st, "ana")
	in := "Const,Your Rating,Date Rated,Title\ntt13441040,9,2024-01-01,Red Rocket\ntt28607951,11,2024-01-02,Anora\nnm0048874,5,2024-01-02,Sean Baker\ntt9999999,4,2024-13-01,Nothing\n"
	sum, err := memberio.ImportIMDb(ctx, st, uid, strings.NewReader(in), "ratings.csv", true)
	if !errors.Is(err, memberio.ErrMalformed) {
		t.Fatalf("err = %v, want malformed", err)
	}
	var got []string
	for _, e := range sum.Errors {
		got = append(got, e.Error())
	}
	want := []string{
		"ratings.csv: line 3: field Your Rating: must be from 1 to 10, not 11",
		`ratings.csv: line 4: field Const: not an IMDb title id: "nm0048874"`,
		`ratings.csv: line 5: field Date Rated: bad date (want YYYY-MM-DD): "2024-13-01"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if films, _ := st.MemberFilms(ctx, uid); len(films) != 0 {
		t.Errorf("a refused file wrote %d films", len(films))
	}
	if _, err := memberio.ImportIMDb(ctx, st, uid, strings.NewReader("Date,Name,Year\n"), "x.csv", true); !errors.Is(err, memberio.ErrNotIMDb) {
		t.Errorf("a Letterboxd file read as IMDb: %v", err)
	}
}

func TestMemberImportFilesUnmatchedAndFuzzyRows(t *testing.T) {
	st := memberCatalog(t)
	ctx := context.Background()
	if err := st.PutFilm(ctx, &film.Film{Slug: "amelie-2001", Title: "Amélie", Year: 2001}); err != nil {
		t.Fatal(err)
	}
	uid := addMember(t, st, "ana")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "watched.csv"), []byte("Date,Name,Year,Letterboxd URI\n"+
		"2024-11-02,Tangerine,2015,https://boxd.it/aaaa\n"+
		"2024-11-03,AMELIE,2001,https://boxd.it/bbbb\n"+
		"2024-11-04,Red Rocket,2022,https://boxd.it/eeee\n"+ // a year off: fuzzy
		"2024-11-06,A Film Nobody Has,1999,https://boxd.it/cccc\n"), 0o600)
	sum, err := ImportMemberLetterboxd(ctx, st, dir, uid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Unmatched{{File: "watched.csv", Line: 5, Title: "A Film Nobody Has", Year: 1999}}, sum.Unmatched); diff != "" {
		t.Errorf("unmatched (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Unmatched{{File: "watched.csv", Line: 4, Title: "Red Rocket", Year: 2022}}, sum.Fuzzy); diff != "" {
		t.Errorf("fuzzy (-want +got):\n%s", diff)
	}
	pend, err := st.PendingImports(ctx, uid)
	if err != nil || len(pend) != 2 || pend[0].Suggested != "red-rocket-2021" {
		t.Fatalf("pending = %+v, %v", pend, err)
	}
	if _, ok, _ := st.FilmLogOf(ctx, uid, "red-rocket-2021"); ok {
		t.Error("a fuzzy row was imported before the member confirmed it")
	}
	if _, err := st.ResolvePending(ctx, uid, pend[0].ID, pend[0].Suggested); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.FilmLogOf(ctx, uid, "red-rocket-2021"); !ok {
		t.Error("the confirmed row did not land")
	}
	other := addMember(t, st, "bo")
	if _, err := st.ResolvePending(ctx, other, pend[1].ID, "anora-2024"); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("another member resolved the row: %v", err)
	}
	films, _ := st.MemberFilms(ctx, uid)
	var slugs []string
	for _, f := range films {
		slugs = append(slugs, f.FilmSlug)
	}
	sort.Strings(slugs)
	if diff := cmp.Diff([]string{"amelie-2001", "red-rocket-2021", "tangerine-2015"}, slugs); diff != "" {
		t.Errorf("films (-want +got):\n%s", diff)
	}
}

func TestMemberImportRefusesMalformedExport(t *testing.T) {
	st := memberCatalog(t)
	uid := addMember(t, st, "ana")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ratings.csv"), []byte("Date,Name,Year,Letterboxd URI,Rating\n2024-11-02,Tangerine,2015,,4.5\n2024-11-03,Anora,2024,,5.5\n"), 0o600)
	sum, err := ImportMemberLetterboxd(context.Background(), st, dir, uid, Options{})
	if err == nil {
		t.Fatal("a malformed export was imported")
	}
	want := []RowError{{File: "ratings.csv", Line: 3, Field: "Rating", Reason: `bad rating (0.5–5 in halves): "5.5"`}}
	if diff := cmp.Diff(want, sum.RowErrors); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	if films, _ := st.MemberFilms(context.Background(), uid); len(films) != 0 {
		t.Errorf("a refused import wrote %d films", len(films))
	}
}

func TestCheckLetterboxdZip(t *testing.T) {
	mk := func(names ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range names {
			w, _ := zw.Create(n)
			fmt.Fprintln(w, "Date,Name,Year")
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, tc := range []struct {
		name string
		data []byte
		ok   bool
	}{
		{"export", mk("watched.csv", "lists/top.csv", "letterboxd-x/diary.csv"), true},
		{"dot dot", mk("watched.csv", "../x"), false},
		{"nested dot dot", mk("lists/../../x.csv"), false},
		{"absolute", mk("/etc/passwd"), false},
		{"backslash", mk(`..\x`), false},
		{"drive", mk("C:/x"), false},
		{"not a zip", []byte("Date,Name,Year\n"), false},
		{"too big", append(mk("watched.csv"), make([]byte, 2048)...), false},
	} {
		err := CheckLetterboxdZip(tc.data, 1024)
		if (err == nil) != tc.ok {
			t.Errorf("%s: CheckLetterboxdZip = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrUnsafeExport) {
			t.Errorf("%s: %v is not ErrUnsafeExport", tc.name, err)
		}
	}
}

// In a real export diary.csv and reviews.csv link each entry
// (https://boxd.it/n2lM7), not the film. A film the catalog knows by its
// Letterboxd link (from an earlier catalog import) was ruled out by the
// entry's other link, and every diary entry and review of it went unmatched.
func TestMemberImportDiaryEntryLinksAreNotFilmLinks(t *testing.T) {
	st := memberCatalog(t)
	ctx := context.Background()
	if _, err := st.WriteDB().ExecContext(ctx, `INSERT INTO external_ids (source, external_id, film_id)
		SELECT 'letterboxd', 'https://boxd.it/9Wxq', id FROM films WHERE slug = 'tangerine-2015'`); err != nil {
		t.Fatal(err)
	}
	uid := addMember(t, st, "ana")
	dir := t.TempDir()
	files := map[string]string{
		"diary.csv": "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n" +
			"2024-05-01,Tangerine,2015,https://boxd.it/1zIr3d,4.5,,,2024-04-30\n",
		"reviews.csv": "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n" +
			"2024-05-01,Tangerine,2015,https://boxd.it/1zIr3e,4.5,,\"Shot on phones, and it works.\",,2024-04-30\n",
		"watched.csv": "Date,Name,Year,Letterboxd URI\n2024-05-01,Tangerine,2015,https://boxd.it/9Wxq\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := ImportMemberLetterboxd(ctx, st, dir, uid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Unmatched) != 0 || len(sum.Fuzzy) != 0 {
		t.Fatalf("unmatched %v, fuzzy %v; want every row on tangerine-2015", sum.Unmatched, sum.Fuzzy)
	}
	if sum.Counts.Diary != 1 || sum.Counts.Reviews != 1 {
		t.Errorf("imported %+v, want the diary entry and the review", sum.Counts)
	}
}
