package catalog

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/mattn/go-sqlite3"

	"marquee/internal/store"
)

// sqliteBulk is the SQLite side of a bulk import: one driver connection
// on the store's file. Rows go in multi-row INSERT statements.
type sqliteBulk struct {
	c *sqlite3.SQLiteConn
}

// openSQLiteBulk opens a driver connection on st's SQLite file. Foreign
// keys are off: the loaders only write references they have resolved, and
// checking eight million credits row by row would cost a fifth of the load.
func openSQLiteBulk(ctx context.Context, st *store.Store) (*sqliteBulk, error) {
	path := strings.TrimPrefix(st.DSN(), "sqlite:")
	q := url.Values{}
	q.Set("_busy_timeout", "30000")
	q.Set("_foreign_keys", "off")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	// The per-row lookups of MovieLens, Letterboxd and box-office loads
	// run the same few statements for every row: re-preparing each (the
	// INSERT INTO films plan checks thirty referencing tables) was most of
	// their cost.
	q.Set("_stmt_cache_size", "64")
	dc, err := (&sqlite3.SQLiteDriver{}).Open("file:" + path + "?" + q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s for import: %w", path, err)
	}
	e := &sqliteBulk{c: dc.(*sqlite3.SQLiteConn)}
	// A modest page cache for the load; PRAGMA threads lets CREATE INDEX
	// sort with a helper thread. ANCHORS: a large cache slows index builds.
	if err := e.exec(ctx, "PRAGMA cache_size = -65536; PRAGMA threads = 2; PRAGMA temp_store = FILE", nil); err != nil {
		e.c.Close()
		return nil, err
	}
	return e, nil
}

func (e *sqliteBulk) close() error { return e.c.Close() }

func (e *sqliteBulk) exec(_ context.Context, query string, args []driver.Value) error {
	_, err := e.c.Exec(query, args) //nolint:staticcheck // the driver's own method, below database/sql
	return err
}

func (e *sqliteBulk) execN(_ context.Context, query string, args []driver.Value) (int64, error) {
	res, err := e.c.Exec(query, args) //nolint:staticcheck // as exec
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (e *sqliteBulk) query(_ context.Context, query string, args []driver.Value, fn func(vals []driver.Value) error) error {
	rows, err := e.c.Query(query, args) //nolint:staticcheck // as exec
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(vals); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
}

// begin is IMMEDIATE, so that no other writer can slip in between the
// reads and the writes.
func (e *sqliteBulk) begin(ctx context.Context) error { return e.exec(ctx, "BEGIN IMMEDIATE", nil) }

// sorting: ANCHORS found a small page cache twice as fast for CREATE
// INDEX as a large one; the FTS5 refill brings its own memory too.
func (e *sqliteBulk) sorting(ctx context.Context, on bool) error {
	if on {
		return e.exec(ctx, "PRAGMA cache_size = -8192", nil)
	}
	return e.exec(ctx, "PRAGMA cache_size = -65536", nil)
}

const sqliteIndexes = `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
	AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`

// dropIndexes also saves the dropped indexes' statistics, which DROP
// INDEX deletes, for rebuilt to put back: an index rebuilt after a load
// that did not move its table's rows far keeps what the planner knew.
func (e *sqliteBulk) dropIndexes(ctx context.Context, tables []string, keep func(name string) bool) ([]savedIndex, error) {
	var saved []savedIndex
	err := e.query(ctx, sqliteIndexes, []driver.Value{jsonList(tables)}, func(v []driver.Value) error {
		if name := asString(v[0]); !keep(name) {
			saved = append(saved, savedIndex{name: name, sql: asString(v[1])})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, ix := range saved {
		if saved[i].stat, err = e.indexStat(ctx, ix.name); err != nil {
			return nil, err
		}
		if err := e.exec(ctx, `DROP INDEX "`+ix.name+`"`, nil); err != nil {
			return nil, err
		}
	}
	return saved, nil
}

// rowsPerInsert is how many rows one INSERT statement carries. ANCHORS:
// multi-row VALUES with about 64 rows was the fastest SQLite path.
const rowsPerInsert = 64

// sqliteRows writes rows in prepared multi-row INSERT statements. A
// counted spec's rows go in as INSERT … ON CONFLICT DO NOTHING followed,
// for its update columns, by an UPDATE … FROM (VALUES …) of the same rows
// that only touches those whose values differ; SELECT changes() after
// each says how many rows it added and changed.
type sqliteRows struct {
	multi, single       driver.Stmt // INSERT of rowsPerInsert rows, of one
	updMulti, updSingle driver.Stmt // counted with update columns: the UPDATEs
	changes             driver.Stmt // counted: SELECT changes()
	cols                int
	vals                []driver.Value
	n                   int // rows buffered
	c                   writeCounts
}

func (e *sqliteBulk) rows(_ context.Context, spec insertSpec) (rowWriter, error) {
	cols := spec.columns()
	head := "INSERT INTO " + spec.table + " (" + spec.cols + ") VALUES "
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	many := strings.TrimSuffix(strings.Repeat(row+",", rowsPerInsert), ",")
	tail := spec.onConflict()
	if spec.counted {
		tail = "ON CONFLICT (" + spec.conflict + ") DO NOTHING"
	}
	r := &sqliteRows{cols: len(cols), vals: make([]driver.Value, 0, len(cols)*rowsPerInsert)}
	type prepared struct {
		dst *driver.Stmt
		sql string
	}
	stmts := []prepared{{&r.multi, head + many + " " + tail}, {&r.single, head + row + " " + tail}}
	if spec.counted {
		stmts = append(stmts, prepared{&r.changes, "SELECT changes()"})
		if len(spec.update) > 0 {
			upd := sqliteUpdateFrom(spec, cols)
			stmts = append(stmts, prepared{&r.updMulti, fmt.Sprintf(upd, many)}, prepared{&r.updSingle, fmt.Sprintf(upd, row)})
		}
	}
	for _, st := range stmts {
		p, err := e.c.Prepare(st.sql)
		if err != nil {
			_ = r.finish(context.Background(), false)
			return nil, err
		}
		*st.dst = p
	}
	return r, nil
}

// sqliteUpdateFrom is the UPDATE of a counted spec's rows already there
// whose update columns differ, with %s for its VALUES rows.
func sqliteUpdateFrom(spec insertSpec, cols []string) string {
	at := map[string]string{}
	for i, c := range cols {
		at[c] = fmt.Sprintf("v.column%d", i+1)
	}
	set, from := make([]string, len(spec.update)), make([]string, len(spec.update))
	for i, c := range spec.update {
		set[i], from[i] = c+" = "+at[c], at[c]
	}
	var where []string
	for _, k := range strings.Split(spec.conflict, ",") {
		k = strings.TrimSpace(k)
		where = append(where, spec.table+"."+k+" = "+at[k])
	}
	return "UPDATE " + spec.table + " SET " + strings.Join(set, ", ") + " FROM (VALUES %s) AS v WHERE " +
		strings.Join(where, " AND ") + " AND (" + qualified(spec.table+".", spec.update) + ") IS DISTINCT FROM (" + strings.Join(from, ", ") + ")"
}

func (r *sqliteRows) add(vals []driver.Value) func(context.Context) error {
	r.vals = append(r.vals, vals...)
	r.n++
	if r.n < rowsPerInsert {
		return nil
	}
	batch := r.vals
	r.vals, r.n = make([]driver.Value, 0, cap(batch)), 0
	return func(context.Context) error { return r.write(r.multi, r.updMulti, batch) }
}

func (r *sqliteRows) flush() func(context.Context) error {
	if r.n == 0 {
		return nil
	}
	vals, n := r.vals, r.n
	r.vals, r.n = make([]driver.Value, 0, cap(vals)), 0
	return func(context.Context) error {
		for i := range n {
			if err := r.write(r.single, r.updSingle, vals[i*r.cols:(i+1)*r.cols]); err != nil {
				return err
			}
		}
		return nil
	}
}

// write runs one INSERT (and a counted spec's UPDATE) of vals.
func (r *sqliteRows) write(ins, upd driver.Stmt, vals []driver.Value) error {
	if err := run(ins, vals); err != nil || r.changes == nil {
		return err
	}
	n, err := r.changed()
	r.c.inserted += n
	if err != nil || upd == nil {
		return err
	}
	if err := run(upd, vals); err != nil {
		return err
	}
	n, err = r.changed()
	r.c.updated += n
	return err
}

// changed is the number of rows the last statement wrote.
func (r *sqliteRows) changed() (int64, error) {
	rows, err := r.changes.Query(nil) //nolint:staticcheck // as run
	if err != nil {
		return 0, err
	}
	v := make([]driver.Value, 1)
	err = rows.Next(v)
	n, _ := v[0].(int64)
	return n, firstErr(err, rows.Close())
}

func (r *sqliteRows) counts() writeCounts { return r.c }

func (r *sqliteRows) finish(context.Context, bool) error {
	var errs []error
	for _, st := range []driver.Stmt{r.multi, r.single, r.updMulti, r.updSingle, r.changes} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return firstErr(errs...)
}

// run executes an INSERT through the driver's Query rather than Exec: in
// mattn/go-sqlite3 Query binds every argument and takes the first step in
// one cgo call, where Exec makes one call per argument (a ninth of the
// load time on a profile). Next surfaces a failed step.
func run(stmt driver.Stmt, args []driver.Value) error {
	rows, err := stmt.Query(args) //nolint:staticcheck // the driver's own method is the point
	if err != nil {
		return err
	}
	err = rows.Next(nil)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return firstErr(err, rows.Close())
}
