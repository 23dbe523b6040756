package store

import (
	"os"
	"testing"
)

func testPostgresDSN(t *testing.T) string { return os.Getenv("MARQUEE_TEST_POSTGRES") }

// openTestPostgres is completed by the PostgreSQL backend; until then a
// configured server fails loudly rather than passing silently.
func openTestPostgres(t *testing.T, dsn string) *Store {
	t.Fatalf("MARQUEE_TEST_POSTGRES is set but the PostgreSQL store is not built yet")
	return nil
}
