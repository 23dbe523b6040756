package catalog

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// engines are the stores a post-load test runs on: SQLite, and
// PostgreSQL when the tests have one.
func engines(t *testing.T) map[string]func(t *testing.T) *store.Store {
	out := map[string]func(t *testing.T) *store.Store{"sqlite": newStore}
	if dsn := storetest.PostgresDSN(t); dsn != "" {
		out["postgres"] = func(t *testing.T) *store.Store {
			st, err := store.Open(context.Background(), storetest.PostgresDSN(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}
	}
	return out
}

// seedCatalog adds n films with IMDb ids and analyzes the catalog, as a
// large catalog with fresh statistics would be.
func seedCatalog(t *testing.T, st *store.Store, n int) {
	t.Helper()
	seed := `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
		INSERT INTO films (slug, title, year, title_type, imdb_id, rating_votes)
		SELECT 'catalog-film-' || i, 'Catalog Film ' || i, 1900 + i % 120, 'movie', 'tt' || printf('%07d', 1000000 + i), i FROM s`
	if st.Engine() == "postgres" {
		seed = `INSERT INTO films (slug, title, year, title_type, imdb_id, rating_votes)
		SELECT 'catalog-film-' || i, 'Catalog Film ' || i, 1900 + i % 120, 'movie', 'tt' || (1000000 + i), i FROM generate_series(1, $1) i`
	}
	if _, err := st.WriteDB().Exec(seed, n); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteDB().Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
}

// onSeededCatalogs runs fn on each engine's store holding films seeded
// films (seedCatalog) and a planted document (plantDocument), with the
// upkeepState before; open makes another store of the engine.
func onSeededCatalogs(t *testing.T, films int, fn func(t *testing.T, st *store.Store, open func(*testing.T) *store.Store, before []string)) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			seedCatalog(t, st, films)
			plantDocument(t, st)
			fn(t, st, open, upkeepState(t, st))
		})
	}
}

// upkeepState is what a small load must leave as it was: the identity of
// the search index's parts and (SQLite) the planner's statistics of films —
// on SQLite a stray document planted in search_fts, which a refill
// drops; on PostgreSQL the search indexes' object ids, which a rebuild
// changes.
func upkeepState(t *testing.T, st *store.Store) []string {
	t.Helper()
	if st.Engine() == "postgres" {
		return strs(t, st, `SELECT indexname || ' ' || CAST(to_regclass(indexname) AS oid)::text FROM pg_indexes
			WHERE schemaname = current_schema() AND (indexname LIKE '%\_search' OR indexname LIKE '%\_trgm') ORDER BY 1`)
	}
	return append(strs(t, st, "SELECT 'planted ' || CAST(rowid AS TEXT) FROM search_fts WHERE search_fts MATCH 'zzplanted'"),
		strs(t, st, "SELECT tbl || ' ' || COALESCE(idx, '') || ' ' || stat FROM sqlite_stat1 WHERE tbl = 'films' ORDER BY 1")...)
}

func plantDocument(t *testing.T, st *store.Store) {
	t.Helper()
	if st.Engine() == "sqlite" {
		if _, err := st.WriteDB().Exec("INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (7, 'zzplanted', '', '', '')"); err != nil {
			t.Fatal(err)
		}
	}
}

// checkSmallLoad checks that a load logged as small rebuilt no index and
// no search index, and (SQLite) that the index holds what a full refill
// gives.
func checkSmallLoad(t *testing.T, st *store.Store, log string, before []string) {
	t.Helper()
	if !strings.Contains(log, "small load") || strings.Contains(log, "rebuilding the search index") {
		t.Errorf("want a small load, no search index rebuilt; the import logged:\n%s", log)
	}
	for _, line := range strings.Split(log, "\n") {
		if _, tables, ok := strings.Cut(line, "msg=analyzed tables="); ok && (tables == "all" || contains(strings.Split(tables, ","), "films")) {
			t.Errorf("a small load analyzed films: %s", line)
		}
		if strings.Contains(line, "building index") && !settledIndexes[strings.TrimPrefix(line[strings.LastIndex(line, " "):], " index=")] {
			t.Errorf("a small load rebuilt an index: %s", line)
		}
	}
	if diff := cmp.Diff(before, upkeepState(t, st)); diff != "" {
		t.Errorf("the search index or films' statistics were redone (-before +after):\n%s", diff)
	}
	if st.Engine() != "sqlite" {
		return
	}
	if _, err := st.WriteDB().Exec("DELETE FROM search_fts WHERE rowid = 7"); err != nil {
		t.Fatal(err)
	}
	// The index holds the same documents, with the same terms, as a full
	// refill from search_documents gives.
	index := func() []string {
		return append(strs(t, st, "SELECT CAST(rowid AS TEXT) FROM search_fts ORDER BY rowid"),
			strs(t, st, "SELECT term || ' ' || doc || ' ' || cnt FROM search_vocab ORDER BY term")...)
	}
	partial := index()
	if err := st.RebuildSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(index(), partial); diff != "" {
		t.Errorf("search index after the import against a full refill (-want +got):\n%s", diff)
	}
}

// A MovieLens import of a few movies into a larger catalog rebuilds no
// index and no search index (the films it creates or gives alternative
// titles are indexed row by row), and leaves the catalog's fresh
// statistics alone, on both engines.
func TestMovieLensSmallLoadIndexesWhatChanged(t *testing.T) {
	onSeededCatalogs(t, 2000, func(t *testing.T, st *store.Store, _ func(*testing.T) *store.Store, before []string) {
		ctx := context.Background()
		var log bytes.Buffer
		dir := copyFixture(t, "testdata/movielens")
		for _, f := range []string{"ratings.csv", "tags.csv"} {
			if err := os.Remove(filepath.Join(dir, f)); err != nil {
				t.Fatal(err)
			}
		}
		sum, err := ImportMovieLens(ctx, st, dir, Options{Log: slog.New(slog.NewTextHandler(&log, nil))})
		if err != nil {
			t.Fatal(err)
		}
		if sum.FilmsCreated == 0 {
			t.Fatal("the import created no film")
		}
		checkSmallLoad(t, st, log.String(), before)
		if st.Engine() == "sqlite" {
			stats := strings.Join(strs(t, st, "SELECT tbl FROM sqlite_stat1"), " ")
			if !strings.Contains(stats, "movielens_movies") {
				t.Errorf("movielens_movies has no statistics after its first rows: %s", stats)
			}
		}
		alts := strs(t, st, "SELECT a.title FROM alt_titles a JOIN films f ON f.id = a.film_id WHERE f.title = 'The City of Lost Children'")
		if !cmp.Equal(alts, []string{"La Cité des enfants perdus"}) {
			t.Errorf("alternative titles = %q", alts)
		}
		if st.Engine() == "sqlite" {
			hits := strs(t, st, "SELECT CAST(rowid AS TEXT) FROM search_fts WHERE search_fts MATCH 'perdus'")
			want := strs(t, st, "SELECT CAST(key AS TEXT) FROM search_documents WHERE kind = 1 AND name = 'The City of Lost Children'")
			if len(want) != 1 || !cmp.Equal(want, hits) {
				t.Errorf("searching the alternative title finds %v, want %v", hits, want)
			}
		}
	})
}

// An IMDb import of a few titles into a larger catalog rebuilds no index,
// no search index and no statistics of films, on both engines; one large
// against the catalog goes bulk part-way and rebuilds them.
func TestIMDbSmallLoadIndexesWhatChanged(t *testing.T) {
	onSeededCatalogs(t, 5000, func(t *testing.T, st *store.Store, open func(*testing.T) *store.Store, before []string) {
		ctx := context.Background()
		var log bytes.Buffer
		sum, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{Options: Options{Log: slog.New(slog.NewTextHandler(&log, nil))}})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Imported == 0 {
			t.Fatal("the import imported nothing")
		}
		checkSmallLoad(t, st, log.String(), before)
		if got := strs(t, st, "SELECT slug FROM films WHERE imdb_id = 'tt3824458'"); !cmp.Equal(got, []string{"tangerine-2015"}) {
			t.Errorf("Tangerine's film = %q", got)
		}

		// The same files into a small catalog: bulk, as a fresh import.
		small := open(t)
		seedCatalog(t, small, 40)
		log.Reset()
		if _, err := ImportIMDb(ctx, small, "testdata/imdb/ok", IMDbOptions{Options: Options{Log: slog.New(slog.NewTextHandler(&log, nil))}}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(log.String(), "going bulk") || !strings.Contains(log.String(), "building index") ||
			!strings.Contains(log.String(), "rebuilding the search index") {
			t.Errorf("want a bulk load part-way, its indexes rebuilt; the import logged:\n%s", log.String())
		}
		seeded := map[*store.Store]int{st: 5000, small: 40}
		for _, table := range []string{"films", "people", "credits", "characters", "alt_titles", "film_genres"} {
			a, b := count(t, st, table), count(t, small, table)
			if table == "films" {
				a, b = a-seeded[st], b-seeded[small]
			}
			if a != b {
				t.Errorf("%s: the small load wrote %d rows, the bulk one %d", table, a, b)
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
