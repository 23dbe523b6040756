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
)

// A MovieLens import of a few movies into a larger catalog re-indexes
// only the films it created or gave alternative titles, leaves the
// ratings' indexes and the catalog's fresh statistics alone, and ends
// with the same search index a full refill would give.
func TestMovieLensSmallLoadIndexesWhatChanged(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	if _, err := st.WriteDB().Exec(`WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 2000)
		INSERT INTO films (slug, title, year, title_type, imdb_id, rating_votes)
		SELECT 'catalog-film-' || i, 'Catalog Film ' || i, 1900 + i % 120, 'movie', 'tt' || printf('%07d', 1000000 + i), i FROM s`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteDB().Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	stats := func() []string {
		return strs(t, st, "SELECT tbl || ' ' || COALESCE(idx, '') || ' ' || stat FROM sqlite_stat1 ORDER BY 1")
	}
	before := stats()
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
	if !strings.Contains(log.String(), "re-indexing films for search") || strings.Contains(log.String(), "rebuilding the search index") {
		t.Errorf("want only the changed films re-indexed; the import logged:\n%s", log.String())
	}
	if strings.Contains(log.String(), "building index") {
		t.Errorf("a movies file alone rebuilt indexes:\n%s", log.String())
	}
	// films grew by a handful of 2,000 rows: its statistics stand. The
	// MovieLens tables had none and have them now.
	after := stats()
	for _, s := range before {
		if strings.HasPrefix(s, "films ") && !contains(after, s) {
			t.Errorf("films' statistics %q were redone for %d new films", s, sum.FilmsCreated)
		}
	}
	if !strings.Contains(strings.Join(after, "\n"), "movielens_movies ") {
		t.Errorf("movielens_movies has no statistics after its first rows:\n%s", strings.Join(after, "\n"))
	}
	// The index holds the same documents, with the same terms, as a full
	// refill from search_documents gives.
	index := func() []string {
		return append(strs(t, st, "SELECT CAST(rowid AS TEXT) FROM search_fts ORDER BY rowid"),
			strs(t, st, "SELECT term || ' ' || doc || ' ' || cnt FROM search_vocab ORDER BY term")...)
	}
	partial := index()
	if err := st.RebuildSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(index(), partial); diff != "" {
		t.Errorf("search index after the import against a full refill (-want +got):\n%s", diff)
	}
	hits := strs(t, st, "SELECT CAST(rowid AS TEXT) FROM search_fts WHERE search_fts MATCH 'perdus'")
	want := strs(t, st, "SELECT CAST(key AS TEXT) FROM search_documents WHERE kind = 1 AND name = 'The City of Lost Children'")
	if len(want) != 1 || !cmp.Equal(want, hits) {
		t.Errorf("searching the alternative title finds %v, want %v", hits, want)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
