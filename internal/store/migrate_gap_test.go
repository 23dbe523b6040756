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
	// Undo 0026 (below 0029) as if it had never run: a migration whose
	// number was reserved and landed after a later one was applied.
	const gap = 26
	for _, q := range []string{"DROP TABLE person_bios", "DROP INDEX films_title", "DELETE FROM schema_migrations WHERE version = 26"} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
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
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM person_bios").Scan(&n); err != nil {
		t.Errorf("migration %d's table is missing after open: %v", gap, err)
	}
}
