package catalog

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/catalog/imdbgen"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// TestImportIMDbOnPostgres imports the same generated files into SQLite
// and PostgreSQL (COPY into staging tables, then INSERT … ON CONFLICT),
// twice, and checks that every table ends up with the same rows: ids are
// assigned by the importer, so the engines must agree exactly, timestamps
// aside.
func TestImportIMDbOnPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if dsn == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := imdbgen.Generate(dir, imdbgen.Options{Scale: 0.003, Seed: 7, Bad: 0.002}); err != nil {
		t.Fatal(err)
	}
	lite := newStore(t)
	pg, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	for round := 1; round <= 2; round++ {
		var said []map[string]rowCounts
		for _, st := range []*store.Store{lite, pg} {
			sum, err := ImportIMDb(ctx, st, dir, IMDbOptions{Types: []string{"all"}})
			if err != nil {
				t.Fatalf("round %d on %s: %v", round, st.Engine(), err)
			}
			switch {
			case round == 1 && sum.Imported == 0:
				t.Fatalf("round 1 on %s imported nothing", st.Engine())
			case round == 2 && (sum.Imported != 0 || sum.Updated != 0 || sum.Unchanged == 0):
				t.Fatalf("round 2 on %s (the same files): %d imported, %d updated, %d unchanged; want only unchanged rows",
					st.Engine(), sum.Imported, sum.Updated, sum.Unchanged)
			}
			said = append(said, countsOf(sum))
		}
		if diff := cmp.Diff(said[0], said[1]); diff != "" {
			t.Errorf("round %d: the summaries differ (-sqlite +postgres):\n%s", round, diff)
		}
		if diff := cmp.Diff(tableSums(t, lite), tableSums(t, pg)); diff != "" {
			t.Errorf("round %d: tables differ (-sqlite +postgres):\n%s", round, diff)
		}
	}
}

// tableSums checksums every catalog table of st but the import ledger,
// leaving out the columns that hold the time of the import.
func tableSums(t *testing.T, st *store.Store) map[string]store.Checksum {
	t.Helper()
	ctx := context.Background()
	tables, err := st.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.Checksum{}
	for _, tb := range tables {
		if tb.Name == "import_runs" || tb.Name == "cache_generations" { // the ledger, and the page cache's stamp
			continue
		}
		cols := slices.DeleteFunc(tb.ColumnNames(), func(c string) bool { return c == "created_at" || c == "updated_at" })
		sum, err := st.TableChecksum(ctx, tb.Name, cols)
		if err != nil {
			t.Fatal(err)
		}
		out[tb.Name] = sum
	}
	return out
}

// TestEveryImporterOnPostgres runs the four importers, one after the
// other, on the test data into SQLite and PostgreSQL and compares the
// tables: MovieLens, Letterboxd and box office match against what IMDb
// put there, through the same bulk connection.
func TestEveryImporterOnPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if dsn == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	ctx := context.Background()
	pg, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	lite := newStore(t)
	for _, st := range []*store.Store{lite, pg} {
		if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{Types: []string{"all"}}); err != nil {
			t.Fatalf("imdb on %s: %v", st.Engine(), err)
		}
		if _, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{}); err != nil {
			t.Fatalf("movielens on %s: %v", st.Engine(), err)
		}
		if _, err := ImportLetterboxd(ctx, st, "testdata/letterboxd", "alice", Options{}); err != nil {
			t.Fatalf("letterboxd on %s: %v", st.Engine(), err)
		}
		if _, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/vega-movies.json", BoxOfficeOptions{LastYear: 2011}); err != nil {
			t.Fatalf("box office on %s: %v", st.Engine(), err)
		}
	}
	if diff := cmp.Diff(tableSums(t, lite), tableSums(t, pg)); diff != "" {
		t.Errorf("tables differ (-sqlite +postgres):\n%s", diff)
	}
}
