package store

import (
	"context"
	"database/sql"
	"fmt"
)

// The search index's upkeep around bulk loads. Per-row upkeep would slow
// a load of millions of rows many times over, so a bulk load suspends it
// and rebuilds the index once at the end, inside the same transaction.
// What is suspended is read from the schema and replayed exactly as it
// was, so whatever the latest migration made of the triggers, indexes
// and the documents view is what every import leaves behind:
//
//   - SQLite: the triggers named search_* (migration 0014), which keep the
//     FTS5 table search_fts in step with the view search_documents. The
//     rebuild refills search_fts from that view in key order.
//   - PostgreSQL: the search indexes (named *_search and *_trgm, migration
//     0003), expression indexes on the catalog tables. The rebuild
//     recreates them; searches still answer by scanning meanwhile.

// SQLConn is a connection the search upkeep runs on: an importer's own
// driver connection, or a transaction of the store (see TxConn). Query
// calls fn with the two text columns of each row.
type SQLConn interface {
	ExecSQL(ctx context.Context, query string) error
	QueryPairs(ctx context.Context, query string, fn func(a, b string) error) error
}

// The statements of the upkeep, per engine.
const (
	sqliteSearchTriggers = `SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND name LIKE 'search\_%' ESCAPE '\' ORDER BY name`
	pgSearchIndexes = `SELECT indexname, indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND (indexname LIKE '%\_search' OR indexname LIKE '%\_trgm') ORDER BY indexname`

	// FTS5 settings for a refill: a 32 MiB in-memory hash before each flush
	// to disk (the default, 1 MiB, writes hundreds of small segments that
	// must then be merged), and back to the default afterwards, since the
	// setting is stored with the table.
	ftsDeleteAll   = `INSERT INTO search_fts (search_fts) VALUES ('delete-all')`
	ftsBulkHash    = `INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 33554432)`
	ftsRefill      = `INSERT INTO search_fts (rowid, name, alt, body, tag) SELECT key, name, alt, body, tag FROM search_documents ORDER BY key`
	ftsOptimize    = `INSERT INTO search_fts (search_fts) VALUES ('optimize')`
	ftsDefaultHash = `INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 1048576)`
)

// SuspendedSearch is the search upkeep a bulk load has suspended: the
// definitions it dropped, to be replayed by Resume.
type SuspendedSearch struct {
	engine string
	saved  []schemaObject
}

type schemaObject struct{ name, sql string }

// SuspendSearch drops the search index's per-row upkeep on c, saving its
// definitions from the schema; Resume must follow on the same
// connection, in the same transaction where the engine allows.
func SuspendSearch(ctx context.Context, engine string, c SQLConn) (*SuspendedSearch, error) {
	list, drop := sqliteSearchTriggers, "DROP TRIGGER "
	if engine == "postgres" {
		list, drop = pgSearchIndexes, "DROP INDEX "
	}
	s := &SuspendedSearch{engine: engine}
	err := c.QueryPairs(ctx, list, func(name, def string) error {
		s.saved = append(s.saved, schemaObject{name, def})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: list upkeep: %w", err)
	}
	for _, o := range s.saved {
		if err := c.ExecSQL(ctx, drop+quoteIdent(o.name)); err != nil {
			return nil, fmt.Errorf("search: suspend %s: %w", o.name, err)
		}
	}
	return s, nil
}

// Resume brings the upkeep back. When changed, the load touched what the
// index holds: SQLite refills it from search_documents first; PostgreSQL
// recreates its indexes either way (they were dropped). When nothing
// indexed changed, SQLite only replays its triggers.
func (s *SuspendedSearch) Resume(ctx context.Context, c SQLConn, changed bool) error {
	if s.engine != "postgres" && changed {
		for _, q := range []string{ftsDeleteAll, ftsBulkHash, ftsRefill, ftsOptimize, ftsDefaultHash} {
			if err := c.ExecSQL(ctx, q); err != nil {
				return fmt.Errorf("search: refill index: %w", err)
			}
		}
	}
	for _, o := range s.saved {
		if err := c.ExecSQL(ctx, o.sql); err != nil {
			return fmt.Errorf("search: resume %s: %w", o.name, err)
		}
	}
	return nil
}

// Suspended reports how many triggers or indexes s holds.
func (s *SuspendedSearch) Suspended() int { return len(s.saved) }

// SearchBulk runs load with the search upkeep suspended, then rebuilds
// the index, also when load fails (what it wrote is then indexed too).
// For loaders that write through the store (migrate-store); the catalog
// importers suspend and resume inside their own transaction. On SQLite
// the suspension and the rebuild each run in one transaction; on
// PostgreSQL statement by statement, since CREATE INDEX holds fewer locks
// for less time outside a transaction block.
func (s *Store) SearchBulk(ctx context.Context, load func(ctx context.Context) error) error {
	var sus *SuspendedSearch
	err := s.upkeep(ctx, func(c SQLConn) (err error) {
		sus, err = SuspendSearch(ctx, s.Engine(), c)
		return err
	})
	if err != nil {
		return err
	}
	lerr := load(ctx)
	err = s.upkeep(ctx, func(c SQLConn) error { return sus.Resume(ctx, c, true) })
	if lerr != nil {
		return lerr
	}
	return err
}

// RebuildSearch rebuilds the search index from the catalog tables.
func (s *Store) RebuildSearch(ctx context.Context) error {
	return s.upkeep(ctx, func(c SQLConn) error {
		sus, err := SuspendSearch(ctx, s.Engine(), c)
		if err != nil {
			return err
		}
		return sus.Resume(ctx, c, true)
	})
}

func (s *Store) upkeep(ctx context.Context, fn func(SQLConn) error) error {
	if s.pg != nil {
		return fn(TxConn{s.write})
	}
	return s.Transact(ctx, func(tx *sql.Tx) error { return fn(TxConn{tx}) })
}

// TxConn runs the search upkeep on a database/sql transaction or pool.
type TxConn struct {
	DB interface {
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
		QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	}
}

// ExecSQL runs query.
func (t TxConn) ExecSQL(ctx context.Context, query string) error {
	_, err := t.DB.ExecContext(ctx, query)
	return err
}

// QueryPairs runs query and calls fn with each row's two text columns.
func (t TxConn) QueryPairs(ctx context.Context, query string, fn func(a, b string) error) error {
	rows, err := t.DB.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		if err := fn(a, b); err != nil {
			return err
		}
	}
	return rows.Err()
}
