package catalog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/demo"
	"marquee/internal/search"
)

func importIMDb(t *testing.T, dir string, opts IMDbOptions) *Summary {
	t.Helper()
	st := newStore(t)
	sum, err := ImportIMDb(context.Background(), st, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestImportIMDb(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	sum, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 {
		t.Errorf("errors = %v, want none", sum.RowErrors)
	}
	// Movies and TV movies by default; the clashing "The Room" TV movie
	// gets its IMDb id appended; the series, episode and short are skipped.
	wantSlugs := []string{"amelie-2001", "anora-2024", "red-rocket-2021", "tangerine-2015",
		"the-florida-project-2017", "the-room-2003", "the-room-2003-tt9999901"}
	if diff := cmp.Diff(wantSlugs, strs(t, st, "SELECT slug FROM films ORDER BY slug")); diff != "" {
		t.Errorf("film slugs (-want +got):\n%s", diff)
	}
	f, err := st.FilmByIMDb(ctx, "tt3824458")
	if err != nil {
		t.Fatal(err)
	}
	if f.Rating.Average != 7.1 || f.Rating.Votes != 38000 || f.RuntimeMin != 88 || f.Year != 2015 {
		t.Errorf("Tangerine = %+v", f)
	}
	if diff := cmp.Diff([]string{"Comedy", "Drama"}, f.Genres); diff != "" {
		t.Errorf("genres (-want +got):\n%s", diff)
	}
	// Two characters are one credit, in IMDb's order; a job is kept.
	wantCredits := []string{
		`anora-2024 mikey-madison cast Ani / Anora "Ani" Mikheeva|`,
		"anora-2024 sean-baker director |",
		"anora-2024 sean-baker writer |",
		"red-rocket-2021 sean-baker director |",
		"red-rocket-2021 sean-baker writer |screenplay",
		"red-rocket-2021 simon-rex cast Mikey Saber|",
	}
	got := strs(t, st, `SELECT f.slug || ' ' || p.slug || ' ' || c.role || ' ' || c.character_name || '|' || c.job
		FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id
		WHERE f.slug IN ('anora-2024', 'red-rocket-2021') ORDER BY 1`)
	if diff := cmp.Diff(wantCredits, got); diff != "" {
		t.Errorf("credits (-want +got):\n%s", diff)
	}
	// Two people named Tommy Wiseau: the second gets the IMDb id.
	if diff := cmp.Diff([]string{"tommy-wiseau", "tommy-wiseau-nm0933095"},
		strs(t, st, "SELECT slug FROM people WHERE name = 'Tommy Wiseau' ORDER BY id")); diff != "" {
		t.Errorf("person slugs (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Le fabuleux destin d'Amélie Poulain", "Amelie"},
		strs(t, st, "SELECT a.title FROM alt_titles a JOIN films f ON f.id = a.film_id WHERE f.slug = 'amelie-2001' ORDER BY ordering")); diff != "" {
		t.Errorf("alt titles (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Alexandra", "Sin-Dee Rella"},
		strs(t, st, "SELECT name FROM characters c JOIN films f ON f.id = c.film_id WHERE f.slug = 'tangerine-2015' ORDER BY name")); diff != "" {
		t.Errorf("characters (-want +got):\n%s", diff)
	}
	if got := strs(t, st, "SELECT credit_count FROM people WHERE slug = 'sean-baker'"); len(got) != 1 || got[0] != "8" {
		t.Errorf("Sean Baker's credit_count = %v, want 8 (a director in both principals and crew counts once)", got)
	}
	if got := count(t, st, "episodes"); got != 0 {
		t.Errorf("episodes = %d, want 0 (episodes are not kept by default)", got)
	}
	if got := strs(t, st, "SELECT status FROM import_runs"); len(got) != 1 || got[0] != "done" {
		t.Errorf("import_runs = %v, want one done", got)
	}

	// Re-importing changes nothing: same rows, same slugs.
	before := strs(t, st, "SELECT id || ' ' || slug FROM films ORDER BY id")
	credits := count(t, st, "credits")
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, strs(t, st, "SELECT id || ' ' || slug FROM films ORDER BY id")); diff != "" {
		t.Errorf("films after re-import (-want +got):\n%s", diff)
	}
	if got := count(t, st, "credits"); got != credits {
		t.Errorf("credits after re-import = %d, want %d", got, credits)
	}
}

func TestImportIMDbAllTypes(t *testing.T) {
	st := newStore(t)
	if _, err := ImportIMDb(context.Background(), st, "testdata/imdb/ok", IMDbOptions{Types: []string{"all"}}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, st, "films"); got != 10 {
		t.Errorf("films = %d, want all 10 titles", got)
	}
	got := strs(t, st, `SELECT e.season || 'x' || e.episode || ' of ' || s.slug FROM episodes e JOIN films s ON s.id = e.series_id`)
	if diff := cmp.Diff([]string{"1x1 of breaking-bad-2008"}, got); diff != "" {
		t.Errorf("episodes (-want +got):\n%s", diff)
	}
}

func TestImportIMDbBadRows(t *testing.T) {
	sum := importIMDb(t, "testdata/imdb/bad", IMDbOptions{})
	want := []RowError{
		{File: "name.basics.tsv", Line: 12, Field: "nconst", Reason: "duplicate key: nm0933094"},
		{File: "title.basics.tsv", Line: 3, Reason: "wrong column count: 7 columns, want 9"},
		{File: "title.basics.tsv", Line: 4, Field: "startYear", Reason: `bad number: "20x1"`},
		{File: "title.basics.tsv", Line: 5, Field: "tconst", Reason: "duplicate key: tt3824458"},
		{File: "title.basics.tsv", Line: 6, Field: "tconst", Reason: `bad IMDb id: "xx28607951"`},
		{File: "title.basics.tsv", Line: 8, Field: "primaryTitle", Reason: "invalid UTF-8"},
		{File: "title.principals.tsv", Line: 3, Field: "characters", Reason: `broken JSON list: "[\"Alexandra\""`},
	}
	if diff := cmp.Diff(want, sum.RowErrors); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	// Good rows are all kept; the unknown person is skipped, not an error.
	tb := sum.file("title.basics.tsv")
	if tb.Read != 7 || tb.Imported != 2 {
		t.Errorf("title.basics: %+v, want 7 read, 2 imported", tb)
	}
	if n := sum.file("title.principals.tsv").MatchedNothingBy["person not in name.basics"]; n != 1 {
		t.Errorf("principals skipped for unknown person = %d, want 1", n)
	}
}

func TestImportIMDbMaxErrorsWritesNothing(t *testing.T) {
	st := newStore(t)
	_, err := ImportIMDb(context.Background(), st, "testdata/imdb/bad", IMDbOptions{Options: Options{MaxErrors: 2}})
	if !errors.Is(err, ErrTooManyErrors) {
		t.Fatalf("err = %v, want ErrTooManyErrors", err)
	}
	for _, table := range []string{"films", "people", "credits"} {
		if n := count(t, st, table); n != 0 {
			t.Errorf("%s has %d rows after a failed import, want 0", table, n)
		}
	}
	if got := strs(t, st, "SELECT status FROM import_runs"); len(got) != 1 || got[0] != "failed" {
		t.Errorf("import_runs = %v, want one failed", got)
	}
}

func TestImportIMDbDryRun(t *testing.T) {
	st := newStore(t)
	sum, err := ImportIMDb(context.Background(), st, "testdata/imdb/bad", IMDbOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 7 || !sum.DryRun {
		t.Errorf("dry run summary: %d errors, dry %v; want 7, true", sum.Errors, sum.DryRun)
	}
	if n := count(t, st, "films") + count(t, st, "import_runs"); n != 0 {
		t.Errorf("dry run wrote %d rows", n)
	}
}

func TestImportIMDbBadFiles(t *testing.T) {
	tests := []struct {
		dir, want string
	}{
		{"testdata/imdb/missing", "testdata/imdb/missing: not a directory"},
		{"testdata/imdb/wrongheader", `title.basics.tsv: wrong header "tconst\tprimaryTitle"`},
		{"testdata/imdb/nottsv", "title.basics.tsv: not a TSV file"},
		{"testdata/imdb/truncated", "title.basics.tsv.gz: truncated or corrupt compressed stream"},
		{"testdata", "no IMDb dataset files"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			st := newStore(t)
			_, err := ImportIMDb(context.Background(), st, tt.dir, IMDbOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if n := count(t, st, "films"); n != 0 {
				t.Errorf("%d films written", n)
			}
		})
	}
}

func TestImportIMDbCancelledWritesNothing(t *testing.T) {
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := count(t, st, "films") + count(t, st, "people"); n != 0 {
		t.Errorf("%d rows written by a cancelled import", n)
	}
	if got := strs(t, st, "SELECT status FROM import_runs"); len(got) != 1 || got[0] != "failed" {
		t.Errorf("import_runs = %v, want one failed", got)
	}
}

// TestImportIMDbAdoptsDemoCatalog checks that films and people already in
// the catalog without an IMDb id are adopted by the IMDb rows with their
// slug, not duplicated: the demo's Red Rocket and Simon Rex.
func TestImportIMDbAdoptsDemoCatalog(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	if _, err := demo.LoadIfEmpty(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	got := strs(t, st, "SELECT slug || ' ' || imdb_id FROM films WHERE title = 'Red Rocket'")
	if diff := cmp.Diff([]string{"red-rocket-2021 tt13508888"}, got); diff != "" {
		t.Errorf("Red Rocket (-want +got):\n%s", diff)
	}
	got = strs(t, st, "SELECT slug || ' ' || imdb_id FROM people WHERE name IN ('Simon Rex', 'Sean Baker') ORDER BY slug")
	if diff := cmp.Diff([]string{"sean-baker nm1194337", "simon-rex nm3066981"}, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
}

// An IMDb import ends searchable, with the search triggers back in place
// and an index FTS5 itself finds consistent.
func TestImportIMDbSearchable(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{Types: []string{"all"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Fatalf("integrity-check: %v", err)
	}
	res, err := search.New(st).Search(ctx, search.Query{Text: "mikey saber"})
	if err != nil || len(res.Results) == 0 || res.Results[0].Slug != "mikey-saber" {
		t.Errorf("search mikey saber: %+v, %v", res, err)
	}
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO films (id, slug, title) VALUES (999, 'zyzzyva-2030', 'Zyzzyva')"); err != nil {
		t.Fatal(err)
	}
	if res, err := search.New(st).Search(ctx, search.Query{Text: "zyzzyva"}); err != nil || len(res.Results) != 1 {
		t.Errorf("search zyzzyva after an insert: %+v, %v", res, err)
	}
}

// A failed write does not leave later waits hanging: they report it.
func TestBulkWaitAfterFailure(t *testing.T) {
	b, err := openBulk(context.Background(), newStore(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	boom := errors.New("boom")
	if err := b.async(func(context.Context) error { return boom }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- b.wait() }()
	select {
	case err := <-done:
		if !errors.Is(err, boom) {
			t.Errorf("wait = %v, want the failure", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("wait blocked after a failed job")
	}
}

// IMDb files whose columns come in another order, or with more columns
// than the dataset's, are read by column name.
func TestImportIMDbColumnsByName(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	sum, err := ImportIMDb(ctx, st, "testdata/imdb/extracols", IMDbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 {
		t.Fatalf("row errors: %v", sum.RowErrors)
	}
	f, err := st.GetFilm(ctx, "the-florida-project-2017")
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "The Florida Project" || f.Year != 2017 || f.RuntimeMin != 111 || f.IDs.IMDb != "tt5649144" ||
		f.Rating.Average != 7.6 || f.Rating.Votes != 150000 {
		t.Errorf("film = %+v", f)
	}
	if n := count(t, st, "films"); n != 2 {
		t.Errorf("%d films, want 2 (the series is not a kept type)", n)
	}
}

func TestOpenTSVMissingColumnNamed(t *testing.T) {
	p := filepath.Join(t.TempDir(), "title.ratings.tsv")
	if err := os.WriteFile(p, []byte("tconst\tvotes\taverageRating\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := openTSV(p, "tconst\taverageRating\tnumVotes")
	if err == nil || !strings.HasSuffix(err.Error(), "missing column(s) numVotes") {
		t.Fatalf("err = %v, want it to name numVotes", err)
	}
}

// IMDb's .gz files name their content data.tsv: 7-Zip and gunzip -N
// extract title.basics.tsv.gz to title.basics.tsv/data.tsv.
func TestImportIMDbExtractedToDataTSV(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"title.basics", "title.ratings"} {
		b, err := os.ReadFile("testdata/imdb/ok/" + name + ".tsv")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, name+".tsv"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".tsv", "data.tsv"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := newStore(t)
	sum, err := ImportIMDb(context.Background(), st, dir, IMDbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fs := sum.file("title.basics.tsv/data.tsv"); fs.Imported == 0 {
		t.Errorf("title.basics.tsv/data.tsv: %+v", fs)
	}
	f, err := st.FilmByIMDb(context.Background(), "tt3824458")
	if err != nil || f.Rating.Average != 7.1 {
		t.Errorf("Tangerine = %+v, %v", f, err)
	}
}
