package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// SQLite has one writer. When many members write at once, each write
// taking the writer connection, beginning, committing and handing the
// connection to the next waiting goroutine costs a commit and a scheduler
// hand-off per write; under load the hand-offs, not the SQL, were the
// write latency (docs/benchmarks.md, "Members under load"). The group
// committer instead runs the members' short writes on one goroutine: it
// takes the writes queued while it works into one transaction, each inside
// its own SAVEPOINT, and commits once. A write that fails is rolled back to
// its savepoint alone and answered with its own error; the others commit.
// Each waiting request is answered after the commit, so a request told
// "done" is durable and one told "failed" changed nothing.
//
// PostgreSQL keeps one transaction per write: its writers run concurrently.

const (
	// groupMax bounds the writes one transaction takes.
	groupMax = 128
	// groupBudget bounds the time one transaction takes more writes for,
	// counted from the end of its first; a write queued after it waits for
	// the next transaction.
	groupBudget = 10 * time.Millisecond
	// groupQueue is how many writes may wait before senders block.
	groupQueue = 1024
)

// errStoreClosed answers writes sent after Close.
var errStoreClosed = errors.New("store: closed")

// Job states: queued, taken by the writer (it will be answered), withdrawn
// by its caller before the writer took it (it will not run).
const (
	jobQueued int32 = iota
	jobTaken
	jobWithdrawn
)

type groupJob struct {
	ctx   context.Context
	fn    func(ctx context.Context, tx *sql.Tx) error
	audit *PendingAudit
	state atomic.Int32
	done  chan groupResult // buffered: the writer never blocks on it
	at    time.Time        // when it was queued
	g     *groupCommitter
}

type groupResult struct {
	err      error
	panicked any // a panic of fn, raised again in the caller
}

type groupCommitter struct {
	db    *sql.DB
	queue chan *groupJob
	mu    sync.RWMutex // held for reading while sending, for writing to close
	shut  bool
	wg    sync.WaitGroup
	// budget is groupBudget; tests that hold the writer set it longer.
	budget time.Duration
	// Batches and Writes count transactions committed and the writes they
	// carried, for tests and the benchmark's report.
	batches, writes atomic.Int64
	waited          atomic.Int64 // nanoseconds
}

func newGroupCommitter(db *sql.DB) *groupCommitter {
	g := &groupCommitter{db: db, queue: make(chan *groupJob, groupQueue), budget: groupBudget}
	g.wg.Add(1)
	go g.run()
	return g
}

// do queues fn and waits for the transaction that carries it. A caller
// whose ctx ends before the writer takes its write withdraws it; once
// taken, the write runs under ctx's values without its cancellation (a
// statement interrupted inside the shared transaction could undo the
// others' writes) and the caller waits for the commit, so what it reports
// is what happened.
func (g *groupCommitter) do(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	j := &groupJob{ctx: ctx, fn: fn, audit: pendingAudit(ctx), done: make(chan groupResult, 1), at: time.Now(), g: g}
	g.mu.RLock()
	if g.shut {
		g.mu.RUnlock()
		return errStoreClosed
	}
	select {
	case g.queue <- j:
	case <-ctx.Done():
		g.mu.RUnlock()
		return ctx.Err()
	}
	g.mu.RUnlock()
	var res groupResult
	select {
	case res = <-j.done:
	case <-ctx.Done():
		if j.state.CompareAndSwap(jobQueued, jobWithdrawn) {
			return ctx.Err()
		}
		res = <-j.done
	}
	if res.panicked != nil {
		panic(res.panicked)
	}
	return res.err
}

// close stops taking writes, lets the writer finish every queued one and
// waits for it.
func (g *groupCommitter) close() {
	g.mu.Lock()
	if !g.shut {
		g.shut = true
		close(g.queue)
	}
	g.mu.Unlock()
	g.wg.Wait()
}

func (g *groupCommitter) run() {
	defer g.wg.Done()
	for j := range g.queue {
		g.batch(j)
	}
}

// batch runs first and whatever else is queued (up to groupMax writes and
// the budget of time) in one transaction, then answers them all.
func (g *groupCommitter) batch(first *groupJob) {
	if !first.take() {
		return
	}
	tx, err := g.db.BeginTx(context.Background(), nil)
	if err != nil {
		first.answer(groupResult{err: fmt.Errorf("begin transaction: %w", err)})
		return
	}
	var (
		done  []*groupJob // ran without error, to be answered by the commit
		fails = map[*groupJob]groupResult{}
		start time.Time
		next  = first
	)
	for next != nil {
		res, broken := g.runOne(tx, next)
		switch {
		case broken != nil:
			// The transaction is gone (SQLite rolls it back on some
			// errors): nothing of this batch is written.
			_ = tx.Rollback()
			for _, j := range done {
				j.answer(groupResult{err: fmt.Errorf("write transaction failed: %w", broken)})
			}
			next.answer(res)
			for j, r := range fails {
				j.answer(r)
			}
			return
		case res.err != nil || res.panicked != nil:
			fails[next] = res
		default:
			done = append(done, next)
		}
		if next == first {
			start = time.Now()
		}
		next = nil
		if len(done)+len(fails) < groupMax && time.Since(start) < g.budget {
			next = g.more()
		}
	}
	err = tx.Commit()
	if err != nil {
		err = fmt.Errorf("commit: %w", err)
	} else {
		g.batches.Add(1)
		g.writes.Add(int64(len(done)))
	}
	for _, j := range done {
		if err == nil && j.audit != nil {
			j.audit.written.Store(true)
		}
		j.answer(groupResult{err: err})
	}
	for j, r := range fails {
		j.answer(r)
	}
}

// more takes the next queued write without waiting, or returns nil.
func (g *groupCommitter) more() *groupJob {
	for {
		select {
		case j, ok := <-g.queue:
			if !ok {
				return nil
			}
			if j.take() {
				return j
			}
		default:
			return nil
		}
	}
}

// runOne runs j inside its own savepoint of tx. res is j's own outcome;
// broken is set when the transaction itself can no longer be used.
func (g *groupCommitter) runOne(tx *sql.Tx, j *groupJob) (res groupResult, broken error) {
	if err := j.ctx.Err(); err != nil {
		return groupResult{err: err}, nil
	}
	ctx := context.WithoutCancel(j.ctx)
	if _, err := tx.ExecContext(ctx, "SAVEPOINT member_write"); err != nil {
		return groupResult{err: fmt.Errorf("begin write: %w", err)}, err
	}
	res = j.call(ctx, tx)
	if res.err == nil && res.panicked == nil {
		if _, err := tx.ExecContext(ctx, "RELEASE member_write"); err != nil {
			return groupResult{err: fmt.Errorf("finish write: %w", err)}, err
		}
		return res, nil
	}
	if _, err := tx.ExecContext(ctx, "ROLLBACK TO member_write"); err != nil {
		return res, err
	}
	if _, err := tx.ExecContext(ctx, "RELEASE member_write"); err != nil {
		return res, err
	}
	return res, nil
}

// call runs j's write and its audit entry, catching a panic.
func (j *groupJob) call(ctx context.Context, tx *sql.Tx) (res groupResult) {
	defer func() {
		if p := recover(); p != nil {
			res = groupResult{panicked: p}
		}
	}()
	if err := j.fn(ctx, tx); err != nil {
		return groupResult{err: err}
	}
	if j.audit != nil {
		if err := insertAudit(ctx, tx, j.audit.build()); err != nil {
			return groupResult{err: err}
		}
	}
	return groupResult{}
}

// take claims a queued job for the writer; false when its caller withdrew it.
func (j *groupJob) take() bool { return j.state.CompareAndSwap(jobQueued, jobTaken) }

func (j *groupJob) answer(r groupResult) {
	j.g.waited.Add(int64(time.Since(j.at)))
	j.done <- r
}

// GroupCommitStats is what the group committer has done since the store
// opened.
type GroupCommitStats struct {
	Transactions int64         // committed
	Writes       int64         // members' writes they carried
	Waited       time.Duration // summed over every write answered: from queued to answered
}

// GroupCommits returns the group committer's statistics (zero on
// PostgreSQL, which does not group writes).
func (s *Store) GroupCommits() GroupCommitStats {
	if s.group == nil {
		return GroupCommitStats{}
	}
	return GroupCommitStats{Transactions: s.group.batches.Load(), Writes: s.group.writes.Load(),
		Waited: time.Duration(s.group.waited.Load())}
}
