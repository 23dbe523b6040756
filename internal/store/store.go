// Package store keeps Marquee's catalog, dossiers and community data in a
// SQL database: SQLite embedded by default, PostgreSQL for deployments that
// outgrow one machine. Callers use *Store whatever the engine; what differs
// between engines lives behind the small dialect interface.
//
// SQL is written once with $1, $2 … placeholders, which both engines
// accept (SQLite reads "$1" as a named parameter bound by position). A
// query must therefore introduce its placeholders in ascending order.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is a handle on one Marquee database. It is safe for concurrent use.
type Store struct {
	read    *sql.DB         // readers: many connections
	callers *sql.DB         // sessions and API keys, looked up on every signed-in request: a small pool of its own on SQLite
	write   *sql.DB         // the single writer on SQLite; the same pool on PostgreSQL
	pg      *pgxpool.Pool   // the native pool behind read and write on PostgreSQL; nil on SQLite
	group   *groupCommitter // members' writes, grouped into shared transactions; nil on PostgreSQL
	dialect dialect
	dsn     string
}

// dialect is what differs between engines.
type dialect interface {
	name() string // "sqlite" or "postgres"
	// translate turns a driver error into a domain error where it can.
	translate(err error, entity, key string) error
	// lockMigrations serialises schema changes between processes for the
	// rest of tx.
	lockMigrations(ctx context.Context, tx *sql.Tx) error
}

// Open opens (creating if need be) the database named by dsn and applies
// pending migrations. A dsn of "postgres://…" or "postgresql://…" selects
// PostgreSQL; "sqlite:PATH" or a bare path selects the embedded store.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return open(ctx, dsn, math.MaxInt)
}

// open opens dsn and applies the pending migrations up to version upTo
// (tests open a schema as an older release left it).
func open(ctx context.Context, dsn string, upTo int) (*Store, error) {
	var (
		s   *Store
		err error
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s, err = openPostgres(ctx, dsn)
	default:
		s, err = openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx, upTo); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Engine names the database engine: "sqlite" or "postgres".
func (s *Store) Engine() string { return s.dialect.name() }

// DSN returns the data source name the store was opened with, with any
// password hidden.
func (s *Store) DSN() string { return redact(s.dsn) }

// Pool returns the native pgx pool on PostgreSQL (for COPY and other bulk
// paths) and nil on SQLite.
func (s *Store) Pool() *pgxpool.Pool { return s.pg }

// DBStats returns the connection-pool statistics of the read pool and,
// when it is a separate pool, of the writer.
func (s *Store) DBStats() map[string]sql.DBStats {
	out := map[string]sql.DBStats{"read": s.read.Stats()}
	if s.callers != s.read {
		out["callers"] = s.callers.Stats()
	}
	if s.write != s.read {
		out["write"] = s.write.Stats()
	}
	return out
}

// ReadConns is the most connections the read pool opens at once (0: no
// limit). A server that runs more requests than this at once leaves the
// rest waiting inside database/sql, which hands a freed connection to a
// random waiter: see web's renderGate.
func (s *Store) ReadConns() int { return s.read.Stats().MaxOpenConnections }

// DB returns the read pool, for packages (search, catalog) that run their
// own engine-specific SQL. Writes must go through Transact or WriteDB.
func (s *Store) DB() *sql.DB { return s.read }

// WriteDB returns the writer pool (one connection on SQLite).
func (s *Store) WriteDB() *sql.DB { return s.write }

// Close releases the database.
func (s *Store) Close() error {
	if s.group != nil {
		s.group.close() // queued members' writes commit first
	}
	err := s.read.Close()
	if s.callers != s.read {
		if cerr := s.callers.Close(); err == nil {
			err = cerr
		}
	}
	if s.write != s.read {
		if werr := s.write.Close(); err == nil {
			err = werr
		}
	}
	if s.pg != nil {
		s.pg.Close()
	}
	return err
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Transact runs fn in a write transaction, committing when fn returns nil
// and rolling back otherwise. On SQLite the transaction begins IMMEDIATE,
// so writers queue instead of failing on upgrade. It moves the catalog's
// cache stamp (CacheStamp) in the same transaction: any page may show
// what it wrote. Members' writes use memberTransact instead.
func (s *Store) Transact(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	return s.transact(ctx, func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO cache_generations (scope, gen) VALUES ('catalog', 1)
			ON CONFLICT (scope) DO UPDATE SET gen = cache_generations.gen + 1`)
		return err
	})
}

func (s *Store) transact(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
			return
		}
		if cerr := tx.Commit(); cerr != nil {
			err = fmt.Errorf("commit: %w", cerr)
		}
	}()
	return fn(tx)
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func now() int64 { return time.Now().Unix() }

// notFound turns sql.ErrNoRows into a *film.NotFoundError.
func notFound(err error, entity, key string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundErr(entity, key)
	}
	return err
}
