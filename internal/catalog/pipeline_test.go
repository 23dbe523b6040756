package catalog

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// schemaObjects returns name → SQL of the SQLite schema's triggers and
// views, or of PostgreSQL's indexes, whose names start with prefix.
func schemaObjects(t *testing.T, st *store.Store) map[string]string {
	t.Helper()
	q := `SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND name LIKE 'search%' ORDER BY name`
	if st.Engine() == "postgres" {
		q = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`
	}
	rows, err := st.DB().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			t.Fatal(err)
		}
		out[name] = def
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// A trigger a later migration changed is the trigger an import leaves:
// the upkeep replays the schema, not a migration's text.
func TestImportKeepsChangedSearchTriggers(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	// What a later migration might do: people are found under their name
	// and, say, a tag the old trigger did not write.
	changed := `CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, 'person' FROM search_documents WHERE kind = 2 AND ref = new.id;
END`
	for _, q := range []string{"DROP TRIGGER search_people_ai", changed} {
		if _, err := st.WriteDB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	before := schemaObjects(t, st)
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, schemaObjects(t, st)); diff != "" {
		t.Errorf("search triggers after an import (-before +after):\n%s", diff)
	}
	// And the changed trigger is live: a person added now gets its tag.
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO people (slug, name) VALUES ('quillon-vex', 'Quillon Vex')"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.DB().QueryRow("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH 'tag:person'").Scan(&n); err != nil || n != 1 {
		t.Errorf("documents tagged by the changed trigger: %d, %v; want 1", n, err)
	}
}

// An import that writes nothing the index holds leaves it alone; one that
// does, and is large against the catalog, refills it from search_documents. A stray document planted in
// search_fts tells a refill from none.
func TestSearchRebuiltOnlyWhenIndexedChanged(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	if _, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{}); err != nil {
		t.Fatal(err)
	}
	plant := func() {
		t.Helper()
		if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (7, 'zzplanted', '', '', '')"); err != nil {
			t.Fatal(err)
		}
	}
	planted := func() bool {
		t.Helper()
		return len(strs(t, st, "SELECT rowid FROM search_fts WHERE search_fts MATCH 'zzplanted'")) > 0
	}
	plant()

	// Ratings and tags only: no rebuild, the planted document stays.
	dir := t.TempDir()
	for _, f := range []string{"ratings.csv", "tags.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata/movielens", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ImportMovieLens(ctx, st, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if !planted() {
		t.Error("a ratings-only import rebuilt the search index")
	}
	if got := schemaObjects(t, st); len(got) < 20 {
		t.Errorf("%d search triggers after a ratings-only import, want them all", len(got))
	}

	// The same movies.csv again changes nothing the index holds.
	if _, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{}); err != nil {
		t.Fatal(err)
	}
	if !planted() {
		t.Error("an identical movies.csv rebuilt the search index")
	}

	// A movies.csv with a new film, large against this small catalog:
	// the index is refilled from the catalog (a load small against the
	// catalog re-indexes its films only: TestMovieLensSmallLoadIndexesWhatChanged).
	more := copyFixture(t, "testdata/movielens")
	editFile(t, more, "movies.csv", "5,Amelie (2001),Comedy|Romance", "5,Amelie (2001),Comedy|Romance\n6,Starlet (2012),Drama")
	if _, err := ImportMovieLens(ctx, st, more, Options{}); err != nil {
		t.Fatal(err)
	}
	if planted() {
		t.Error("an import of movies.csv left the search index as it was")
	}
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("search index after the refill: %v", err)
	}
}
