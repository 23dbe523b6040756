package store

import (
	"context"
	"fmt"
	"os"
	"testing"

	"marquee/internal/film"
	"marquee/internal/store/storetest"
)

func testPostgresDSN(t *testing.T) string { return os.Getenv(storetest.EnvPostgres) }

// openTestPostgres opens a store on a fresh schema of the test server,
// dropped when t ends.
func openTestPostgres(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), storetest.PostgresDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestConcurrentOpenMigratesOnce starts several stores on one fresh
// PostgreSQL schema at once, as several serve processes do; the advisory
// lock lets exactly one apply each migration.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	if testPostgresDSN(t) == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	dsn := storetest.PostgresDSN(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.read.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if ms, _ := Migrations("postgres"); n != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(ms))
	}
}

// TestPostgresChangeWatcher checks that a commit through another store
// moves the watcher's generation. (Without writes it usually stays put,
// but other sessions on the server may move the WAL, so that is not
// asserted.)
func TestPostgresChangeWatcher(t *testing.T) {
	if testPostgresDSN(t) == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	a, b := openTwice(t, dsn)
	w, err := b.WatchChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i, s := range []*Store{a, b} {
		before, err := w.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PutFilm(ctx, &film.Film{Slug: fmt.Sprintf("w-%d", i), Title: "W", Year: 2000}); err != nil {
			t.Fatal(err)
		}
		if after, _ := w.Generation(ctx); after == before {
			t.Errorf("write %d did not move the generation", i)
		}
	}
}
