package catalog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// catalogEngines runs fn on a fresh SQLite store and, when
// MARQUEE_TEST_POSTGRES names a server, on a fresh PostgreSQL schema.
func catalogEngines(t *testing.T, fn func(t *testing.T, st *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, newStore(t)) })
	if dsn := storetest.PostgresDSN(t); dsn != "" {
		t.Run("postgres", func(t *testing.T) {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			fn(t, st)
		})
	}
}

// writeBasics writes a title.basics.tsv of movies, one "tconst\ttitle\tyear"
// line each, in IMDb's layout.
func writeBasics(t *testing.T, rows ...string) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n")
	for _, r := range rows {
		f := strings.Split(r, "\t")
		b.WriteString(f[0] + "\tmovie\t" + f[1] + "\t" + f[1] + "\t0\t" + f[2] + "\t\\N\t133\tAction,Adventure\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "title.basics.tsv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestIMDbRenameMovesSlug re-imports titles IMDb renamed: the film takes
// the slug of its new title and year, every slug it had redirects to it,
// and a slug freed by a rename goes to the live film that takes it next.
func TestIMDbRenameMovesSlug(t *testing.T) {
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		load := func(dir string) *Summary {
			t.Helper()
			sum, err := ImportIMDb(ctx, st, dir, IMDbOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return sum
		}
		slugs := func() []string {
			return strs(t, st, "SELECT imdb_id || ' ' || slug FROM films ORDER BY imdb_id")
		}
		redirect := func(old string) string {
			to, err := st.FilmSlugRedirect(ctx, old)
			if err != nil {
				return "error: " + err.Error()
			}
			return to
		}
		load(writeBasics(t, "tt2250912\tUntitled Spider-Man Reboot\t2017", "tt0145487\tSpider-Man\t2002"))
		if diff := cmp.Diff([]string{"tt0145487 spider-man-2002", "tt2250912 untitled-spider-man-reboot-2017"}, slugs()); diff != "" {
			t.Fatalf("first import (-want +got):\n%s", diff)
		}

		sum := load(writeBasics(t, "tt2250912\tSpider-Man: Homecoming\t2017", "tt0145487\tSpider-Man\t2002"))
		if sum.FilmsRenamed != 1 {
			t.Errorf("films renamed = %d, want 1", sum.FilmsRenamed)
		}
		if diff := cmp.Diff([]string{"tt0145487 spider-man-2002", "tt2250912 spider-man-homecoming-2017"}, slugs()); diff != "" {
			t.Errorf("after the rename (-want +got):\n%s", diff)
		}
		if got := redirect("untitled-spider-man-reboot-2017"); got != "spider-man-homecoming-2017" {
			t.Errorf("old slug redirects to %q", got)
		}

		// A second rename (the year): both old slugs lead to the newest.
		load(writeBasics(t, "tt2250912\tSpider-Man: Homecoming\t2016", "tt0145487\tSpider-Man\t2002"))
		for _, old := range []string{"untitled-spider-man-reboot-2017", "spider-man-homecoming-2017"} {
			if got := redirect(old); got != "spider-man-homecoming-2016" {
				t.Errorf("after two renames %s redirects to %q", old, got)
			}
		}

		// An unchanged re-import renames nothing.
		if sum := load(writeBasics(t, "tt2250912\tSpider-Man: Homecoming\t2016", "tt0145487\tSpider-Man\t2002")); sum.FilmsRenamed != 0 {
			t.Errorf("unchanged re-import renamed %d films", sum.FilmsRenamed)
		}

		// Another film takes a freed slug: the live film wins over history.
		load(writeBasics(t, "tt2250912\tSpider-Man: Homecoming\t2016", "tt9999999\tSpider-Man: Homecoming\t2017"))
		if got := redirect("spider-man-homecoming-2017"); !strings.Contains(got, "not found") {
			t.Errorf("a live film's slug redirects to %q", got)
		}
		f, err := st.GetFilm(ctx, "spider-man-homecoming-2017")
		if err != nil || f.IDs.IMDb != "tt9999999" {
			t.Errorf("spider-man-homecoming-2017 = %+v, %v; want tt9999999", f, err)
		}
		if got := redirect("untitled-spider-man-reboot-2017"); got != "spider-man-homecoming-2016" {
			t.Errorf("oldest slug redirects to %q", got)
		}

		// Renamed onto a slug another film holds: the IMDb id is appended.
		load(writeBasics(t, "tt2250912\tSpider-Man\t2002", "tt0145487\tSpider-Man\t2002"))
		if got := redirect("spider-man-homecoming-2016"); got != "spider-man-2002-tt2250912" {
			t.Errorf("rename onto a taken slug: redirects to %q", got)
		}
	})
}
