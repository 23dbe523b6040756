package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/mattn/go-sqlite3"

	"marquee/internal/film"
	_ "marquee/internal/store/fts5" // full-text search without a build tag
)

type sqliteDialect struct{}

// readerDriver is the driver of the read pool. Each reader connection maps
// the database file into memory (PRAGMA mmap_size), so a page the
// operating system already caches is read in place instead of through a
// read system call and a copy into the connection's own page cache. A film
// page of a large catalog touches pages all over the file (its credits
// point at people anywhere in the people table); on the 1 M-title catalog
// mapping cut the CPU of reading a film's credits by about 13 %, nearly all
// of it system time. The writer keeps ordinary I/O.
const readerDriver = "sqlite3-marquee-reader"

// readerMmap is how much of the file a reader maps, SQLite's default upper
// bound (just under 2 GiB); the part of a larger file past it is read as
// usual.
const readerMmap = 0x7fff0000

func init() {
	sql.Register(readerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(fmt.Sprintf("PRAGMA mmap_size = %d", readerMmap), nil)
		return err
	}})
}

func (sqliteDialect) name() string { return "sqlite" }

// lockMigrations has nothing to do: write transactions begin IMMEDIATE,
// which already excludes other writers.
func (sqliteDialect) lockMigrations(context.Context, *sql.Tx) error { return nil }

func (sqliteDialect) translate(err error, entity, key string) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.ExtendedCode {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return &film.ConflictError{Entity: entity, Key: key}
	case sqlite3.ErrConstraintForeignKey, sqlite3.ErrConstraintNotNull:
		return &film.MissingRefError{Entity: entity, Ref: key}
	case sqlite3.ErrConstraintCheck:
		return &film.ValidationError{Entity: entity, Field: "value", Reason: se.Error()}
	}
	return err
}

// sqliteDSN builds the driver's connection string: WAL, a busy timeout so
// readers wait for the writer, foreign keys on, and (for the writer)
// BEGIN IMMEDIATE transactions.
func sqliteDSN(path string, writer bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	// Film pages and member writes run the same statements over and over;
	// without a cache every call prepares its statement again (15 % of a
	// member write's CPU in bench/members).
	q.Set("_stmt_cache_size", "64")
	if writer {
		q.Set("_txlock", "immediate")
	} else {
		q.Set("_query_only", "true")
		// 8 MiB of page cache per reader (SQLite's default is 2 MiB):
		// search facets and film pages revisit the same index pages, and
		// the larger cache halved facet counting time on the 1M catalog.
		q.Set("_cache_size", "-8192")
	}
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty database path (use --db PATH or MARQUEE_DB)")
	}
	if dir := filepath.Dir(path); dir != "." {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("open store %s: directory %s does not exist", path, dir)
		}
	}
	write, err := sql.Open("sqlite3", sqliteDSN(path, true))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	write.SetMaxOpenConns(1) // SQLite has one writer; queue in Go, not in busy loops
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	read, err := sql.Open(readerDriver, sqliteDSN(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	read.SetMaxOpenConns(8)
	read.SetMaxIdleConns(8)
	// Every signed-in request first looks up its session (or API key).
	// Under a crowd of page readers the read pool's connections are all
	// busy, and a member's write queued behind them for its session (35 ms
	// a wait on average in bench/members on a loaded machine); a small
	// pool of its own keeps that lookup out of the readers' queue.
	callers, err := sql.Open(readerDriver, sqliteDSN(path, false))
	if err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	callers.SetMaxOpenConns(4)
	callers.SetMaxIdleConns(4)
	return &Store{read: read, callers: callers, write: write, group: newGroupCommitter(write), dialect: sqliteDialect{}, dsn: "sqlite:" + path}, nil
}
