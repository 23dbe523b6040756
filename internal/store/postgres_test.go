package store

import (
	"context"
	"os"
	"testing"

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
