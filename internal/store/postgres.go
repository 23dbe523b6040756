package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"marquee/internal/film"
)

// pgDialect is PostgreSQL through pgx: the shared SQL runs on database/sql
// over pgx's stdlib adapter; bulk paths use the native pool (COPY).
type pgDialect struct{}

func (pgDialect) name() string { return "postgres" }

// PostgreSQL SQLSTATE codes of the integrity-constraint class.
const (
	pgNotNull    = "23502"
	pgForeignKey = "23503"
	pgUnique     = "23505"
	pgCheck      = "23514"
)

func (pgDialect) translate(err error, entity, key string) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case pgUnique:
		return &film.ConflictError{Entity: entity, Key: key}
	case pgForeignKey, pgNotNull:
		return &film.MissingRefError{Entity: entity, Ref: key}
	case pgCheck:
		return &film.ValidationError{Entity: entity, Field: "value", Reason: pe.Message}
	}
	return err
}

// migrationLockKey is the advisory-lock key that serialises migrations.
const migrationLockKey = 0x6d617271 // "marq"

func (pgDialect) lockMigrations(ctx context.Context, tx *sql.Tx) error {
	var got bool
	if err := tx.QueryRowContext(ctx, "SELECT pg_try_advisory_xact_lock($1)", int64(migrationLockKey)).Scan(&got); err != nil || got {
		return err
	}
	notice(ctx)
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLockKey))
	return err
}

// openPostgres connects to the server named by dsn. One pool serves reads
// and writes: PostgreSQL has no single-writer limit to queue behind.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	if !strings.Contains(dsn, "pool_max_conns") && cfg.MaxConns < 8 {
		cfg.MaxConns = 8 // pgx's default of max(4, CPUs) starves a page that runs several queries
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	db := stdlib.OpenDBFromPool(pool)
	return &Store{read: db, callers: db, write: db, pg: pool, dialect: pgDialect{}, dsn: dsn}, nil
}

// redact hides the password of a connection URL, for messages and logs.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
