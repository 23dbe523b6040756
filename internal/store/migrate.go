package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one numbered schema change for one engine.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations of an engine ("sqlite" or
// "postgres") in order.
func Migrations(engine string) ([]Migration, error) {
	dir := "migrations/" + engine
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations for %s: %w", engine, err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s/%s: name must start with a number and an underscore", dir, name)
		}
		body, err := fs.ReadFile(migrationFS, dir+"/"+name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", out[i-1].Name, out[i].Name, out[i].Version)
		}
	}
	return out, nil
}

// SchemaVersion returns the highest applied migration version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.read.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v)
	return int(v.Int64), err
}

// appliedVersions returns the versions schema_migrations lists.
func (s *Store) appliedVersions(ctx context.Context) (map[int]bool, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

// pending reports whether a migration up to upTo is not in done. A
// version below the highest applied one still counts: numbers are
// reserved ahead for work in progress, so a migration can land after a
// later-numbered one was applied.
func pending(ms []Migration, done map[int]bool, upTo int) bool {
	for _, m := range ms {
		if m.Version <= upTo && !done[m.Version] {
			return true
		}
	}
	return false
}

// migrate applies pending migrations up to version upTo, each in its own transaction. Several
// processes may start at once on one PostgreSQL database, so each step
// holds the dialect's migration lock and re-reads what is applied. A
// schema already up to date is only read: opening the store then takes no
// write lock, so serve, backup, export and search open while a long
// import holds the writer. When migrations are pending and another
// process holds the lock, Open waits, saying so (WithWaitNotice).
func (s *Store) migrate(ctx context.Context, upTo int) error {
	ms, err := Migrations(s.dialect.name())
	if err != nil {
		return err
	}
	if done, err := s.appliedVersions(ctx); err == nil && !pending(ms, done, upTo) {
		return nil
	}
	err = s.migrateStep(ctx, func(tx *sql.Tx) error {
		if err := s.dialect.lockMigrations(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT    NOT NULL,
			applied_at BIGINT  NOT NULL)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	done, err := s.appliedVersions(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	for _, m := range ms {
		if done[m.Version] || m.Version > upTo {
			continue
		}
		err := s.migrateStep(ctx, func(tx *sql.Tx) error {
			if err := s.dialect.lockMigrations(ctx, tx); err != nil {
				return err
			}
			var applied int
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1", m.Version).Scan(&applied); err != nil {
				return err
			}
			if applied > 0 {
				return nil // another process got there first
			}
			if err := runDirectives(ctx, tx, s.dialect.name(), m); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", m.Version, m.Name, now())
			return err
		})
		if err != nil {
			return fmt.Errorf("apply migration %s: %w", m.Name, err)
		}
	}
	return nil
}
