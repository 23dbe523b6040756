package catalog

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"

	"marquee/internal/store"
)

// bulkConn is the one connection a bulk import writes through, on either
// engine: it talks to the driver directly, below database/sql (ANCHORS
// measured the database/sql conversions at a sixth of the load time).
// What differs between engines is behind bulkEngine (bulk_sqlite.go,
// bulk_postgres.go); bulkConn itself only orders the work.
//
// Writes are pipelined: loaders queue row batches and go on parsing while
// one goroutine executes them in order, so on two cores the parsing and
// the engine's own work overlap. Everything else (exec, queries) first
// waits for the queue to drain, so the connection is only ever used by
// one goroutine at a time.
type bulkConn struct {
	eng  bulkEngine
	jobs chan job
	quit chan struct{}
	mu   sync.Mutex
	err  error // the first failed job; later jobs are dropped
	// watch, while set, counts the rows the loader writes (see watchWrites).
	watch *writeWatch
}

// writeWatch counts a load's writes: rows added to inserters, rows that
// statements reported writing, one for each queued statement. When the
// count passes limit, over runs once (and its error ends the load).
type writeWatch struct {
	n, limit int64
	over     func() error
}

// watchWrites counts the loader's writes from now on, calling over once
// when they pass limit; unwatch stops the count and returns it.
func (b *bulkConn) watchWrites(limit int64, over func() error) {
	b.watch = &writeWatch{limit: limit, over: over}
}

func (b *bulkConn) unwatch() int64 {
	w := b.watch
	b.watch = nil
	if w == nil {
		return 0
	}
	return w.n
}

// wrote counts n rows written.
func (b *bulkConn) wrote(n int64) error {
	w := b.watch
	if w == nil {
		return nil
	}
	w.n += n
	if w.over == nil || w.n <= w.limit {
		return nil
	}
	over := w.over
	w.over = nil
	return over()
}

// bulkEngine is one engine's side of a bulk import. Statements use "?"
// placeholders; the PostgreSQL side numbers them.
type bulkEngine interface {
	exec(ctx context.Context, query string, args []driver.Value) error
	// execN is exec that returns the number of rows the statement wrote.
	execN(ctx context.Context, query string, args []driver.Value) (int64, error)
	query(ctx context.Context, query string, args []driver.Value, fn func(vals []driver.Value) error) error
	// begin opens the import's one transaction.
	begin(ctx context.Context) error
	// rows prepares a batched writer for spec's rows.
	rows(ctx context.Context, spec insertSpec) (rowWriter, error)
	// dropIndexes drops the secondary indexes of tables that keep does
	// not keep and returns their definitions.
	dropIndexes(ctx context.Context, tables []string, keep func(name string) bool) ([]savedIndex, error)
	// sorting switches to the small page cache that index builds and the
	// search refill sort best with, and back (SQLite; a no-op elsewhere).
	sorting(ctx context.Context, on bool) error
	// analyze refreshes the planner's statistics of tables, or of every
	// table when nil.
	analyze(ctx context.Context, tables []string) error
	// statRows is the row count table's statistics hold, if any;
	// countRows counts its rows.
	statRows(ctx context.Context, table string) (rows int64, ok bool, err error)
	countRows(ctx context.Context, table string) (int64, error)
	// rebuilt runs after a dropped index is rebuilt.
	rebuilt(ctx context.Context, ix savedIndex) error
	close() error
}

// rowWriter batches the rows of one insertSpec. add and flush return the
// write of a full (or the last) batch as a job for the writer goroutine,
// or nil when there is nothing to write yet; finish runs once every job
// has, completes the writes when ok (nothing failed) and releases what
// the writer holds.
type rowWriter interface {
	add(vals []driver.Value) func(ctx context.Context) error
	flush() func(ctx context.Context) error
	finish(ctx context.Context, ok bool) error
	// counts says what a counted spec's writes did; zero otherwise.
	counts() writeCounts
}

// insertSpec is a bulk insert: rows of cols into table, and what to do
// with a row whose conflict key is already there.
type insertSpec struct {
	table    string
	cols     string // comma-separated column names
	conflict string // the conflict target's columns, comma-separated; "" for any constraint
	action   string // "DO NOTHING" or "DO UPDATE SET …"; "" for a plain insert
	// counted specs (keyedSpec.counted) count what they write: a row
	// whose key is there is updated only where one of update differs.
	counted bool
	update  []string
}

func (s insertSpec) columns() []string {
	out := strings.Split(s.cols, ",")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

// onConflict is the spec's ON CONFLICT clause, or "".
func (s insertSpec) onConflict() string {
	switch {
	case s.action == "":
		return ""
	case s.conflict == "":
		return "ON CONFLICT " + s.action
	}
	return "ON CONFLICT (" + s.conflict + ") " + s.action
}

// openBulk opens a bulk connection on st's database. The writer goroutine
// runs its jobs with ctx.
func openBulk(ctx context.Context, st *store.Store) (*bulkConn, error) {
	var (
		eng bulkEngine
		err error
	)
	switch st.Engine() {
	case "postgres":
		eng, err = openPostgresBulk(ctx, st)
	case "sqlite":
		eng, err = openSQLiteBulk(ctx, st)
	default:
		err = errors.New("bulk imports support SQLite and PostgreSQL")
	}
	if err != nil {
		return nil, err
	}
	b := &bulkConn{eng: eng, jobs: make(chan job, 256), quit: make(chan struct{})}
	go b.work(ctx)
	return b, nil
}

func (b *bulkConn) Close() error {
	_ = b.wait()
	close(b.jobs)
	<-b.quit
	return b.eng.close()
}

// execAll runs stmts in order, as given with the error of producing them.
func (b *bulkConn) execAll(ctx context.Context, stmts []string) error {
	for _, s := range stmts {
		if err := b.execCtx(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// begin opens the import's transaction.
func (b *bulkConn) begin(ctx context.Context) error {
	if err := b.wait(); err != nil {
		return err
	}
	return b.eng.begin(ctx)
}

// commit and rollback end the import's transaction.
func (b *bulkConn) commit(ctx context.Context) error   { return b.execCtx(ctx, "COMMIT") }
func (b *bulkConn) rollback(ctx context.Context) error { return b.execCtx(ctx, "ROLLBACK") }

// ExecArgs, ExecCount, QueueArgs and QueryArgs let the store's bulk-load statements run on this
// connection (store.BulkConn), in order with the rows queued before.
func (b *bulkConn) ExecArgs(ctx context.Context, query string, args ...driver.Value) error {
	if b.watch == nil {
		return b.execCtx(ctx, query, args...)
	}
	n, err := b.execNCtx(ctx, query, args...)
	return firstErr(err, b.wrote(n))
}

func (b *bulkConn) ExecCount(ctx context.Context, query string, args ...driver.Value) (int64, error) {
	n, err := b.execNCtx(ctx, query, args...)
	if err == nil {
		err = b.wrote(n)
	}
	return n, err
}

func (b *bulkConn) QueueArgs(query string, args ...driver.Value) error {
	return b.queue(query, args...)
}

func (b *bulkConn) QueryArgs(ctx context.Context, query string, fn func(vals []driver.Value) error, args ...driver.Value) error {
	return b.queryCtx(ctx, query, fn, args...)
}

// statsBefore reads, before a load, the row count each of tables'
// statistics hold, for analyze to compare with; a table without any is
// left out.
func (b *bulkConn) statsBefore(ctx context.Context, tables []string) (map[string]int64, error) {
	if err := b.wait(); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, t := range tables {
		n, ok, err := b.eng.statRows(ctx, t)
		if err != nil {
			return nil, err
		}
		if ok {
			out[t] = n
		}
	}
	return out, nil
}

// analyze refreshes the planner's statistics after a load: of every
// table when tables is nil; else of those among tables whose row count
// moved by more than a tenth from the one their statistics held before
// the load (before, from statsBefore), or that had none. A table whose
// statistics counted ten times the rows the load wrote (wrote > 0; 0 when
// not counted) cannot have moved that far and is not even counted. It
// returns the tables analyzed (nil: all).
func (b *bulkConn) analyze(ctx context.Context, tables []string, before map[string]int64, wrote int64) ([]string, error) {
	if err := b.wait(); err != nil {
		return nil, err
	}
	if tables == nil {
		return nil, b.eng.analyze(ctx, nil)
	}
	stale := []string{}
	for _, t := range tables {
		then, ok := before[t]
		if ok && wrote > 0 && then >= 10*wrote {
			continue
		}
		if ok {
			now, err := b.eng.countRows(ctx, t)
			if err != nil {
				return nil, err
			}
			if abs(now-then)*10 <= then {
				continue // the statistics still describe the table
			}
		}
		stale = append(stale, t)
	}
	if len(stale) == 0 {
		return stale, nil
	}
	return stale, b.eng.analyze(ctx, stale)
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// job is a queued write, or a barrier (done) that wait closes behind the
// writes queued before it.
type job struct {
	fn   func(ctx context.Context) error
	done chan struct{}
}

// work executes queued jobs in order until the queue is closed. After a
// failure it drops the writes but still closes barriers, so that wait
// returns the failure instead of blocking for ever.
func (b *bulkConn) work(ctx context.Context) {
	defer close(b.quit)
	for j := range b.jobs {
		if j.done != nil {
			close(j.done)
			continue
		}
		if b.failed() != nil {
			continue
		}
		if err := j.fn(ctx); err != nil {
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
func (b *bulkConn) async(fn func(ctx context.Context) error) error {
	if err := b.failed(); err != nil {
		return err
	}
	if fn != nil {
		b.jobs <- job{fn: fn}
	}
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

// exec and queryRows are the loaders' statements. Loaders check for
// cancellation between rows; a statement once started runs to its end.
func (b *bulkConn) exec(query string, args ...driver.Value) error {
	if b.watch == nil {
		return b.execCtx(context.Background(), query, args...)
	}
	n, err := b.execNCtx(context.Background(), query, args...)
	return firstErr(err, b.wrote(n))
}

func (b *bulkConn) execCtx(ctx context.Context, query string, args ...driver.Value) error {
	if err := b.wait(); err != nil {
		return err
	}
	if err := b.eng.exec(ctx, query, args); err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return nil
}

// execN runs a statement and returns how many rows it wrote (inserted,
// updated or deleted): a loader that writes a row only where it differs
// learns from it whether the row changed anything.
func (b *bulkConn) execN(query string, args ...driver.Value) (int64, error) {
	n, err := b.execNCtx(context.Background(), query, args...)
	if err == nil {
		err = b.wrote(n)
	}
	return n, err
}

func (b *bulkConn) execNCtx(ctx context.Context, query string, args ...driver.Value) (int64, error) {
	if err := b.wait(); err != nil {
		return 0, err
	}
	n, err := b.eng.execN(ctx, query, args)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return n, nil
}

// queue queues a statement for the writer goroutine, in order with the
// rows queued before and after it.
func (b *bulkConn) queue(query string, args ...driver.Value) error {
	if err := b.wrote(1); err != nil {
		return err
	}
	return b.async(func(ctx context.Context) error { return b.eng.exec(ctx, query, args) })
}

// queryRows runs query and calls fn for each row with its values, which
// are only valid during the call.
func (b *bulkConn) queryRows(query string, fn func(vals []driver.Value) error, args ...driver.Value) error {
	return b.queryCtx(context.Background(), query, fn, args...)
}

func (b *bulkConn) queryCtx(ctx context.Context, query string, fn func(vals []driver.Value) error, args ...driver.Value) error {
	if err := b.wait(); err != nil {
		return err
	}
	if err := b.eng.query(ctx, query, args, fn); err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return nil
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

// ExecSQL and QueryPairs let the store's search upkeep run on this
// connection (store.SQLConn).
func (b *bulkConn) ExecSQL(ctx context.Context, query string) error { return b.execCtx(ctx, query) }

func (b *bulkConn) QueryPairs(ctx context.Context, query string, fn func(a, c string) error) error {
	return b.queryCtx(ctx, query, func(v []driver.Value) error { return fn(asString(v[0]), asString(v[1])) })
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// inserter batches rows for spec. A nil inserter (a dry run) accepts rows
// and writes nothing.
type inserter struct {
	b *bulkConn
	w rowWriter
}

func (b *bulkConn) inserter(spec insertSpec) (*inserter, error) {
	if b == nil {
		return nil, nil
	}
	if err := b.wait(); err != nil {
		return nil, err
	}
	w, err := b.eng.rows(context.Background(), spec)
	if err != nil {
		return nil, fmt.Errorf("bulk insert into %s: %w", spec.table, err)
	}
	return &inserter{b: b, w: w}, nil
}

// add buffers one row, queueing a full batch when there is one.
func (in *inserter) add(vals ...driver.Value) error {
	if in == nil {
		return nil
	}
	if err := in.b.wrote(1); err != nil {
		return err
	}
	return in.b.async(in.w.add(vals))
}

// flush queues the rows buffered.
func (in *inserter) flush() error {
	if in == nil {
		return nil
	}
	return in.b.async(in.w.flush())
}

// close flushes, waits for the queued rows to be written, and releases
// the writer.
func (in *inserter) close() error {
	if in == nil {
		return nil
	}
	err := in.flush()
	if werr := in.b.wait(); err == nil {
		err = werr
	}
	if ferr := in.w.finish(context.Background(), err == nil); err == nil {
		err = ferr
	}
	return err
}
