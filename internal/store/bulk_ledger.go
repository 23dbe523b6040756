package store

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// BulkConn is the connection a catalog import writes through: its own
// driver connection below database/sql, inside the import's one
// transaction. The store's bulk-load statements (this file) run on it so
// that their SQL has one owner, the store, while the importer keeps its
// engine split and its batching. Statements use "?" placeholders, which
// the PostgreSQL side numbers; fn's values are only valid during the call.
type BulkConn interface {
	ExecArgs(ctx context.Context, query string, args ...driver.Value) error
	// ExecCount is ExecArgs that returns how many rows the statement wrote.
	ExecCount(ctx context.Context, query string, args ...driver.Value) (int64, error)
	QueryArgs(ctx context.Context, query string, fn func(vals []driver.Value) error, args ...driver.Value) error
	// QueueArgs hands a statement to the import's writer, to run in order
	// with the rows queued before and after it; its error, if any, ends
	// the import at the writer's next step.
	QueueArgs(query string, args ...driver.Value) error
}

// StartImportRun records a run of source on input as running and returns
// its id. A run of the same source left running by a process that died
// (its transaction never committed) is marked failed first, and
// interrupted says so.
func StartImportRun(ctx context.Context, c BulkConn, source, input string, now int64) (id int64, interrupted bool, err error) {
	var stale int64
	err = c.QueryArgs(ctx, "SELECT COUNT(*) FROM import_runs WHERE source = ? AND status = 'running'", func(v []driver.Value) error {
		stale = bulkInt(v[0])
		return nil
	}, source)
	if err != nil {
		return 0, false, err
	}
	if stale > 0 {
		if err := c.ExecArgs(ctx, "UPDATE import_runs SET status = 'failed' WHERE source = ? AND status = 'running'", source); err != nil {
			return 0, false, err
		}
	}
	if err := c.ExecArgs(ctx, "INSERT INTO import_runs (source, input, started_at) VALUES (?, ?, ?)", source, input, now); err != nil {
		return 0, false, err
	}
	err = c.QueryArgs(ctx, "SELECT MAX(id) FROM import_runs", func(v []driver.Value) error {
		id = bulkInt(v[0])
		return nil
	})
	return id, stale > 0, err
}

// FailImportRun marks run id failed (after its transaction rolled back).
func FailImportRun(ctx context.Context, c BulkConn, id, now int64) error {
	return c.ExecArgs(ctx, "UPDATE import_runs SET status = 'failed', finished_at = ? WHERE id = ?", now, id)
}

// FinishImportRun marks run id done and moves the page cache's catalog
// stamp, both inside the import's transaction, so they commit with it.
// The trigger on import_runs moves the stamp on SQLite; a PostgreSQL load
// runs with triggers off (session_replication_role = replica), so it is
// said here for both.
func FinishImportRun(ctx context.Context, c BulkConn, id, now int64) error {
	if err := c.ExecArgs(ctx, "UPDATE import_runs SET status = 'done', finished_at = ? WHERE id = ?", now, id); err != nil {
		return err
	}
	return c.ExecArgs(ctx, `INSERT INTO cache_generations (scope, gen) VALUES ('catalog', 1)
		ON CONFLICT (scope) DO UPDATE SET gen = cache_generations.gen + 1`)
}

// slugTables are the tables whose slugs a bulk import reads and settles.
var slugTables = map[string]bool{"films": true, "people": true}

// BulkSlugs calls fn with the id and slug of every row of table ("films"
// or "people"), in id order.
func BulkSlugs(ctx context.Context, c BulkConn, table string, fn func(id int64, slug string)) error {
	if !slugTables[table] {
		return fmt.Errorf("bulk slugs: no table %q", table)
	}
	return c.QueryArgs(ctx, "SELECT id, slug FROM "+table+" ORDER BY id", func(v []driver.Value) error {
		slug, _ := v[1].(string)
		if b, ok := v[1].([]byte); ok {
			slug = string(b)
		}
		fn(bulkInt(v[0]), slug)
		return nil
	})
}

// SuffixSlugWithIMDb appends the row's IMDb id to its slug
// ("the-room-2003-tt0368226"), for a row whose slug an older row holds.
// A row without an IMDb id keeps its slug.
func SuffixSlugWithIMDb(ctx context.Context, c BulkConn, table string, id int64) error {
	if !slugTables[table] {
		return fmt.Errorf("bulk slugs: no table %q", table)
	}
	return c.ExecArgs(ctx, "UPDATE "+table+" SET slug = slug || '-' || imdb_id WHERE id = ? AND imdb_id IS NOT NULL", id)
}

// bulkInt reads an integer column of a bulk connection's row.
func bulkInt(v driver.Value) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case int32:
		return int64(n)
	case float64:
		return int64(n)
	}
	return 0
}

// BulkFilmSpan is one more than the highest film id: the size of the
// catalog as a bulk import weighs it (the ids are dense), read in O(1).
func BulkFilmSpan(ctx context.Context, c BulkConn) (int64, error) {
	var n int64
	err := c.QueryArgs(ctx, "SELECT COALESCE(MAX(id), 0) FROM films", func(v []driver.Value) error {
		n = bulkInt(v[0])
		return nil
	})
	return n, err
}
