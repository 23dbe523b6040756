// Package storetest gives tests an isolated PostgreSQL database when the
// environment names a server, so one suite runs on both engines.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvPostgres names the variable that points the tests at a PostgreSQL
// server, e.g. postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable.
// The role must be able to create schemas and extensions.
const EnvPostgres = "MARQUEE_TEST_POSTGRES"

var extensions sync.Once

// PostgresDSN returns "" when EnvPostgres is unset. Otherwise it creates a
// fresh schema for t, drops it when t ends, and returns a DSN whose
// search_path puts that schema first (and public, where the extensions
// live, second). Tests given such DSNs share nothing.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	defer conn.Close(ctx)
	extensions.Do(func() {
		// Several test binaries may race here; a loser's error is harmless
		// because the winner created the extension.
		for _, ext := range []string{"pg_trgm", "unaccent"} {
			_, _ = conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS "+ext+" WITH SCHEMA public")
		}
	})
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// Each runs fn once per available engine, as a subtest named for it, with
// the DSN of a fresh database: a SQLite file in t's temporary directory,
// and a fresh PostgreSQL schema when EnvPostgres is set. Packages above
// the store use it to run their store-touching tests on both engines.
func Each(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, filepath.Join(t.TempDir(), "marquee.db"))
	})
	if os.Getenv(EnvPostgres) != "" {
		t.Run("postgres", func(t *testing.T) {
			fn(t, PostgresDSN(t))
		})
	}
}
