package catalog

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/mattn/go-sqlite3"

	"marquee/internal/store"
)

// bulkConn is the one connection a bulk import writes through. It talks
// to the driver directly, below database/sql: ANCHORS measured the
// database/sql conversions at a sixth of the load time.
//
// Writes are pipelined: loaders queue statements with async and go on
// parsing while one goroutine executes them in order, so on two cores the
// parsing and SQLite's own work overlap. Everything else (exec, queries)
// first waits for the queue to drain, so the connection is only ever used
// by one goroutine at a time.
type bulkConn struct {
	c       *sqlite3.SQLiteConn // SQLite
	pg      *pgx.Conn           // PostgreSQL (bulk_postgres.go)
	release func()              // returns pg to the store's pool

	jobs chan job
	quit chan struct{}
	mu   sync.Mutex
	err  error // the first failed job; later jobs are dropped
}

// openBulk opens a driver connection on st's SQLite file. Foreign keys
// are off: the loaders only write references they have resolved, and
// checking eight million credits row by row would cost a fifth of the load.
func openBulk(st *store.Store) (*bulkConn, error) {
	switch st.Engine() {
	case "postgres":
		return openBulkPostgres(st)
	case "sqlite":
	default:
		return nil, errors.New("bulk imports support SQLite and PostgreSQL")
	}
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
	b := &bulkConn{c: dc.(*sqlite3.SQLiteConn), jobs: make(chan job, 256), quit: make(chan struct{})}
	go b.work()
	// A modest page cache for the load; PRAGMA threads lets CREATE INDEX
	// sort with a helper thread. ANCHORS: a large cache slows index builds.
	if err := b.exec("PRAGMA cache_size = -65536; PRAGMA threads = 2; PRAGMA temp_store = FILE"); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

func (b *bulkConn) Close() error {
	_ = b.wait()
	close(b.jobs)
	<-b.quit
	if b.pg != nil {
		b.release()
		return nil
	}
	return b.c.Close()
}

// execNow runs a statement at once, without waiting for the queue: for
// queued jobs themselves, and callers that have just waited.
func (b *bulkConn) execNow(query string, args ...driver.Value) error {
	if b.pg != nil {
		return b.pgExec(query, args)
	}
	_, err := b.c.Exec(query, args)
	return err
}

// execAll runs stmts in order, as given with the error of producing them.
func (b *bulkConn) execAll(stmts []string, err error) error {
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if err := b.exec(s); err != nil {
			return err
		}
	}
	return nil
}

// begin opens the import's transaction: IMMEDIATE on SQLite, so that no
// other writer can slip in between the reads and the writes.
func (b *bulkConn) begin() error {
	if b.pg != nil {
		return b.exec("BEGIN")
	}
	return b.exec("BEGIN IMMEDIATE")
}

// analyze refreshes the planner's statistics after a load. A bounded
// ANALYZE on SQLite samples each index instead of reading it whole: the
// planner needs proportions, not exact counts.
//
// On PostgreSQL a bare ANALYZE visits every table of the database, other
// schemas included, and can deadlock with sessions dropping them; so it
// names the tables of the import's own schema.
func (b *bulkConn) analyze() error {
	if b.pg != nil {
		var tables []string
		err := b.queryRows(`SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
			func(v []driver.Value) error {
				if t, ok := v[0].(string); ok {
					tables = append(tables, t)
				}
				return nil
			})
		if err != nil || len(tables) == 0 {
			return err
		}
		return b.exec("ANALYZE " + strings.Join(tables, ", "))
	}
	return b.exec("PRAGMA analysis_limit = 2000; ANALYZE")
}

// job is a queued write, or a barrier (done) that wait closes behind the
// writes queued before it.
type job struct {
	fn   func() error
	done chan struct{}
}

// work executes queued jobs in order until the queue is closed. After a
// failure it drops the writes but still closes barriers, so that wait
// returns the failure instead of blocking for ever.
func (b *bulkConn) work() {
	defer close(b.quit)
	for j := range b.jobs {
		if j.done != nil {
			close(j.done)
			continue
		}
		if b.failed() != nil {
			continue
		}
		if err := j.fn(); err != nil {
			b.mu.Lock()
			b.err = err
			b.mu.Unlock()
		}
	}
}

func (b *bulkConn) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// async queues fn for the writer goroutine. It returns the error of an
// earlier job, if one failed, so loaders stop soon after a failure.
func (b *bulkConn) async(fn func() error) error {
	if err := b.failed(); err != nil {
		return err
	}
	b.jobs <- job{fn: fn}
	return nil
}

// wait blocks until every queued job has run and returns the first error.
func (b *bulkConn) wait() error {
	done := make(chan struct{})
	b.jobs <- job{done: done}
	<-done
	return b.failed()
}

// reset waits for the queue to drain and forgets a failed job's error, so
// that ROLLBACK and the failure record can run after a failed write.
func (b *bulkConn) reset() {
	_ = b.wait()
	b.mu.Lock()
	b.err = nil
	b.mu.Unlock()
}

func (b *bulkConn) exec(query string, args ...driver.Value) error {
	if err := b.wait(); err != nil {
		return err
	}
	err := b.execNow(query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return nil
}

// queryRows runs query and calls fn for each row with its values, which
// are only valid during the call.
func (b *bulkConn) queryRows(query string, fn func(vals []driver.Value) error, args ...driver.Value) error {
	if err := b.wait(); err != nil {
		return err
	}
	if b.pg != nil {
		return b.pgQueryRows(query, fn, args)
	}
	rows, err := b.c.Query(query, args)
	if err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
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

// queryInt returns the first column of the first row as an integer.
func (b *bulkConn) queryInt(query string, args ...driver.Value) (int64, error) {
	var n int64
	err := b.queryRows(query, func(v []driver.Value) error {
		n, _ = v[0].(int64)
		return nil
	}, args...)
	return n, err
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// rowsPerInsert is how many rows one INSERT statement carries. ANCHORS:
// multi-row VALUES with about 64 rows was the fastest SQLite path.
const rowsPerInsert = 64

// inserter batches rows into multi-row INSERT statements. A nil inserter
// (a dry run) accepts rows and writes nothing.
type inserter struct {
	b             *bulkConn
	multi, single driver.Stmt
	cols          int
	vals          []driver.Value
	n             int      // rows buffered
	pg            *pgStage // PostgreSQL: rows go to a staging table by COPY
}

// inserter prepares "head VALUES (?,…),… tail" for cols columns; tail may
// hold an ON CONFLICT clause.
func (b *bulkConn) inserter(head string, cols int, tail string) (*inserter, error) {
	if b == nil {
		return nil, nil
	}
	if err := b.wait(); err != nil {
		return nil, err
	}
	if b.pg != nil {
		s, err := b.pgInserter(head, tail)
		if err != nil {
			return nil, err
		}
		return &inserter{b: b, pg: s, cols: cols}, nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	multi, err := b.c.Prepare(head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+",", rowsPerInsert), ",") + " " + tail)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", head, err)
	}
	single, err := b.c.Prepare(head + " VALUES " + row + " " + tail)
	if err != nil {
		multi.Close()
		return nil, fmt.Errorf("prepare %s: %w", head, err)
	}
	return &inserter{b: b, multi: multi, single: single, cols: cols, vals: make([]driver.Value, 0, cols*rowsPerInsert)}, nil
}

// add buffers one row, writing a full batch when there is one.
func (in *inserter) add(vals ...driver.Value) error {
	if in == nil {
		return nil
	}
	if in.pg != nil {
		in.pg.rows = append(in.pg.rows, anyArgs(vals))
		if len(in.pg.rows) < pgCopyBatch {
			return nil
		}
		batch := in.pg.rows
		in.pg.rows = make([][]any, 0, pgCopyBatch)
		return in.b.pgCopy(in.pg, batch)
	}
	in.vals = append(in.vals, vals...)
	in.n++
	if in.n < rowsPerInsert {
		return nil
	}
	batch := in.vals
	in.vals, in.n = make([]driver.Value, 0, cap(batch)), 0
	return in.b.async(func() error {
		return run(in.multi, batch)
	})
}

// flush writes the rows buffered.
func (in *inserter) flush() error {
	if in == nil {
		return nil
	}
	if in.pg != nil {
		if len(in.pg.rows) == 0 {
			return nil
		}
		batch := in.pg.rows
		in.pg.rows = nil
		return in.b.pgCopy(in.pg, batch)
	}
	vals, n := in.vals, in.n
	in.vals, in.n = make([]driver.Value, 0, cap(vals)), 0
	return in.b.async(func() error {
		for i := range n {
			if err := run(in.single, vals[i*in.cols:(i+1)*in.cols]); err != nil {
				return err
			}
		}
		return nil
	})
}

// close flushes, waits for the queued rows to be written, and releases
// the statements.
func (in *inserter) close() error {
	if in == nil {
		return nil
	}
	err := in.flush()
	if werr := in.b.wait(); err == nil {
		err = werr
	}
	if in.pg != nil {
		if err == nil {
			err = in.b.pgMove(in.pg)
		}
		return err
	}
	in.multi.Close()
	in.single.Close()
	return err
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
