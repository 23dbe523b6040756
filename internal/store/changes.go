package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// ErrNoChangeWatch is returned by WatchChanges when the database cannot
// report changes cheaply (a PostgreSQL standby); callers then must not
// cache.
var ErrNoChangeWatch = errors.New("this engine cannot watch for changes")

// ChangeWatcher tells whether anything was committed to the database, by
// this process or any other, since it last looked. It holds one read
// connection of its own, which keeps SQLite's WAL and its shared-memory
// index open. Where it can map that index (the "-shm" file) it reads the
// header every commit rewrites; elsewhere it asks PRAGMA data_version,
// which changes whenever another connection commits. On PostgreSQL it
// follows the change feed (changes_feed.go): the generation moves when a
// page stamp was announced, and Unchanged tells from what was announced
// whether a cached page's stamps still hold, with no query per page. It
// is safe for concurrent use.
type ChangeWatcher struct {
	shm     *shmHeader // nil: ask PRAGMA data_version
	shmMu   sync.Mutex // guards shmLast and gen on the shm path
	shmLast [4]uint32

	feed *changeFeed   // PostgreSQL (conn is nil)
	stop chan struct{} // PostgreSQL: closed by Close, ends the idle syncs

	mu      sync.Mutex // guards conn, feed's syncs, last and gen: one query at a time
	conn    *sql.Conn
	version string // the query that reads the change counter
	last    int64
	gen     uint64
	batch   sync.Mutex // guards waiting and running
	waiting []chan genResult
	running bool
}

type genResult struct {
	gen uint64
	err error
}

// pgWALPosition is PostgreSQL's WAL insert position in bytes. It fails on
// a standby, whose pages no write of ours can mark stale: WatchChanges
// asks it once to refuse watching there.
const pgWALPosition = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"

// WatchChanges returns a ChangeWatcher on the store, or ErrNoChangeWatch
// when the database has no cheap change counter.
func (s *Store) WatchChanges(ctx context.Context) (*ChangeWatcher, error) {
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch changes: %w", err)
	}
	w := &ChangeWatcher{conn: conn, version: "PRAGMA data_version"}
	if s.pg != nil {
		err := conn.QueryRowContext(ctx, pgWALPosition).Scan(&w.last)
		if err != nil {
			conn.Close()
			return nil, ErrNoChangeWatch
		}
		// Without the feed's triggers nothing would ever be announced and
		// cached pages would never go stale: refuse rather than serve them.
		var triggers int
		err = conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_trigger
			WHERE tgname = 'cache_feed' AND tgrelid IN ('film_member_stats'::regclass, 'cache_generations'::regclass)`).Scan(&triggers)
		conn.Close() // the feed has a connection of its own
		if err != nil || triggers != 2 {
			return nil, fmt.Errorf("watch changes: the change feed's triggers (migration 0027) are missing: %d of 2, %v", triggers, err)
		}
		w.conn, w.feed, w.stop = nil, s.newChangeFeed(), make(chan struct{})
		if _, err := w.Generation(ctx); err != nil {
			return nil, err
		}
		go w.idleSyncs()
		return w, nil
	}
	if err := conn.QueryRowContext(ctx, w.version).Scan(&w.last); err != nil {
		conn.Close()
		return nil, fmt.Errorf("watch changes: %w", err)
	}
	// The query above opened the WAL, so the -shm file exists now.
	if w.shm = openShm(strings.TrimPrefix(s.dsn, "sqlite:")); w.shm != nil {
		w.shmLast, _ = w.shm.state()
	}
	return w, nil
}

// Generation returns a number that stays the same while nothing is
// committed to the database and grows when anything is. Reading it before
// reading data makes anything derived from that data safe to reuse for as
// long as the generation stays the same.
//
// Concurrent callers share queries: each caller waits for the next query
// that starts after it called, so the answer reflects every commit that
// finished before the call, while one query answers many callers.
func (w *ChangeWatcher) Generation(ctx context.Context) (uint64, error) {
	if w.shm != nil {
		key, stable := w.shm.state()
		w.shmMu.Lock()
		defer w.shmMu.Unlock()
		if key != w.shmLast || !stable {
			// Mid-update copies get a fresh generation each time, so
			// nothing read under one is ever reused.
			w.shmLast = key
			w.gen++
		}
		return w.gen, nil
	}
	ch := make(chan genResult, 1)
	w.batch.Lock()
	w.waiting = append(w.waiting, ch)
	lead := !w.running
	w.running = true
	w.batch.Unlock()
	if lead {
		go w.serve() // runs while callers keep coming, then ends
	}
	select {
	case r := <-ch:
		return r.gen, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// serve answers waiting callers batch by batch until none is left. A batch
// is taken before its query starts, so every caller in it called before
// the query began.
func (w *ChangeWatcher) serve() {
	for {
		w.batch.Lock()
		batch := w.waiting
		w.waiting = nil
		if len(batch) == 0 {
			w.running = false
			w.batch.Unlock()
			return
		}
		w.batch.Unlock()
		gen, err := w.query()
		for _, ch := range batch {
			ch <- genResult{gen, err}
		}
	}
}

func (w *ChangeWatcher) query() (uint64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.feed != nil {
		moved, err := w.feed.sync(ctx, w.gen+1)
		if moved {
			w.gen++
		}
		return w.gen, err
	}
	var v int64
	if err := w.conn.QueryRowContext(ctx, w.version).Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	if v != w.last {
		w.last = v
		w.gen++
	}
	return w.gen, nil
}

// Unchanged reports whether a page's stamps, verified current at
// generation since (the catalog's, and the member stamp film of film
// filmID, 0 for a page of no film), are still current as of the last
// Generation, by what the change feed announced. It never answers true on
// SQLite, which has no feed: there a moved generation means a stamp query.
func (w *ChangeWatcher) Unchanged(since uint64, catalog, filmID, film int64) bool {
	return w.feed != nil && w.feed.unchanged(since, catalog, filmID, film)
}

// idleSyncs keeps the feed's connection read while no page is asked for,
// so the server's notification queue never waits on this listener.
func (w *ChangeWatcher) idleSyncs() {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			_, _ = w.Generation(context.Background()) // a failure reconnects at the next call
		}
	}
}

// Close releases the watcher's mapping and connection.
func (w *ChangeWatcher) Close() error {
	if w.shm != nil {
		w.shm.close()
	}
	if w.feed != nil {
		close(w.stop)
		w.mu.Lock()
		defer w.mu.Unlock()
		return w.feed.close()
	}
	if w.conn == nil {
		return nil
	}
	return w.conn.Close()
}

// usesSharedMemory reports whether the watcher reads the wal-index
// directly, for tests.
func (w *ChangeWatcher) usesSharedMemory() bool { return w.shm != nil }
