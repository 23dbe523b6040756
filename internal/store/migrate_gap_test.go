package store

import (
	"context"
	"path/filepath"
	"testing"
)

// TestOpenAppliesMigrationBelowLatest opens a database that has every
// migration but one numbered below the latest (a number reserved for work
// that landed after a later one was applied) and checks that opening it
// applies the missing one.
func TestOpenAppliesMigrationBelowLatest(t *testing.T) {
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "gap.db")
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	const gap = 27 // below 0029, and a no-op on SQLite, so safe to apply twice
	if _, err := s.write.ExecContext(ctx, "DELETE FROM schema_migrations WHERE version = $1", gap); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = $1", gap).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("migration %d below the latest was not applied on open", gap)
	}
}
