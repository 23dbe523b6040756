package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// checksums returns the checksum of every table, for comparing catalogs.
func checksums(t *testing.T, s *Store) map[string]Checksum {
	t.Helper()
	ctx := context.Background()
	tables, err := s.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Checksum{}
	for _, tb := range tables {
		if tb.Name == "cache_generations" {
			continue // the page cache's stamp moves with every write, by design
		}
		c, err := s.TableChecksum(ctx, tb.Name, tb.ColumnNames())
		if err != nil {
			t.Fatal(err)
		}
		out[tb.Name] = c
	}
	return out
}

func TestBackupDuringWritesAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live, err := Open(ctx, filepath.Join(dir, "live.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()

	// A writer adds films, each with two genres in the same transaction,
	// while the backup runs: a consistent snapshot holds a prefix of the
	// films and exactly two genres for each.
	var (
		wg      sync.WaitGroup
		stop    atomic.Bool
		written atomic.Int64
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			f := &film.Film{Slug: fmt.Sprintf("w-%05d", i), Title: fmt.Sprintf("W %d", i), Year: 2000, Genres: []string{"Drama", "Comedy"}}
			if err := live.PutFilm(ctx, f); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 50 {
		time.Sleep(time.Millisecond)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := live.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	for n := written.Load(); written.Load() < n+50; {
		time.Sleep(time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()

	snap, err := Open(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	var films, genres int
	snap.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM films").Scan(&films)
	snap.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM film_genres").Scan(&genres)
	if films < 50 || genres != 2*films || int64(films) >= written.Load() {
		t.Errorf("snapshot has %d films and %d genres (writer wrote %d); want a consistent prefix", films, genres, written.Load())
	}
	var last string
	snap.read.QueryRowContext(ctx, "SELECT MAX(slug) FROM films").Scan(&last)
	if want := fmt.Sprintf("w-%05d", films-1); last != want {
		t.Errorf("last film in snapshot = %s, want %s (a prefix of the writes)", last, want)
	}

	// Restore over the live database, which is still open, and into a new one.
	if err := live.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	want := checksums(t, snap)
	if diff := cmp.Diff(want, checksums(t, live)); diff != "" {
		t.Errorf("live database after restore (-backup +restored):\n%s", diff)
	}
	fresh, err := Open(ctx, filepath.Join(dir, "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if err := fresh.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, checksums(t, fresh)); diff != "" {
		t.Errorf("new database after restore (-backup +restored):\n%s", diff)
	}
	if _, err := fresh.GetFilm(ctx, "w-00000"); err != nil {
		t.Errorf("restored film: %v", err)
	}
	if err := live.Backup(ctx, backup); err == nil {
		t.Error("backup over an existing file succeeded")
	}
}

func TestRestoreRefusesDamagedFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, filepath.Join(dir, "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bad := filepath.Join(dir, "bad.db")
	other, err := Open(ctx, bad)
	if err != nil {
		t.Fatal(err)
	}
	other.write.ExecContext(ctx, "DROP TABLE schema_migrations")
	other.Close()
	if err := s.Restore(ctx, bad); err == nil {
		t.Error("restore from a non-Marquee database succeeded")
	}
}

func TestBackupOnPostgresPointsToPgDump(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		if s.Engine() != "postgres" {
			return
		}
		if err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "x")); !errors.Is(err, ErrUsePgDump) {
			t.Errorf("Backup on PostgreSQL: %v", err)
		}
	})
}
