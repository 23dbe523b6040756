package store

import (
	"context"
	"path/filepath"
	"testing"
)

// engines runs fn once per available engine: always on a fresh SQLite
// file, and on PostgreSQL when MARQUEE_TEST_POSTGRES names a server.
func engines(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		fn(t, s)
	})
	if dsn := testPostgresDSN(t); dsn != "" {
		t.Run("postgres", func(t *testing.T) {
			s := openTestPostgres(t, dsn)
			fn(t, s)
		})
	}
}
